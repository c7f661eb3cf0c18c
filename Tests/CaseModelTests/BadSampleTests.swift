import TestSupport
import CaseModel
import DossierCore
import Testing

/// `Samples/bad/mistakes.yaml` holds eight mistakes; a user must see all of them in one run, each where it is.
@Suite struct BadSampleTests {
    static let file = "Samples/bad/mistakes.yaml"
    let text = CaseFiles.text(BadSampleTests.file)
    var diagnostics: [Diagnostic] { CaseFiles.diagnostics(text, file: Self.file) }

    @Test func everyMistakeIsReportedInOneRunInFileOrder() {
        #expect(diagnostics.map(\.place) == [
            "19:18 CASE012", "21:68 CASE014", "23:5 CASE010", "25:11 CASE011", "30:20 CASE017", "32:11 CASE013", "34:25 CASE014", "35:18 CASE012",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location?.file == Self.file })
    }

    @Test func eachLocationPointsAtTheMistakeItself() {
        let quoted = diagnostics.map { $0.quoted(in: text) }
        #expect(quoted.count == 8)
        guard quoted.count == 8 else { return }
        #expect(quoted[0] == "US")
        #expect(quoted[1].hasPrefix("Calif,"))
        #expect(quoted[2] == "marital_staus: never-married")
        #expect(quoted[3] == "{ given: Thị Bích Ngọc }")
        #expect(quoted[4] == "ngoc")
        #expect(quoted[5] == "2027-02-30")
        #expect(quoted[6] == "mial")
        #expect(quoted[7] == "yes")
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE010" })
        #expect(d.message == "unknown key `marital_staus` in `people.applicant`")
        #expect(d.hint == "did you mean `marital_status`?")
    }

    @Test func enumTypoSuggestsTheIntendedValue() throws {
        let d = try #require(diagnostics.first { $0.place == "34:25 CASE014" })
        #expect(d.message == "`vn_single_status.consulate_submission` cannot be `mial`; expected one of `in-person`, `mail`")
        #expect(d.hint == "did you mean `mail`?")
    }

    @Test func stateThatIsNotAPostalCodeSaysHowToWriteOne() throws {
        let d = try #require(diagnostics.first { $0.place == "21:68 CASE014" })
        #expect(d.message == "`people.applicant.residence.state`: `Calif` is not a US state code")
        #expect(d.hint == "use the two-letter postal code, e.g. CA")
    }

    @Test func impossibleDateSaysWhyItIsImpossible() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE013" })
        #expect(d.message == "`vn_single_status.filing_in_vietnam.date`: 2027-02-30 is not a real date: February 2027 has 28 days, not 30")
        #expect(d.hint == "dates are written YYYY-MM-DD")
    }

    @Test func missingRequiredFieldNamesItsFullPath() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE011" })
        #expect(d.message == "missing required `people.fiancee.name.family`")
        #expect(d.hint == "add `family:` (family name (surname), as in the passport, text)")
    }

    @Test func aReferenceToNobodyNamesThePeopleSection() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE017" })
        #expect(d.message == "`vn_single_status.intended_spouse`: no person `ngoc` under `people:`")
        #expect(d.hint == "add `ngoc:` under `people:` with the person's facts")
    }

    @Test func wrongTypesSayWhatWasFoundAndHowToWriteIt() {
        let wrongTypes = diagnostics.filter { $0.code == "CASE012" }
        #expect(wrongTypes.map(\.message) == [
            "`people.applicant.citizenship` expects a list, each item an ISO 3166 two-letter country code (e.g. US, VN), found a text value \"US\"",
            "`vn_single_status.single_notary` expects true or false, found a text value \"yes\"",
        ])
        #expect(wrongTypes.map(\.hint) == ["write a list, even of one item: [US]", "write `true` or `false`"])
    }

    @Test func rendersTheSourceLineWithACaretUnderTheMistake() throws {
        let renderer = DiagnosticRenderer(sources: [Self.file: text])
        let date = try #require(diagnostics.first { $0.code == "CASE013" })
        #expect(renderer.render(date) == """
            Samples/bad/mistakes.yaml:32:11: error[CASE013]: `vn_single_status.filing_in_vietnam.date`: 2027-02-30 is not a real date: February 2027 has 28 days, not 30
               |
            32 |     date: 2027-02-30
               |           ^
              = hint: dates are written YYYY-MM-DD
            """)
        let key = try #require(diagnostics.first { $0.code == "CASE010" })
        #expect(renderer.render(key) == """
            Samples/bad/mistakes.yaml:23:5: error[CASE010]: unknown key `marital_staus` in `people.applicant`
               |
            23 |     marital_staus: never-married
               |     ^
              = note: expected one of: name, title, sex, birth, citizenship, former_citizenship, us_status, us_citizenship, residence, passport, green_card, id_number, email, phone, marital_status, marital_history
              = hint: did you mean `marital_status`?
            """)
    }

    @Test func caretSitsUnderTheFirstCharacterOfTheBadValue() throws {
        let renderer = DiagnosticRenderer(sources: [Self.file: text])
        let state = try #require(diagnostics.first { $0.place == "21:68 CASE014" })
        let lines = renderer.render(state).split(separator: "\n").map(String.init)
        let source = try #require(lines.first { $0.hasPrefix("21 | ") })
        let caret = try #require(lines.first { $0.hasSuffix("^") && $0.hasPrefix("   | ") })
        #expect(Array(source)[caret.count - 1] == "C")
    }
}
