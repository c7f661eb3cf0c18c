/// Something drawn on a page; coordinates in points from the page's top-left corner.
public enum PageItem: Sendable, Hashable {
    case text(GlyphRun)
    case fill(Rect, RGBColor)
    /// An image from `LaidOutDocument.images`, scaled into the rectangle.
    case image(index: Int, Rect)
    /// A clickable area that opens a URI.
    case link(Rect, uri: String)
}
