import DossierCore

/// One output document (a checklist, a cover letter, a filled statement) as a tree, ready for HTML or PDF export.
public struct Document: Sendable, Hashable {
    /// File stem, e.g. `n-600-checklist`.
    public var name: String
    /// Title for `<title>`, PDF metadata and the packet outline.
    public var title: String
    /// Primary language (BCP 47, e.g. `en`); spans carry their own `lang`.
    public var language: String
    /// Left side of the running header (the case id) — the PDF prints it with "Page X of Y".
    public var runningHeader: String
    /// The page counter in the primary language, with `{page}` and `{pages}`: "Page {page} of {pages}".
    public var pageLabel: String
    /// The `<body>` element.
    public var body: Element
    /// In a packet of several parts (procedures), the part this document belongs to: the outline groups its
    /// documents under one entry with this title.
    public var section: String?

    public init(name: String, title: String, language: String, runningHeader: String,
                pageLabel: String = "Page {page} of {pages}", body: Element) {
        self.name = name
        self.title = title
        self.language = language
        self.runningHeader = runningHeader
        self.pageLabel = pageLabel
        self.body = body
    }

    /// The page counter for one page: "Page 2 of 5".
    public func pageLabel(page: Int, of count: Int) -> String {
        pageLabel.replacingAll("{pages}", with: String(count)).replacingAll("{page}", with: String(page))
    }
}
