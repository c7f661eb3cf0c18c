/// The running header in the top margin, as the HTML export prints it through `@page` margin boxes: the document's
/// `runningHeader` (the case id) on the left, "Page X of Y" on the right.
struct PageMargins {
    let context: LayoutContext
    let setup: PageSetup

    private var style: ComputedStyle {
        var s = ComputedStyle()
        s.fontSize = 8
        s.color = RGBColor(red: 0x55 / 255, green: 0x55 / 255, blue: 0x55 / 255)
        s.lang = "en"
        s.display = .block
        return s
    }

    func items(header: String, pageLabel: String, language: String) -> [PageItem] {
        var items: [PageItem] = []
        // Centred in the top margin, like a browser's margin boxes.
        let baseline = max(setup.marginTop / 2 + style.fontSize * 0.35, style.fontSize)
        if !header.isEmpty {
            var s = style
            s.lang = nil
            items += line(header, style: s, baseline: baseline, align: .left)
        }
        var counter = style
        counter.lang = language
        items += line(pageLabel, style: counter, baseline: baseline, align: .right)
        return items
    }

    private func line(_ text: String, style: ComputedStyle, baseline: Points, align: ComputedStyle.TextAlign) -> [PageItem] {
        var builder = ParagraphBuilder()
        builder.appendText(text, style: style, href: nil, node: StructureNode.paginationArtifact)
        var blockStyle = style
        blockStyle.textAlign = align
        let paragraph = Paragraph(builder, style: blockStyle, context: context)
        guard let first = paragraph.lines(width: .infinity).first else { return [] }
        let placed = paragraph.place(first, x: setup.marginLeft, top: baseline - first.above, width: setup.contentWidth,
                                     context: context)
        return placed.items
    }
}
