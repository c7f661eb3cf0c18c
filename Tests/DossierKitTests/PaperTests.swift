import TestSupport
import Foundation
import Testing

/// PDFs print on the paper the applicant has: Letter for a US address, A4 elsewhere, `case.paper` overriding.
@Suite struct PaperTests {
    @Test func letterForAUSAddressA4ElsewhereAndTheCaseCanSay() throws {
        let out = Repository.temporaryFolder("paper")
        let run = try Repository.dossier(["render", "Samples/divorced-texas-power-of-attorney.yaml",
                                          "Samples/us-embassy-notarial/hcmc-poa-diploma-affidavit.yaml", "--out", out, "--format", "pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        func size(_ file: String) throws -> String {
            let info = try Repository.run("/usr/bin/pdfinfo", [file]).stdout
            return info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        }
        #expect(try size(out + "/2026-0142/packet.pdf").hasSuffix("(letter)"), "Austin, Texas")
        #expect(try size(out + "/2027-NOT-01/packet.pdf").hasSuffix("(A4)"), "Ho Chi Minh City")

        let text = try String(contentsOfFile: Repository.path("Samples/divorced-texas-power-of-attorney.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  procedures: [vn-single-status]\n", with: "  procedures: [vn-single-status]\n  paper: a4\n")
        let folder = Repository.temporaryFolder("paper-a4")
        try text.write(toFile: folder + "/case.yaml", atomically: true, encoding: .utf8)
        _ = try Repository.dossier(["render", folder + "/case.yaml", "--out", folder + "/out", "--format", "pdf"])
        #expect(try size(folder + "/out/2026-0142/packet.pdf").hasSuffix("(A4)"), "case.paper overrides")
    }
}
