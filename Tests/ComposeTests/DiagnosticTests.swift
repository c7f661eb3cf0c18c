import Compose
import DossierCore
import Testing

/// Every diagnostic code, with its exact place. `Fixtures.page` puts the body markup on line 4, column 1.
@Suite struct DiagnosticTests {
    func parse(_ text: String) -> [Diagnostic] {
        Fixtures.diagnostics { () throws(DiagnosticError) in try Template(file: "t.xhtml", text: text) }
    }

    func compose(_ body: String, title: String = "T", _ context: TemplateValue = Fixtures.packet,
                 languages: [String] = ["en", "vi"]) -> [Diagnostic] {
        Fixtures.diagnostics { () throws(DiagnosticError) in
            let t = try Template(file: "t.xhtml", text: Fixtures.page(body, title: title))
            return try t.compose(context, strings: Fixtures.strings, options: ComposeOptions(languages: languages))
        }
    }

    func place(_ d: Diagnostic?) -> String { d?.location?.description ?? "none" }

    // MARK: TPL001

    @Test func malformedXMLIsTPL001WithLineAndColumn() {
        let d = parse(Fixtures.page("<p>one</q>"))
        #expect(d.map(\.code) == ["TPL001"])
        // libxml2 reports the column just after the offending end tag.
        #expect(place(d.first) == "t.xhtml:4:11")
        #expect(d.first?.message.contains("mismatch") == true)
    }

    @Test func namedEntitiesAreTPL001WithAHint() {
        let d = parse(Fixtures.page("<p>a&nbsp;b</p>"))
        #expect(d.map(\.code) == ["TPL001"])
        #expect(place(d.first) == "t.xhtml:4:11")
        #expect(d.first?.hint?.contains("&#160;") == true)
    }

    // MARK: TPL010

