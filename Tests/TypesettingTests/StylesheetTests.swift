import DossierCore
import Testing
@testable import Typesetting

@Suite struct StylesheetTests {
    @Test func pageRuleGivesSizeAndMargins() {
        let (sheet, diagnostics) = Stylesheet.parse("@page { size: Letter; margin: 18mm 16mm 20mm 1in; }", file: "a.css")
        #expect(diagnostics.isEmpty)
        #expect(sheet.page.width == 612 && sheet.page.height == 792)
        #expect(abs(sheet.page.marginTop - 51.024) < 0.01)
        #expect(sheet.page.marginLeft == 72)
    }

    @Test func screenMediaIsIgnoredAndPrintMediaApplies() {
        let css = "@media screen { p { color: red; } } @media print { p { font-size: 20pt; } } "
            + "@media screen and (max-width: 600px) { table { display: block; overflow-x: auto; } }"
        let (sheet, diagnostics) = Stylesheet.parse(css, file: "a.css")
        #expect(diagnostics.isEmpty)
        #expect(sheet.rules.count == 1)
        let (_, warned) = Stylesheet.parse("@media tv { p { color: red; } }", file: "a.css")
        #expect(warned.map(\.code) == ["LAYOUT004"])
    }

    @Test func cascadeUsesSpecificityThenOrder() {
        let css = ".verdict { border: 1pt solid #2e7d32; } .verdict.not-eligible { border: 1pt solid #b71c1c; } div { border: 3pt solid black; }"
        let sheet = Stylesheet.parse(css, file: "a.css").0
        var style = ComputedStyle()
        let path = [ElementKey(name: "div", classes: ["verdict", "not-eligible"])]
        for d in sheet.declarations(for: path) { d.apply(to: &style, parent: ComputedStyle()) }
        #expect(style.border.left.width == 1)
        #expect(style.border.left.color == RGBColor(red: 0xb7 / 255, green: 0x1c / 255, blue: 0x1c / 255))
    }

    @Test func descendantSelectorsMatchAnyAncestor() {
        let selector = Selector.parse(".steps li")!
        let li = ElementKey(name: "li", classes: [])
        #expect(selector.matches([ElementKey(name: "ul", classes: ["steps"]), ElementKey(name: "div", classes: []), li]))
        #expect(!selector.matches([ElementKey(name: "ul", classes: []), li]))
        #expect(Selector.parse("ul > li") == nil)
        #expect(Selector.parse("a:hover") == nil)
    }

    @Test func shorthandsExpandInCSSOrder() {
        guard case .success(let d) = DeclarationParser.parse(property: "margin", value: "1pt 2pt 3pt") else {
            Issue.record("margin did not parse")
            return
        }
        #expect(d == [.margin(.top, .points(1)), .margin(.right, .points(2)), .margin(.bottom, .points(3)),
                      .margin(.left, .points(2))])
        #expect(DeclarationParser.length("10mm", allowAuto: false) == .points(10 * 72 / 25.4))
        #expect(DeclarationParser.length("16px", allowAuto: false) == .points(12))
        #expect(DeclarationParser.color("#abc") == DeclarationParser.color("#aabbcc"))
    }

    @Test func everyPropertyOfTheRealStylesheetIsSupported() {
        let (sheet, diagnostics) = Stylesheet.parse(Support.css, file: "Templates/dossier.css")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
        let mm = 72 / 25.4
        #expect(sheet.page.width == PageSetup.a4.width && sheet.page.height == PageSetup.a4.height)
        #expect(abs(sheet.page.marginTop - 18 * mm) < 0.001 && abs(sheet.page.marginRight - 16 * mm) < 0.001)
        #expect(abs(sheet.page.marginBottom - 20 * mm) < 0.001 && abs(sheet.page.marginLeft - 16 * mm) < 0.001)
    }
}
