/// One element of a document's logical structure (the tagged PDF's structure tree): a heading, paragraph, list,
/// table cell, figure, link or language span, in document order. Laid-out content points at its node by index
/// (`GlyphRun.tag`); node 0 is the document.
public struct StructureNode: Sendable, Hashable {
    /// Standard structure type: `Document`, `H1`…`H6`, `P`, `L`, `LI`, `Lbl`, `LBody`, `Table`, `THead`, `TBody`,
    /// `TR`, `TH`, `TD`, `Figure`, `Link`, `Span`, `Div`, `Sect`, `BlockQuote`.
    public var role: String
    /// Index of the parent node; -1 for the document.
    public var parent: Int32
    /// BCP 47 language where it differs from the parent's.
    public var language: String?
    /// Alternative text (a figure's `alt`).
    public var alt: String?
    /// `Column` or `Row` for a table header cell.
    public var scope: String?

    public init(role: String, parent: Int32, language: String? = nil, alt: String? = nil, scope: String? = nil) {
        self.role = role
        self.parent = parent
        self.language = language
        self.alt = alt
        self.scope = scope
    }

    /// Content that is not part of the text (backgrounds, borders, rules, underlines).
    public static let layoutArtifact: Int32 = -1
    /// Content repeated for pagination (running header, page numbers, table headers repeated on a new page).
    public static let paginationArtifact: Int32 = -2
}
