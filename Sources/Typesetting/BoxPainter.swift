/// Backgrounds and borders of a box, drawn as filled rectangles (solid borders only).
enum BoxPainter {
    /// The background and the borders of `borderBox`; `top`/`bottom` say whether this fragment of a box split across
    /// pages has that edge (CSS `box-decoration-break: slice`).
    static func decorations(of style: ComputedStyle, borderBox box: Rect, top: Bool, bottom: Bool) -> [PageItem] {
        var items: [PageItem] = []
        if let background = style.backgroundColor, box.width > 0, box.height > 0 {
            items.append(.fill(box, background))
        }
        let b = style.border
        let fallback = style.color
        if top && b.top.used > 0 {
            items.append(.fill(Rect(x: box.x, y: box.y, width: box.width, height: b.top.used), b.top.color ?? fallback))
        }
        if bottom && b.bottom.used > 0 {
            items.append(.fill(Rect(x: box.x, y: box.y + box.height - b.bottom.used, width: box.width,
                                    height: b.bottom.used), b.bottom.color ?? fallback))
        }
        if b.left.used > 0 {
            items.append(.fill(Rect(x: box.x, y: box.y, width: b.left.used, height: box.height),
                               b.left.color ?? fallback))
        }
        if b.right.used > 0 {
            items.append(.fill(Rect(x: box.x + box.width - b.right.used, y: box.y, width: b.right.used,
                                    height: box.height), b.right.color ?? fallback))
        }
        return items
    }
}

extension BoxPainter {
    /// A table cell in the collapsing border model: background on the grid cell, each border centred on its grid
    /// line (neighbours draw the shared line on top of each other, which prints the same).
    static func collapsedCell(_ style: ComputedStyle, rect r: Rect) -> [PageItem] {
        var items: [PageItem] = []
        if let background = style.backgroundColor { items.append(.fill(r, background)) }
        let b = style.border
        let c = style.color
        let left = b.left.used / 2
        let right = b.right.used / 2
        if b.top.used > 0 {
            items.append(.fill(Rect(x: r.x - left, y: r.y - b.top.used / 2, width: r.width + left + right,
                                    height: b.top.used), b.top.color ?? c))
        }
        if b.bottom.used > 0 {
            items.append(.fill(Rect(x: r.x - left, y: r.y + r.height - b.bottom.used / 2,
                                    width: r.width + left + right, height: b.bottom.used), b.bottom.color ?? c))
        }
        if b.left.used > 0 {
            items.append(.fill(Rect(x: r.x - left, y: r.y, width: b.left.used, height: r.height), b.left.color ?? c))
        }
        if b.right.used > 0 {
            items.append(.fill(Rect(x: r.x + r.width - right, y: r.y, width: b.right.used, height: r.height),
                               b.right.color ?? c))
        }
        return items
    }
}
