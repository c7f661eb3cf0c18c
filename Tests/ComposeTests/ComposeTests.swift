import Compose
import DocumentModel
import DossierCore
import Foundation
import Testing

@Suite struct ComposeTests {
    let checklist: Template

    init() throws {
        checklist = try Template(file: "checklist.xhtml", bytes: Fixtures.load("checklist.xhtml"))
    }

    func compose(_ context: TemplateValue = Fixtures.packet, languages: [String] = ["en", "vi"]) throws -> Document {
        try checklist.compose(context, strings: Fixtures.strings, options: ComposeOptions(languages: languages))
    }

    @Test func documentFieldsComeFromTheTemplateAndOptions() throws {
        let doc = try compose()
        #expect(doc.name == "checklist")
        #expect(doc.title == "VN-2027-014 — Document checklist")
        #expect(doc.language == "en")
        #expect(doc.runningHeader == "VN-2027-014")
        #expect(doc.body.name == "body")
        #expect(doc.body.classes == ["checklist"])
        let overridden = try checklist.compose(Fixtures.packet, strings: Fixtures.strings,
                                               options: ComposeOptions(languages: ["vi", "en"], name: "x", title: "T", runningHeader: "H"))
        #expect((overridden.name, overridden.title, overridden.language, overridden.runningHeader) == ("x", "T", "vi", "H"))
    }

