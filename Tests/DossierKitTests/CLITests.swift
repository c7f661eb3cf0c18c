import TestSupport
import Foundation
import Testing

/// The commands of the interface spec, their outputs and exit codes.
@Suite struct CLITests {
    static let texas = "Samples/divorced-texas-power-of-attorney.yaml"

    @Test func theIssueExampleTexasDivorceePOA() throws {
        let out = Repository.temporaryFolder("texas")
        let run = try Repository.dossier(["render", Self.texas, "--out", out, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try Repository.json(out + "/2026-0142/manifest.json")
        let packet = try #require((manifest["packets"] as? [[String: Any]])?.first)
        let documents = packet["documents"] as? [[String: Any]] ?? []
        let ids = documents.compactMap { $0["id"] as? String }
        #expect(ids.contains("divorce-decree"))
        #expect(ids.contains("power-of-attorney"))
        #expect(!ids.contains("spouse-death-certificate"))
        #expect(!ids.contains("consulate-marital-status-confirmation"))
        let affidavit = documents.first { $0["id"] as? String == "affidavit-of-single-status" }
        #expect((affidavit?["valid"] as? [String: Any])?["issued_on_or_after"] as? String == "2026-11-10")
        #expect(packet["verdict"] as? String == "eligible")
    }

    @Test func explainShowsFactsRuleAndCitationForEveryItem() throws {
        let run = try Repository.dossier(["explain", Self.texas])
        #expect(run.status == 0, "\(run.stderr)")
        for id in ["affidavit-of-single-status", "divorce-decree", "power-of-attorney", "spouse-death-certificate",
                   "consulate-marital-status-confirmation"] {
            #expect(run.stdout.contains(id), "explain mentions \(id)")
        }
        #expect(run.stdout.contains("[out] spouse-death-certificate"))
        #expect(run.stdout.contains("[in]  power-of-attorney"))
        #expect(run.stdout.contains("fact: vn_single_status.filing_in_vietnam.by = power-of-attorney"))
        #expect(run.stdout.contains("source: vn-consulate-single-status-dossier.txt, item 11 (2017-05-05)"))
    }

    @Test func explainOneDocument() throws {
        let run = try Repository.dossier(["explain", Self.texas, "--document", "divorce-decree"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("divorce-decree"))
        #expect(!run.stdout.contains("power-of-attorney —"))
    }

    @Test func checkWritesNothingAndPrintsTheChecklist() throws {
        let run = try Repository.dossier(["check", Self.texas])
        #expect(run.status == 0)
        #expect(run.stdout.contains("vn-single-status: eligible"))
        #expect(run.stdout.contains("issued on or after 2026-11-10"))
    }

    @Test func checkOnTheBadSampleExitsOneWithLocatedErrors() throws {
        let run = try Repository.dossier(["check", "Samples/bad/mistakes.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("did you mean"))
    }

    @Test func jsonDiagnosticsAreMachineReadable() throws {
        let run = try Repository.dossier(["check", "--json", "Samples/bad/mistakes.yaml"])
        #expect(run.status == 1)
        let items = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["file"] as? String == "Samples/bad/mistakes.yaml" && $0["line"] is Int && $0["column"] is Int })
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Repository.dossier(["render", Self.texas]).status == 2, "missing --out")
        #expect(try Repository.dossier(["render", Self.texas, "--out", "/tmp/x", "--format", "docx"]).status == 2)
        #expect(try Repository.dossier(["schema", "no-such-procedure"]).status == 2)
        #expect(try Repository.dossier(["frobnicate"]).status == 2)
    }

    @Test func proceduresListsIdsTitlesAndEditions() throws {
        let run = try Repository.dossier(["procedures"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("vn-single-status"))
        #expect(run.stdout.contains("vi: Hồ sơ Công hàm Độc thân"))
        #expect(run.stdout.contains("vn-consulate-single-status-dossier.txt (2017-05-05)"))
    }

    @Test func schemaIsJSONSchemaForTheProcedure() throws {
        let run = try Repository.dossier(["schema", "vn-single-status"])
        #expect(run.status == 0)
        let schema = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let properties = schema?["properties"] as? [String: Any]
        #expect(properties?["vn_single_status"] != nil)
        #expect(properties?["n_600"] == nil)
    }

    /// `--date` is the day the packet is made: what depends on it (documents too old before the 6-month window
    /// opens) changes; what depends on the day of filing in Vietnam (the apostille route) does not.
    @Test func dateFlagChangesTheRulesInForce() throws {
        let before = try Repository.dossier(["explain", Self.texas, "--date", "2026-11-09"])
        let after = try Repository.dossier(["explain", Self.texas, "--date", "2026-11-10"])
        #expect(before.stdout.contains("vn.filing-too-far-ahead"))
        #expect(!after.stdout.contains("vn.filing-too-far-ahead"))
        #expect(before.stdout.contains("vn.apostille-alternative") && after.stdout.contains("vn.apostille-alternative"))
    }

    @Test func aVietnameseFirstCaseCountsPagesInVietnamese() throws {
        let out = Repository.temporaryFolder("vi-first")
        let run = try Repository.dossier(["render", "Samples/vi-primary-georgia-divorced.json", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { !$0.hasPrefix("report") && !$0.hasPrefix(".") && $0 != "index.html" })
        let text = try Repository.run("/usr/bin/pdftotext", [out + "/" + folder + "/vn-single-status-checklist.pdf", "-"]).stdout
        #expect(text.contains("Trang 1/"))
        #expect(!text.contains("Page 1 of"))
        let html = try String(contentsOfFile: out + "/" + folder + "/vn-single-status-checklist.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("content: \"Trang \" counter(page) \"/\" counter(pages)"))
    }

    @Test func theCoverLetterRequestsTheConsulatesOwnConfirmationInsteadOfEnclosingIt() throws {
        let out = Repository.temporaryFolder("widowed")
        let run = try Repository.dossier(["render", "Samples/widowed-overseas-vietnamese-green-card.yaml", "--out", out, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { !$0.hasPrefix("report") && !$0.hasPrefix(".") && $0 != "index.html" })
        let html = try String(contentsOfFile: out + "/" + folder + "/vn-single-status-cover-letter.html", encoding: .utf8)
        // The request is part of the letter's body; the enclosure list (after the signature) does not hold it.
        let enclosuresStart = try #require(html.range(of: "<ul class=\"enclosures\">"))
        let enclosures = enclosuresStart.upperBound
        let listEnd = try #require(html.range(of: "</ul>", range: enclosures..<html.endIndex)).lowerBound
        #expect(!html[enclosures..<listEnd].contains("Marital-status confirmation"))
        #expect(html[..<enclosuresStart.lowerBound].contains("I also ask the Consulate General to issue"))
        #expect(html[..<enclosuresStart.lowerBound].contains("Marital-status confirmation issued by the Consulate General"))
    }

    /// Issue 15: a wrong `--templates`/`--resources` folder is the user's mistake: exit 2 with a clear message, not 3.
    @Test func aMissingTemplatesOrResourcesFolderIsAUsageError() throws {
        for flag in ["--templates", "--resources"] {
            let run = try Repository.dossier(["check", flag, "/nonexistent/brand", Self.texas])
            #expect(run.status == 2, "\(flag): \(run.stderr)")
            #expect(run.stderr.contains("\(flag) /nonexistent/brand: no such folder"), "\(run.stderr)")
        }
    }

    @Test func aTemplatesFolderWithoutTemplatesIsAUsageErrorNamingTheFiles() throws {
        let empty = Repository.temporaryFolder("empty-templates")
        let run = try Repository.dossier(["check", "--templates", empty, Self.texas])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("TPL002"))
        #expect(run.stderr.contains("error: --templates \(empty) cannot be used"))
    }
}
