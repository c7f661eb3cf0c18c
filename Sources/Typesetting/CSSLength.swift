/// A CSS length before layout: points, a percentage of the containing block's width, ems of the element's font size.
enum CSSLength: Sendable, Hashable {
    case points(Points)
    case percent(Double)
    case em(Double)
    case auto

    static let zero = CSSLength.points(0)

    /// The length in points, given the containing block width and the element's font size; `auto` gives nil.
    func resolve(width: Points, fontSize: Points) -> Points? {
        switch self {
        case .points(let p): return p
        case .percent(let p): return width * p / 100
        case .em(let e): return e * fontSize
        case .auto: return nil
        }
    }

    /// Like `resolve`, with `auto` as zero (margins and padding).
    func points(width: Points, fontSize: Points) -> Points {
        resolve(width: width, fontSize: fontSize) ?? 0
    }
}

/// One value per box side, in CSS order.
struct Edges<Value: Sendable & Hashable>: Sendable, Hashable {
    var top: Value
    var right: Value
    var bottom: Value
    var left: Value

    init(_ all: Value) {
        top = all
        right = all
        bottom = all
        left = all
    }
}

/// One side of a border.
struct BorderSide: Sendable, Hashable {
    var width: Points = 0
    var color: RGBColor? = nil
    var visible = false

    /// The width that takes space: zero unless the style draws a line.
    var used: Points { visible ? width : 0 }
}
