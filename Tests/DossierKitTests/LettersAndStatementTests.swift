import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// What a notary and a consular officer check on the printed letters and the sworn statement (issue 8): the jurat
/// names the affiant and has a venue, the notary's lines, a commission line and a seal area; the signature and the
/// jurat share a page with the statement's last lines; the letter's enclosure numbers are the packet's numbers; a
/// one-page letter has no running header. Rendered from a sample, PDF included.
@Suite struct LettersAndStatementTests {
    static let texas = "Samples/divorced-texas-power-of-attorney.yaml"
    static let statementPDF = "vn-single-status-statement-of-non-impediment.pdf"
    static let letterPDF = "vn-single-status-cover-letter.pdf"

    /// Every file of one rendered case (HTML, PDF, manifest), by name.
    static let texasFiles: [String: [UInt8]] = {
        do {
            let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: true)
            let input = CaseInput(name: "case.yaml", text: Repository.text(texas), folder: Repository.path("Samples"))
            let result = dossier.render(input, formats: OutputFormats(html: true, pdf: true), date: nil)
            return Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.bytes) })
        } catch {
            return [:]
        }
    }()

    static func html(_ name: String) throws -> String {
        String(decoding: try #require(texasFiles[name], "\(name) rendered"), as: UTF8.self)
    }

    /// The text of each page of a PDF, as pdftotext reads it.
    static func pages(_ name: String) throws -> [String] {
        let path = Repository.temporaryFolder("letters-" + name) + "/" + name
        let bytes = try #require(texasFiles[name], "\(name) rendered")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let text = try Repository.run("/usr/bin/pdftotext", ["-layout", path, "-"]).stdout
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test func theJuratNamesTheAffiantWithAVenueTheNotarysLinesAndACommissionLine() throws {
        let html = try Self.html("vn-single-status-statement-of-non-impediment.html")
        let jurat = try #require(html.range(of: "<div class=\"jurat notary\">")).lowerBound
        let text = String(html[jurat...])
        for expected in ["State of", "Texas", "County of", "ss.", "Sworn to and subcribed before me on this",
                         "by <span class=\"field\">Michael James Turner</span>", "Signature of Notary Public",
                         "Printed name of Notary Public", "My commission expires</span> / ", "Commission No.</span> / ", "Notary seal",
                         "Tuyên thệ và ký trước mặt tôi ngày", "Con dấu Công chứng viên", "Ngày hết hạn bổ nhiệm"] {
            #expect(text.contains(expected), "the jurat has \(expected)")
        }
        // The title is printed once (the form's three title lines were three headings).
        #expect(html.components(separatedBy: "STATEMENT OF NON-IMPEDEMENT TO MARRIAGE").count == 2, "in the one h1")
        #expect(!html.contains("<h2>"))
    }

    /// Issue 12: a US citizen in Ho Chi Minh City swears the statement at the Consulate General, so the statement
    /// carries the consular officer's certificate with the post's venue instead of a notary's jurat.
    @Test func aStatementSwornAtTheUSPostCarriesTheConsularOfficersCertificate() throws {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let sample = "Samples/us-embassy-notarial/combined-hcmc-single-status-sworn-at-consulate.yaml"
        let input = CaseInput(name: "case.yaml", text: Repository.text(sample), folder: Repository.path("Samples/us-embassy-notarial"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        let file = try #require(result.files.first { $0.name == "vn-single-status-statement-of-non-impediment.html" })
        let html = String(decoding: file.bytes, as: UTF8.self)
        for expected in ["For the Consular Officer", "Socialist Republic of Vietnam", "City of <span class=\"filled\">Ho Chi Minh City</span>",
                         "Consulate General of the United States of America", "ss:", "Subscribed and sworn to before me, a consular officer",
                         "by <span class=\"field\">Daniel Chukwuemeka Okafor</span>", "Consular seal", "Con dấu lãnh sự",
                         "Tổng Lãnh sự quán Hợp chủng quốc Hoa Kỳ"] {
            #expect(html.contains(expected), "the certificate has \(expected)")
        }
        #expect(!html.contains("Notary Public"), "no notary's jurat")
        // Sworn at the post when the case says so: without it, the same statement keeps the notary's jurat.
        let atHome = Repository.text(sample).replacingOccurrences(of: "    - statement-of-non-impediment\n", with: "")
        let other = dossier.render(CaseInput(name: "case.yaml", text: atHome, folder: Repository.path("Samples/us-embassy-notarial")),
                                   formats: OutputFormats(html: true, pdf: false), date: nil)
        let notary = try #require(other.files.first { $0.name == "vn-single-status-statement-of-non-impediment.html" })
        let notaryHTML = String(decoding: notary.bytes, as: UTF8.self)
        #expect(notaryHTML.contains("For the Notary Public") && !notaryHTML.contains("For the Consular Officer"))
    }

    @Test func theSignatureAndTheJuratShareThePageOfTheStatementsLastLines() throws {
        let pages = try Self.pages(Self.statementPDF)
        let last = try #require(pages.last)
        for expected in ["theo luật pháp Hoa Kỳ.", "Signature of Affiant", "For the Notary Public", "My commission expires",
                         "Notary seal"] {
            #expect(last.contains(expected), "last page has \(expected)")
        }
        for page in pages.dropLast() { #expect(!page.contains("Signature of Affiant")) }
    }

    /// Borders are painted as thin filled rectangles (`x y w h re f`): the seal area's sides are at least 1.5 in.
    @Test func theSealAreaIsAtLeastAnInchAndAHalfSquare() throws {
        let path = Repository.temporaryFolder("letters-seal") + "/statement.pdf"
        let bytes = try #require(Self.texasFiles[Self.statementPDF])
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let qdf = try Repository.run("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", path, "-"]).stdout
        var rects: [(x: Double, y: Double, w: Double, h: Double)] = []
        for line in qdf.split(separator: "\n") where line.hasSuffix(" re f") {
            let n = line.split(separator: " ").dropLast(2).compactMap { Double($0) }
            if n.count == 4 { rects.append((n[0], n[1], n[2], n[3])) }
        }
        let sides = rects.filter { $0.w < 2 && $0.h >= 108 && $0.h < 130 }
        let tops = rects.filter { $0.h < 2 && $0.w >= 108 && $0.w < 130 }
        let box = sides.first { side in tops.contains { abs($0.x - side.x) < 1.5 } }
        #expect(box != nil, "a box of at least 108 pt by 108 pt; thin sides: \(sides.map { ($0.w, $0.h) })")
    }

    @Test func theLettersEnclosureNumbersAreThePacketsDocumentNumbers() throws {
        let html = try Self.html("vn-single-status-cover-letter.html")
        let manifestBytes = try #require(Self.texasFiles["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
        let documents = ((manifest["packets"] as? [[String: Any]])?.first?["documents"] as? [[String: Any]]) ?? []
        // The packet numbers its documents 1…n in the checklist's (the manifest's) order; the manifest's own `number`
        // is the rule book's (the official list's) item number, shown beside it as a reference.
        var byNumber: [Int: String] = [:]
        for (index, d) in documents.enumerated() {
            if let title = d["title"] as? [String: Any], let en = title["en"] as? String { byNumber[index + 1] = en }
        }
        #expect(!byNumber.isEmpty)
        let list = try #require(html.range(of: "<ul class=\"enclosures\">")).upperBound
        let items = html[list...].components(separatedBy: "<li>").dropFirst().prefix { !$0.hasPrefix("</ul>") }
        var checked = 0
        for item in items {
            guard let open = item.range(of: "<span class=\"num\">"), let dot = item.range(of: ".</span>", range: open.upperBound..<item.endIndex),
                  let number = Int(item[open.upperBound..<dot.lowerBound]) else { Issue.record("no number in \(item.prefix(80))"); continue }
            let title = try #require(byNumber[number], "document \(number) is in the manifest")
            #expect(item.contains(title.replacingOccurrences(of: "'", with: "&#39;")) || item.contains(title), "\(number). \(title)")
            checked += 1
        }
        #expect(checked >= 5)
        #expect(!html.contains("<ol class=\"enclosures\">"), "numbers are printed, not counted by the list")
        #expect(html.contains("Numbers are the item numbers of the checklist."))
        #expect(html.contains("Số thứ tự là số mục trong Danh mục hồ sơ."))
    }

    @Test func aLetterIsALetterOnOnePageWithoutARunningHeader() throws {
        let html = try Self.html("vn-single-status-cover-letter.html")
        #expect(html.contains("<h1 class=\"subject\">"), "PDF/UA: the letter's first heading is an h1")
        #expect(html.contains("Sincerely,") && html.contains("Trân trọng,"))
        let close = try #require(html.range(of: "<div class=\"closing\">"))
        #expect(html[close.upperBound...].contains("<div class=\"signature\">"), "the close and the signature are one block")
        let pages = try Self.pages(Self.letterPDF)
        #expect(pages.count == 1)
        #expect(!(pages.first ?? "").contains("Page 1 of 1"))
        #expect(!(pages.first ?? "").contains("Trang 1/1"))
    }
}
