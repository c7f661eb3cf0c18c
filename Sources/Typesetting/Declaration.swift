/// One longhand CSS declaration of the supported subset, parsed and typed (shorthands expand to several).
enum Declaration: Sendable, Hashable {
    enum Side: Sendable, Hashable, CaseIterable { case top, right, bottom, left }
    enum FontSize: Sendable, Hashable { case points(Points), relative(Double) }

    case fontFamily([String])
    case fontSize(FontSize)
    case bold(Bool)
    case italic(Bool)
    case color(RGBColor)
    case backgroundColor(RGBColor?)
    case margin(Side, CSSLength)
    case padding(Side, CSSLength)
    case borderWidth(Side, Points)
    case borderStyle(Side, visible: Bool)
    case borderColor(Side, RGBColor)
    case width(CSSLength)
    case height(CSSLength)
    case textAlign(ComputedStyle.TextAlign)
    case lineHeight(ComputedStyle.LineHeight)
    case display(ComputedStyle.Display)
    case listStyle(ComputedStyle.ListStyle)
    case breakBefore(ComputedStyle.BreakRule)
    case breakAfter(ComputedStyle.BreakRule)
    case breakInside(ComputedStyle.BreakRule)
    case borderCollapse(Bool)
    case underline(Bool)
    case verticalAlign(ComputedStyle.VerticalAlign)
    case noWrap(Bool)
    case hyphens(ComputedStyle.Hyphens)
    case textIndent(CSSLength)

    /// Applies the declaration to `style`; `parent` resolves relative font sizes.
    func apply(to style: inout ComputedStyle, parent: ComputedStyle) {
        switch self {
        case .fontFamily(let f): style.fontFamily = f
        case .fontSize(.points(let p)): style.fontSize = StyleLimits.clampFontSize(p)
        case .fontSize(.relative(let r)): style.fontSize = StyleLimits.clampFontSize(parent.fontSize * r)
        case .bold(let b): style.bold = b
        case .italic(let i): style.italic = i
        case .color(let c): style.color = c
        case .backgroundColor(let c): style.backgroundColor = c
        case .margin(let side, let l): style.margin[side] = l
        case .padding(let side, let l): style.padding[side] = l
        case .borderWidth(let side, let w): style.border[side].width = w
        case .borderStyle(let side, let visible): style.border[side].visible = visible
        case .borderColor(let side, let c): style.border[side].color = c
        case .width(let l): style.width = l
        case .height(let l): style.height = l
        case .textAlign(let a): style.textAlign = a
        case .lineHeight(let l): style.lineHeight = l
        case .display(let d): style.display = d
        case .listStyle(let l): style.listStyle = l
        case .breakBefore(let b): style.breakBefore = b
        case .breakAfter(let b): style.breakAfter = b
        case .breakInside(let b): style.breakInside = b
        case .borderCollapse(let c): style.borderCollapse = c
        case .underline(let u): style.underline = u
        case .verticalAlign(let v): style.verticalAlign = v
        case .noWrap(let n): style.noWrap = n
        case .hyphens(let h): style.hyphens = h
        case .textIndent(let l): style.textIndent = l
        }
    }
}

extension Edges {
    subscript(side: Declaration.Side) -> Value {
        get {
            switch side {
            case .top: return top
            case .right: return right
            case .bottom: return bottom
            case .left: return left
            }
        }
        set {
            switch side {
            case .top: top = newValue
            case .right: right = newValue
            case .bottom: bottom = newValue
            case .left: left = newValue
            }
        }
    }
}
