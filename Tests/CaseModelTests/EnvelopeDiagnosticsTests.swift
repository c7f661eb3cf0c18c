import TestSupport
import CaseModel
import DossierCore
import Testing

/// The envelope: format version, case id, dates, languages, procedures, and required fields left out or empty.
@Suite struct EnvelopeDiagnosticsTests {
    @Test func anotherFormatVersionIsRefusedAtTheNumber() {
        let d = CaseFiles.fixtureDiagnostics("version-3.yaml")
        #expect(d.map(\.headline) == ["version-3.yaml:1:10: error[CASE015]: unsupported format version 3; this Dossier reads `dossier: 2`"])
    }

    @Test func aFormatOneFileGetsOneErrorSayingWhatMoved() {
        let text = "dossier: 1\ncase: { id: a1, procedures: [vn-single-status] }\napplicant: { name: { given: A, family: B } }\n"
        let d = CaseFiles.diagnostics(text, file: "old.yaml")
        #expect(d.map(\.headline) == ["old.yaml:1:10: error[CASE015]: this is a format 1 case file; this Dossier reads format 2"])
        #expect(d.first?.notes.first == "format 2 names every person once under `people:` (an id you choose, then the person's facts)")
        #expect(d.first?.hint?.contains("move `applicant:` under `people:`") == true)
    }

    @Test func aQuotedVersionIsOneWrongTypeNotAlsoAWrongVersion() {
        let d = CaseFiles.fixtureDiagnostics("version-quoted.yaml")
        #expect(d.map(\.headline) == ["version-quoted.yaml:1:10: error[CASE012]: `dossier` expects a whole number, found a text value \"2\""])
    }

    @Test func everyEnvelopeProblemIsReportedAtOnce() {
        let d = CaseFiles.fixtureDiagnostics("envelope-problems.yaml")
        #expect(d.map(\.place) == ["3:7 CASE012", "4:16 CASE013", "5:23 CASE016", "5:27 CASE014", "6:34 CASE014", "11:14 CASE011"])
        #expect(d.map(\.message) == [
            "`case.id` expects an identifier of letters, digits, `.`, `_` or `-`, found a text value \"case 7\"",
            "`case.prepared_on`: 2026-13-01 is not a real date: there is no month 13",
            "language `en` is listed twice",
            "`case.languages[3]`: Dossier writes \(RuleBookFixture.schema.languages.map { "`" + $0 + "`" }.joined(separator: ", ")), not `fr`",
            "`case.procedures[1]` cannot be `n600`; expected one of \(RuleBookFixture.schema.procedures.map { "`" + $0.id + "`" }.joined(separator: ", "))",
            "`people.applicant.name.family` is required but empty",
        ])
        #expect(d[5].hint == "give text: Family name (surname), as in the passport")
    }

    @Test func missingTopLevelSectionsAreNamedAtTheStartOfTheFile() {
        let d = CaseFiles.diagnostics("dossier: 2\n", file: "bare.yaml")
        #expect(d.map(\.headline) == [
            "bare.yaml:1:1: error[CASE011]: missing required `case`",
            "bare.yaml:1:1: error[CASE011]: missing required `people`",
        ])
        #expect(d.map(\.hint) == [
            "add `case:` (the case envelope, a mapping)",
            "add `people:` (every person of the case, once, under an id you choose, a mapping of ids)",
        ])
    }

    @Test func anUnknownTopLevelSectionSuggestsTheProcedureSection() {
        let text = "dossier: 2\ncase: { id: a1, procedures: [vn-single-status] }\npeople: { applicant: { name: { given: A, family: B } } }\nvn_single_statu: {}\n"
        let d = CaseFiles.diagnostics(text, file: "a.yaml")
        #expect(d.map(\.place) == ["4:1 CASE010"])
        #expect(d.first?.hint == "did you mean `vn_single_status`?")
    }

    @Test func aMinimalCaseLoadsWithItsDefaults() throws {
        let text = "dossier: 2\ncase: { id: a1, procedures: [vn-single-status] }\npeople: { applicant: { name: { given: A, family: B } } }\n"
        let caseFile = try CaseLoader.load(text: text, file: "a.yaml", schema: RuleBookFixture.schema).get()
        #expect(caseFile.id == "a1")
        #expect(caseFile.languages == ["en"])
        #expect(caseFile.preparedOn == nil)
        #expect(caseFile.procedures == ["vn-single-status"])
    }

    /// Issue 15: `procedures: []` rendered a 0-page PDF; a repeated procedure rendered its packet twice.
    @Test func anEmptyOrRepeatedProcedureListIsAnError() {
        let base = CaseFiles.text("Samples/divorced-texas-power-of-attorney.yaml")
        let emptyText = base.replacingOccurrences(of: "procedures: [vn-single-status]", with: "procedures: []")
        let empty = CaseFiles.diagnostics(emptyText, file: "t.yaml")
        #expect(empty.map(\.place) == ["\(TextPlaces.place(of: "[]", in: emptyText)) CASE011"])
        #expect(empty.first?.message == "`case.procedures` is empty: a case needs at least one procedure")
        let twiceText = base.replacingOccurrences(of: "procedures: [vn-single-status]", with: "procedures: [vn-single-status, vn-single-status]")
        let twice = CaseFiles.diagnostics(twiceText, file: "t.yaml")
        let second = TextPlaces.place(of: "vn-single-status", in: twiceText, after: "[vn-single-status, ")
        #expect(twice.map(\.headline) == ["t.yaml:\(second): error[CASE016]: procedure `vn-single-status` is listed twice"])
        #expect(twice.first?.notes == ["first listed at t.yaml:\(TextPlaces.place(of: "vn-single-status", in: twiceText, after: "procedures: ["))"])
    }
}
