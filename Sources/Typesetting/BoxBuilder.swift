import DocumentModel

/// Builds the box tree from the document tree: the cascade gives each element its style, inline content is gathered
/// into paragraphs, lists get markers, tables a grid.
struct BoxBuilder {
    let context: LayoutContext
    private let styles: StyleCache

    init(context: LayoutContext) {
        self.context = context
        var root = ComputedStyle()
        root.display = .block
        styles = StyleCache(stylesheet: context.stylesheet, root: root)
    }

    /// The root box for `body` (the document's own body element).
    func build(_ body: Element) -> BlockBox {
        var root = ComputedStyle()
        root.display = .block
        let (style, path) = computeStyle(body, parent: root, path: 0)
        var blockStyle = style
        blockStyle.display = .block
        return buildBlock(body, style: blockStyle, path: path)
    }

    /// The element's style and its cascade id (`path` names the parent's place in the cascade).
    private func computeStyle(_ element: Element, parent: ComputedStyle, path: Int) -> (ComputedStyle, Int) {
        styles.style(of: element, parent: path, parentStyle: parent)
    }

    /// Text of `nodes` with line breaks as spaces (for outline titles).
    static func plainText(_ nodes: [Node]) -> String {
        nodes.map { node in
            switch node {
            case .text(let s): return s
            case .element(let e): return e.name == "br" ? " " : plainText(e.children)
            }
        }.joined()
    }

    static func defaultDisplay(_ name: String) -> ComputedStyle.Display {
        switch name {
        case "html", "body", "header", "footer", "section", "article", "nav", "aside", "main", "div", "p",
             "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "address", "figure", "hr":
            return .block
        case "li": return .listItem
        case "table": return .table
        case "thead": return .tableHeaderGroup
        case "tbody", "tfoot": return .tableRowGroup
        case "tr": return .tableRow
        case "td", "th": return .tableCell
        default: return .inline
        }
    }

    private func buildBlock(_ element: Element, style: ComputedStyle, path: Int) -> BlockBox {
        if style.display == .table { return buildTable(element, style: style, path: path) }
        var blocks: [BlockBox] = []
        var paragraph = ParagraphBuilder()
        var ordinal = 0
        collect(element.children, parent: style, path: path, href: nil, blockStyle: style, blocks: &blocks,
                paragraph: &paragraph, ordinal: &ordinal)
        let box: BlockBox
        if blocks.isEmpty {
            box = BlockBox(style: style, content: paragraph.isEmpty ? .blocks([])
                           : .inline(Paragraph(paragraph, style: style, context: context)))
        } else {
            flush(&paragraph, blockStyle: style, into: &blocks)
            box = BlockBox(style: style, content: .blocks(blocks))
        }
        if let level = ["h1": 1, "h2": 2, "h3": 3][element.name] {
            let title = Self.plainText(element.children).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            box.heading = (level, TextServices.nfc(title))
        }
        return box
    }

    /// Walks inline content, appending to `paragraph`; block-level children close it and become blocks.
    private func collect(_ nodes: [Node], parent: ComputedStyle, path: Int, href: String?,
                         blockStyle: ComputedStyle, blocks: inout [BlockBox], paragraph: inout ParagraphBuilder,
                         ordinal: inout Int) {
        for node in nodes {
            switch node {
            case .text(let s):
                paragraph.appendText(s, style: parent, href: href)
            case .element(let e):
                var (style, childPath) = computeStyle(e, parent: parent, path: path)
                switch style.display {
                case .none:
                    continue
                case .block, .listItem, .table, .tableRowGroup, .tableHeaderGroup, .tableRow, .tableCell:
                    flush(&paragraph, blockStyle: blockStyle, into: &blocks)
                    if style.display != .listItem && style.display != .table { style.display = .block }
                    let box = buildBlock(e, style: style, path: childPath)
                    if style.display == .listItem {
                        ordinal += 1
                        box.marker = marker(style: style, ordinal: ordinal)
                    }
                    blocks.append(box)
                case .inline, .inlineBlock:
                    let link = e.name == "a" ? (e[attribute: "href"] ?? href) : href
                    if e.name == "br" {
                        paragraph.appendLineBreak(style: style)
                    } else if e.name == "img" {
                        appendImage(e, style: style, href: link, to: &paragraph)
                    } else if style.display == .inlineBlock && e.children.isEmpty {
                        let w = style.width.resolve(width: pageWidth, fontSize: style.fontSize) ?? 0
                        let h = style.height.resolve(width: pageWidth, fontSize: style.fontSize) ?? 0
                        paragraph.appendAtomic(kind: .box, style: style, width: max(0, w), height: max(0, h), href: link)
                    } else {
                        checkInlineDecorations(e, style: style)
                        collect(e.children, parent: style, path: childPath, href: link, blockStyle: blockStyle,
                                blocks: &blocks, paragraph: &paragraph, ordinal: &ordinal)
                    }
                }
            }
        }
    }

    private var pageWidth: Points { context.stylesheet.page.contentWidth }

