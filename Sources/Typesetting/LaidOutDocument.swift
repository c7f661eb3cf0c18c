import DossierCore

/// A document after layout: pages of positioned items, the outline, images, and what went wrong on the way.
public struct LaidOutDocument: Sendable {
    public var name: String
    public var title: String
    /// The packet part it belongs to (`Document.section`).
    public var section: String? = nil
    public var language: String
    public var pages: [LaidOutPage]
    /// Headings (`h1`, `h2`) in document order, for bookmarks.
    public var outline: [OutlineEntry]
    public var images: [ImageResource]
    /// The logical structure, node 0 the document; content points into it by index.
    public var structure: [StructureNode]
    public var diagnostics: [Diagnostic]
}
