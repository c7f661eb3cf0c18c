/// Shaped text in one face, size and colour on one baseline, with the exact source text for copy and search.
public struct GlyphRun: Sendable, Hashable {
    /// Index into `FontLibrary.faces`.
    public var face: Int
    public var size: Points
    public var color: RGBColor
    /// BCP 47 language of the span the text came from, if it said.
    public var language: String?
    /// Left end of the baseline.
    public var x: Points
    public var baseline: Points
    public var glyphs: [PlacedGlyph]
    /// NFC text the glyphs were shaped from; glyph clusters are offsets into it.
    public var text: [UInt16]
    /// The structure node (`LaidOutDocument.structure`) the text belongs to, or an artifact
    /// (`StructureNode.layoutArtifact`, `.paginationArtifact`).
    public var tag: Int32 = StructureNode.layoutArtifact
}
