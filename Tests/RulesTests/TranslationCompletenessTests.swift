import CaseModel
import Foundation
import TestSupport
import Testing

/// Every string Dossier prints exists in every language it declares, and is translated: a text whose Spanish (or
/// Vietnamese) equals its English, three words or longer, is an untranslated copy. Proper names that read the same
/// in both languages are listed in `sameInBothLanguages`.
@Suite struct TranslationCompletenessTests {
    /// Texts that are legitimately identical across languages (names of offices written in their own language).
    static let sameInBothLanguages: Set<String> = ["Secretaría de Relaciones Exteriores (SRE)"]
    /// Generated from CLDR (Scripts/make-countries-table): some country names are the same in every language.
    static let generatedTables: Set<String> = ["Rules/tables/countries.yaml"]

    @Test func templateCatalogsHaveEveryKeyTranslated() throws {
        let folders = ["Templates/strings"] + subfolders("Templates").map { "Templates/\($0)/strings" }
        var checked = 0
        for folder in folders where FileManager.default.fileExists(atPath: Repository.path(folder + "/en.yaml")) {
            let english = flatten(try parse(folder + "/en.yaml"))
            for file in files(folder).filter({ $0.hasSuffix(".yaml") && $0 != "en.yaml" }) {
                let other = flatten(try parse(folder + "/" + file))
                #expect(Set(other.keys) == Set(english.keys), "\(folder)/\(file): keys differ from en.yaml: missing \(Set(english.keys).subtracting(other.keys).sorted()), extra \(Set(other.keys).subtracting(english.keys).sorted())")
                for (key, text) in other where text == english[key] && untranslated(text) {
                    Issue.record("\(folder)/\(file): `\(key)` is the English text, untranslated: \(text)")
                }
                checked += 1
            }
        }
        #expect(checked > 0)
        #expect(FileManager.default.fileExists(atPath: Repository.path("Templates/strings/es.yaml")), "the shared Spanish catalog exists")
    }

    @Test func ruleTextsAreTranslatedInEveryDeclaredLanguage() throws {
        var texts = 0
        for folder in subfolders("Rules") where FileManager.default.fileExists(atPath: Repository.path("Rules/\(folder)/procedure.yaml")) {
            let languages = (try parse("Rules/\(folder)/procedure.yaml"))["languages"].flatMap(strings) ?? []
            for file in files("Rules/" + folder).filter({ $0.hasSuffix(".yaml") }) {
                texts += check("Rules/\(folder)/\(file)", languages: languages)
            }
        }
        for file in files("Rules/tables").filter({ $0.hasSuffix(".yaml") }) where !Self.generatedTables.contains("Rules/tables/" + file) {
            let table = try parse("Rules/tables/" + file)
            texts += check("Rules/tables/" + file, languages: table["languages"].flatMap(strings) ?? [])
        }
        #expect(texts > 0)
    }

    /// Checks every `{en: …, …}` text of a file: each declared language present, none an untranslated copy.
    private func check(_ file: String, languages: [String]) -> Int {
        guard let root = try? parse(file) else { Issue.record("\(file) does not parse"); return 0 }
        var count = 0
        visit(root) { entries in
            guard let english = entries.first(where: { $0.key == "en" })?.value.scalarText else { return }
            count += 1
            for lang in languages where lang != "en" {
                guard let text = entries.first(where: { $0.key == lang })?.value.scalarText else {
                    Issue.record("\(file): a text has no `\(lang)`: \(english)"); continue
                }
                if text == english && untranslated(text) { Issue.record("\(file): `\(lang)` is the English text, untranslated: \(text)") }
            }
        }
        return count
    }

    private func untranslated(_ text: String) -> Bool {
        // Three words or more, counting only words: `{label} — {n}` is punctuation around placeholders.
        let words = text.split(separator: " ").filter { w in !w.hasPrefix("{") && w.contains(where: \.isLetter) }
        return words.count >= 3 && !Self.sameInBothLanguages.contains(text)
    }

    private func visit(_ value: SourceValue, _ body: ([SourceEntry]) -> Void) {
        switch value {
        case .map(let entries, _):
            body(entries)
            for entry in entries { visit(entry.value, body) }
        case .list(let items, _):
            for item in items { visit(item, body) }
        default: break
        }
    }

    private func flatten(_ value: SourceValue, prefix: String = "") -> [String: String] {
        guard case .map(let entries, _) = value else { return [prefix: value.scalarText ?? ""] }
        var out: [String: String] = [:]
        for entry in entries { out.merge(flatten(entry.value, prefix: prefix.isEmpty ? entry.key : prefix + "." + entry.key)) { a, _ in a } }
        return out
    }

    private func strings(_ value: SourceValue) -> [String]? {
        guard case .list(let items, _) = value else { return nil }
        return items.compactMap(\.scalarText)
    }

    private func parse(_ relative: String) throws -> SourceValue {
        try SourceParser.parse(Repository.text(relative), file: relative).get()
    }

    private func files(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repository.path(relative))) ?? []).sorted()
    }

    private func subfolders(_ relative: String) -> [String] {
        files(relative).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: Repository.path(relative + "/" + name), isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
