import DocumentModel
import DossierCore
import PDF
import PDFFixtures
import Testing
import Typesetting

/// Problems are reported, never silent: missing glyphs, unsupported CSS, missing images.
@Suite struct DiagnosticsTests {
    typealias S = SampleDocuments

    @Test func aCharacterNoFontHasIsAWarningNamingItAndTheDocument() {
        let doc = Document(name: "chinese-name", title: "T", language: "en", runningHeader: "C",
                           body: Element("body", [], [S.el("p", [:], [S.txt("Name in Chinese: 漢字, again 漢")])]))
        let pdf = TestEnvironment.renderer().render(doc)
        let missing = pdf.diagnostics.filter { $0.code == "LAYOUT010" }
        #expect(missing.count == 2, "\(pdf.diagnostics.map(\.headline))")
        #expect(missing.first?.severity == .warning)
        #expect(missing.first?.message.contains("U+6F22") == true)
        #expect(missing.first?.message.contains("chinese-name") == true)
        #expect(missing.last?.message.contains("U+5B57") == true)
    }

    @Test func anUnsupportedPropertyIsAWarningWithFileLineAndColumn() {
        let css = """
            p { margin: 0; }
            h1 {
              font-size: 17pt;
              text-shadow: 1px 1px red;
            }
            @media screen { body { max-width: 180mm; } }
            """
        let (_, diagnostics) = Stylesheet.parse(css, file: "Templates/dossier.css")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.headline))")
        #expect(diagnostics.first?.code == "LAYOUT001")
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/dossier.css", line: 4, column: 3))
        #expect(diagnostics.first?.headline.hasPrefix("Templates/dossier.css:4:3: warning[LAYOUT001]") == true)
    }

    @Test func badValuesSelectorsAndAtRulesAreWarnings() {
        let css = "p { color: blurple; }\nul > li { margin: 0; }\n@font-face { src: url(x.ttf); }\n"
        let codes = Stylesheet.parse(css, file: "x.css").1.map(\.code)
        #expect(codes == ["LAYOUT002", "LAYOUT003", "LAYOUT004"])
    }

    @Test func theRealStylesheetIsEntirelySupported() {
        let (_, diagnostics) = Stylesheet.parse(TestEnvironment.css, file: "Templates/dossier.css")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
    }

    @Test func aMissingImageIsAWarningAndItsAltTextIsShown() {
        let doc = Document(name: "letter", title: "T", language: "en", runningHeader: "C",
                           body: Element("body", [], [S.el("img", ["src": "logo.png", "alt": "Lotus Legal"])]))
        let pdf = TestEnvironment.renderer().render(doc)
        #expect(pdf.diagnostics.map(\.code) == ["LAYOUT020"])
    }

    @Test func decorationsOnInlineElementsAreWarnedAboutOnce() {
        let css = TestEnvironment.css + "\n.badge { background-color: #eeeeee; padding: 2pt; }\n"
        let doc = Document(name: "letter", title: "T", language: "en", runningHeader: "C", body: Element("body", [], [
            S.el("p", [:], [S.el("span", ["class": "badge"], [S.txt("one")]), S.el("span", ["class": "badge"], [S.txt("two")])]),
        ]))
        let pdf = TestEnvironment.renderer(css: css).render(doc)
        #expect(pdf.diagnostics.map(\.code) == ["LAYOUT006"], "\(pdf.diagnostics.map(\.headline))")
        #expect(pdf.diagnostics.first?.message.contains("<span.badge>") == true)
    }
}
