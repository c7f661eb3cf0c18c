/// Min-content and max-content widths of boxes (what tables need to size their columns).
enum IntrinsicWidth {
    /// Widths of `box`'s content, without its own margins, borders and padding; with `relaxed`, the minimum lets
    /// protected pieces (bilingual labels, URLs, phone numbers) break too.
    static func of(contentOf box: BlockBox, width: Points, relaxed: Bool = false) -> (Points, Points) {
        switch box.content {
        case .inline(let p): return (p.minContentWidth(relaxed: relaxed), p.maxContentWidth)
        case .blocks(let children):
            var mn: Points = 0
            var mx: Points = 0
            for child in children {
                let (a, b) = of(box: child, width: width, relaxed: relaxed)
                mn = max(mn, a)
                mx = max(mx, b)
            }
            return (mn, mx)
        case .table(let table):
            let (_, columns) = TableWidths.compute(table, style: box.style, available: width)
            let total = columns.reduce(0, +)
            return (total, total)
        }
    }

    /// Widths of `box` including its horizontal margins, borders and padding (a specified width wins).
    static func of(box: BlockBox, width: Points, relaxed: Bool = false) -> (Points, Points) {
        let g = BoxGeometry(box.style, containerWidth: 0)
        let extras = g.horizontalExtras
        if let w = box.style.width.resolve(width: width, fontSize: box.style.fontSize),
           case .points = box.style.width {
            return (w + extras, w + extras)
        }
        let (mn, mx) = of(contentOf: box, width: width, relaxed: relaxed)
        return (mn + extras, mx + extras)
    }
}
