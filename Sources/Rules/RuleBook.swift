import CaseModel
import DossierCore

/// The whole rule book: sources, tables, the case schema (people and procedure sections) and every procedure's
/// rules, loaded from `Rules/`.
public struct RuleBook: Sendable, Hashable {
    public var sources: [SourceInfo]
    public var tables: RuleTables
    public var schema: CaseSchema
    public var procedures: [ProcedureRules]

    public func procedure(_ id: String) -> ProcedureRules? { procedures.first { $0.id == id } }

    /// Every language some procedure is written in.
    public var languages: [String] { schema.languages }
}

/// A file of the rule book: its path relative to the repository (for diagnostics) and its text.
public struct RuleFile: Sendable {
    public var path: String
    public var text: String
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
