import TestSupport
import Foundation
import Testing

/// `dossier diff`: whose packets change between two rule books or two dates, as a table, CSV, JSON and HTML.
@Suite struct DiffTests {
    /// A copy of the rule book in which Texas raised its Secretary of State fee from 2026-12-01.
    static func newerRules() throws -> String {
        let root = Repository.temporaryFolder("rules-newer")
        try FileManager.default.copyItem(atPath: Repository.path("Rules"), toPath: root + "/Rules")
        let file = root + "/Rules/tables/secretary-of-state-fees.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let old = "  - state: TX\n    fee: \"15.00\"\n"
        #expect(text.contains(old))
        let edited = text.replacingOccurrences(of: old, with: "  - state: TX\n    fee: \"15.00\"\n    until: 2026-11-30\n")
            + "  - state: TX\n    fee: \"25.00\"\n    effective: 2026-12-01\n    citation: { url: \"https://example.org/tx-fees-2026\", edition: \"2026-12-01\" }\n"
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        return root + "/Rules"
    }

    @Test func aNewerRuleBookShowsWhoseFeeChanges() throws {
        let rules = try Self.newerRules()
        let samples = ["Samples/divorced-texas-power-of-attorney.yaml", "Samples/never-married-california-in-person.yaml"]
        // On the cases' own dates (2026-11-22) the new edition is not in force yet: nothing changes.
        let before = try Repository.dossier(["diff"] + samples + ["--against-rules", rules, "--format", "csv"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == "case,input,procedure,change,item,title,old,new\n")

        let after = try Repository.dossier(["diff"] + samples + ["--against-rules", rules, "--date", "2026-12-01", "--format", "csv"])
        #expect(after.status == 0, "\(after.stderr)")
        let lines = after.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "only the Texas case changes: \(lines)")
        #expect(lines.last == "2026-0142,Samples/divorced-texas-power-of-attorney.yaml,vn-single-status,fee,secretary-of-state-authentication-tx,State authentication in Texas (9 × $25.00),$135.00,$225.00")

        let table = try Repository.dossier(["diff"] + samples + ["--against-rules", rules, "--date", "2026-12-01"])
        #expect(table.stdout.hasPrefix("Rules on 2026-12-01 → \(rules) on 2026-12-01: 1 of 2 case(s) change\n"))
        #expect(table.stdout.contains("vn-single-status  fee              State authentication in Texas (9 × $25.00): $135.00 → $225.00"))

        let json = try Repository.dossier(["diff"] + samples + ["--against-rules", rules, "--date", "2026-12-01", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let cases = decoded?["cases"] as? [[String: Any]] ?? []
        #expect(cases.map { $0["changed"] as? Bool } == [true, false])

        let page = Repository.temporaryFolder("diff-html") + "/changes.html"
        let html = try Repository.dossier(["diff"] + samples + ["--against-rules", rules, "--date", "2026-12-01", "--format", "html", "--output", page])
        #expect(html.status == 0)
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(text.contains("<h2>2026-0142 — Samples/divorced-texas-power-of-attorney.yaml</h2>"))
        #expect(text.contains("<td>$135.00</td>") && text.contains("<td>$225.00</td>"))
    }

    @Test func betweenTwoDatesAVerdictCanChange() throws {
        let run = try Repository.dossier(["diff", "Samples/divorced-texas-power-of-attorney.yaml", "--date", "2027-05-10", "--against-date", "2027-05-11"])
        #expect(run.stdout.contains("vn-single-status  verdict          eligible → needs-review"), "the filing date has passed: \(run.stdout)")
    }

    @Test func aBadCaseIsReportedOnItsOwnAndTheRestCompared() throws {
        let run = try Repository.dossier(["diff", "Samples/bad/mistakes.yaml", "Samples/divorced-texas-power-of-attorney.yaml",
                                          "--date", "2027-05-10", "--against-date", "2027-05-11", "--format", "csv"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(",Samples/bad/mistakes.yaml,,error,CASE012,"))
        #expect(lines[2].hasPrefix("2026-0142,"))
    }
}
