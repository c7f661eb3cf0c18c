import Compose
import DossierCore
import Testing

@Suite struct StringCatalogTests {
    func load(_ files: [(String, String, String)]) -> Result<StringCatalog, DiagnosticError> {
        do {
            return .success(try StringCatalog(sources: files.map { .init(language: $0.0, file: $0.1, bytes: Array($0.2.utf8)) }))
        } catch {
            return .failure(error)
        }
    }

    func problems(_ files: [(String, String, String)]) -> [Diagnostic] {
        if case .failure(let e) = load(files) { return e.diagnostics }
        return []
    }

    @Test func nestedAndFlatKeysBecomeDottedKeys() throws {
        let catalog = try load([("en", "en.yaml", "a:\n  b: One\n  c:\n    d: Two\ne.f: Three\n")]).get()
        #expect(catalog.keys == ["a.b", "a.c.d", "e.f"])
        #expect(catalog.string("a.c.d", language: "en") == "Two")
        #expect(catalog.string("e.f", language: "en") == "Three")
        #expect(catalog.string("a.b", language: "vi") == nil)
        #expect(catalog.file(for: "en") == "en.yaml")
    }

    @Test func placeholdersSurviveAndBracesRoundTrip() throws {
        let catalog = try load([("en", "en.yaml", "k: \"From {doc.date} {{literal}}\"\n")]).get()
        #expect(catalog.string("k", language: "en") == "From {doc.date} {{literal}}")
    }

    @Test func aKeyMissingInAnotherLanguageIsAnErrorAtItsLine() {
        let d = problems([
            ("en", "strings/en.yaml", "a: One\nb:\n  c: Two\n"),
            ("vi", "strings/vi.yaml", "a: Một\nd: Bốn\n"),
        ])
        #expect(d.map(\.code) == ["TPL011", "TPL011"])
        #expect(d.map { $0.location?.description ?? "" } == ["strings/en.yaml:3:3", "strings/vi.yaml:2:1"])
        #expect(d[0].message == "`b.c` is in strings/en.yaml but missing from strings/vi.yaml (language `vi`)")
    }

    @Test func badYAMLAndBadValuesAreTPL015() {
        #expect(problems([("en", "en.yaml", "a: [unclosed\n")]).map(\.code) == ["TPL015"])
        let d = problems([("en", "en.yaml", "a:\n  - x\nb:\nc: \"{unclosed\"\n")])
        #expect(d.map(\.code) == ["TPL015", "TPL015", "TPL015"])
        #expect(d.map { $0.location?.line ?? 0 } == [2, 3, 4])
        #expect(problems([("en", "en.yaml", "- a\n")]).map(\.code) == ["TPL015"])
        #expect(problems([("en", "a.yaml", "a: x\n"), ("en", "b.yaml", "a: y\n")]).map(\.code) == ["TPL015"])
    }

    @Test func emptyFilesAndTextAreNormalized() throws {
        let catalog = try load([("en", "en.yaml", ""), ("vi", "vi.yaml", "")]).get()
        #expect(catalog.keys.isEmpty)
        let vi = try load([("vi", "vi.yaml", "k: \"Vie\u{0323}\u{0302}t\"\n")]).get()
        #expect(vi.string("k", language: "vi").map { Array($0.unicodeScalars) } == Array("Việt".unicodeScalars))
    }
    /// A consultancy's catalog (`--templates`) is input too: an alias bomb is refused, not walked.
    @Test func anchorsAndAliasesInACatalogAreRefused() {
        var lines = ["a: &a {x: lol, y: lol, z: lol, w: lol}"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) {p: *\(previous), q: *\(previous), r: *\(previous), s: *\(previous)}")
        }
        let d = problems([("en", "en.yaml", lines.joined(separator: "\n") + "\n")])
        #expect(d.first?.headline == "en.yaml:1:4: error[TPL015]: YAML anchor `&a` is not supported in string catalogs")
        #expect(d.allSatisfy { $0.code == "TPL015" })
    }
}

@Suite struct StringCatalogWarningTests {
    @Test func translationsWithDifferentPlaceholdersWarn() throws {
        let catalog = try StringCatalog(sources: [
            .init(language: "en", file: "en.yaml", bytes: Array("a: \"From {doc.date} to {doc.end}\"\nb: x\n".utf8)),
            .init(language: "vi", file: "vi.yaml", bytes: Array("a: \"Từ {doc.date}\"\nb: y\n".utf8)),
        ])
        #expect(catalog.warnings.map(\.code) == ["TPL016"])
        #expect(catalog.warnings.first?.severity == .warning)
        #expect(catalog.warnings.first?.location?.description == "vi.yaml:1:1")
        #expect(catalog.warnings.first?.message == "`a` has placeholders {doc.date} but en.yaml has {doc.date}, {doc.end}")
        #expect(Fixtures.strings.warnings.isEmpty)
    }
}
