import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// What a paralegal reads in the rendered vn-single-status documents (issue 7): names in every document and
/// language, item 2's period, the power-of-attorney letter, Vietnamese dates, facts of missions other than San
/// Francisco, papers issued in Vietnam, a case the procedure does not fit, and the two routes from 2026-09-11.
/// Each case is a sample with a few lines changed, rendered to HTML in memory.
@Suite struct VNSingleStatusPacketTests {
    static let texas = "Samples/divorced-texas-power-of-attorney.yaml"
    static let georgia = "Samples/vi-primary-georgia-divorced.json"

    /// The sample's text with each `(old, new)` replaced (each `old` must be there once).
    static func sample(_ path: String, _ edits: [(String, String)] = []) throws -> String {
        var text = Repository.text(path)
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "`\(old)` once in \(path)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Rendered HTML documents and the manifest by file name; empty with the diagnostics recorded when it fails.
    static func render(_ text: String, name: String = "case.yaml", date: CalendarDate? = nil) throws -> [String: String] {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let input = CaseInput(name: name, text: text, folder: Repository.path("Samples"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: date)
        #expect(result.status == .ok, "\(result.diagnostics.map(\.headline))")
        var files: [String: String] = [:]
        for file in result.files where file.name.hasSuffix(".html") || file.name.hasSuffix(".json") {
            files[file.name] = String(decoding: file.bytes, as: UTF8.self)
        }
        return files
    }

    static let statement = "vn-single-status-statement-of-non-impediment.html"
    static let letter = "vn-single-status-cover-letter.html"
    static let checklist = "vn-single-status-checklist.html"

    /// The text of the first element with `lang="vi"` of a kind (the statement's Vietnamese half is a `div`).
    static func vietnameseHalf(_ html: String) -> String {
        guard let start = html.range(of: "<div lang=\"vi\">"), let end = html[start.upperBound...].range(of: "</div>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    // Point 1: name order.
    @Test func aMiddleNamePrintsFamilyMiddleGivenInEveryDocumentAndLanguage() throws {
        let files = try Self.render(Self.sample(Self.texas, [("name: { given: Thị Thu Hà, family: Nguyễn }", "name: { given: Lan, middle: Thị, family: Nguyễn }")]))
        for name in [Self.statement, Self.letter, Self.checklist, "manifest.json"] {
            let html = try #require(files[name], "\(name) rendered")
            #expect(html.contains("Nguyễn Thị Lan"), "\(name) names the intended spouse family, middle, given")
            #expect(!html.contains("Nguyễn Lan Thị") && !html.contains("Lan Thị Nguyễn"), "\(name) has no other order")
        }
        #expect(Self.vietnameseHalf(files[Self.statement] ?? "").contains("Ông Nguyễn Thị Lan") == false, "the spouse is a woman: Bà")
        #expect(Self.vietnameseHalf(files[Self.statement] ?? "").contains("Bà Nguyễn Thị Lan"))
    }

    @Test func aDualCitizenWhoseCaseSetsFamilyFirstIsWrittenSoEverywhere() throws {
        let files = try Self.render(Self.sample(Self.georgia), name: "case.json")
        for name in [Self.statement, Self.letter, Self.checklist] {
            let html = try #require(files[name])
            #expect(html.contains("Đặng Thị Hồng Nhung"), "\(name)")
            #expect(!html.contains("Thị Hồng Nhung Đặng"), "\(name) never writes her given name first")
        }
        for name in [Self.statement, Self.letter] { #expect(files[name]?.contains("Tôn Thất Đình Phong") == true, "\(name) names him family first") }
        #expect(files[Self.checklist]?.contains("on every document of this packet, in the order the case sets") == true, "the packet says it")
    }

    @Test func aDualCitizenWithoutANameOrderIsToldWhichOrderThePacketUses() throws {
        let text = try Self.sample(Self.georgia, [(",\n        \"order\": \"family-first\"", "")])
        let files = try Self.render(text, name: "case.json")
        let checklist = try #require(files[Self.checklist])
        #expect(checklist.contains("writes it given name first: Thị Hồng Nhung Đặng"))
        #expect(checklist.contains("set name.order: family-first"))
        #expect(files[Self.statement]?.contains("Thị Hồng Nhung Đặng") == true, "the order it announces is the one it uses")
    }

    // Point 2: item 2's period in the checklist, the manifest and the cover letter.
    @Test func itemTwoStatesItsPeriodInTheChecklistManifestAndCoverLetter() throws {
        let files = try Self.render(Self.sample(Self.texas))
        for name in [Self.checklist, Self.letter, "manifest.json"] {
            #expect(files[name]?.contains("Certificate of No Record) covering 2019-02-08 to the present") == true, "\(name)")
        }
        #expect(files[Self.letter]?.contains("Giấy chứng nhận chưa kết hôn, xác nhận từ ngày 08/02/2019 cho tới nay") == true)
    }

    // Point 12: the power-of-attorney letter is the applicant's own, in the first person.
    @Test func aPowerOfAttorneyLetterSaysWhoFilesAndNamesTheAttorney() throws {
        let letter = try #require(try Self.render(Self.sample(Self.texas))[Self.letter])
        #expect(letter.contains("My intended spouse, Nguyễn Thị Thu Hà, will file them in Vietnam on my behalf under my power of attorney"))
        #expect(letter.contains("Power of attorney to Nguyễn Thị Thu Hà"))
        #expect(!letter.contains("which I will file in Vietnam"))
        #expect(!letter.contains("your intended spouse"))
        let inPerson = try #require(try Self.render(Self.sample(Self.texas, [("by: power-of-attorney", "by: in-person")]))[Self.letter])
        #expect(inPerson.contains("which I will file in Vietnam to register my marriage to Nguyễn Thị Thu Hà"))
    }

    // Point 12: dates inside Vietnamese sentences are written the Vietnamese way; English keeps ISO.
    @Test func datesInVietnameseSentencesAreWrittenTheVietnameseWay() throws {
        let files = try Self.render(Self.sample(Self.texas))
        let vi = Self.vietnameseHalf(try #require(files[Self.statement]))
        #expect(vi.contains("sinh ngày <span class=\"field\">14/03/1986</span>"), "\(vi.prefix(400))")
        #expect(!vi.contains("1986-03-14"))
        #expect(files[Self.statement]?.contains("born on <span class=\"field\">1986-03-14</span>") == true)
        let letter = try #require(files[Self.letter])
        #expect(letter.contains("Hồ sơ sẽ được nộp vào ngày 10/05/2027."))
        #expect(letter.contains("The dossier will be filed on 2027-05-10."))
        #expect(files[Self.checklist]?.contains("Cấp hoặc chứng thực từ ngày 10/11/2026 trở đi") == true)
    }

    // Point 12: the statement's titles are the form's (Mr/Miss, Ông/Bà).
    @Test func theStatementUsesOnlyTheTitlesItsFormOffers() throws {
        let statement = try #require(try Self.render(Self.sample(Self.georgia), name: "case.json")[Self.statement])
        #expect(statement.contains("Miss Đặng Thị Hồng Nhung"), "the case says `ms`; the form offers Mr/Miss")
        #expect(!statement.contains("Ms Đặng"))
        #expect(Self.vietnameseHalf(statement).contains("Bà Đặng Thị Hồng Nhung"))
    }

    // Point 10: Houston is not given San Francisco's payee, processing time or address.
    @Test func aHoustonLetterStatesNoSanFranciscoFactsAndTheChecklistSaysWhatToAsk() throws {
        let files = try Self.render(Self.sample(Self.texas))
        let letter = try #require(files[Self.letter])
        #expect(letter.contains("a money order or cashier"), "the payment is enclosed")
        #expect(!letter.contains("Vietnam Consulate"), "no San Francisco payee")
        #expect(!letter.contains("California Street"), "no address the sources do not give")
        let checklist = try #require(files[Self.checklist])
        #expect(checklist.contains("Verify with the Consulate General of Vietnam in Houston"))
        #expect(checklist.contains("how many working days legalization takes"))
        #expect(!checklist.contains("within 5–7 working days"), "San Francisco's processing time is not Houston's")
        #expect(!checklist.contains("The consulate should have your complete dossier by"), "no date counted from an unknown time")
    }

    // Point 6: a paper issued in Vietnam is not sent to the consulate.
    @Test func aDecreeOfAVietnameseCourtIsNotEnclosedForLegalization() throws {
        let text = try Self.sample(Self.texas, [("        state: TX\n        authority: \"353rd District Court, Travis County, Texas\"",
                                                  "        country: VN\n        authority: \"Tòa án nhân dân Quận 1, Thành phố Hồ Chí Minh\"")])
        let files = try Self.render(text)
        #expect(files[Self.letter]?.contains("Divorce decree") == false, "not among the enclosures")
        #expect(files[Self.checklist]?.contains("Divorce decree — Tòa án nhân dân Quận 1") == true, "still on the checklist")
        #expect(files[Self.checklist]?.contains("do not send it to the consulate") == true)
        #expect(files["manifest.json"]?.contains("\"sent_to_authority\": false") == true)
    }

    // Point 13: a case the procedure does not fit.
    @Test func anF1StudentGetsAVerdictAndOnlyTheChecklist() throws {
        let files = try Self.render(Self.sample(Self.texas, [("us_status: citizen", "us_status: nonimmigrant")]))
        #expect(files[Self.statement] == nil, "no statement")
        #expect(files[Self.letter] == nil, "no cover letter")
        let checklist = try #require(files[Self.checklist])
        #expect(checklist.contains("Not eligible as the case stands"))
        #expect(checklist.contains("A nonimmigrant in the US (for example an F-1 student) cannot make it"))
        #expect(!checklist.contains("Affidavit of Single Status"), "no documents for a case the dossier does not fit")
    }

    // Point 8: both routes side by side from 2026-09-11 (the filing date), each with its steps.
    @Test func aFilingFromTheApostilleDateShowsBothRoutesEachWithItsSteps() throws {
        let checklist = try #require(try Self.render(Self.sample(Self.texas))[Self.checklist])
        let one = try #require(checklist.range(of: "Route 1 — state authentication, then legalization by the consulate"))
        let two = try #require(checklist.range(of: "Route 2 — apostille, from 2026-09-11"))
        #expect(one.lowerBound < two.lowerBound)
        let between = checklist[one.upperBound..<two.lowerBound]
        #expect(between.contains("Texas Secretary of State authenticates the signature and seal on it"))
        #expect(between.contains("Legalized and translated by the Consulate General of Vietnam in Houston"))
        #expect(checklist[two.upperBound...].contains("Texas Secretary of State issues an apostille on it"))

        let before = try Self.render(Self.sample(Self.texas, [("date: 2027-05-10", "date: 2026-09-10")]),
                                     date: CalendarDate(year: 2026, month: 6, day: 1))
        let old = try #require(before[Self.checklist])
        #expect(!old.contains("Route 1 —") && !old.contains("apostille on it"), "before 2026-09-11 one route, one list")
        #expect(old.contains("Legalized and translated by the Consulate General of Vietnam in Houston"))
    }

    // `explain` shows the new facts with the rule that computes them and its source.
    @Test func explainShowsPeriodOriginDepartureAndMissionFactsWithRuleAndSource() throws {
        let widowed = try Repository.dossier(["explain", "Samples/widowed-overseas-vietnamese-green-card.yaml"])
        #expect(widowed.status == 0, "\(widowed.stderr)")
        let lines = widowed.stdout.split(separator: "\n").map(String.init)
        func block(_ fact: String) -> String {
            guard let i = lines.firstIndex(where: { $0.hasPrefix("  derived.\(fact) = ") }) else { return "" }
            return lines[i...].prefix(3).joined(separator: "\n")
        }
        #expect(block("no_spouse_since").contains("= 2021-08-05"))
        #expect(block("no_spouse_since").contains("source: vn-consulate-single-status-dossier.txt, item 2"))
        #expect(block("overseas_vietnamese").contains("from: vn_single_status.overseas_vietnamese = true"))
        #expect(block("overseas_vietnamese").contains("Law on Vietnamese Nationality 2008"))
        #expect(block("emigrated_below_marriage_age").contains("vn_single_status.left_vietnam_on = 1990-08-21"))
        #expect(block("emigrated_below_marriage_age").contains("source: vn-consulate-single-status-dossier.txt, Quý vị lưu ý"))
        #expect(block("age_at_departure").contains("= 16"))
        #expect(block("registration_office").contains("Decree 120/2025/ND-CP"))

        let texas = try Repository.dossier(["explain", Self.texas])
        #expect(texas.stdout.contains("verify vn.mission-facts-to-verify: Verify with the Consulate General of Vietnam in Houston"))
        #expect(texas.stdout.contains("derived.mission = vn-consulate-houston, derived.notary_state = TX"))
        #expect(texas.stdout.contains("(route apostille)"))
    }
}
