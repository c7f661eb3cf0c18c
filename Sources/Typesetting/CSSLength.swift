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
