import TestSupport
import DossierCore
import Rules
import Testing

/// A mistake in the rule book is a located `RULE…` error when it loads, never a silently wrong packet.
@Suite struct RuleBookDiagnosticsTests {
    static let sources = RuleFile(path: "Rules/sources.yaml", text: """
    sources:
      - file: vn-consulate-single-status-dossier.txt
        title: Hồ sơ Công hàm Độc thân
        edition: "2017-05-05"
    """)

    /// The repository's person model, so conditions can read `applicant.…`.
    static let people = RuleFile(path: "Rules/people.yaml", text: Repository.text("Rules/people.yaml"))
    /// The table that names countries, which the person model refers to.
    static let countries = RuleFile(path: "Rules/tables/countries.yaml", text: Repository.text("Rules/tables/countries.yaml"))

    func load(documents: String, procedure extra: String = "") -> [Diagnostic] {
        let procedure = RuleFile(path: "Rules/test-procedure/procedure.yaml", text: """
        id: test-procedure
        title: { en: T, vi: T }
        authority: { en: A, vi: A }
        languages: [en, vi]
        outputs: [{ id: checklist, template: checklist.xhtml }]
        \(extra)
        """)
        let docs = RuleFile(path: "Rules/test-procedure/documents.yaml", text: documents)
        switch RuleBookLoader.load([Self.sources, Self.people, Self.countries, procedure, docs]) {
        case .success: return []
        case .failure(let e): return e.diagnostics
        }
    }

    func document(_ extra: String, citation: String = "{ source: vn-consulate-single-status-dossier.txt }") -> String {
        """
        documents:
          - id: d
            title: { en: D, vi: D }
            issuer: { en: I, vi: I }
            obtain: { en: O, vi: O }
            why: { en: W, vi: W }
            citation: \(citation)
        \(extra)
        """
    }

    @Test func anUnknownFactIsAnErrorWithTheLineAndASuggestion() {
        let d = load(documents: document("    when: applicant.marital_staus == \"divorced\""))
        #expect(d.count == 1)
        #expect(d.first?.code == "RULE021")
        #expect(d.first?.location?.line == 8)
        #expect(d.first?.message.contains("did you mean `marital_status`?") == true)
    }

    @Test func aMisspeltEnumValueIsCaught() {
        let d = load(documents: document("    when: applicant.marital_status == \"divorcd\""))
        #expect(d.first?.code == "RULE021")
        #expect(d.first?.message.contains("did you mean `\"divorced\"`?") == true)
    }

    @Test func comparingADateWithANumberIsATypeError() {
        let d = load(documents: document("    when: applicant.birth.date < 20"))
        #expect(d.first?.code == "RULE021")
    }

    @Test func aConditionThatIsNotABooleanIsRejected() {
        let d = load(documents: document("    when: applicant.birth.date"))
        #expect(d.first?.code == "RULE022")
    }

    @Test func aSyntaxErrorPointsAtTheCharacter() {
        let d = load(documents: document("    when: applicant.sex == ("))
        #expect(d.first?.code == "RULE020")
        #expect(d.first?.location?.line == 8)
        #expect(d.first?.location?.column == 29, "just after `(`, where an operand is missing")
    }

    @Test func anUnknownSourceIsAnError() {
        let d = load(documents: document("", citation: "{ source: vn-consulate-single-status.txt }"))
        #expect(d.contains { $0.code == "RULE015" && $0.hint == "did you mean `vn-consulate-single-status-dossier.txt`?" })
    }

    @Test func anUnknownKeyInARecordIsAnError() {
        let d = load(documents: document("    valid_form: six-month-window"))
        #expect(d.contains { $0.code == "RULE016" })
    }

    @Test func aTextMissingOneLanguageIsAnError() {
        let d = load(documents: document("").replacingAll("why: { en: W, vi: W }", with: "why: { en: W }"))
        #expect(d.contains { $0.code == "RULE013" })
    }

    @Test func aNeedsReasonMissingALanguageIsRULE013AtItsText() {
        let d = load(documents: document(""), procedure: """
        needs:
          - path: applicant.sex
            why: { en: "the marriage age depends on it" }
        """)
        #expect(d.map(\.code) == ["RULE013"])
        #expect(d.first?.message == "`why` has no `vi` text")
        #expect(d.first?.location?.file == "Rules/test-procedure/procedure.yaml")
        #expect(d.first?.location?.line == 8)
        #expect(d.first?.location?.column == 10, "at the `{` of the reason")
    }

    @Test func aNeedsReasonInALanguageTheProcedureIsNotWrittenInIsRULE013() {
        let d = load(documents: document(""), procedure: """
        needs:
          - path: applicant.sex
            why: { en: W, vi: W, es: W }
        """)
        #expect(d.map(\.code) == ["RULE013"])
        #expect(d.first?.location?.line == 8)
        #expect(d.first?.location?.column == 26, "at the `es` key")
    }

    @Test func aNeedsReasonThatIsPlainTextIsRULE012() {
        let d = load(documents: document(""), procedure: """
        needs:
          - path: applicant.sex
            why: the marriage age depends on it
        """)
        #expect(d.map(\.code) == ["RULE012"])
        #expect(d.first?.location?.line == 8)
    }

    @Test func aNeedsReasonsPlaceholderIsTypeChecked() {
        let d = load(documents: document(""), procedure: """
        needs:
          - path: applicant.sex
            why: { en: "{applicant.sx}", vi: W }
        """)
        #expect(d.map(\.code) == ["RULE023"])
        #expect(d.first?.location?.line == 8)
    }
}
