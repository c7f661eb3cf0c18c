import CaseModel
import DossierCore

/// `resolve`: a case and the rule book in force on a date → one `PacketPlan` per procedure of the case.
public struct Resolver: Sendable {
    public var book: RuleBook

    public init(book: RuleBook) { self.book = book }

    /// Facts the case's procedures need and lacks, and procedures the book does not have: `CASE020`/`CASE021`.
    public func check(_ caseFile: CaseFile, on date: CalendarDate) -> [Diagnostic] {
        prepare(caseFile, on: date).diagnostics
    }

    /// The plan for each procedure, evaluated for `date` (without checking needed facts; see `plan`).
    public func resolve(_ caseFile: CaseFile, on date: CalendarDate) -> [PacketPlan] {
        Self.linkShared(prepare(caseFile, on: date).procedures.map { build($0.rules, $0.evaluator, date) })
    }

    /// Check, then resolve: the plans, or every missing fact and unknown procedure. Derived facts are computed once.
    public func plan(_ caseFile: CaseFile, on date: CalendarDate) -> Result<[PacketPlan], DiagnosticError> {
        let prepared = prepare(caseFile, on: date)
        if prepared.diagnostics.hasErrors { return .failure(DiagnosticError(prepared.diagnostics.sortedByLocation)) }
        return .success(Self.linkShared(prepared.procedures.map { build($0.rules, $0.evaluator, date) }))
    }

    /// In a combined case, a paper several packets need (the same `shared_as`) is prepared once: each packet's
    /// copy names the other packets that use it.
    static func linkShared(_ plans: [PacketPlan]) -> [PacketPlan] {
        guard plans.count > 1 else { return plans }
        var out = plans
        for (p, plan) in plans.enumerated() {
            for (d, document) in plan.documents.enumerated() {
                guard let key = document.sharedAs else { continue }
                out[p].documents[d].sharedWith = plans.enumerated().filter { $0.offset != p && $0.element.documents.contains { $0.sharedAs == key } }
                    .map(\.element.title)
            }
        }
        return out
    }

    /// Each known procedure with its evaluator (derived facts filled in), and the problems found on the way.
    private func prepare(_ caseFile: CaseFile, on date: CalendarDate)
        -> (procedures: [(rules: ProcedureRules, evaluator: Evaluator)], diagnostics: [Diagnostic]) {
        var procedures: [(rules: ProcedureRules, evaluator: Evaluator)] = []
        var diagnostics: [Diagnostic] = []
        for procedureID in caseFile.procedures {
            guard let procedure = book.procedure(procedureID) else {
                let at = caseFile.fact("case.procedures")?.list?.first { $0.string == procedureID }?.location
                diagnostics.append(.error("CASE021", "procedure `\(procedureID)` has no rules in this version of Dossier yet", at: at,
                                          hint: "available: \(book.procedures.map(\.id).joined(separator: ", "))"))
                continue
            }
            var evaluator = Evaluator(caseFile: caseFile, schema: book.schema, tables: book.tables, date: date)
            for rule in procedure.derived { evaluator.derived[rule.name] = evaluator.evaluate(rule.value.expression) }
            diagnostics += missingFacts(procedure, evaluator)
            procedures.append((procedure, evaluator))
        }
        return (procedures, diagnostics)
    }

    private func missingFacts(_ procedure: ProcedureRules, _ evaluator: Evaluator) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: [String] = []
        let caseFile = evaluator.caseFile
        // A listed procedure whose section declares required facts needs its section.
        if let section = book.schema.procedure(procedure.id), section.fields.contains(where: \.required), caseFile.fact(section.section) == nil {
            let at = caseFile.fact("case.procedures")?.list?.first { $0.string == procedure.id }?.location ?? caseFile.root.location
            let required = section.fields.filter(\.required).map { "`\($0.name)`" }.joined(separator: ", ")
            diagnostics.append(.error("CASE020", "`\(procedure.id)` needs its section `\(section.section):` with \(required)", at: at,
                                      hint: "add `\(section.section):` at the top level"))
            reported.append(section.section)
        }
        for need in procedure.needs where evaluator.evaluate(need.when.expression).isTruthy {
            guard caseFile.fact(need.path) == nil, evaluator.defaultValue(at: need.path) == .null,
                  !reported.contains(where: { need.path == $0 || need.path.hasPrefix($0 + ".") }) else { continue }
            reported.append(need.path)
            let (at, parent) = nearestLocation(of: need.path, in: caseFile)
            let leaf = need.path.split(separator: ".").last.map(String.init) ?? need.path
            diagnostics.append(.error("CASE020", "`\(procedure.id)` needs `\(need.path)`: \(need.whyInEnglish)", at: at,
                                      hint: parent.isEmpty ? "add `\(leaf):` at the top level" : "add `\(leaf):` under `\(parent)`"))
        }
        return diagnostics
    }

    private func build(_ procedure: ProcedureRules, _ evaluator: Evaluator, _ date: CalendarDate) -> PacketPlan {
        var builder = PlanBuilder(book: book, procedure: procedure, evaluator: evaluator, date: date)
        var plan = builder.build()
        plan.derivedBecause = builder.derivedBecause()
        return plan
    }

    /// The closest written ancestor of a missing path, to point the error at; a path through a person is named as
    /// the place it is written (`people.<id>.…`).
    func nearestLocation(of path: String, in caseFile: CaseFile) -> (SourceLocation, String) {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            parts.removeLast()
            let parent = parts.joined(separator: ".")
            if parent.isEmpty { break }
            if let fact = caseFile.fact(parent) { return (fact.location, Self.writtenPath(parent, in: caseFile)) }
        }
        return (caseFile.root.location, "")
    }

    /// `n_600.mother.birth` → `people.maria.birth` when `mother` is the person `maria`.
    static func writtenPath(_ path: String, in caseFile: CaseFile) -> String {
        let parts = path.split(separator: ".").map(String.init)
        var written = parts
        for i in parts.indices.reversed() {
            let prefix = parts[...i].joined(separator: ".")
            if let person = caseFile.fact(prefix), let id = person["id"]?.string, prefix != "people.\(id)", person["name"] != nil {
                written = ["people", id] + parts[(i + 1)...]
                break
            }
        }
        return written.joined(separator: ".")
    }
}
