import TestSupport
import Compose
import DossierCore
import DossierKit
import Foundation
import Testing

/// What a consular officer and an applicant check in a checklist (issue 8): a summary table up front with every
/// document under the same number as its item below, one numbering explained under it and shared by the letter's
/// enclosures, short bilingual labels that never split, the second language set apart by its shape, and a
/// one-language packet without stray separators.
@Suite struct ChecklistTests {
    static let texas = "Samples/divorced-texas-power-of-attorney.yaml"
    static let englishOnly = "Samples/b-visa/nigerian-conference-partial-suspension.yaml"

    /// Rendered files by name (HTML always, PDF when asked).
    static func render(_ sample: String, pdf: Bool = false) throws -> [String: [UInt8]] {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: pdf)
        let input = CaseInput(name: sample, text: Repository.text(sample), folder: Repository.path("Samples"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: pdf), date: nil)
        #expect(result.status == .ok, "\(sample): \(result.diagnostics.map(\.headline))")
        return Dictionary(result.files.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    }

    static func html(_ files: [String: [UInt8]], _ suffix: String) -> [(name: String, text: String)] {
        files.keys.sorted().filter { $0.hasSuffix(suffix) }.map { ($0, String(decoding: files[$0]!, as: UTF8.self)) }
    }

    /// The text of every match of a pattern's first group.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// `(number, first-language title)` of the summary table's rows and of the items below it.
    static func rowsAndItems(_ page: String) -> (rows: [String], items: [String]) {
        let table = matches(#"<table class="glance">(.*?)</table>"#, in: page).first ?? ""
        let rows = matches(#"<tr>\s*<td class="number">(\d+(?:<br><span class="muted">\(\d+\)</span>)?</td>\s*<td><span lang="[a-z]+">[^<]*)</span>"#, in: table)
            .map { $0.replacingOccurrences(of: #"(<br><span class="muted">\(\d+\)</span>)?</td>\s*<td><span lang="[a-z]+">"#, with: ". ", options: .regularExpression) }
        let items = matches(#"<div class="item">\s*<h3>(\d+\. <span lang="[a-z]+">[^<]*)</span>"#, in: page)
            .map { $0.replacingOccurrences(of: #"<span lang="[a-z]+">"#, with: "", options: .regularExpression) }
        return (rows, items)
    }

    @Test(arguments: Repository.goodSamples)
    func theSummaryTableListsEveryDocumentUnderItsItemNumber(sample: String) throws {
        let files = try Self.render(sample)
        for (name, page) in Self.html(files, "-checklist.html") {
            let (rows, items) = Self.rowsAndItems(page)
            #expect(rows == items, "\(sample) \(name): the table and the items agree")
            let numbers: [String] = items.map { String($0.prefix { $0 != "." }) }
            let expected: [String] = (1...max(1, items.count)).prefix(items.count).map(String.init)
            #expect(numbers == expected, "\(sample) \(name): numbered 1…n without gaps")
            if !items.isEmpty {
                let table = try #require(page.range(of: "<table class=\"glance\">"))
                let line = try #require(page.range(of: "<p class=\"small numbering\">"), "\(name): the numbering is explained")
                let firstItem = try #require(page.range(of: "<div class=\"item\">"))
                #expect(table.lowerBound < line.lowerBound && line.lowerBound < firstItem.lowerBound,
                        "\(name): explained under the table, before the first item")
            }
        }
    }

    @Test func theDivorceDecreeIsItemEightWithTheConsulatesNumberNineAsAReference() throws {
        let page = try #require(Self.html(try Self.render(Self.texas), "vn-single-status-checklist.html").first?.text)
        let (rows, _) = Self.rowsAndItems(page)
        #expect(rows.count == 9)
        #expect(rows.last?.hasPrefix("9. ") == true)
        #expect(rows.contains { $0.hasPrefix("8. ") && $0.contains("divorce") || $0.hasPrefix("8. ") && $0.contains("Divorce") })
        #expect(page.contains("Numbers 1–9 follow this checklist’s order"))
        #expect(page.contains("Official list: item 9"), "the consulate's own number stays as a reference")
        #expect(page.contains("8<br><span class=\"muted\">(9)</span>"), "and beside the number in the table")
        #expect(page.contains("<span lang=\"vi\" class=\"tr\">Danh mục chính thức: mục 9</span>"))
    }

    @Test func theLettersEnclosuresCarryTheChecklistsNumbers() throws {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let caseFile = try dossier.loadCase(text: Repository.text(Self.texas), file: Self.texas).get()
        let plans = try dossier.resolve(caseFile, on: dossier.evaluationDate(for: caseFile, override: nil)).get()
        for plan in plans {
            let strings = try #require(dossier.templateSets[plan.procedure]).strings
            let context = PacketContext(caseFile: caseFile, plan: plan, strings: strings, languages: caseFile.languages, book: dossier.book).value()
            guard case .list(let documents) = context.value(at: "packet.documents"),
                  case .list(let enclosures) = context.value(at: "packet.enclosures") else {
                Issue.record("no documents or enclosures"); continue
            }
            let numbers = Dictionary(uniqueKeysWithValues: documents.map { ($0["id"]!, $0["number"]!) })
            #expect(!enclosures.isEmpty)
            for enclosure in enclosures { #expect(numbers[enclosure["id"]!] == enclosure["number"]) }
        }
    }

    @Test func aShortBilingualLabelIsOneUnbreakableUnit() throws {
        let page = try #require(Self.html(try Self.render(Self.texas), "vn-single-status-checklist.html").first?.text)
        let labels = Self.matches(#"<span class="label">(.*?):</span>"#, in: page)
        #expect(labels.count > 20)
        for label in labels {
            #expect(label.hasPrefix("<span class=\"nobr\">") && label.hasSuffix("</span></span>"), "\(label)")
        }
        #expect(page.contains("<span class=\"nobr\"><span lang=\"en\">Form</span> / <span lang=\"vi\" class=\"tr\">Hình thức</span></span>"))
    }

    @Test func inThePDFNoVietnameseLabelStartsALineWithoutItsEnglishHalf() throws {
        let files = try Self.render(Self.texas, pdf: true)
        let pdf = try #require(files["vn-single-status-checklist.pdf"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("checklist-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try Repository.run("/usr/bin/pdftotext", ["-layout", url.path, "-"]).stdout
        for (en, vi) in [("What", "Nội dung:"), ("From", "Nơi cấp:"), ("Form", "Hình thức:"), ("Why", "Lý do:")] {
            let lines = text.split(separator: "\n").filter { $0.contains(vi) }
            #expect(!lines.isEmpty, "\(vi) is printed")
            for line in lines { #expect(line.contains("\(en) / \(vi)"), "\(vi) split from \(en): \(line)") }
        }
        let fonts = try Repository.run("/usr/bin/pdffonts", [url.path]).stdout
        #expect(fonts.contains("NotoSans-Italic"), "the second language is set in italic, visible in black and white")
    }

    @Test func aOneLanguagePacketHasNoSeparatorsNorSecondLines() throws {
        let files = try Self.render(Self.englishOnly)
        let pages = Self.html(files, ".html")
        #expect(!pages.isEmpty)
        for (name, page) in pages where name.hasSuffix("-checklist.html") {
            let body = String(page[(page.range(of: "<body")?.lowerBound ?? page.startIndex)...])
            #expect(!body.contains("class=\"tr\""), "\(name): no second language")
            #expect(!body.contains("</span> / <span"), "\(name): no ' / ' separator")
            #expect(!body.contains("<br><br>") && !body.contains("<br></"), "\(name): no empty second line")
            #expect(body.contains("<table class=\"glance\">"))
        }
    }
}
