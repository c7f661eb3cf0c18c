import CaseModel
import DossierCore

/// A fact a procedure needs for this case (its `needs` entry holds), and whether the case gives it.
public struct NeededFact: Sendable, Hashable {
    public var procedure: String
    /// The path as the rule writes it (`applicant.passport`, `n_600.mother.birth`).
    public var path: String
    /// Why it is needed, in the procedure's languages.
    public var why: LocalizedText
    /// Where the `needs` entry is written (`Rules/<procedure>/procedure.yaml`, line).
    public var location: SourceLocation
    /// The case gives it, or its declared default does.
    public var satisfied: Bool

    /// The reason as diagnostics give it: English, else the first language written.
    public var whyInEnglish: String { why["en"] ?? why.entries.first?.text ?? "" }
}

extension Resolver {
    /// Every `needs` entry of the case's procedures whose `when` holds on `date`, evaluated on this case as it is
    /// (a guided interview asks for the unsatisfied ones). Unknown procedures are skipped.
    public func neededFacts(_ caseFile: CaseFile, on date: CalendarDate) -> [NeededFact] {
        var out: [NeededFact] = []
        for procedureID in caseFile.procedures {
            guard let procedure = book.procedure(procedureID) else { continue }
            var evaluator = Evaluator(caseFile: caseFile, schema: book.schema, tables: book.tables, date: date)
            for rule in procedure.derived { evaluator.derived[rule.name] = evaluator.evaluate(rule.value.expression) }
            for need in procedure.needs where evaluator.evaluate(need.when.expression).isTruthy {
                let satisfied = caseFile.fact(need.path) != nil || evaluator.defaultValue(at: need.path) != .null
                out.append(NeededFact(procedure: procedureID, path: need.path, why: need.why, location: need.location, satisfied: satisfied))
            }
        }
        return out
    }
}