    @Test func loopsRepeatWithNumberAndLast() throws {
        let doc = try compose()
        let items = doc.body.all(class: "item")
        #expect(items.count == 2)
        #expect(items.map { $0.all("h3")[0].textContent } == [
            "1. Certificate of single status / Giấy xác nhận tình trạng hôn nhân",
            "2. Passport copy / Bản sao hộ chiếu",
        ])
        #expect(items[0].all("li").count == 2)
        #expect(items[1].all("li").count == 1)
        // `!doc_last`: a rule after every item but the last.
        #expect(items.map { $0.all("hr").count } == [1, 0])
        #expect(doc.body.all("tr").count == 3)
    }

    @Test func conditionsPickTheBranch() throws {
        #expect(try compose().body.all(class: "verdict").map(\.classes) == [["verdict"]])
        var context = Fixtures.packet
        context = replacing(context, path: ["packet", "eligible"], with: false)
        #expect(try compose(context).body.all(class: "verdict").map(\.classes) == [["verdict", "not-eligible"]])
    }

    @Test func optionalTestTreatsNullAsFalse() throws {
        let items = try compose().body.all(class: "item")
        #expect(items[0].all(class: "valid").map(\.textContent) == ["Issued on or after 2026-09-15Cấp vào hoặc sau ngày 2026-09-15"])
        #expect(items[1].all(class: "valid").isEmpty)
    }

    @Test func optionalTestThroughAnAbsentObjectIsFalse() throws {
        let t = try Fixtures.template(Fixtures.page("""
        <p><t:if test="?facts.surgeon.phone">call <t:value of="facts.surgeon.phone"/><t:else/>no phone</t:if></p>
        """))
        let absent: TemplateValue = ["facts": ["surgeon": .null]]
        #expect(try t.compose(absent, strings: Fixtures.strings, options: Fixtures.bilingual).body.all("p").map(\.textContent) == ["no phone"])
        let present: TemplateValue = ["facts": ["surgeon": ["phone": "+1 619 555 0110"]]]
        #expect(try t.compose(present, strings: Fixtures.strings, options: Fixtures.bilingual).body.all("p").map(\.textContent) == ["call +1 619 555 0110"])
    }

    @Test func negatedOptionalTestsAndElseBranches() throws {
        let t = try Fixtures.template(Fixtures.page("""
        <t:for each="packet.documents" as="doc"><p><t:if test="!?doc.valid_from">none<t:else/>from <t:value of="doc.valid_from"/></t:if></p></t:for>
        """))
        let doc = try t.compose(Fixtures.packet, strings: Fixtures.strings, options: Fixtures.bilingual)
        #expect(doc.body.all("p").map(\.textContent) == ["from 2026-09-15", "none"])
    }

    @Test func bilingualSpansCarryLangAndTranslationClass() throws {
        let doc = try compose()
        let h1 = doc.body.all("h1")[0]
        // Stack (block default): en span, line break, vi span with class tr.
        #expect(h1.children.count == 3)
        guard case .element(let first) = h1.children[0], case .element(let br) = h1.children[1],
              case .element(let second) = h1.children[2] else { Issue.record("not spans"); return }
        #expect(first.name == "span" && first.attributes == [Attribute("lang", "en")])
        #expect(br.name == "br")
        #expect(second.name == "span" && second.attributes == [Attribute("lang", "vi"), Attribute("class", "tr")])
        #expect(second.textContent == "Danh mục giấy tờ")
        // Inline: " / " between.
        let meta = doc.body.all(class: "meta")[0]
        #expect(meta.textContent == "Prepared for Nguyễn Thị Mai on 2027-03-15 / Lập cho Nguyễn Thị Mai ngày 2027-03-15")
        #expect(meta.all("span").map { $0[attribute: "lang"] } == ["en", "vi"])
        // Inside an inline element the default is inline.
        let inSpan = doc.body.all(class: "small")[0].all("span")[0]
        #expect(inSpan.textContent == "checked Documents / Giấy tờ")
        // Every span with lang that is not the first language is a translation.
        for span in doc.body.all("span") where span[attribute: "lang"] != nil {
            #expect((span[attribute: "lang"] == "vi") == span.classes.contains("tr"))
        }
    }

    @Test func oneLanguageGivesOneSpan() throws {
        let strings = try StringCatalog(sources: [.init(language: "en", file: "en.yaml", bytes: Fixtures.load("strings/en.yaml"))])
        let doc = try checklist.compose(Fixtures.packet, strings: strings, options: ComposeOptions(languages: ["en"]))
        let h1 = doc.body.all("h1")[0]
        #expect(h1.children.count == 1)
        #expect(h1.all("span").map(\.attributes) == [[Attribute("lang", "en")]])
        #expect(doc.body.all("span").allSatisfy { !$0.classes.contains("tr") })
    }

    @Test func primaryModeShowsTheFirstLanguageOnly() throws {
        let t = try Fixtures.template(Fixtures.page(#"<p><t:text key="fees.item" mode="primary"/></p>"#))
        let doc = try t.compose([:], strings: Fixtures.strings, options: ComposeOptions(languages: ["vi", "en"]))
        #expect(doc.body.all("p")[0].children == [.element(Element("span", [Attribute("lang", "vi")], [.text("Khoản")]))])
    }

    @Test func attributesInterpolateAndLiteralBracesEscape() throws {
        let doc = try compose()
        #expect(doc.body.all("a").map { $0[attribute: "href"] } == ["https://example.org/rules?a=1&b=2", "https://example.org/passport"])
        let t = try Fixtures.template(Fixtures.page(#"<p title="{{x}} {a}-{b}">x</p>"#))
        let out = try t.compose(["a": "1", "b": 2], strings: Fixtures.strings, options: Fixtures.bilingual)
        #expect(out.body.all("p")[0][attribute: "title"] == "{x} 1-2")
    }

    @Test func valuesAreOnlyEverTextSoMarkupIsEscapedByConstruction() throws {
        let evil = #"<script>alert("x")</script> & 'q'"#
        let t = try Fixtures.template(Fixtures.page(#"<p data-x="{v}"><t:value of="v"/></p>"#))
        let doc = try t.compose(["v": .string(evil)], strings: Fixtures.strings, options: Fixtures.bilingual)
        let p = doc.body.all("p")[0]
        #expect(p.children == [.text(evil)])
        #expect(p[attribute: "data-x"] == evil)
        #expect(p.all("script").isEmpty)
    }

    @Test func textIsNormalizedToNFC() throws {
        let decomposed = "Vie\u{0323}\u{0302}t"
        let t = try Fixtures.template(Fixtures.page(#"<p><t:value of="v"/></p>"#))
        let doc = try t.compose(["v": .string(decomposed)], strings: Fixtures.strings, options: Fixtures.bilingual)
        #expect(Array(doc.body.textContent.unicodeScalars) == Array("Việt".unicodeScalars))
    }

    @Test func composingTwiceGivesEqualTrees() throws {
        #expect(try compose() == compose())
    }

    @Test func templateSetLoadsThroughTheLoader() throws {
        let set = try TemplateSet.load(directory: "", templates: ["checklist.xhtml"], languages: ["en", "vi"],
                                       stylesheet: "test.css", loader: Fixtures.load)
        #expect(set.strings.languages == ["en", "vi"])
        #expect(set.stylesheet.contains(".tr"))
        #expect(set.template(named: "checklist") != nil)
        let doc = try set.compose("checklist", context: Fixtures.packet, options: Fixtures.bilingual)
        #expect(doc == (try compose()))
        let missing = Fixtures.diagnostics { () throws(DiagnosticError) in try set.compose("checklst", context: [:], options: Fixtures.bilingual) }
        #expect(missing.map(\.code) == ["TPL002"])
        #expect(missing.first?.hint == "did you mean `checklist`?")
    }

    @Test func composeIsFast() throws {
        let clock = ContinuousClock()
        _ = try compose()
        let runs = 200
        let elapsed = try clock.measure { for _ in 0..<runs { _ = try compose() } }
        let perRun = elapsed / runs
        // Well under 1 ms in release; the bound here leaves room for debug builds on a busy machine.
        #expect(perRun < .milliseconds(5), "compose took \(perRun) per run")
    }

    private func replacing(_ value: TemplateValue, path: [String], with new: TemplateValue) -> TemplateValue {
        guard let head = path.first else { return new }
        guard case .object(let pairs) = value else { return value }
        return .object(pairs.map { $0.key == head ? ($0.key, replacing($0.value, path: Array(path.dropFirst()), with: new)) : $0 })
    }
}
