/// One glyph placed on a page, relative to its run's origin; `cluster` indexes the run's `text` (UTF-16).
public struct PlacedGlyph: Sendable, Hashable {
    public var glyph: UInt16
    /// Offset from the run origin along the baseline.
    public var x: Points
    /// Shift above the baseline (positive is up), for marks HarfBuzz positions.
    public var rise: Points
    /// HarfBuzz's advance, which may differ from the font's (kerning).
    public var advance: Points
    public var cluster: Int32
}

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
}

/// Something drawn on a page; coordinates in points from the page's top-left corner.
public enum PageItem: Sendable, Hashable {
    case text(GlyphRun)
    case fill(Rect, RGBColor)
    /// An image from `LaidOutDocument.images`, scaled into the rectangle.
    case image(index: Int, Rect)
    /// A clickable area that opens a URI.
    case link(Rect, uri: String)
}

/// One laid-out page.
public struct LaidOutPage: Sendable, Hashable {
    public var width: Points
    public var height: Points
    public var items: [PageItem]
}

/// A heading for the PDF outline: level 1 for `h1`, 2 for `h2`; where it starts.
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    public var level: Int
    public var page: Int
    public var y: Points
}

/// An image the document shows: its source key, bytes and what the header says about it.
public struct ImageResource: Sendable, Hashable {
    public var source: String
    public var data: [UInt8]
    public var info: ImageInfo
}
