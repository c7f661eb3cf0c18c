import DocumentModel
import DossierCore
import Foundation
import PDF
import PDFFixtures
import Testing
import Typesetting

/// A custom stylesheet can hold any value: out-of-range lengths are located `LAYOUT002` warnings at parse time and
/// the engine never traps on what reaches it (issue 15, point 2).
@Suite struct StyleValueTests {
    /// Each line is a rule with one value outside what the engine accepts, and the column of its declaration.
    static let extremes: [String] = [
        "p { font-size: 0 }", "p { font-size: 0pt }", "p { font-size: -3pt }", "p { font-size: 1e308pt }",
        "p { font-size: nanpt }", "p { font-size: infpt }", "p { font-size: 5000% }", "p { font-size: 1e-9em }",
        "p { margin: 1e308pt }", "p { margin-top: -1e308pt }", "p { padding: 1e308in }", "p { padding-left: nanpt }",
        "td { width: 1e308pt }", "p { height: infpt }", "p { width: 1e7% }", "p { line-height: 1e308 }",
        "p { line-height: 1e308pt }", "p { line-height: nan }", "p { line-height: 1e300% }", "p { border: 1e308pt solid }",
        "p { border-width: infpt }", "li { margin-left: 1e6em }", "h1 { padding: 0x1p1000pt }",
        "@page { margin: 1e308pt }", "@page { margin: 500pt }", "@page { size: 1e308pt 1e308pt }", "@page { size: 1pt 1pt }",
    ]

    static let document = SampleDocuments.checklist(items: 3, feeRows: 3)

    @Test(arguments: 0..<extremes.count)
    func anExtremeValueIsALocatedWarningAndRendersWithoutTrapping(index: Int) throws {
        let css = TestEnvironment.css + "\n\n" + Self.extremes[index] + "\n"
        let line = css.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let (sheet, diagnostics) = Stylesheet.parse(css, file: "custom.css")
        let warning = diagnostics.first { $0.location?.line == line }
        #expect(warning?.code == "LAYOUT002", "\(Self.extremes[index]): \(diagnostics.map(\.headline))")
        #expect(warning?.location?.file == "custom.css")
        #expect((warning?.location?.column ?? 0) > 1)
        let pdf = PDFRenderer(stylesheet: sheet, fonts: TestEnvironment.fonts).render(Self.document)
        #expect(pdf.pageCount >= 1)
        let url = try TestEnvironment.write(pdf.bytes, name: "extreme-\(index).pdf")
        #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
    }

    @Test func theWarningSaysWhatIsAllowed() {
        let (_, diagnostics) = Stylesheet.parse("p {\n  font-size: 0;\n}\n", file: "custom.css")
        #expect(diagnostics.map(\.headline) == [
            "custom.css:2:3: warning[LAYOUT002]: value '0' for 'font-size' is out of range (1pt to 1000pt); the PDF ignores it",
        ])
    }

    /// Relative sizes compound (each level 50em): the computed size is bounded, not infinite.
    @Test func nestedRelativeSizesStayFinite() throws {
        var node = Node.text("deep")
        for _ in 0..<40 { node = SampleDocuments.el("div", ["class": "big"], [node]) }
        let doc = Document(name: "deep", title: "deep", language: "en", runningHeader: "", body: Element("body", [], [node]))
        let (sheet, _) = Stylesheet.parse(".big { font-size: 50em; line-height: 20; margin: 100em }", file: "custom.css")
        let pdf = PDFRenderer(stylesheet: sheet, fonts: TestEnvironment.fonts).render(doc)
        let url = try TestEnvironment.write(pdf.bytes, name: "deep.pdf")
        #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
    }
}
