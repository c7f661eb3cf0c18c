import TestSupport
import CaseModel
import DossierCore
import Testing

/// Files that are not a case at all: empty, broken YAML or JSON, duplicate keys, a list instead of a mapping.
@Suite struct SyntaxDiagnosticsTests {
    @Test(arguments: ["empty.yaml", "comment-only.yaml"])
    func aFileWithNoContentSaysSoAndHowToStart(_ name: String) {
        let d = CaseFiles.fixtureDiagnostics(name)
        #expect(d.map(\.headline) == ["\(name):1:1: error[CASE001]: the file is empty"])
        #expect(d.first?.hint == "a case file starts with `dossier: 2`")
    }

    @Test func anUnclosedListIsReportedWhereTheParserNoticedAndNotesWhereItOpened() throws {
        let d = CaseFiles.fixtureDiagnostics("unclosed-list.yaml")
        #expect(d.map(\.place) == ["5:10 CASE001"])
        let first = try #require(d.first)
        #expect(first.message == "syntax error: did not find expected ',' or ']'")
        #expect(first.notes == ["while parsing a flow sequence at line 4, column 15"])
        #expect(first.hint == "check indentation, quotes and `key: value` pairs near here")
    }

    @Test func aKeyIndentedTooFarIsReportedOnItsLine() {
        let d = CaseFiles.fixtureDiagnostics("bad-indent.yaml")
        #expect(d.map(\.place) == ["4:4 CASE001"])
        #expect(d.first?.notes == ["while parsing a block mapping at line 3, column 3"])
    }

    @Test func aMissingCommaInJSONPointsAtTheTokenAfterIt() {
        let text = CaseFiles.fixture("missing-comma.json")
        let d = CaseFiles.diagnostics(text, file: "missing-comma.json")
        #expect(d.map(\.place) == ["3:30 CASE001"])
        #expect(d.first?.quoted(in: text).hasPrefix("\"procedures\"") == true)
    }

    @Test(arguments: ["duplicate-keys.yaml", "duplicate-keys.json"])
    func aDuplicateKeyIsAnError(_ name: String) {
        let d = CaseFiles.fixtureDiagnostics(name)
        #expect(d.map(\.code) == ["CASE003"])
        #expect(d.first?.message.hasPrefix("duplicate key `") == true)
    }

    @Test func aDuplicateKeyPointsAtTheRepeatAndNotesTheFirst() {
        let d = CaseFiles.fixtureDiagnostics("duplicate-keys.yaml")
        #expect(d.map(\.place) == ["9:3 CASE003"])
        #expect(d.first?.notes.first == "first given at duplicate-keys.yaml:7:3")
    }

    @Test func aTopLevelListIsNotACase() {
        let d = CaseFiles.fixtureDiagnostics("top-level-list.yaml")
        #expect(d.map(\.headline) == ["top-level-list.yaml:1:1: error[CASE012]: a case file is a mapping that starts with `dossier: 2`"])
    }

    @Test func aDiagnosticWithoutAQuotableLineStillRenders() {
        let d = Diagnostic.error("CASE001", "the file is empty", at: .file("empty.yaml"), hint: "a case file starts with `dossier: 2`")
        #expect(DiagnosticRenderer(sources: ["empty.yaml": ""]).render(d) == """
            empty.yaml:1:1: error[CASE001]: the file is empty
              |
            1 | 
              | ^
              = hint: a case file starts with `dossier: 2`
            """)
    }
}
