/// A block's margins, borders and padding resolved to points for a containing block width.
struct BoxGeometry {
    var marginTop: Points
    var marginRight: Points
    var marginBottom: Points
    var marginLeft: Points
    var borderTop: Points
    var borderRight: Points
    var borderBottom: Points
    var borderLeft: Points
    var paddingTop: Points
    var paddingRight: Points
    var paddingBottom: Points
    var paddingLeft: Points
    /// Width of the border box.
    var borderBoxWidth: Points
    /// Width inside padding, where children go.
    var contentWidth: Points

    init(_ style: ComputedStyle, containerWidth width: Points) {
        let f = style.fontSize
        marginTop = style.margin.top.points(width: width, fontSize: f)
        marginRight = style.margin.right.points(width: width, fontSize: f)
        marginBottom = style.margin.bottom.points(width: width, fontSize: f)
        marginLeft = style.margin.left.points(width: width, fontSize: f)
        borderTop = style.border.top.used
        borderRight = style.border.right.used
        borderBottom = style.border.bottom.used
        borderLeft = style.border.left.used
        paddingTop = style.padding.top.points(width: width, fontSize: f)
        paddingRight = style.padding.right.points(width: width, fontSize: f)
        paddingBottom = style.padding.bottom.points(width: width, fontSize: f)
        paddingLeft = style.padding.left.points(width: width, fontSize: f)
        let insets = borderLeft + borderRight + paddingLeft + paddingRight
        if let specified = style.width.resolve(width: width, fontSize: f), style.display != .tableCell {
            contentWidth = max(0, specified)
        } else {
            contentWidth = max(0, width - marginLeft - marginRight - insets)
        }
        borderBoxWidth = contentWidth + insets
    }

    /// Horizontal space outside the content box.
    var horizontalExtras: Points {
        marginLeft + marginRight + borderLeft + borderRight + paddingLeft + paddingRight
    }

    var hasTopEdge: Bool { borderTop > 0 || paddingTop > 0 }
    var hasBottomEdge: Bool { borderBottom > 0 || paddingBottom > 0 }
}
