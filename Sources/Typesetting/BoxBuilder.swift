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

    /// The root box for `body` (the document's own body element); its content hangs under structure node 0.
    func build(_ body: Element) -> BlockBox {
        var root = ComputedStyle()
        root.display = .block
        let (style, path) = computeStyle(body, parent: root, path: 0)
        var blockStyle = style
        blockStyle.display = .block
        return buildBlock(body, style: blockStyle, path: path, node: 0, language: context.language)
    }

    /// The element's style and its cascade id (`path` names the parent's place in the cascade).
    private func computeStyle(_ element: Element, parent: ComputedStyle, path: Int) -> (ComputedStyle, Int) {
        styles.style(of: element, parent: path, parentStyle: parent)
    }

    /// Text of `nodes` for a bookmark: a line break between two languages becomes " — " ("Fees — Lệ phí").
    static func plainText(_ nodes: [Node]) -> String {
        nodes.map { node in
            switch node {
            case .text(let s): return s
            case .element(let e): return e.name == "br" ? " \u{2014} " : plainText(e.children)
            }
        }.joined()
    }

    /// The structure type of a block element (`Div` for a generic container).
    static func role(_ name: String) -> String {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return name.uppercased()
        case "p", "address": return "P"
        case "ul", "ol": return "L"
        case "li": return "LI"
        case "table": return "Table"
        case "thead": return "THead"
        case "tbody": return "TBody"
        case "tfoot": return "TFoot"
        case "tr": return "TR"
        case "th": return "TH"
        case "td": return "TD"
        case "section", "article": return "Sect"
        case "blockquote": return "BlockQuote"
        case "figure": return "Figure"
        default: return "Div"
        }
    }

    /// The `lang` of `element` when it differs from the language around it.
    private static func language(of element: Element, around: String) -> String? {
        guard let lang = element[attribute: "lang"], !lang.isEmpty, lang != around else { return nil }
        return lang
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

    /// Where inline content goes in the structure tree while it is collected.
    private struct InlineScope {
        var href: String?
        /// The node text is tagged with (the block's, a link's, a language span's).
        var node: Int32
        var linkNode: Int32 = StructureNode.layoutArtifact
        var language: String
    }

    /// The box for a block element whose structure node is made under `node` (`0`: the document, for `body`).
    private func buildBlock(_ element: Element, style: ComputedStyle, path: Int, node parentNode: Int32,
                            language: String) -> BlockBox {
        let lang = Self.language(of: element, around: language)
        let effective = lang ?? language
        if style.display == .table {
            let table = element.name == "body" ? parentNode
                : context.addNode("Table", parent: parentNode, language: lang)
            return buildTable(element, style: style, path: path, node: table, language: effective)
        }
        var node = parentNode
        var markerNode: Int32?
        if element.name != "body" {
            if style.display == .listItem {
                let item = context.addNode("LI", parent: parentNode, language: lang)
                if style.listStyle != .none { markerNode = context.addNode("Lbl", parent: item) }
                node = context.addNode("LBody", parent: item)
            } else if element.name != "hr" {
                node = context.addNode(Self.role(element.name), parent: parentNode, language: lang)
            }
        }
        var blocks: [BlockBox] = []
        var paragraph = ParagraphBuilder()
        var ordinal = 0
        var scope = InlineScope(node: node, language: effective)
        var firstNode = context.structure.count
        collect(element.children, parent: style, path: path, scope: &scope, blockStyle: style, blockNode: node,
                blocks: &blocks, paragraph: &paragraph, firstNode: &firstNode, ordinal: &ordinal)
        let box: BlockBox
        if blocks.isEmpty {
            // A generic container holding only text is a paragraph.
            if !paragraph.isEmpty && element.name != "body" && Self.role(element.name) == "Div" { context.setRole(node, "P") }
            box = BlockBox(style: style, content: paragraph.isEmpty ? .blocks([])
                           : .inline(Paragraph(paragraph, style: style, context: context)))
        } else {
            flush(&paragraph, blockStyle: style, blockNode: node, firstNode: &firstNode, into: &blocks)
            box = BlockBox(style: style, content: .blocks(blocks))
        }
        box.markerNode = markerNode
        if let level = ["h1": 1, "h2": 2, "h3": 3][element.name] {
            // Words joined by single spaces; a dash from a line break only between words, never doubled.
            var words: [Substring] = []
            for word in Self.plainText(element.children).split(whereSeparator: { $0.isWhitespace }) {
                if word == "\u{2014}" && (words.isEmpty || words.last == "\u{2014}") { continue }
                words.append(word)
            }
            if words.last == "\u{2014}" { words.removeLast() }
            box.heading = (level, TextServices.nfc(words.joined(separator: " ")))
        }
        return box
    }

    /// Walks inline content, appending to `paragraph`; block-level children close it and become blocks.
    private func collect(_ nodes: [Node], parent: ComputedStyle, path: Int, scope: inout InlineScope,
                         blockStyle: ComputedStyle, blockNode: Int32, blocks: inout [BlockBox],
                         paragraph: inout ParagraphBuilder, firstNode: inout Int, ordinal: inout Int) {
        for node in nodes {
            switch node {
            case .text(let s):
                paragraph.appendText(s, style: parent, href: scope.href, node: scope.node, linkNode: scope.linkNode)
            case .element(let e):
                var (style, childPath) = computeStyle(e, parent: parent, path: path)
                switch style.display {
                case .none:
                    continue
                case .block, .listItem, .table, .tableRowGroup, .tableHeaderGroup, .tableRow, .tableCell:
                    flush(&paragraph, blockStyle: blockStyle, blockNode: blockNode, firstNode: &firstNode, into: &blocks)
                    if style.display != .listItem && style.display != .table { style.display = .block }
                    let box = buildBlock(e, style: style, path: childPath, node: scope.node, language: scope.language)
                    firstNode = context.structure.count
                    if style.display == .listItem {
                        ordinal += 1
                        box.marker = marker(style: style, ordinal: ordinal, node: box.markerNode)
                    }
                    blocks.append(box)
                case .inline, .inlineBlock:
                    var inner = scope
                    if e.name == "a", let href = e[attribute: "href"] {
                        inner.href = href
                        inner.linkNode = context.addNode("Link", parent: scope.node)
                        inner.node = inner.linkNode
                    }
                    if let lang = Self.language(of: e, around: scope.language) {
                        inner.node = context.addNode("Span", parent: inner.node, language: lang)
                        inner.language = lang
                    }
                    if e.name == "br" {
                        paragraph.appendLineBreak(style: style)
                    } else if e.name == "img" {
                        appendImage(e, style: style, scope: inner, to: &paragraph)
                    } else if style.display == .inlineBlock && e.children.isEmpty {
                        let w = style.width.resolve(width: pageWidth, fontSize: style.fontSize) ?? 0
                        let h = style.height.resolve(width: pageWidth, fontSize: style.fontSize) ?? 0
                        paragraph.appendAtomic(kind: .box, style: style, width: max(0, w), height: max(0, h),
                                               href: inner.href, linkNode: inner.linkNode)
                    } else {
                        checkInlineDecorations(e, style: style)
                        collect(e.children, parent: style, path: childPath, scope: &inner, blockStyle: blockStyle,
                                blockNode: blockNode, blocks: &blocks, paragraph: &paragraph, firstNode: &firstNode,
                                ordinal: &ordinal)
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

    /// Closes the inline content gathered so far as an anonymous paragraph (a `P` under `blockNode`, taking the
    /// links and spans made for it since `firstNode`).
    private func flush(_ paragraph: inout ParagraphBuilder, blockStyle: ComputedStyle, blockNode: Int32,
                       firstNode: inout Int, into blocks: inout [BlockBox]) {
        defer { paragraph = ParagraphBuilder() }
        guard !paragraph.isEmpty else { return }
        let p = context.addNode("P", parent: blockNode)
        context.reparent(since: firstNode, from: blockNode, to: p)
        paragraph.retag(from: blockNode, to: p)
        firstNode = context.structure.count
        var style = blockStyle.inherited()
        style.display = .block
        blocks.append(BlockBox(style: style, content: .inline(Paragraph(paragraph, style: style, context: context))))
    }

    private func appendImage(_ e: Element, style: ComputedStyle, scope: InlineScope, to paragraph: inout ParagraphBuilder) {
        let source = e[attribute: "src"] ?? ""
        guard let index = context.image(source) else {
            if let alt = e[attribute: "alt"], !alt.isEmpty {
                paragraph.appendText(alt, style: style, href: scope.href, node: scope.node, linkNode: scope.linkNode)
            }
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
        let figure = context.addNode("Figure", parent: scope.node, alt: e[attribute: "alt"] ?? "")
        paragraph.appendAtomic(kind: .image(index), style: style, width: w, height: h, href: scope.href, node: figure,
                               linkNode: scope.linkNode)
    }

    private func marker(style: ComputedStyle, ordinal: Int, node: Int32?) -> Paragraph? {
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
        markerStyle.textIndent = .zero
        builder.appendText(text, style: markerStyle, href: nil, node: node ?? StructureNode.layoutArtifact)
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

    private func buildTable(_ element: Element, style: ComputedStyle, path: Int, node: Int32, language: String) -> BlockBox {
        var rows: [TableBox.Row] = []
        var headerRows = 0
        var bodySeen = false
        func addRow(_ tr: Element, parent: ComputedStyle, path: Int, header: Bool, node group: Int32) {
            let (rowStyle, rowPath) = computeStyle(tr, parent: parent, path: path)
            guard rowStyle.display != .none else { return }
            let row = context.addNode("TR", parent: group)
            var cells: [TableBox.Cell] = []
            var column = 0
            for case .element(let td) in tr.children where td.name == "td" || td.name == "th" {
                var (cellStyle, cellPath) = computeStyle(td, parent: rowStyle, path: rowPath)
                guard cellStyle.display != .none else { continue }
                cellStyle.display = .tableCell
                let span = max(1, min(1000, Int(td[attribute: "colspan"] ?? "1") ?? 1))
                let lang = Self.language(of: td, around: language)
                let cell: Int32
                if td.name == "th" {
                    // Header cells head their column in a thead row, else their row.
                    cell = context.addNode("TH", parent: row, language: lang, scope: header ? "Column" : "Row")
                } else {
                    cell = context.addNode("TD", parent: row, language: lang)
                }
                let box = buildCell(td, style: cellStyle, path: cellPath, node: cell, language: lang ?? language)
                cells.append(TableBox.Cell(box: box, column: column, span: span))
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
                let group = context.addNode(Self.role(child.name), parent: node)
                for case .element(let tr) in child.children where tr.name == "tr" {
                    addRow(tr, parent: groupStyle, path: groupPath, header: isHeader, node: group)
                }
                if !isHeader { bodySeen = true }
            case "tr":
                addRow(child, parent: style, path: path, header: false, node: node)
                bodySeen = true
            default:
                context.warn("LAYOUT030", "<\(child.name)> directly inside <table> in \(context.documentName) is not laid out")
            }
        }
        return BlockBox(style: style, content: .table(TableBox(rows: rows, headerRows: headerRows)))
    }

    /// A cell's box: its content hangs directly under the cell's `TH`/`TD` node.
    private func buildCell(_ td: Element, style: ComputedStyle, path: Int, node: Int32, language: String) -> BlockBox {
        var blocks: [BlockBox] = []
        var paragraph = ParagraphBuilder()
        var ordinal = 0
        var scope = InlineScope(node: node, language: language)
        var firstNode = context.structure.count
        collect(td.children, parent: style, path: path, scope: &scope, blockStyle: style, blockNode: node,
                blocks: &blocks, paragraph: &paragraph, firstNode: &firstNode, ordinal: &ordinal)
        if blocks.isEmpty {
            return BlockBox(style: style, content: paragraph.isEmpty ? .blocks([])
                            : .inline(Paragraph(paragraph, style: style, context: context)))
        }
        flush(&paragraph, blockStyle: style, blockNode: node, firstNode: &firstNode, into: &blocks)
        return BlockBox(style: style, content: .blocks(blocks))
    }
}
