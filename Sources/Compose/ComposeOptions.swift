/// What a composition needs besides the context: the case languages and optional overrides of the document fields.
public struct ComposeOptions: Sendable, Hashable {
    /// Case languages, primary first (`["en", "vi"]`): every bilingual text is shown in these, in this order.
    public var languages: [String]
    /// Document name; defaults to the template's file stem.
    public var name: String?
    /// Document title; defaults to the template's `<title>`.
    public var title: String?
    /// Running header; defaults to `<meta name="dossier-running-header" content="{…}"/>`, else empty.
    public var runningHeader: String?

    /// Options with the case languages, primary first.
    public init(languages: [String], name: String? = nil, title: String? = nil, runningHeader: String? = nil) {
        self.languages = languages
        self.name = name
        self.title = title
        self.runningHeader = runningHeader
    }
}
