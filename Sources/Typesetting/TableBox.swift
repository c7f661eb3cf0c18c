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
