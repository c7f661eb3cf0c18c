import TestSupport
import Foundation
import Testing

/// A case with several procedures: each packet planned on its own, one case summary first, one `packet.pdf` with a
/// bookmark per procedure, papers several packets share listed once.
@Suite struct CombinedCaseTests {
    static let sample = "Samples/us-embassy-notarial/combined-hcmc-single-status-sworn-at-consulate.yaml"

    @Test func aCombinedCaseGetsOneSummaryAndOneBookmarkPerProcedure() throws {
        let out = Repository.temporaryFolder("combined")
        let run = try Repository.dossier(["render", Self.sample, "--out", out, "--format", "html,pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = out + "/2027-NOT-06"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.contains("case-summary.pdf") && files.contains("case-summary.html"))
        #expect(files.contains("vn-single-status-checklist.pdf") && files.contains("us-embassy-notarial-checklist.pdf"))

        let outline = try Repository.run("/usr/bin/qpdf", ["--json", "--json-key=outlines", folder + "/packet.pdf"]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(outline.utf8)) as? [String: Any]
        let top = (json?["outlines"] as? [[String: Any]] ?? []).map { $0["title"] as? String ?? "" }
        #expect(top == ["2027-NOT-06 — Case summary", "Single-status dossier for marriage registration in Vietnam",
                        "Notarial service at the US Embassy or Consulate General in Vietnam"])

        let summary = try Repository.run("/usr/bin/pdftotext", [folder + "/case-summary.pdf", "-"]).stdout
        #expect(summary.contains("Papers prepared once, used by several packets"))
        // Each language on its own line: the English title ends its line.
        let statements = summary.components(separatedBy: "Statement of Non-Impediment to Marriage\n").count - 1
        #expect(statements == 1, "the shared statement is listed once")
        // "What comes first" names one date on its own line; the key dates follow it.
        let keyDates = summary.components(separatedBy: "Key dates").dropFirst().joined()
        let dates = keyDates.components(separatedBy: "\n").filter { $0.range(of: #"^20\d\d-\d\d-\d\d$"#, options: .regularExpression) != nil }
        #expect(dates == dates.sorted(), "every date of both packets in date order")
        #expect(dates.count >= 4)

        let manifest = try Repository.json(folder + "/manifest.json")
        #expect((manifest["packets"] as? [[String: Any]])?.map { $0["procedure"] as? String } == ["vn-single-status", "us-embassy-notarial"])
        #expect(manifest["summary_files"] as? [String] == ["case-summary.html", "case-summary.pdf"])
    }
}
