import DossierCore

/// A loaded, type-checked case: the facts with their locations, and the envelope fields every stage needs.
public struct CaseFile: Sendable, Hashable {
    /// The file the case came from (or `file.csv:row 3`).
    public var source: String
    /// The original text, to quote lines in diagnostics.
    public var text: String
    public var root: Fact

    public var id: String
    public var preparedOn: CalendarDate?
    public var languages: [String]
    public var procedures: [String]
    /// Problems that do not stop the case (characters removed from values: `CASE019`), to print with its output.
    public var warnings: [Diagnostic] = []

    public init(source: String, text: String, root: Fact) {
        self.source = source
        self.text = text
        self.root = root
        self.id = root.lookup("case.id")?.string ?? "case"
        self.preparedOn = root.lookup("case.prepared_on")?.date
        self.languages = root.lookup("case.languages")?.list?.compactMap(\.string) ?? ["en"]
        self.procedures = root.lookup("case.procedures")?.list?.compactMap(\.string) ?? []
    }

    /// The fact at a dotted path from the root (`applicant.birth.date`).
    public func fact(_ path: String) -> Fact? { root.lookup(path) }
}
