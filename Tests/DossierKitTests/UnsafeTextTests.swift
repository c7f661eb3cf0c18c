import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// Control, bidirectional and invisible characters in a case are stripped at load with a located `CASE019` warning:
/// none reaches the HTML, the PDF or a message; an identifier with one is an error (issue 15, point 11).
@Suite struct UnsafeTextTests {
    static let dossier: Dossier? = try? Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
    static let sample = "Samples/divorced-texas-power-of-attorney.yaml"

    static func edited(_ edits: [(String, String)]) throws -> String {
        var text = try String(contentsOfFile: Repository.path(sample), encoding: .utf8)
        for (from, to) in edits {
            #expect(text.contains(from), "\(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }

    static func render(_ text: String) throws -> RenderedCase {
        let dossier = try #require(Self.dossier)
        return dossier.render(CaseInput(name: sample, text: text, folder: Repository.path("Samples")),
                              formats: OutputFormats(html: true, pdf: false), date: nil)
    }

    static let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{0B}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{2028}"]

    @Test func controlAndInvisibleCharactersAreStrippedWithALocatedWarning() throws {
        // YAML escapes put them in: `\e` ESC, `\a` BEL, `\v` VT, `\x9b` CSI, and U+202E, U+200B written out.
        let text = try Self.edited([
            ("given: Michael,", "given: \"Mi\\e[31mchael\\a\","),
            ("family: Turner }", "family: \"Tur\\vner\\u202E\\x9b\" }"),
            ("number: \"567123498\"", "number: \"5671\\u200B23498\""),
            ("authority: \"353rd District Court", "authority: \"353rd\\u2028District\\u2066 Court"),
        ])
        let result = try Self.render(text)
        #expect(result.status == .ok, "\(result.diagnostics.map(\.headline))")
        let warnings = result.diagnostics.filter { $0.code == "CASE019" }
        #expect(warnings.map { "\($0.location!.line):\($0.location!.column)" }
                == ["\"Mi", "\"Tur", "\"5671", "\"353rd"].map { TextPlaces.place(of: $0, in: text) })
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message.hasSuffix("name.given`: removed 2 invisible or control characters: U+001B (control character), U+0007 (control character)") == true)
        for file in result.files where file.name.hasSuffix(".html") || file.name == "manifest.json" {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { Self.unsafe.contains($0) }, "\(file.name)")
        }
        // What is left is the visible text: `[31m` stays as the letters it is, the passport number is whole.
        let html = result.files.filter { $0.name.hasSuffix(".html") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(html.contains("Mi[31mchael"))
        #expect(html.contains(">567123498<"))
    }

    @Test func aCaseIDWithAnInvisibleCharacterIsAnError() throws {
        let text = try Self.edited([("id: \"2026-0142\"", "id: \"2026\\u200B-0142\"")])
        let result = try Self.render(text)
        #expect(result.status == .error)
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "CASE012")
        #expect(error.location.map { "\($0.line):\($0.column)" } == TextPlaces.place(of: "\"2026", in: text))
        #expect(error.message.contains("\\u{200B}"))
    }

    @Test func anErrorMessageQuotingAnEscapeSequenceSpellsItOut() throws {
        let result = try Self.render(try Self.edited([("sex: male\n", "sex: \"ma\\ele\"\n")]))
        let error = try #require(result.diagnostics.first { $0.code == "CASE014" })
        #expect(error.message.contains("sex` cannot be `ma\\u{1B}le`"))
        #expect(!error.message.unicodeScalars.contains("\u{1B}"))
    }

    /// Issue 15: a U+2028 in a CSV cell counted as a line break in libyaml and moved the row's errors onto the next
    /// client's row. The error stays on its own row and cell; the separator becomes a space with a warning.
    @Test func aLineSeparatorInACSVCellKeepsTheRowsErrorsOnItsRow() throws {
        let row = "2,csv-001,en|vi,vn-single-status,Anna,Lee,female,1990-01-02,\"Portland\u{2028}Oregon\",US,US,citizen,OR,X1234567,never-maried,Văn Nam,Trần,male,1988-05-06,Huế,VN,spouse,2027-03-01,in-person,mail,true"
        let world = try BatchInputTests.world(["in/clients.csv": [BatchInputTests.header, row, row.replacingOccurrences(of: "csv-001", with: "csv-002")].joined(separator: "\n") + "\n"])
        let dossier = try Dossier(world: world, resources: "", pdf: false)
        let (cases, _) = InputCollector(world: world, schema: dossier.book.schema).collect(["in/clients.csv"])
        let results = cases.map { dossier.render($0, formats: OutputFormats(html: true, pdf: false), date: nil) }
        let column = row.unicodeScalars.distance(from: row.unicodeScalars.startIndex, to: row.range(of: "never-maried")!.lowerBound.samePosition(in: row.unicodeScalars)!) + 1
        #expect(results.map { $0.diagnostics.first { $0.code == "CASE014" }?.location } == [
            SourceLocation(file: "in/clients.csv", line: 2, column: column),
            SourceLocation(file: "in/clients.csv", line: 3, column: column),
        ])
    }
}
