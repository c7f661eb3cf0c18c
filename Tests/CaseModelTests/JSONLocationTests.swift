import TestSupport
import CaseModel
import DossierCore
import Testing

/// JSON case files are read as YAML flow style; their diagnostics and facts carry JSON lines and columns.
@Suite struct JSONLocationTests {
    let text = CaseFiles.fixture("mistakes.json")
    var diagnostics: [Diagnostic] { CaseFiles.diagnostics(text, file: "mistakes.json") }

    @Test func everyMistakeInAJSONFileIsReportedAtItsLineAndColumn() {
        #expect(diagnostics.map(\.place) == ["6:5 CASE010", "7:24 CASE013", "8:18 CASE014", "9:20 CASE012", "10:27 CASE012"])
        #expect(diagnostics.map { $0.quoted(in: text) } == [
            "\"sexx\": \"female\",",
            "\"1990-02-30\", \"place\": \"Đà Lạt, Việt Nam\" },",
            "\"citizn\",",
            "\"US\",",
            "\"VN\"",
        ])
    }

    @Test func hintsInAJSONFile() {
        #expect(diagnostics.map(\.hint) == [
            "did you mean `sex`?", "dates are written YYYY-MM-DD", "did you mean `citizen`?",
            "write a list, even of one item: [US]", "write a list, even of one item: [VN]",
        ])
    }

    @Test func renderedJSONDiagnosticQuotesTheJSONLine() throws {
        let d = try #require(diagnostics.first { $0.code == "CASE014" })
        #expect(DiagnosticRenderer(sources: ["mistakes.json": text]).render(d) == """
            mistakes.json:8:18: error[CASE014]: `people.applicant.us_status` cannot be `citizn`; expected one of `citizen`, `permanent-resident`, `nonimmigrant`, `none`
              |
            8 |     "us_status": "citizn",
              |                  ^
              = hint: did you mean `citizen`?
            """)
    }

    @Test func factsOfAGoodJSONSampleRememberWhereTheyWereWritten() throws {
        let file = "Samples/vi-primary-georgia-divorced.json"
        let caseFile = try CaseLoader.load(text: CaseFiles.text(file), file: file, schema: RuleBookFixture.schema).get()
        #expect(caseFile.languages == ["vi", "en"])
        let birth = try #require(caseFile.fact("applicant.birth.date"))
        #expect(birth.date == CalendarDate(year: 1988, month: 10, day: 5))
        #expect(birth.location == SourceLocation(file: file, line: 29, column: 17))
        let history = try #require(caseFile.fact("applicant.marital_history")?.list?.first)
        #expect(history["ended_on"]?.location == SourceLocation(file: file, line: 59, column: 23))
        #expect(caseFile.fact("vn_single_status.single_notary")?.bool == true)
    }
}

/// Columns count Unicode scalars (libyaml's marks); the caret must still land under the mistake when a name
/// before it is written with combining accents (decomposed, as some editors save Vietnamese).
@Suite struct CombiningAccentTests {
    @Test(arguments: ["Thu\u{0300}y", "Th\u{00F9}y"])
    func caretLandsUnderTheMistakeAfterAccentedText(_ given: String) throws {
        let text = "dossier: 2\ncase: { id: a1, procedures: [vn-single-status] }\npeople: { applicant: { name: { given: \(given), family: Lê }, sex: malee } }\n"
        let d = try #require(CaseFiles.diagnostics(text, file: "a.yaml").first)
        #expect(d.code == "CASE014")
        let lines = DiagnosticRenderer(sources: ["a.yaml": text]).render(d).split(separator: "\n").map(String.init)
        let source = try #require(lines.first { $0.hasPrefix("3 | ") })
        let caret = try #require(lines.last { $0.hasSuffix("^") })
        let under = Array(source).dropFirst(caret.count - 1).first
        #expect(under == "m", "the caret sits under the mistake whether the accent is precomposed or combining")
    }
}
