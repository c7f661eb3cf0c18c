import TestSupport
import CaseModel
import DossierCore
import Foundation
import Rules
import Testing

/// `count(list, condition)` and `sum(list, expression)`: checked against the list's item type when the rule book
/// loads, evaluated once per entry with `item` bound.
@Suite struct AggregatesTests {
    /// The repository's rule book plus a small procedure `agg-test` whose section holds a list of objects.
    static func book(derived: String) -> Result<RuleBook, DiagnosticError> {
        let folder = Repository.path("Rules")
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [RuleFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            files.append(RuleFile(path: "Rules/" + relative, text: String(decoding: data, as: UTF8.self)))
        }
        files.append(RuleFile(path: "Rules/agg-test/procedure.yaml", text: """
        id: agg-test
        title: { en: T, vi: T }
        authority: { en: A, vi: A }
        languages: [en, vi]
        outputs:
          - { id: checklist, template: checklist.xhtml }
        derived:
        \(derived)
        """))
        files.append(RuleFile(path: "Rules/agg-test/facts.yaml", text: """
        facts:
          - name: things
            type: list
            label: { en: Things, vi: Things }
            items:
              type: object
              fields:
                - { name: pages, type: integer, label: { en: P, vi: P } }
                - name: kind
                  type: choice
                  label: { en: K, vi: K }
                  choices:
                    - { value: a, label: { en: A, vi: A } }
                    - { value: b, label: { en: B, vi: B } }
        """))
        return RuleBookLoader.load(files.sorted { $0.path < $1.path })
    }

    static let valid = """
      - { name: b_count, value: 'count(agg_test.things, item.kind == "b")' }
      - { name: pages, value: 'sum(agg_test.things, coalesce(item.pages, 1))' }
      - { name: nested, value: 'sum(agg_test.things, count(agg_test.things, item.kind == "a"))' }
      - { name: length, value: 'coalesce(count(agg_test.things), 0)' }
    """

    func derived(_ section: String) throws -> [String: String] {
        let book = try Self.book(derived: Self.valid).get()
        let text = """
        dossier: 2
        case: { id: "T-1", prepared_on: 2027-01-01, languages: [en], procedures: [agg-test] }
        people:
          applicant: { name: { given: Ann, family: Lee } }
        \(section)
        """
        let caseFile = try CaseLoader.load(text: text, file: "t.yaml", schema: book.schema).get()
        let plan = try #require(Resolver(book: book).resolve(caseFile, on: CalendarDate(iso: "2027-01-01")!).first { $0.procedure == "agg-test" })
        return Dictionary(uniqueKeysWithValues: plan.derived.map { ($0.name, $0.value.description) })
    }

    func problems(_ value: String) -> [String] {
        switch Self.book(derived: "  - { name: x, value: '\(value)' }") {
        case .success: return []
        case .failure(let e): return e.diagnostics.map(\.message)
        }
    }

    @Test func countsTheEntriesForWhichTheConditionHoldsAndSumsPerEntry() throws {
        let d = try derived("""
        agg_test:
          things:
            - { kind: a, pages: 3 }
            - { kind: b }
            - { kind: b, pages: 2 }
        """)
        #expect(d["b_count"] == "2")
        #expect(d["pages"] == "6")
        // The inner `item` hides the outer one: each of the 3 entries adds the number of `a` entries (1).
        #expect(d["nested"] == "3")
        #expect(d["length"] == "3")
    }

    @Test func aMissingListCountsAndSumsToZero() throws {
        let d = try derived("")
        #expect(d["b_count"] == "0")
        #expect(d["pages"] == "0")
    }

    @Test func theConditionOfCountMustBeABoolean() {
        #expect(problems("count(agg_test.things, item.pages)").contains { $0.contains("the condition must be a boolean, not integer") })
    }

    @Test func theExpressionOfSumMustBeAWholeNumber() {
        #expect(problems("sum(agg_test.things, item.kind == \"a\")").contains { $0.contains("must be a whole number") })
    }

    @Test func anAggregateGoesOverAList() {
        #expect(problems("count(applicant.sex, true)").contains { $0.contains("goes over a list") })
    }

    @Test func theItemIsTypeCheckedAgainstTheListEntries() {
        #expect(problems("count(agg_test.things, item.knd == \"a\")").contains { $0.contains("did you mean `kind`?") })
        #expect(problems("count(agg_test.things, item.kind == \"c\")").contains { $0.contains("not a possible value") })
    }
}
