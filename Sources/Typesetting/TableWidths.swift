/// Column widths for a table (the automatic table layout of CSS 2.1 §17.5.2.2, informative algorithm, simplified).
///
/// Each column gets a minimum (its widest unbreakable piece of content, or its specified width) and a maximum (its
/// content set on one line). Short bilingual labels, URLs and phone numbers count as unbreakable when the minimums
/// fit that way ("Amount / Số tiền" keeps its column from wrapping it); otherwise they may break like other text. Cells spanning columns spread what they need beyond the spanned minimums evenly. If
/// every column can have its maximum, the room left over goes to the columns without a specified width in proportion
/// to their maximums (so a 100%-wide table keeps their ratio); otherwise each column gets its minimum plus a share of
/// the room left in proportion to how much it would still like (max − min). If even the minimums do not fit, the table
/// is as wide as their sum and overflows on the right.
enum TableWidths {
    static func compute(_ table: TableBox, style: ComputedStyle, available: Points) -> (Points, [Points]) {
        if let cached = table.cachedWidths, cached.table == available { return (available, cached.columns) }
        guard table.columns > 0 else { return (0, []) }
        var widths = compute(table, style: style, available: available, relaxed: false)
        if widths == nil { widths = compute(table, style: style, available: available, relaxed: true) }
        table.cachedWidths = (available, widths ?? [])
        return (available, widths ?? [])
    }

    /// The widths, or nil when strict minimums do not fit (try again `relaxed`).
    private static func compute(_ table: TableBox, style: ComputedStyle, available: Points, relaxed: Bool) -> [Points]? {
        let n = table.columns
        var minW = [Points](repeating: 0, count: n)
        var maxW = [Points](repeating: 0, count: n)
        var fixed = [Points?](repeating: nil, count: n)
        let collapse = style.borderCollapse
        for row in table.rows {
            for cell in row.cells where cell.span == 1 && cell.column < n {
                let (mn, mx) = cellWidths(cell.box, collapse: collapse, tableWidth: available, relaxed: relaxed)
                minW[cell.column] = max(minW[cell.column], mn)
                maxW[cell.column] = max(maxW[cell.column], mx)
                if let w = cell.box.style.width.resolve(width: available, fontSize: cell.box.style.fontSize) {
                    let withInsets = w + insets(cell.box.style, collapse: collapse, width: available)
                    fixed[cell.column] = max(fixed[cell.column] ?? 0, withInsets)
                }
            }
        }
        for row in table.rows {
            for cell in row.cells where cell.span > 1 && cell.column < n {
                let range = cell.column..<min(n, cell.column + cell.span)
                let (mn, mx) = cellWidths(cell.box, collapse: collapse, tableWidth: available, relaxed: relaxed)
                let haveMin = range.reduce(0) { $0 + minW[$1] }
                let haveMax = range.reduce(0) { $0 + maxW[$1] }
                for c in range {
                    if mn > haveMin { minW[c] += (mn - haveMin) / Points(range.count) }
                    if mx > haveMax { maxW[c] += (mx - haveMax) / Points(range.count) }
                }
            }
        }
        for c in 0..<n {
            if let f = fixed[c] {
                minW[c] = max(minW[c], f)
                maxW[c] = minW[c]
            }
            maxW[c] = max(maxW[c], minW[c])
        }
        let sumMin = minW.reduce(0, +)
        let sumMax = maxW.reduce(0, +)
        let specified = style.width.resolve(width: available, fontSize: style.fontSize) != nil
        let target = specified ? available : min(available, sumMax)
        if !relaxed && sumMin > target + 0.01 { return nil }
        var widths: [Points]
        if sumMax <= target {
            let flexible = (0..<n).filter { fixed[$0] == nil }
            let grow = flexible.isEmpty ? Array(0..<n) : flexible
            let growMax = grow.reduce(0) { $0 + maxW[$1] }
            widths = maxW
            for c in grow {
                widths[c] += (target - sumMax) * (growMax > 0 ? maxW[c] / growMax : 1 / Points(grow.count))
            }
        } else if sumMin <= target {
            let wish = sumMax - sumMin
            widths = (0..<n).map { minW[$0] + (maxW[$0] - minW[$0]) * (target - sumMin) / wish }
        } else {
            widths = minW
        }
        return widths
    }

    private static func insets(_ style: ComputedStyle, collapse: Bool, width: Points) -> Points {
        let f = style.fontSize
        let share: Points = collapse ? 0.5 : 1
        return style.padding.left.points(width: width, fontSize: f) + style.padding.right.points(width: width, fontSize: f)
            + (style.border.left.used + style.border.right.used) * share
    }

    private static func cellWidths(_ box: BlockBox, collapse: Bool, tableWidth: Points, relaxed: Bool) -> (Points, Points) {
        let (mn, mx) = IntrinsicWidth.of(contentOf: box, width: tableWidth, relaxed: relaxed)
        let extra = insets(box.style, collapse: collapse, width: tableWidth)
        return (mn + extra, mx + extra)
    }
}
