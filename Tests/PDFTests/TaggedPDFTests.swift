import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// Tagged, accessible PDF (PDF/UA-1 direction), checked with Poppler's `pdfinfo -struct-text` and qpdf: a structure
/// tree in reading order with headings, lists, tables with header cells, figures with alt text, links, language
/// spans; running headers and page numbers as artifacts.
@Suite struct TaggedPDFTests {
    typealias S = SampleDocuments

    static let checklist = TestEnvironment.renderer().render(S.checklist(items: 4, feeRows: 30))

    /// `pdfinfo -struct-text`, one trimmed line per entry.
    static func structure(_ bytes: [UInt8]) throws -> [String] {
        let url = try TestEnvironment.write(bytes)
        return try TestEnvironment.run("pdfinfo", ["-struct-text", url.path]).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Every object of the file as qpdf's JSON (version 2), whitespace removed: `"/Lang":"u:vi"`.
    static func objects(_ bytes: [UInt8]) throws -> String {
        let url = try TestEnvironment.write(bytes)
        let json = try TestEnvironment.run("qpdf", ["--json", "--json-key=qpdf", url.path])
        return String(json.unicodeScalars.filter { $0 != " " && $0 != "\n" }.map(Character.init))
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Asserts that `expected` occur in `lines` in this order (each a prefix of some later line).
    static func inOrder(_ lines: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var from = 0
        for item in expected {
            guard let i = lines[from...].firstIndex(where: { $0.hasPrefix(item) }) else {
                Issue.record("\(item) missing after line \(from): \(lines[from...].prefix(8))", sourceLocation: sourceLocation)
                return
            }
            from = i + 1
        }
    }

    @Test func pdfinfoSaysTagged() throws {
        for pdf in [Self.checklist, TestEnvironment.renderer().render(S.statement()),
                    TestEnvironment.renderer().render(S.coverLetter()),
                    TestEnvironment.renderer().renderPacket(S.packet(rounds: 1), title: "Packet", language: "en")] {
            let url = try TestEnvironment.write(pdf.bytes)
            #expect(PDFInfo.field("Tagged", in: try TestEnvironment.run("pdfinfo", [url.path])) == "yes")
            #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
        }
    }

    @Test func headingsListsAndTablesComeInReadingOrder() throws {
        let lines = try Self.structure(Self.checklist.bytes)
        #expect(lines.first == "Document")
        Self.inOrder(lines, [
            "H1", "\"Document checklist: marrying in Vietnam", "Span", "\"Danh mục giấy tờ: kết hôn tại Việt Nam\"",
            "H2", "\"Documents", "H3", "\"1. Certificate of single status", "P", "\"What:",
            "L", "LI", "LBody", "\"Sign before a notary", "LI", "LBody", "\"County clerk certification",
            "H3", "\"2. Passport copy",
            "H2", "\"Fees", "Table", "THead", "TR", "TH", "\"Item", "TH", "\"Payable to", "TH", "\"Amount",
            "TBody", "TR", "TD", "\"Apostille, per document", "TD", "\"Washington Secretary of State", "TD", "\"$15.00\"",
            "H2", "\"Deadlines", "Table", "TH", "\"Date", "TD", "\"2027-04-30\"",
            "H2", "\"Warnings",
        ])
    }

    @Test func headerCellsHaveScopeAndRepeatedHeadersAreArtifacts() throws {
        let lines = try Self.structure(Self.checklist.bytes)
        #expect(Self.checklist.pageCount >= 3)
        // The fee table spans pages and repeats its header on each, but the header is tagged once.
        #expect(lines.filter { $0.hasPrefix("\"Payable to") }.count == 1)
        #expect(lines.filter { $0 == "/Scope /Column" }.count == 5, "three fee and two deadline header cells")
    }

    @Test func runningHeadersAndPageNumbersAreArtifacts() throws {
        let lines = try Self.structure(Self.checklist.bytes)
        #expect(!lines.contains { $0.contains("Page 1 of") || $0 == "\"VN-2027-014\"" })
        let url = try TestEnvironment.write(Self.checklist.bytes)
        let qdf = try TestEnvironment.uncompressed(url)
        #expect(qdf.contains("/Artifact<</Type/Pagination>>BDC"))
        #expect(qdf.contains("/Artifact BMC"))
    }

    @Test func catalogAndPagesCarryWhatAssistiveTechnologyNeeds() throws {
        let json = try Self.objects(Self.checklist.bytes)
        #expect(json.contains("\"/MarkInfo\":{\"/Marked\":true}"))
        #expect(json.contains("\"/StructTreeRoot\":"))
        #expect(json.contains("\"/ParentTree\":"))
        #expect(json.contains("\"/ViewerPreferences\":{\"/DisplayDocTitle\":true}"))
        #expect(json.contains("\"/Lang\":\"u:en\""))
        #expect(Self.count("\"/Type\":\"/Page\"", in: json) == Self.checklist.pageCount)
        #expect(Self.count("\"/Tabs\":\"/S\"", in: json) == Self.checklist.pageCount)
        #expect(Self.count("\"/StructParents\":", in: json) == Self.checklist.pageCount)
        let url = try TestEnvironment.write(Self.checklist.bytes)
        #expect(try TestEnvironment.uncompressed(url).contains("<pdfuaid:part>1</pdfuaid:part>"))
    }

    @Test func linksAreLinkElementsWithTheirAnnotation() throws {
        let lines = try Self.structure(Self.checklist.bytes)
        Self.inOrder(lines, ["Link", "\"help@lotus.example\"", "Object "])
        Self.inOrder(lines, ["\"Source:", "Link", "\"Decree 123/2015/ND-CP, Art. 30\"", "Object "])
        let json = try Self.objects(Self.checklist.bytes)
        let annotations = Self.count("\"/Subtype\":\"/Link\"", in: json)
        #expect(annotations > 0)
        #expect(Self.count("\"/StructParent\":", in: json) == annotations)
        #expect(Self.count("\"/Type\":\"/OBJR\"", in: json) == annotations)
    }

    @Test func otherLanguageTextIsASpanWithItsLanguage() throws {
        let json = try Self.objects(Self.checklist.bytes)
        // Vietnamese spans say so; English, the document's language, is set once, on the catalog.
        #expect(json.contains("\"/S\":\"/Span\""))
        #expect(Self.count("\"/Lang\":\"u:vi\"", in: json) > 10)
        #expect(Self.count("\"/Lang\":\"u:en\"", in: json) == 1)
    }

    @Test func logoIsAFigureWithAltText() throws {
        let png = try Data(contentsOf: TestEnvironment.root.appendingPathComponent("Samples/logos/pacific-bridge.png"))
        let renderer = TestEnvironment.renderer(images: { $0 == "logo.png" ? Array(png) : nil })
        let pdf = renderer.render(S.checklist(items: 1, feeRows: 1, logo: "logo.png"))
        let json = try Self.objects(pdf.bytes)
        #expect(json.contains("\"/S\":\"/Figure\""))
        #expect(json.contains("\"/Alt\":\"u:LotusLegalServices\""), "alt text (spaces removed with the JSON's)")
        let lines = try Self.structure(pdf.bytes)
        Self.inOrder(lines, ["Document", "P", "Figure", "\"Lotus Legal Services"])
    }

    @Test func packetIsOneDocumentOfTitledParts() throws {
        let documents = S.packet(rounds: 1)
        let pdf = TestEnvironment.renderer().renderPacket(documents, title: "Packet", language: "en")
        let lines = try Self.structure(pdf.bytes)
        #expect(lines.first == "Document")
        #expect(lines.filter { $0.hasPrefix("Part") }.count == documents.count)
        Self.inOrder(lines, ["Part", "H1", "\"Document checklist", "Part", "H2", "\"Application for a certificate",
                             "Part", "H1", "\"Statement of single status"])
        let json = try Self.objects(pdf.bytes)
        #expect(Self.count("\"/S\":\"/Part\"", in: json) == documents.count)
        #expect(json.contains("\"/T\":\"u:VN-2027-014—Coverletter\""))
    }
}
