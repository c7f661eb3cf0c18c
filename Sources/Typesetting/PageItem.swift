/// Something drawn on a page; coordinates in points from the page's top-left corner.
public enum PageItem: Sendable, Hashable {
    case text(GlyphRun)
    case fill(Rect, RGBColor)
    /// An image from `LaidOutDocument.images`, scaled into the rectangle; `tag` is its figure's structure node.
    case image(index: Int, Rect, tag: Int32)
    /// A clickable area that opens a URI; `tag` is its link's structure node.
    case link(Rect, uri: String, tag: Int32)
}
