/// What a printed page can use: style values outside these bounds are `LAYOUT002` warnings when the stylesheet is
/// parsed (the declaration is ignored), and computed values are clamped, so no zero, infinite or NaN size reaches
/// layout or the PDF writer (issue 15: `font-size: 0` and `1e308pt` trapped the engine).
enum StyleLimits {
    /// The largest page PDF allows (200 in): no length needs to be larger.
    static let maxLength: Points = 14400
    /// Font sizes in points, and relative ones (`em`, `%`, `smaller`) as a factor of the parent's size.
    static let fontSize: ClosedRange<Points> = 1...1000
    static let fontFactor: ClosedRange<Double> = 0.1...10
    /// `line-height` as a factor of the font size, or in points.
    static let lineFactor: ClosedRange<Double> = 0...20
    static let linePoints: ClosedRange<Points> = 0...1000
    static let borderWidth: ClosedRange<Points> = 0...100
    /// A page side and the least content area its margins must leave.
    static let pageSide: ClosedRange<Points> = 72...maxLength
    static let minContent: Points = 72

    /// Bounds of a box length (margin, padding, width, height) by unit kind.
    struct LengthBounds {
        var points: ClosedRange<Points>
        var em: ClosedRange<Double>
        var percent: ClosedRange<Double>
        static let margin = LengthBounds(points: -maxLength...maxLength, em: -100...100, percent: -1000...1000)
        static let nonNegative = LengthBounds(points: 0...maxLength, em: 0...100, percent: 0...1000)
    }

    /// Nil when `length` is allowed, else the allowed range for its unit, for the message.
    static func problem(_ length: CSSLength, _ bounds: LengthBounds) -> String? {
        switch length {
        case .auto: return nil
        case .points(let p): return bounds.points.contains(p) ? nil : range(bounds.points, "pt")
        case .em(let e): return bounds.em.contains(e) ? nil : range(bounds.em, "em")
        case .percent(let p): return bounds.percent.contains(p) ? nil : range(bounds.percent, "%")
        }
    }

    /// Nil when every value of `declaration` is allowed, else the allowed range for the one that is not.
    static func problem(_ declaration: Declaration) -> String? {
        switch declaration {
        case .fontSize(.points(let p)): return fontSize.contains(p) ? nil : range(fontSize, "pt")
        case .fontSize(.relative(let f)):
            return fontFactor.contains(f) ? nil : "\(range(fontFactor, "em")), \(range(fontFactor.scaled(100), "%"))"
        case .margin(_, let l): return problem(l, .margin)
        case .padding(_, let l), .width(let l), .height(let l): return problem(l, .nonNegative)
        case .borderWidth(_, let w): return borderWidth.contains(w) ? nil : range(borderWidth, "pt")
        case .lineHeight(.factor(let f)):
            return lineFactor.contains(f) ? nil : "\(range(lineFactor, "")) times the font size"
        case .lineHeight(.points(let p)): return linePoints.contains(p) ? nil : range(linePoints, "pt")
        default: return nil
        }
    }

    /// A computed font size inside the bounds (relative sizes compound down the tree).
    static func clampFontSize(_ size: Points) -> Points {
        size.isNaN ? 12 : min(max(size, fontSize.lowerBound), fontSize.upperBound)
    }

    static func range(_ r: ClosedRange<Double>, _ unit: String) -> String {
        "\(number(r.lowerBound))\(r.lowerBound == 0 ? "" : unit) to \(number(r.upperBound))\(unit)"
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

extension ClosedRange where Bound == Double {
    func scaled(_ k: Double) -> ClosedRange<Double> { lowerBound * k...upperBound * k }
}
