/// The style of one box after the cascade: inherited values resolved, lengths kept until the width is known.
struct ComputedStyle: Sendable, Hashable {
    enum Display: Sendable, Hashable { case block, inline, inlineBlock, listItem, table, tableRowGroup, tableHeaderGroup,
                                           tableRow, tableCell, none }
    enum TextAlign: Sendable, Hashable { case left, right, center, justify }
    enum LineHeight: Sendable, Hashable { case normal, factor(Double), points(Points) }
    enum ListStyle: Sendable, Hashable { case none, disc, circle, square, decimal, lowerAlpha, upperAlpha, lowerRoman,
                                         upperRoman }
    enum BreakRule: Sendable, Hashable { case auto, always, avoid }
    enum VerticalAlign: Sendable, Hashable { case baseline, top, middle, bottom }
    /// CSS `hyphens`: `manual` breaks only at soft hyphens (U+00AD), `auto` also where the patterns allow (English).
    enum Hyphens: Sendable, Hashable { case none, manual, auto }

    // Inherited.
    var fontFamily: [String] = [FontLibrary.defaultFamily]
    var fontSize: Points = 12
    var bold = false
    var italic = false
    var color = RGBColor.black
    var lineHeight = LineHeight.normal
    var textAlign = TextAlign.left
    var listStyle = ListStyle.disc
    var underline = false
    var lang: String? = nil
    var verticalAlign = VerticalAlign.baseline
    /// `white-space: nowrap`: no line breaks inside (unless the text alone is wider than the line).
    var noWrap = false
    var hyphens = Hyphens.manual
    /// `text-indent` of the first line (negative hangs it).
    var textIndent = CSSLength.zero

    // Not inherited.
    var display = Display.inline
    var backgroundColor: RGBColor? = nil
    var margin = Edges(CSSLength.zero)
    var padding = Edges(CSSLength.zero)
    var border = Edges(BorderSide())
    var width = CSSLength.auto
    var height = CSSLength.auto
    var breakBefore = BreakRule.auto
    var breakAfter = BreakRule.auto
    var breakInside = BreakRule.auto
    var borderCollapse = false

    /// A child's starting style: inherited properties copied, the rest reset.
    func inherited() -> ComputedStyle {
        var child = ComputedStyle()
        child.fontFamily = fontFamily
        child.fontSize = fontSize
        child.bold = bold
        child.italic = italic
        child.color = color
        child.lineHeight = lineHeight
        child.textAlign = textAlign
        child.listStyle = listStyle
        child.underline = underline
        child.lang = lang
        child.noWrap = noWrap
        child.hyphens = hyphens
        child.textIndent = textIndent
        child.verticalAlign = display == .tableRow || display == .tableRowGroup || display == .tableHeaderGroup
            ? verticalAlign : .baseline
        return child
    }

    /// Used line height in points for this style's font size, given the font's natural height (ascent + descent + gap).
    func usedLineHeight(natural: Points) -> Points {
        switch lineHeight {
        case .normal: return natural
        case .factor(let f): return f * fontSize
        case .points(let p): return p
        }
    }
}
