import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// Bad or odd input never traps: every tree renders to a valid PDF.
@Suite struct RobustnessTests {
    typealias S = SampleDocuments

    static func document(_ children: [Node]) -> Document {
        Document(name: "odd", title: "", language: "", runningHeader: "", body: Element("body", [], children))
    }

    static let oddTrees: [[Node]] = [
        [],
        [S.txt("   \n\t  ")],
        [S.el("p", [:], [S.txt(String(repeating: "Supercalifragilistic", count: 40))])],
        [S.el("table", [:], [])],
        [S.el("table", [:], [S.el("tr", [:], [S.el("td", ["colspan": "99"], [S.txt("wide")])]),
                             S.el("tr", [:], [S.el("td", ["colspan": "-3"], [S.txt("x")]), S.el("td")])])],
        [S.el("table", [:], [S.el("thead", [:], [S.el("tr", [:], [S.el("th", [:], [S.txt("only a header")])])])])],
        [S.el("ul", [:], [S.el("li"), S.el("li", [:], [S.el("table", [:], [S.el("tr", [:], [S.el("td", [:], [S.txt("t")])])])])])],
        [S.el("img", ["src": "broken.png"]), S.el("img")],
        [S.el("span", ["class": "tick"]), S.el("br"), S.el("br"), S.el("br")],
        [S.el("div", [:], (0..<60).map { _ in S.el("div", ["class": "item"], [S.el("p", [:], [S.txt("deep")])]) })],
        [S.txt("\u{0301}\u{0323} marks first, then \u{200D}\u{FEFF}\u{0000}\u{0007} controls and a lone \u{D7FF}")],
        [S.el("table", [:], (0..<3).map { _ in
            S.el("tr", [:], [S.el("td", [:], (0..<120).map { i in S.el("p", [:], [S.txt("line \(i) of a very tall cell")]) })])
        })],
        [S.el("div", ["class": "pagebreak"]), S.el("div", ["class": "pagebreak"]), S.el("p", [:], [S.txt("after breaks")])],
    ]

    @Test(arguments: 0..<oddTrees.count)
    func oddTreesRenderToValidPDFs(index: Int) throws {
        let pdf = TestEnvironment.renderer(images: { $0 == "broken.png" ? [0x89, 0x50, 0x4E, 0x47, 1, 2, 3] : nil })
            .render(Self.document(Self.oddTrees[index]))
        #expect(pdf.pageCount >= 1)
        let url = try TestEnvironment.write(pdf.bytes)
        #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
    }

    @Test func brokenPNGDataIsAWarningNotACrash() {
        let png = Array(TinyPNG.make(width: 8, height: 8).dropLast(30))
        let pdf = TestEnvironment.renderer(images: { _ in png })
            .render(Self.document([S.el("img", ["src": "logo.png", "alt": "Logo"])]))
        #expect(pdf.diagnostics.map(\.code) == ["PDF010"], "\(pdf.diagnostics.map(\.headline))")
    }

    @Test func aRowTallerThanAPageIsSplitAcrossPages() throws {
        let pdf = TestEnvironment.renderer().render(Self.document(Self.oddTrees[11]))
        #expect(pdf.pageCount >= 6)
        let url = try TestEnvironment.write(pdf.bytes)
        let text = try TestEnvironment.run("pdftotext", [url.path, "-"])
        #expect(text.components(separatedBy: "line 119 of a very tall cell").count == 4)
    }
}
