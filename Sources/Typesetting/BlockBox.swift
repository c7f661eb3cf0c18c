/// A block-level box of the box tree: a container of blocks, a paragraph of inline content, or a table.
final class BlockBox {
    enum Content {
        case blocks([BlockBox])
        case inline(Paragraph)
        case table(TableBox)
    }

    let style: ComputedStyle
    let content: Content
    /// The marker of a list item (`•`, `3.`), placed outside on its first line.
    var marker: Paragraph?
    /// The last measured height and the width it was measured at (`FlowLayout.measure`).
    var measured: (width: Points, height: Points)?
    /// The structure node (`Lbl`) of the marker.
    var markerNode: Int32?
    /// For `h1`–`h3`: outline level and title.
    var heading: (level: Int, title: String)?

    init(style: ComputedStyle, content: Content) {
        self.style = style
        self.content = content
    }

    /// `page-break-before: avoid` on the box or on its first descendant (CSS Fragmentation: a child's break rule
    /// at its parent's edge applies to the parent's edge too): the box stays with what precedes it.
    lazy var keepsWithPrevious: Bool = {
        if style.breakBefore == .avoid { return true }
        if case .blocks(let children) = content, let first = children.first { return first.keepsWithPrevious }
        return false
    }()

    /// `page-break-after: avoid` on the box or on its last descendant: the box stays with what follows it.
    lazy var keepsWithNext: Bool = {
        if style.breakAfter == .avoid { return true }
        if case .blocks(let children) = content, let last = children.last { return last.keepsWithNext }
        return false
    }()
}
