/// Column positions of a laid-out table.
struct TableGrid {
    var x: Points
    var columns: [Points]
    var collapse: Bool
    private var starts: [Points]

    init(x: Points, columns: [Points], collapse: Bool) {
        self.x = x
        self.columns = columns
        self.collapse = collapse
        var s: [Points] = []
        var sum = x
        for c in columns {
            s.append(sum)
            sum += c
        }
        s.append(sum)
        starts = s
    }

    var totalWidth: Points { starts[starts.count - 1] - x }

    func x(of cell: TableBox.Cell) -> Points { starts[min(cell.column, columns.count)] }

    func width(of cell: TableBox.Cell) -> Points {
        let end = min(cell.column + cell.span, columns.count)
        return starts[end] - starts[min(cell.column, columns.count)]
    }

    /// Space between a cell's grid edges and its content: padding plus the border (half of it when borders
    /// collapse onto the grid lines).
    func insets(_ style: ComputedStyle, width: Points) -> (top: Points, right: Points, bottom: Points, left: Points) {
        let f = style.fontSize
        let share: Points = collapse ? 0.5 : 1
        return (style.padding.top.points(width: width, fontSize: f) + style.border.top.used * share,
                style.padding.right.points(width: width, fontSize: f) + style.border.right.used * share,
                style.padding.bottom.points(width: width, fontSize: f) + style.border.bottom.used * share,
                style.padding.left.points(width: width, fontSize: f) + style.border.left.used * share)
    }
}
