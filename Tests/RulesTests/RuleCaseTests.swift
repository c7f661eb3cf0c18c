import CaseModel
import DossierCore
import Rules
import Testing

/// Runs the YAML rule cases against the repository's rule book.
@Suite struct RuleCaseTests {
    @Test func ruleBookLoads() throws {
        if case .failure(let error) = RuleBookFixture.book { Issue.record("rule book: \(error)") }
    }

    @Test(arguments: RuleCase.all)
    func ruleCase(_ c: RuleCase) throws {
        let book = try RuleBookFixture.book.get()
        let caseFile: CaseFile
        switch CaseLoader.load(value: c.caseValue, text: c.caseText, file: c.file, schema: book.schema) {
        case .success(let f): caseFile = f
        case .failure(let e): Issue.record("case does not load: \(e)"); return
        }
        let resolver = Resolver(book: book)
        let errors = resolver.check(caseFile, on: c.date).map(\.code)
        if let expected = c.expect["errors"] {
            #expect(errors == strings(expected), "check errors")
            return
        }
        #expect(errors.isEmpty, "unexpected check errors \(errors)")
        let plans = resolver.resolve(caseFile, on: c.date)
        guard let plan = c.procedure.map({ p in plans.first { $0.procedure == p } }) ?? plans.first else {
            Issue.record("no plan\(c.procedure.map { " for \($0)" } ?? "")"); return
        }
        let ids = plan.documents.map(\.id)
        let noticeCodes = plan.notices.map(\.code)

        if let v = c.expect["verdict"]?.scalarText { #expect(plan.verdict.rawValue == v, "verdict") }
        if let e = c.expect["reasons"] { #expect(plan.reasons.map(\.rule) == strings(e), "reasons") }
        if let e = c.expect["documents"] { #expect(ids == strings(e), "documents in filing order") }
        for id in strings(c.expect["include"]) { #expect(ids.contains(id), "includes \(id)") }
        for id in strings(c.expect["exclude"]) { #expect(!ids.contains(id), "excludes \(id)") }
        for code in strings(c.expect["notices_include"]) { #expect(noticeCodes.contains(code), "notice \(code)") }
        for code in strings(c.expect["notices_exclude"]) { #expect(!noticeCodes.contains(code), "no notice \(code)") }
        for (id, value) in pairs(c.expect["issued_on_or_after"]) {
            let actual = plan.documents.first { $0.id == id }?.valid?.issuedOnOrAfter.iso ?? "none"
            #expect(actual == value, "issued_on_or_after of \(id)")
        }
        if case .map(let entries, _)? = c.expect["steps"] {
            for entry in entries {
                let kinds = plan.documents.first { $0.id == entry.key }?.steps.map(\.kind) ?? []
                #expect(kinds == strings(entry.value), "steps of \(entry.key)")
            }
        }
        for (id, amount) in pairs(c.expect["fees"]) {
            let actual = plan.fees.first { $0.id == id }?.amount.decimalString ?? "none"
            #expect(actual == amount, "fee \(id)")
        }
        for (name, value) in pairs(c.expect["derived"]) {
            let actual = plan.derived.first { $0.name == name }?.value.description ?? "none"
            #expect(actual == value, "derived.\(name)")
        }
        for (id, date) in pairs(c.expect["deadlines"]) {
            let actual = plan.deadlines.first { $0.id == id }?.date.iso ?? "none"
            #expect(actual == date, "deadline \(id)")
        }
    }

    private func strings(_ value: SourceValue?) -> [String] {
        guard case .list(let items, _)? = value else { return [] }
        return items.compactMap(\.scalarText)
    }

    private func pairs(_ value: SourceValue?) -> [(String, String)] {
        guard case .map(let entries, _)? = value else { return [] }
        return entries.map { ($0.key, $0.value.scalarText ?? "") }
    }
}
