import DossierCore

/// A finished PDF file and what happened on the way.
public struct RenderedPDF: Sendable {
    /// The complete file.
    public var bytes: [UInt8]
    public var pageCount: Int
    /// Layout and export warnings (missing glyphs, unsupported CSS, missing images …).
    public var diagnostics: [Diagnostic]

    public init(bytes: [UInt8], pageCount: Int, diagnostics: [Diagnostic]) {
        self.bytes = bytes
        self.pageCount = pageCount
        self.diagnostics = diagnostics
    }
}
