import DossierCore

/// The whole rule book: sources, jurisdictions and every procedure's rules, loaded from `Rules/`.
public struct RuleBook: Sendable, Hashable {
    /// The languages every text in the rule book must have.
    public static let languages = ["en", "vi"]

    public var sources: [SourceInfo]
    public var jurisdictions: Jurisdictions
    public var procedures: [ProcedureRules]

    public func procedure(_ id: String) -> ProcedureRules? { procedures.first { $0.id == id } }
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
