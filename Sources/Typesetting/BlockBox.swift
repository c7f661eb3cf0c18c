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
    /// For `h1`–`h3`: outline level and title.
    var heading: (level: Int, title: String)?

    init(style: ComputedStyle, content: Content) {
        self.style = style
        self.content = content
    }
}
