import TestSupport
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
        #expect(c.unknownKeys.isEmpty, "unknown keys in the rule case: \(c.unknownKeys)")
        let book = try RuleBookFixture.book.get()
        let caseFile: CaseFile
        var errors: [Diagnostic] = []
        switch CaseLoader.load(value: c.caseValue, text: c.caseText, file: c.file, schema: book.schema) {
        case .success(let f): caseFile = f
        case .failure(let e):
            errors = e.diagnostics.filter { $0.severity == .error }
            if c.expect["errors"] == nil { Issue.record("case does not load: \(e)"); return }
            caseFile = CaseFile(source: c.file, text: c.caseText, root: Fact(.object([]), at: .file(c.file)))
        }
        let resolver = Resolver(book: book)
        if errors.isEmpty { errors = resolver.check(caseFile, on: c.date) }
        if let expected = c.expect["errors"] {
            // Each expected error is `CODE` or `CODE path`: the path must be named in the diagnostic.
            let wanted = strings(expected)
            #expect(errors.count == wanted.count, "errors: \(errors.map { "\($0.code) \($0.message)" })")
            for (want, got) in zip(wanted, errors) {
                let parts = want.split(separator: " ", maxSplits: 1).map(String.init)
                #expect(got.code == parts[0], "error code: \(got.code) \(got.message)")
                if parts.count == 2 { #expect(got.message.contains("`\(parts[1])`"), "error names `\(parts[1])`: \(got.message)") }
            }
            return
        }
        #expect(errors.isEmpty, "unexpected check errors \(errors.map { "\($0.code) \($0.message)" })")
        let plans = resolver.resolve(caseFile, on: c.date)
        guard let plan = c.procedure.map({ p in plans.first { $0.procedure == p } }) ?? plans.first else { Issue.record("no plan"); return }
        let ids = plan.documents.map(\.id)
        let noticeCodes = plan.notices.map(\.code)

        if let v = c.expect["verdict"]?.scalarText { #expect(plan.verdict.rawValue == v, "verdict") }
        if let e = c.expect["reasons"] { #expect(plan.reasons.map(\.rule) == strings(e), "reasons") }
        if let e = c.expect["documents"] { #expect(ids == strings(e), "documents in filing order") }
        for id in strings(c.expect["include"]) { #expect(ids.contains(id), "includes \(id)") }
        for id in strings(c.expect["exclude"]) { #expect(!ids.contains(id), "excludes \(id)") }
        for code in strings(c.expect["notices_include"]) { #expect(noticeCodes.contains(code), "notice \(code)") }
        for code in strings(c.expect["notices_exclude"]) { #expect(!noticeCodes.contains(code), "no notice \(code)") }
        // `warnings`: the first warnings in the order the packet shows them (a prefix of the list).
        if let e = c.expect["warnings"] {
            let wanted = strings(e)
            #expect(Array(plan.notices.filter { $0.kind == .warning }.map(\.code).prefix(wanted.count)) == wanted, "warnings in order")
        }
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
        if let e = c.expect["outputs"] { #expect(plan.outputs.map(\.id) == strings(e), "outputs") }
        for (label, value) in pairs(c.expect["summary"]) {
            let actual = plan.summary.first { $0.label["en"] == label }?.value["en"] ?? "none"
            #expect(actual == value, "summary \(label)")
        }
        RuleCaseTexts.check(c.expect, plan: plan)
        for (id, date) in pairs(c.expect["deadlines"]) {
            let actual = plan.deadlines.first { $0.id == id }?.date.iso ?? "none"
            #expect(actual == date, "deadline \(id)")
        }
        // `deadline_order`: the packet's deadlines, every one, in the order the checklist lists them (date order).
        if let e = c.expect["deadline_order"] { #expect(plan.deadlines.map(\.id) == strings(e), "deadlines in date order") }
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
