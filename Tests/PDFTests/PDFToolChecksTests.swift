import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// The checklist fixture through qpdf, pdffonts, pdftotext and pdfinfo: the checks CI relies on.
@Suite struct PDFToolChecksTests {
    static let checklist = TestEnvironment.renderer().render(SampleDocuments.checklist())

    @Test func qpdfFindsNoErrors() throws {
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let out = try TestEnvironment.run("qpdf", ["--check", url.path])
        #expect(out.contains("No syntax or stream encoding errors found"))
    }

    @Test func everyFontIsEmbeddedSubsetAndHasToUnicode() throws {
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let rows = try TestEnvironment.run("pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 2)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(row.contains("CID TrueType") && row.contains("Identity-H"))
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes" && columns[columns.count - 4] == "yes"
                    && columns[columns.count - 3] == "yes", "\(row)")
            #expect(columns.first?.dropFirst(6).first == "+", "subset prefix: \(row)")
        }
    }

    @Test func pageCountAndPageXOfYOnEveryPage() throws {
        let pdf = Self.checklist
        #expect(pdf.pageCount >= 3)
        let url = try TestEnvironment.write(pdf.bytes)
        let info = try TestEnvironment.run("pdfinfo", [url.path])
        #expect(PDFInfo.field("Pages", in: info) == "\(pdf.pageCount)")
        for page in 1...pdf.pageCount {
            let text = try TestEnvironment.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", url.path, "-"])
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first == "VN-2027-014", "page \(page) header: \(lines.first ?? "")")
            #expect(lines.contains("Page \(page) of \(pdf.pageCount)"), "page \(page)")
        }
    }

    @Test func metadataHasTitleLanguageAndProducer() throws {
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let info = try TestEnvironment.run("pdfinfo", [url.path])
        #expect(PDFInfo.field("Title", in: info) == "VN-2027-014 — Document checklist / Danh mục giấy tờ")
        #expect(PDFInfo.field("Producer", in: info) == "Dossier")
        #expect(!info.contains("CreationDate"))
        let qdf = try TestEnvironment.uncompressed(url)
        #expect(qdf.contains("/Lang (en)"))
    }

    @Test func vietnameseSpansCarryTheirLanguage() throws {
        // The language lives on the structure element of the span, which the span's marked content points to.
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let qdf = try TestEnvironment.uncompressed(url)
        #expect(qdf.contains("/Lang (vi)") && qdf.contains("/S /Span"))
        #expect(qdf.contains("/Span<</MCID "))
    }

    @Test func linksBecomeURIAnnotations() throws {
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let qdf = try TestEnvironment.uncompressed(url)
        #expect(qdf.contains("/Subtype /Link"))
        #expect(qdf.contains("/URI (https://vbpl.vn/decree-123-2015)"))
    }

    @Test func secondRenderIsByteIdentical() {
        let again = TestEnvironment.renderer().render(SampleDocuments.checklist())
        #expect(again.bytes == Self.checklist.bytes)
        let packetA = TestEnvironment.renderer().renderPacket(SampleDocuments.packet(rounds: 1), title: "P", language: "en")
        let packetB = TestEnvironment.renderer().renderPacket(SampleDocuments.packet(rounds: 1), title: "P", language: "en")
        #expect(packetA.bytes == packetB.bytes)
    }

    @Test func checklistHasNoWarnings() {
        #expect(Self.checklist.diagnostics.isEmpty, "\(Self.checklist.diagnostics.map(\.headline))")
    }

    @Test func threePageChecklistIsSmall() {
        let pdf = TestEnvironment.renderer().render(SampleDocuments.checklist(items: 4, feeRows: 6))
        #expect(pdf.bytes.count <= 40 * 1024, "\(pdf.bytes.count) bytes for \(pdf.pageCount) pages")
    }
}
