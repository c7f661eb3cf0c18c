/// One side of a border.
struct BorderSide: Sendable, Hashable {
    var width: Points = 0
    var color: RGBColor? = nil
    var visible = false

    /// The width that takes space: zero unless the style draws a line.
    var used: Points { visible ? width : 0 }
}