    @Test func unknownVariableSuggestsTheClosestName() {
        let d = compose(#"<p>  <t:value of="cse.id"/></p>"#)
        #expect(d.map(\.code) == ["TPL010"])
        #expect(place(d.first) == "t.xhtml:4:6")
        #expect(d.first?.message == "unknown variable `cse` in `cse.id`")
        #expect(d.first?.hint == "did you mean `case`?")
    }

    @Test func unknownKeySuggestsTheFullPath() {
        let d = compose("""
        <t:for each="packet.documents" as="doc">
          <h3><t:localized of="doc.titel"/></h3>
        </t:for>
        """)
        // Reported once although both documents fail.
        #expect(d.map(\.code) == ["TPL010"])
        #expect(place(d.first) == "t.xhtml:5:7")
        #expect(d.first?.message == "`doc` has no `titel` (in `doc.titel`)")
        #expect(d.first?.hint == "did you mean `doc.title`?")
    }

    @Test func optionalTestsStillCatchMisspeltKeys() {
        let d = compose(#"<t:for each="packet.documents" as="doc"><t:if test="?doc.valid_frm">x</t:if></t:for>"#)
        #expect(d.map(\.code) == ["TPL010"])
        #expect(place(d.first) == "t.xhtml:4:41")
        #expect(d.first?.hint == "did you mean `doc.valid_from`?")
    }

    @Test func aNullLeafWithoutQuestionMarkIsAnError() {
        let d = compose(#"<t:for each="packet.documents" as="doc"><t:if test="doc.valid_from">x</t:if></t:for>"#)
        #expect(d.map(\.code) == ["TPL010"])
        #expect(d.first?.message == "`doc.valid_from` is null")
        #expect(d.first?.hint == #"test it first: <t:if test="?doc.valid_from">"#)
    }

    @Test func placeholdersInAttributesAndTitlePointAtTheBrace() {
        let d = compose(#"<a class="x" href="https://x/{case.idd}">x</a>"#, title: "Case {case.di}")
        #expect(d.map(\.code) == ["TPL010", "TPL010"])
        #expect(d.map(place) == ["t.xhtml:4:30", "t.xhtml:2:19"])
        #expect(d.map(\.hint) == ["did you mean `case.id`?", "did you mean `case.id`?"])
    }

    @Test func catalogPlaceholdersReportTheTemplateLineAndTheCatalogKey() {
        let d = compose(#"<p><t:text key="checklist.valid_from"/></p>"#)
        #expect(d.map(\.code) == ["TPL010"])
        #expect(place(d.first) == "t.xhtml:4:4")
        #expect(d.first?.message == "unknown variable `doc` in `doc.valid_from`")
        #expect(d.first?.notes == ["in `checklist.valid_from` of strings/en.yaml"])
    }

    // MARK: TPL011

    @Test func missingTranslationNamesKeyLanguageAndFile() {
        let d = compose(#"<p><t:text key="fees.itme"/></p>"#)
        #expect(d.map(\.code) == ["TPL011", "TPL011"])
        #expect(d.map(\.message) == [
            "no translation for `fees.itme` in language `en` (strings/en.yaml)",
            "no translation for `fees.itme` in language `vi` (strings/vi.yaml)",
        ])
        #expect(place(d.first) == "t.xhtml:4:4")
        #expect(d.first?.hint == "did you mean `fees.item`?")
    }

    @Test func templateSetChecksKeysWhenLoading() {
        let files: [String: String] = [
            "T/a.xhtml": Fixtures.page(#"<p><t:text key="fees.item"/><t:text key="fees.nope"/></p>"#),
            "T/strings/en.yaml": Fixtures.text("strings/en.yaml"),
            "T/strings/vi.yaml": Fixtures.text("strings/vi.yaml"),
        ]
        let d = Fixtures.diagnostics { () throws(DiagnosticError) in
            try TemplateSet.load(directory: "T", templates: ["a.xhtml", "b.xhtml"], languages: ["en", "vi"], stylesheet: nil) { path in
                guard let text = files[path] else { throw MissingFile(path: path) }
                return Array(text.utf8)
            }
        }
        #expect(d.map(\.code) == ["TPL011", "TPL011", "TPL002"])
        #expect(d.map(place) == ["T/a.xhtml:4:29", "T/a.xhtml:4:29", "T/b.xhtml:1:1"])
    }

    @Test func languageWithoutCatalogOrTranslation() {
        let d = compose(#"<p><t:localized of="packet.verdict"/></p>"#, languages: ["en", "fr"])
        #expect(d.map(\.code) == ["TPL011", "TPL011"])
        #expect(d[0].message == "no string catalog for language `fr`")
        #expect(d[1].message == "`packet.verdict` has no `fr` text")
        #expect(place(d[1]) == "t.xhtml:4:4")
    }

    // MARK: TPL012

    @Test func unknownTemplateElementsAndAttributes() {
        let d = parse(Fixtures.page("""
        <t:fore each="a" as="b"/>
        <t:for each="a" as="b" sort="x"></t:for>
        <p t:if="a">x</p>
        """))
        #expect(d.map(\.code) == ["TPL012", "TPL012", "TPL012"])
        #expect(d.map(place) == ["t.xhtml:4:1", "t.xhtml:5:24", "t.xhtml:6:4"])
        #expect(d[0].hint == "did you mean <t:for>?")
        #expect(d[1].message == "unknown attribute `sort` on <t:for>")
    }

    // MARK: TPL013

    @Test func structuralMistakes() {
        let d = parse(Fixtures.page("""
        <t:value/>
        <t:else/>
        <t:value of="a..b"/>
        <t:text key="k" mode="side"/>
        """))
        #expect(d.map(\.code) == ["TPL013", "TPL013", "TPL013", "TPL013"])
        #expect(d.map(place) == ["t.xhtml:4:1", "t.xhtml:5:1", "t.xhtml:6:14", "t.xhtml:7:23"])
        let twice = parse(Fixtures.page(#"<t:if test="a">x<t:else/>y<t:else/>z</t:if>"#))
        #expect(twice.map(\.message) == ["<t:if> has more than one <t:else/>"])
        #expect(place(twice.first) == "t.xhtml:4:27")
        #expect(parse("<div/>").map(\.message) == ["the root element must be <html>, not <div>"])
        #expect(parse("<html><head><title>x</title></head></html>").map(\.message) == ["the template has no <body>"])
    }

    // MARK: TPL014

    @Test func valuesOfTheWrongKind() {
        let d = compose("""
        <t:for each="case.id" as="x"/>
        <p><t:value of="packet.verdict"/></p>
        <p><t:value of="packet.eligible"/></p>
        """)
        #expect(d.map(\.code) == ["TPL014", "TPL014", "TPL014"])
        #expect(d.map(place) == ["t.xhtml:4:1", "t.xhtml:5:4", "t.xhtml:6:4"])
        #expect(d[1].hint == #"use <t:localized of="packet.verdict"/>"#)
    }

    // MARK: Accumulation

    @Test func allProblemsAreReportedTogetherInDocumentOrder() {
        let d = compose("""
        <p><t:value of="case.idd"/></p>
        <p><t:text key="nope"/></p>
        <p><t:value of="packet.verdict"/></p>
        """)
        #expect(d.map(\.code) == ["TPL010", "TPL011", "TPL011", "TPL014"])
        #expect(d.map { $0.location?.line ?? 0 } == [4, 5, 5, 6])
    }
}

struct MissingFile: Error, CustomStringConvertible {
    let path: String
    var description: String { "no such file: \(path)" }
}
