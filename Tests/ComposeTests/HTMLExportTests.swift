import Compose
import DocumentModel
import Foundation
import HTMLExport
import Testing

@Suite struct HTMLExportTests {
    let exporter = HTMLExporter()

    func document(_ children: [Node], header: String = "VN-1") -> Document {
        Document(name: "d", title: "T & <b>", language: "vi", runningHeader: header, body: Element("body", [], children))
    }

    @Test func checklistMatchesItsGolden() throws {
        let template = try Template(file: "checklist.xhtml", bytes: Fixtures.load("checklist.xhtml"))
        let doc = try template.compose(Fixtures.packet, strings: Fixtures.strings, options: Fixtures.bilingual)
        let html = exporter.html(for: doc, stylesheet: Fixtures.text("test.css"))
        Golden.check(html, against: "checklist.html")
        #expect(html == exporter.html(for: doc, stylesheet: Fixtures.text("test.css")))
    }

    @Test func headIsStandaloneHTML5() {
        let html = exporter.html(for: document([]), stylesheet: "p { color: red; }")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>T &amp; &lt;b&gt;</title>\n<style>\np { color: red; }\n</style>"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }

    @Test func textAndAttributesAreEscapedByPosition() {
        let evil = #"<script>alert("x&y")</script>'"#
        let html = exporter.html(for: document([.element(Element("p", [Attribute("title", evil)], [.text(evil)]))]), stylesheet: "")
        #expect(html.contains(#"<p title="&lt;script>alert(&quot;x&amp;y&quot;)&lt;/script>'">&lt;script&gt;alert("x&amp;y")&lt;/script&gt;'</p>"#))
        #expect(!html.contains("<script"))
    }

    @Test func voidElementsHaveNoEndTagAndImagesPassThrough() {
        let html = exporter.html(for: document([.element(Element("p", [], [
            .text("a"), .element(Element("br")), .element(Element("img", [Attribute("src", "logo.png"), Attribute("class", "logo")])),
        ]))]), stylesheet: "")
        #expect(html.contains(#"<p>a<br><img src="logo.png" class="logo"></p>"#))
        #expect(!html.contains("</br>") && !html.contains("</img>"))
    }

    @Test func blockChildrenGoOnTheirOwnLinesInlineChildrenDoNot() {
        let html = exporter.html(for: document([
            .element(Element("ul", [], [.element(Element("li", [], [.text("a")])), .element(Element("li", [], [
                .element(Element("strong", [], [.text("b")])), .element(Element("em", [], [.text("c")])),
            ]))])),
        ]), stylesheet: "")
        #expect(html.contains("<body>\n  <ul>\n    <li>a</li>\n    <li><strong>b</strong><em>c</em></li>\n  </ul>\n</body>"))
    }

    @Test func runningHeaderAndPageCountersAreCSSMarginBoxes() {
        let html = exporter.html(for: document([], header: #"VN-"1"</style>"#), stylesheet: "")
        #expect(html.contains(#"@top-left { content: "VN-\22 1\22 \3C /style\3E ";"#))
        #expect(html.contains(#"@top-right { content: "Page " counter(page) " of " counter(pages);"#))
        let vi = HTMLExporter(pageLabel: "Trang {page}/{pages}").html(for: document([]), stylesheet: "")
        #expect(vi.contains(#"content: "Trang " counter(page) "/" counter(pages);"#))
        #expect(!exporter.html(for: document([], header: ""), stylesheet: "").contains("@top-left"))
    }

    @Test func theStylesheetCannotCloseItsElement() {
        let html = exporter.html(for: document([]), stylesheet: "a::after { content: \"</style><script>\"; }")
        #expect(html.contains(#"content: "<\/style><script>";"#))
        #expect(html.components(separatedBy: "</style>").count == 3)
    }

    @Test func outputIsNFCAndNamesAreSanitized() {
        let html = exporter.html(for: document([
            .element(Element("p\"><x", [Attribute("on\" x=\"", "v")], [.text("Vie\u{0323}\u{0302}t")])),
        ]), stylesheet: "")
        #expect(html.unicodeScalars.contains("\u{1EC7}"))
        #expect(!html.unicodeScalars.contains("\u{0323}"))
        #expect(html.contains(#"<px onx="v">Việt</px>"#))
    }
}
