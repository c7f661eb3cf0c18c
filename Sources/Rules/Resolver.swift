import CaseModel
import DossierCore

/// `resolve`: a case and the rule book in force on a date → one `PacketPlan` per procedure of the case.
public struct Resolver: Sendable {
    public var book: RuleBook

    public init(book: RuleBook) { self.book = book }

    /// Facts the case's procedures need and lacks, and procedures the book does not have: `CASE020`/`CASE021`.
    public func check(_ caseFile: CaseFile, on date: CalendarDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for procedureID in caseFile.procedures {
            guard let procedure = book.procedure(procedureID) else {
                let at = caseFile.fact("case.procedures")?.list?.first { $0.string == procedureID }?.location
                diagnostics.append(.error("CASE021", "procedure `\(procedureID)` has no rules in this version of Dossier yet", at: at,
                                          hint: "available: \(book.procedures.map(\.id).joined(separator: ", "))"))
                continue
            }
            var evaluator = Evaluator(caseFile: caseFile, jurisdictions: book.jurisdictions, date: date)
            evaluator.derived = evaluateDerived(procedure, evaluator)
            var reported: [String] = []
            for need in procedure.needs where evaluator.evaluate(need.when.expression).isTruthy {
                guard caseFile.fact(need.path) == nil, !reported.contains(where: { need.path.hasPrefix($0 + ".") }) else { continue }
                reported.append(need.path)
                let (at, parent) = nearestLocation(of: need.path, in: caseFile)
                let leaf = need.path.split(separator: ".").last.map(String.init) ?? need.path
                diagnostics.append(.error("CASE020", "`\(procedureID)` needs `\(need.path)`: \(need.why)", at: at,
                                          hint: parent.isEmpty ? "add `\(leaf):` at the top level" : "add `\(leaf):` under `\(parent)`"))
            }
        }
        return diagnostics
    }

    /// The plan for each procedure, evaluated for `date`.
    public func resolve(_ caseFile: CaseFile, on date: CalendarDate) -> [PacketPlan] {
        caseFile.procedures.compactMap { id in book.procedure(id).map { resolve(caseFile, procedure: $0, on: date) } }
    }

    func resolve(_ caseFile: CaseFile, procedure: ProcedureRules, on date: CalendarDate) -> PacketPlan {
        var evaluator = Evaluator(caseFile: caseFile, jurisdictions: book.jurisdictions, date: date)
        evaluator.derived = evaluateDerived(procedure, evaluator)
        var builder = PlanBuilder(book: book, procedure: procedure, evaluator: evaluator, date: date)
        return builder.build()
    }

    func evaluateDerived(_ procedure: ProcedureRules, _ base: Evaluator) -> [String: RuleValue] {
        var evaluator = base
        for rule in procedure.derived {
            evaluator.derived[rule.name] = evaluator.evaluate(rule.value.expression)
        }
        return evaluator.derived
    }

    /// The closest written ancestor of a missing path, to point the error at.
    func nearestLocation(of path: String, in caseFile: CaseFile) -> (SourceLocation, String) {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            parts.removeLast()
            let parent = parts.joined(separator: ".")
            if parent.isEmpty { break }
            if let fact = caseFile.fact(parent) { return (fact.location, parent) }
        }
        return (caseFile.root.location, "")
    }
}
