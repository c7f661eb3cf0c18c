import CaseModel
import DossierCore
import Testing

/// `Samples/bad/mistakes.yaml` holds seven mistakes; a user must see all of them in one run, each where it is.
@Suite struct BadSampleTests {
    static let file = "Samples/bad/mistakes.yaml"
    let text = CaseFiles.text(BadSampleTests.file)
    var diagnostics: [Diagnostic] { CaseFiles.diagnostics(text, file: Self.file) }

    @Test func everyMistakeIsReportedInOneRunInFileOrder() {
        #expect(diagnostics.map(\.place) == [
            "17:16 CASE012", "19:66 CASE014", "21:3 CASE010", "24:11 CASE011", "29:11 CASE013", "31:25 CASE014", "32:18 CASE012",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location?.file == Self.file })
    }

    @Test func eachLocationPointsAtTheMistakeItself() {
        let quoted = diagnostics.map { $0.quoted(in: text) }
        #expect(quoted.count == 7)
        guard quoted.count == 7 else { return }
        #expect(quoted[0] == "US")
        #expect(quoted[1].hasPrefix("Calif,"))
        #expect(quoted[2] == "marital_staus: never-married")
        #expect(quoted[3] == "{ given: Thị Bích Ngọc }")
        #expect(quoted[4] == "2027-02-30")
        #expect(quoted[5] == "mial")
        #expect(quoted[6] == "yes")
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE010" })
        #expect(d.message == "unknown key `marital_staus` in `applicant`")
        #expect(d.hint == "did you mean `marital_status`?")
    }

    @Test func enumTypoSuggestsTheIntendedValue() throws {
        let d = try #require(diagnostics.first { $0.place == "31:25 CASE014" })
        #expect(d.message == "`vn_single_status.consulate_submission` cannot be `mial`; expected one of `in-person`, `mail`")
        #expect(d.hint == "did you mean `mail`?")
    }

    @Test func stateThatIsNotAPostalCodeSaysHowToWriteOne() throws {
        let d = try #require(diagnostics.first { $0.place == "19:66 CASE014" })
        #expect(d.message == "`applicant.residence.state`: `Calif` is not a US state code")
        #expect(d.hint == "use the two-letter postal code, e.g. CA")
    }

    @Test func impossibleDateSaysWhyItIsImpossible() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE013" })
        #expect(d.message == "`vn_single_status.filing_in_vietnam.date`: 2027-02-30 is not a real date: February 2027 has 28 days, not 30")
        #expect(d.hint == "dates are written YYYY-MM-DD")
    }

    @Test func missingRequiredFieldNamesItsFullPath() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE011" })
        #expect(d.message == "missing required `vn_single_status.intended_spouse.name.family`")
        #expect(d.hint == "add `family:` (family name (surname) as in the passport, text)")
    }

    @Test func wrongTypesSayWhatWasFoundAndHowToWriteIt() {
        let wrongTypes = diagnostics.filter { $0.code == "CASE012" }
        #expect(wrongTypes.map(\.message) == [
            "`applicant.citizenship` expects a list, each item an ISO 3166 two-letter country code (e.g. US, VN), found a text value \"US\"",
            "`vn_single_status.single_notary` expects true or false, found a text value \"yes\"",
        ])
        #expect(wrongTypes.map(\.hint) == ["write a list, even of one item: [US]", "write `true` or `false`"])
    }

    @Test func rendersTheSourceLineWithACaretUnderTheMistake() throws {
        let renderer = DiagnosticRenderer(sources: [Self.file: text])
        let date = try #require(diagnostics.first { $0.code == "CASE013" })
        #expect(renderer.render(date) == """
            Samples/bad/mistakes.yaml:29:11: error[CASE013]: `vn_single_status.filing_in_vietnam.date`: 2027-02-30 is not a real date: February 2027 has 28 days, not 30
               |
            29 |     date: 2027-02-30
               |           ^
              = hint: dates are written YYYY-MM-DD
            """)
        let key = try #require(diagnostics.first { $0.code == "CASE010" })
        #expect(renderer.render(key) == """
            Samples/bad/mistakes.yaml:21:3: error[CASE010]: unknown key `marital_staus` in `applicant`
               |
            21 |   marital_staus: never-married
               |   ^
              = note: expected one of: name, title, sex, birth, citizenship, us_status, residence, passport, green_card, id_number, email, phone, marital_status, marital_history, overseas_vietnamese, settled_in_us_on
              = hint: did you mean `marital_status`?
            """)
    }

    @Test func caretSitsUnderTheFirstCharacterOfTheBadValue() throws {
        let renderer = DiagnosticRenderer(sources: [Self.file: text])
        let state = try #require(diagnostics.first { $0.place == "19:66 CASE014" })
        let lines = renderer.render(state).split(separator: "\n").map(String.init)
        let source = try #require(lines.first { $0.hasPrefix("19 | ") })
        let caret = try #require(lines.first { $0.hasSuffix("^") && $0.hasPrefix("   | ") })
        #expect(Array(source)[caret.count - 1] == "C")
    }
}
