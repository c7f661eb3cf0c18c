/// The running header (the document's `runningHeader`, left) and the footer ("Page X of Y", centred) in the page
/// margins.
struct PageMargins {
    let context: LayoutContext
    let setup: PageSetup

    private var style: ComputedStyle {
        var s = ComputedStyle()
        s.fontSize = 8
        s.color = RGBColor(red: 0x5a / 255, green: 0x5a / 255, blue: 0x5a / 255)
        s.lang = "en"
        s.display = .block
        return s
    }

    func items(header: String, page: Int, of count: Int) -> [PageItem] {
        var items: [PageItem] = []
        let headerBaseline = max(setup.marginTop * 0.55, 14)
        if !header.isEmpty {
            var s = style
            s.lang = nil
            items += line(header, style: s, baseline: headerBaseline, align: .left)
        }
        let footerBaseline = setup.height - max(setup.marginBottom * 0.45, 10)
        items += line("Page \(page) of \(count)", style: style, baseline: footerBaseline, align: .center)
        return items
    }

    private func line(_ text: String, style: ComputedStyle, baseline: Points, align: ComputedStyle.TextAlign) -> [PageItem] {
        var builder = ParagraphBuilder()
        builder.appendText(text, style: style, href: nil)
        var blockStyle = style
        blockStyle.textAlign = align
        let paragraph = Paragraph(builder, style: blockStyle, context: context)
        guard let first = paragraph.lines(width: .infinity).first else { return [] }
        let placed = paragraph.place(first, x: setup.marginLeft, top: baseline - first.above, width: setup.contentWidth,
                                     context: context)
        return placed.items
    }
}
