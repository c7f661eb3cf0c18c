import TestSupport
import Foundation
import Testing

/// A procedure is a folder of data: `library-card` lives only in this test target (`Procedures/`), and the CLI built
/// from these sources loads, checks, explains and renders it, then renders it in a language added by editing data.
@Suite struct ProcedureAsDataTests {
    static let folder = "Tests/DossierKitTests/Procedures"
    static let caseFile = folder + "/Cases/young-reader.yaml"

    static func options(_ root: String = Repository.path(folder)) -> [String] {
        ["--rules", root + "/Rules", "--templates", root + "/Templates"]
    }

    @Test func aProcedureThatExistsOnlyAsTestDataIsListedChecksAndExplains() throws {
        let procedures = try Repository.dossier(["procedures"] + Self.options())
        #expect(procedures.status == 0, "\(procedures.stderr)")
        #expect(procedures.stdout.hasPrefix("library-card  [en]\n  en: Riverton Public Library card\n"))
        #expect(!procedures.stdout.contains("vn-single-status"), "only the given rule book's procedures")

        let check = try Repository.dossier(["check", Self.caseFile] + Self.options())
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("library-card: eligible (rules as of 2027-01-05)"))
        #expect(check.stdout.contains("Guardian's consent"), "a 12-year-old needs her guardian's consent")
        #expect(check.stdout.contains("$7.50 Replacement card"), "the 2027 fee edition on 2027-01-05")

        let explain = try Repository.dossier(["explain", Self.caseFile, "--document", "guardian-consent"] + Self.options())
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("derived.minor"))
        #expect(explain.stdout.contains("riverton-library-card-rules.txt"))
    }

    @Test func aProcedureThatExistsOnlyAsTestDataRendersHTMLPDFAndAManifest() throws {
        let out = Repository.temporaryFolder("library-card")
        let run = try Repository.dossier(["render", Self.caseFile, "--out", out, "--format", "html,pdf"] + Self.options())
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/lib-0001").filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["calendar.ics", "library-card-request.html", "library-card-request.pdf", "manifest.json", "packet.pdf"])
        let text = try Repository.run("/usr/bin/pdftotext", [out + "/lib-0001/library-card-request.pdf", "-"]).stdout
        for expected in ["Library card request", "To: East Branch", "7 Mill Road, Riverton, OR 97001", "Guardian: Chidi Okonkwo",
                         "Fees: $7.50", "Report the lost card first"] {
            #expect(text.contains(expected), "PDF says \(expected)")
        }
        let validation = try Repository.validateManifests(in: out)
        #expect(validation.status == 0, "\(validation.stdout)")
        #expect(validation.stdout.contains("checked 1"))
    }

    /// Spanish is added by data alone: the procedure's `languages`, a text in every record, the catalogs.
    @Test func addingALanguageTakesOnlyData() throws {
        let copy = Repository.temporaryFolder("library-card-es") + "/Procedures"
        try FileManager.default.copyItem(atPath: Repository.path(Self.folder), toPath: copy)
        let caseText = try String(contentsOfFile: copy + "/Cases/young-reader.yaml", encoding: .utf8)
            .replacingOccurrences(of: "languages: [en]", with: "languages: [es, en]")
        try caseText.write(toFile: copy + "/Cases/young-reader.yaml", atomically: true, encoding: .utf8)

        let before = try Repository.dossier(["check", copy + "/Cases/young-reader.yaml"] + Self.options(copy))
        #expect(before.status == 1, "a language no procedure is written in is an input error")
        #expect(before.stderr.contains("error[CASE014]") && before.stderr.contains("not `es`"))

        for file in FileManager.default.enumerator(atPath: copy + "/Rules")?.allObjects as? [String] ?? [] where file.hasSuffix(".yaml") {
            try Self.edit(copy + "/Rules/" + file) { Self.addSpanish(toRuleTexts: $0) }
        }
        for catalog in ["Templates/strings", "Templates/library-card/strings"] {
            let english = try String(contentsOfFile: "\(copy)/\(catalog)/en.yaml", encoding: .utf8)
            try Self.pseudoSpanish(catalog: english).write(toFile: "\(copy)/\(catalog)/es.yaml", atomically: true, encoding: .utf8)
        }

        let out = Repository.temporaryFolder("library-card-es-out")
        let run = try Repository.dossier(["render", copy + "/Cases/young-reader.yaml", "--out", out, "--format", "html,pdf"] + Self.options(copy))
        #expect(run.status == 0, "\(run.stderr)")
        let text = try Repository.run("/usr/bin/pdftotext", [out + "/lib-0001/library-card-request.pdf", "-"]).stdout
        #expect(text.contains("[es] Library card request"), "Spanish first, then English")
        #expect(text.contains("[es] Proof of address"))
        // A one-page document prints no running header in the PDF; the HTML's print margin boxes carry the counter.
        #expect(!text.contains("Page 1 of 1"), "no running header on a one-page document")
        let html = try String(contentsOfFile: out + "/lib-0001/library-card-request.html", encoding: .utf8)
        #expect(html.contains("\"[es] Page \" counter(page)"), "the page counter in the primary language")
        #expect(html.contains("<html lang=\"es\""))
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `languages: [en]` → `[en, es]`; every flow text `{ en: X }` gains `es: "[es] X"`.
    static func addSpanish(toRuleTexts text: String) -> String {
        var out = text.replacingOccurrences(of: "languages: [en]", with: "languages: [en, es]")
        let pattern = try! NSRegularExpression(pattern: #"\{ en: ("[^"]*"|[^,}]+) \}"#)
        let range = NSRange(out.startIndex..., in: out)
        for match in pattern.matches(in: out, range: range).reversed() {
            guard let r = Range(match.range, in: out), let v = Range(match.range(at: 1), in: out) else { continue }
            var english = String(out[v])
            if english.hasPrefix("\"") { english = String(english.dropFirst().dropLast()) }
            out.replaceSubrange(r, with: "{ en: \"\(english)\", es: \"[es] \(english)\" }")
        }
        return out
    }

    /// Every catalog value prefixed with `[es] `, placeholders kept.
    static func pseudoSpanish(catalog: String) -> String {
        catalog.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let s = String(line)
            guard let colon = s.range(of: ": "), !s.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { return s }
            var value = String(s[colon.upperBound...])
            if value.hasPrefix("{") { return s.replacingOccurrences(of: ": \"", with: ": \"[es] ") }
            if value.hasPrefix("\"") { value = String(value.dropFirst().dropLast()) }
            return String(s[..<colon.upperBound]) + "\"[es] \(value)\""
        }.joined(separator: "\n")
    }
}
