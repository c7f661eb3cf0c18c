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

/// A table: rows of cells on a column grid; the `headerRows` first rows come from `thead` and repeat on every page.
final class TableBox {
    struct Cell {
        var box: BlockBox
        var column: Int
        var span: Int
    }

    struct Row {
        var style: ComputedStyle
        var cells: [Cell]
    }

    let rows: [Row]
    let headerRows: Int
    let columns: Int
    var cachedWidths: (table: Points, columns: [Points])?

    init(rows: [Row], headerRows: Int) {
        self.rows = rows
        self.headerRows = headerRows
        columns = rows.map { $0.cells.reduce(0) { $0 + $1.span } }.max() ?? 0
    }
}
