import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// Copy, paste and search give back the exact NFC text: checked with poppler's pdftotext.
@Suite struct TextExtractionTests {
    typealias S = SampleDocuments

    static let lines = [
        "Giấy xác nhận tình trạng hôn nhân – Tuyên thệ độc thân",
        "Affidavit, office, fjord: no ligatures in legal text",
        "Nguyễn Thị Mai, Phạm Quốc Bảo, Đặng Thuỳ Dương, Trương Mỹ Lệ",
        "Marks with no precomposed glyph: q̣̂ and ə́ stay whole",
        "Bold, italic and both in one line",
    ]

    static func document(_ paragraphs: [[Node]]) -> Document {
        Document(name: "extraction", title: "Extraction", language: "en", runningHeader: "CASE-1",
                 body: Element("body", [], paragraphs.map { .element(Element("p", [], $0)) }))
    }

    static func extract(_ document: Document) throws -> [String] {
        let pdf = TestEnvironment.renderer().render(document)
        let url = try TestEnvironment.write(pdf.bytes)
        let text = try TestEnvironment.run("pdftotext", [url.path, "-"])
        return text.split(separator: "\n").map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != "CASE-1" && !$0.hasPrefix("Page ")
                && $0 != "\u{0C}"
        }
    }

    @Test func textComesBackExactlyInNFC() throws {
        let doc = Self.document([
            [S.vi(Self.lines[0])],
            [S.en(Self.lines[1])],
            [S.vi(Self.lines[2])],
            [S.txt(Self.lines[3])],
            [S.el("strong", [:], [S.txt("Bold")]), S.txt(", "), S.el("em", [:], [S.txt("italic")]), S.txt(" and "),
             S.el("strong", [:], [S.el("em", [:], [S.txt("both")])]), S.txt(" in one line")],
        ])
        let got = try Self.extract(doc)
        #expect(got.count == Self.lines.count, "\(got)")
        for (line, expected) in zip(got, Self.lines) {
            #expect(line.scalars == expected.precomposedStringWithCanonicalMapping.scalars, "\(line) ≠ \(expected)")
        }
    }

    @Test func decomposedInputComesOutComposed() throws {
        let nfd = Self.lines[2].decomposedStringWithCanonicalMapping
        #expect(nfd.scalars != Self.lines[2].scalars)
        let got = try Self.extract(Self.document([[S.vi(nfd)]]))
        #expect(got.first?.scalars == Self.lines[2].precomposedStringWithCanonicalMapping.scalars)
    }

    @Test func checklistTextIsAllThere() throws {
        let pdf = TestEnvironment.renderer().render(SampleDocuments.checklist())
        let url = try TestEnvironment.write(pdf.bytes)
        let text = try TestEnvironment.run("pdftotext", [url.path, "-"])
        let lines = Set(text.split(separator: "\n").map { String($0).precomposedStringWithCanonicalMapping })
        for expected in ["Document checklist: marrying in Vietnam", "Danh mục giấy tờ: kết hôn tại Việt Nam",
                         "Chứng nhận Apostille của Bộ trưởng Ngoại giao bang", "Hợp pháp hóa lãnh sự",
                         "Giấy xác nhận tình trạng hôn nhân", "Lệ phí đăng ký kết hôn", "₫1,500,000", "$1,385.00"] {
            #expect(lines.contains(expected), "missing line: \(expected)")
        }
        #expect(text.precomposedStringWithCanonicalMapping.scalars == text.scalars, "extracted text is NFC")
    }
}