    /// Inline boxes draw text only (an inline-block with content is laid out as inline text): say so when the
    /// stylesheet gives one a background, border, padding, margin, size or vertical alignment (once per element kind
    /// and document).
    private func checkInlineDecorations(_ e: Element, style: ComputedStyle) {
        let sides = [style.padding.top, style.padding.right, style.padding.bottom, style.padding.left,
                     style.margin.left, style.margin.right]
        let decorated = style.backgroundColor != nil || style.border.top.used > 0 || style.border.right.used > 0
            || style.border.bottom.used > 0 || style.border.left.used > 0 || sides.contains { $0 != .zero && $0 != .auto }
            || style.verticalAlign != .baseline || style.width != .auto || style.height != .auto
        guard decorated else { return }
        let what = ([e.name] + e.classes).joined(separator: ".")
        context.warnOnce("LAYOUT006", key: what,
                         "<\(what)> in \(context.documentName) is laid out as inline text: its background, borders, "
                            + "padding, margins, size and vertical-align are not drawn in the PDF",
                         hint: "make it display: block or inline-block, or style a block around it")
    }

    private func flush(_ paragraph: inout ParagraphBuilder, blockStyle: ComputedStyle, into blocks: inout [BlockBox]) {
        guard !paragraph.isEmpty else {
            paragraph = ParagraphBuilder()
            return
        }
        var style = blockStyle.inherited()
        style.display = .block
        blocks.append(BlockBox(style: style, content: .inline(Paragraph(paragraph, style: style, context: context))))
        paragraph = ParagraphBuilder()
    }

    private func appendImage(_ e: Element, style: ComputedStyle, href: String?, to paragraph: inout ParagraphBuilder) {
        let source = e[attribute: "src"] ?? ""
        guard let index = context.image(source) else {
            if let alt = e[attribute: "alt"], !alt.isEmpty { paragraph.appendText(alt, style: style, href: href) }
            return
        }
        let info = context.images[index].info
        let intrinsicWidth = Points(info.pixelWidth) * 0.75
        let intrinsicHeight = Points(info.pixelHeight) * 0.75
        let ratio = intrinsicHeight / intrinsicWidth
        var width = style.width.resolve(width: pageWidth, fontSize: style.fontSize)
        var height = style.height.resolve(width: pageWidth, fontSize: style.fontSize)
        switch (width, height) {
        case (nil, nil): (width, height) = (intrinsicWidth, intrinsicHeight)
        case (let w?, nil): height = w * ratio
        case (nil, let h?): width = h / ratio
        default: break
        }
        var w = max(0, width ?? 0)
        var h = max(0, height ?? 0)
        if w > pageWidth {
            h *= pageWidth / w
            w = pageWidth
        }
        paragraph.appendAtomic(kind: .image(index), style: style, width: w, height: h, href: href)
    }

    private func marker(style: ComputedStyle, ordinal: Int) -> Paragraph? {
        let text: String
        switch style.listStyle {
        case .none: return nil
        case .disc: text = "•"
        case .circle: text = "◦"
        case .square: text = "▪"
        case .decimal: text = "\(ordinal)."
        case .lowerAlpha: text = Self.alphabetic(ordinal).lowercased() + "."
        case .upperAlpha: text = Self.alphabetic(ordinal) + "."
        case .lowerRoman: text = Self.roman(ordinal).lowercased() + "."
        case .upperRoman: text = Self.roman(ordinal) + "."
        }
        var builder = ParagraphBuilder()
        var markerStyle = style
        markerStyle.underline = false
        builder.appendText(text, style: markerStyle, href: nil)
        return Paragraph(builder, style: markerStyle, context: context)
    }

    static func alphabetic(_ n: Int) -> String {
        var n = max(1, n)
        var s = ""
        while n > 0 {
            n -= 1
            s = String(UnicodeScalar(UInt8(65 + n % 26))) + s
            n /= 26
        }
        return s
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var s = ""
        for (value, numeral) in table {
            while n >= value {
                s += numeral
                n -= value
            }
        }
        return s
    }

    // MARK: Tables

    private func buildTable(_ element: Element, style: ComputedStyle, path: Int) -> BlockBox {
        var rows: [TableBox.Row] = []
        var headerRows = 0
        var bodySeen = false
        func addRow(_ tr: Element, parent: ComputedStyle, path: Int, header: Bool) {
            let (rowStyle, rowPath) = computeStyle(tr, parent: parent, path: path)
            guard rowStyle.display != .none else { return }
            var cells: [TableBox.Cell] = []
            var column = 0
            for case .element(let td) in tr.children where td.name == "td" || td.name == "th" {
                var (cellStyle, cellPath) = computeStyle(td, parent: rowStyle, path: rowPath)
                guard cellStyle.display != .none else { continue }
                cellStyle.display = .tableCell
                let span = max(1, min(1000, Int(td[attribute: "colspan"] ?? "1") ?? 1))
                cells.append(TableBox.Cell(box: buildBlock(td, style: cellStyle, path: cellPath), column: column,
                                           span: span))
                column += span
            }
            rows.append(TableBox.Row(style: rowStyle, cells: cells))
            if header { headerRows += 1 }
        }
        for case .element(let child) in element.children {
            switch child.name {
            case "thead", "tbody", "tfoot":
                let (groupStyle, groupPath) = computeStyle(child, parent: style, path: path)
                guard groupStyle.display != .none else { continue }
                let isHeader = child.name == "thead" && !bodySeen
                for case .element(let tr) in child.children where tr.name == "tr" {
                    addRow(tr, parent: groupStyle, path: groupPath, header: isHeader)
                }
                if !isHeader { bodySeen = true }
            case "tr":
                addRow(child, parent: style, path: path, header: false)
                bodySeen = true
            default:
                context.warn("LAYOUT030", "<\(child.name)> directly inside <table> in \(context.documentName) is not laid out")
            }
        }
        return BlockBox(style: style, content: .table(TableBox(rows: rows, headerRows: headerRows)))
    }
}
