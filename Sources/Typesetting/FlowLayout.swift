/// Block layout and pagination in one pass.
///
/// A cursor (`pageIndex`, `y`) moves down the content area of the current page. Vertical margins collapse through a
/// pending margin (CSS 2.1 §8.3.1: adjoining margins take the larger one) that is only added when content follows,
/// and is dropped after an unforced page break (CSS Fragmentation §5.2: margins adjoining a break are truncated).
/// A line, a table row or a `page-break-inside: avoid` block that does not fit in the rest of the page moves to the
/// next page unless it is already at the top (then it overflows rather than loop). A box that must stay with what
/// follows (`page-break-after: avoid` on it, `page-break-before: avoid` on the next one, also through first and last
/// children) lays out with a *tail*: the height of the next box's first chunk (its first two lines, or all of it when
/// it avoids breaks inside), which its last lines must share a page with — so a heading moves with the first lines
/// after it, and a letter's closing block takes the last two lines of the body with it rather than stand alone. A
/// block's top edge never ends a page without its first chunk. Paragraphs keep at least two lines on each side of a
/// break (CSS `orphans`/`widows` 2). Backgrounds and borders are drawn when a box ends, once per page it spans
/// (`box-decoration-break: slice`), and sorted under the box's content by a sequence number taken when it began.
/// Measuring (for avoid, keep-with-next and table rows) runs the same code on an endless page and keeps nothing.
final class FlowLayout {
    struct PageBuilder {
        var items: [(seq: Int, item: PageItem)] = []
        /// Where content starts on this page, below repeated table headers.
        var flowTop: Points
    }

    let context: LayoutContext
    let setup: PageSetup
    let measuring: Bool
    private(set) var pages: [PageBuilder] = []
    private(set) var outline: [OutlineEntry] = []
    var pageIndex = 0
    var y: Points
    var pendingMargin: Points = 0
    private var truncateMargins = false
    private var forcedBreakPending = false
    private var seq = 0
    /// Run on each new page, outermost first: tables repeat their header rows.
    var pageStartHooks: [(FlowLayout) -> Void] = []
    private var runningHooks = false
    private var pendingMarkers: [(marker: Paragraph, contentX: Points)] = []
    /// False inside a block that fits whole on its page: keep-with-next checks are off there.
    private var keeps = true
    private var wholeBlockFits = false
    /// A heading whose bookmark waits for its first line.
    private var pendingOutline: (level: Int, title: String)?

    init(context: LayoutContext, setup: PageSetup, measuring: Bool) {
        self.context = context
        self.setup = setup
        self.measuring = measuring
        y = measuring ? 0 : setup.marginTop
        pages = [PageBuilder(flowTop: y)]
    }

    /// Bottom of the content area.
    var limit: Points { measuring ? .infinity : setup.height - setup.marginBottom }
    /// Height of a page's content area.
    var pageContentHeight: Points { setup.height - setup.marginTop - setup.marginBottom }
    var atPageTop: Bool { y <= pages[pageIndex].flowTop + 0.01 }

    func fits(_ height: Points) -> Bool { y + height <= limit + 0.01 }

    // MARK: Output

    func emit(_ item: PageItem) {
        guard !measuring else { return }
        guard runningHooks else {
            pages[pageIndex].items.append((seq, item))
            seq += 1
            return
        }
        var item = item
        do {
            // Table headers repeated on a new page are pagination artifacts: the text is tagged once, where it began.
            switch item {
            case .text(var run):
                run.tag = StructureNode.paginationArtifact
                item = .text(run)
            case .image(let index, let rect, _):
                item = .image(index: index, rect, tag: StructureNode.paginationArtifact)
            case .link: return
            case .fill: break
            }
        }
        pages[pageIndex].items.append((seq, item))
        seq += 1
    }

    func emit(_ items: [PageItem]) {
        for item in items { emit(item) }
    }

    /// A sequence number for decorations drawn later under content emitted from now on.
    func reserveSeq() -> Int {
        seq += 1
        return seq - 1
    }

    func emitDecorations(_ items: [PageItem], page: Int, seq: Int) {
        guard !measuring else { return }
        for item in items { pages[page].items.append((seq, item)) }
    }

    /// Finished pages, each page's items in paint order.
    func finishedPages() -> [[PageItem]] {
        pages.map { page in
            page.items.enumerated().sorted { ($0.element.seq, $0.offset) < ($1.element.seq, $1.offset) }
                .map(\.element.item)
        }
    }

    // MARK: Pages and margins

    /// Moves to the next page (creating it and running the page-start hooks if new).
    func newPage(forced: Bool = false) {
        pageIndex += 1
        pendingMargin = 0
        truncateMargins = !forced
        if pageIndex == pages.count {
            pages.append(PageBuilder(flowTop: setup.marginTop))
            y = setup.marginTop
            if !runningHooks {
                runningHooks = true
                for hook in pageStartHooks { hook(self) }
                runningHooks = false
            }
            pages[pageIndex].flowTop = y
            truncateMargins = !forced
        } else {
            y = pages[pageIndex].flowTop
        }
    }

    /// Adds the pending collapsed margin (or drops it at the top of a page after a break).
    func flushMargin() {
        if truncateMargins { pendingMargin = 0 }
        y += pendingMargin
        pendingMargin = 0
    }

    func contentPlaced() {
        truncateMargins = false
    }

    private func applyForcedBreak() {
        guard forcedBreakPending else { return }
        forcedBreakPending = false
        if !measuring && !(atPageTop && pages[pageIndex].items.isEmpty) { newPage(forced: true) }
    }

    // MARK: Blocks

    /// Lays out `box`; its last lines must share a page with `tail` points of what follows it (0: nothing).
    func layoutBlock(_ box: BlockBox, x: Points, width: Points, tail: Points = 0) {
        let s = box.style
        let g = BoxGeometry(s, containerWidth: width)
        if s.breakBefore == .always { forcedBreakPending = true }
        applyForcedBreak()
        if !measuring && keeps && !atPageTop {
            // Measured heights start with the box's own top margin, which collapses with the pending one.
            let gap = max(0, pendingMargin - g.marginTop)
            if s.breakInside == .avoid {
                let need = measure(box, x: x, width: width)
                if !fits(gap + need + tail) && need + tail <= pageContentHeight
                    || !fits(gap + need) && need <= pageContentHeight {
                    newPage()
                }
                wholeBlockFits = fits(max(0, pendingMargin - g.marginTop) + need)
            } else if case .blocks(let children) = box.content, !children.isEmpty,
                      limit - y < pageContentHeight / 3 {
                // The box's top edge and its first chunk (a heading and the lines it keeps) go together.
                let need = g.marginTop + g.borderTop + g.paddingTop + firstChunk(children[...], width: g.contentWidth)
                if !fits(gap + need) && need <= pageContentHeight { newPage() }
            }
        }
        pendingMargin = max(pendingMargin, g.marginTop)
        let decorated = g.hasTopEdge || s.backgroundColor != nil || g.borderLeft > 0 || g.borderRight > 0
        if decorated { flushMargin() }
        let startPage = pageIndex
        let startY = y
        let decorationSeq = reserveSeq()
        // A heading's bookmark points at its first line, wherever keeping it with what follows puts it.
        if let heading = box.heading, !measuring { pendingOutline = heading }
        y += g.borderTop + g.paddingTop
        if g.hasTopEdge { contentPlaced() }
        let boxX = x + g.marginLeft
        let contentX = boxX + g.borderLeft + g.paddingLeft
        if let marker = box.marker { pendingMarkers.append((marker, contentX)) }
        let markerDepth = pendingMarkers.count
        let innerTail = tail > 0 ? tail + g.paddingBottom + g.borderBottom : 0
        // Inside an unbreakable block that fits where it is, nothing needs keeping: estimates must not move a part.
        let outerKeeps = keeps
        if wholeBlockFits { keeps = false }
        wholeBlockFits = false
        defer { keeps = outerKeeps }
        switch box.content {
        case .inline(let paragraph): layoutLines(paragraph, x: contentX, width: g.contentWidth, tail: innerTail)
        case .blocks(let children): layoutChildren(children, x: contentX, width: g.contentWidth, tail: innerTail)
        case .table(let table): layoutTable(table, style: s, x: contentX, width: g.contentWidth)
        }
        if let heading = pendingOutline {
            outline.append(OutlineEntry(title: heading.title, level: heading.level, page: startPage, y: startY))
            pendingOutline = nil
        }
        if box.marker != nil, pendingMarkers.count == markerDepth {
            // A list item without lines: its marker goes where its first line would have been.
            flushMargin()
            placeMarkers(baseline: y + s.fontSize)
        }
        if let height = s.height.resolve(width: width, fontSize: s.fontSize), pageIndex == startPage {
            let contentTop = startY + g.borderTop + g.paddingTop
            if y + pendingMargin < contentTop + height {
                flushMargin()
                y = max(y, contentTop + height)
            }
        }
        if g.hasBottomEdge || decorated {
            flushMargin()
            y += g.paddingBottom + g.borderBottom
            contentPlaced()
        }
        pendingMargin = max(pendingMargin, g.marginBottom)
        if (decorated || g.hasBottomEdge) && !measuring {
            for page in startPage...pageIndex {
                let top = page == startPage ? startY : setup.marginTop
                let bottom = page == pageIndex ? y : setup.height - setup.marginBottom
                let rect = Rect(x: boxX, y: top, width: g.borderBoxWidth, height: max(0, bottom - top))
                emitDecorations(BoxPainter.decorations(of: s, borderBox: rect, top: page == startPage,
                                                       bottom: page == pageIndex), page: page, seq: decorationSeq)
            }
        }
        if s.breakAfter == .always { forcedBreakPending = true }
    }

    /// The part of the collapsed margin between two siblings that the second one's first chunk (which starts with its
    /// own top margin) does not already count.
    static func marginBetween(_ a: BlockBox, _ b: BlockBox, width: Points) -> Points {
        max(0, BoxGeometry(a.style, containerWidth: width).marginBottom
            - BoxGeometry(b.style, containerWidth: width).marginTop)
    }

    /// True when nothing may separate `children[i]` from `children[i + 1]`.
    func keepsTogether(_ children: [BlockBox], _ i: Int) -> Bool {
        i + 1 < children.count && (children[i].keepsWithNext || children[i + 1].keepsWithPrevious)
    }

    /// Lays out `children` in order; the last one carries `tail` (what its parent must keep after it).
    func layoutChildren(_ children: [BlockBox], x: Points, width: Points, tail: Points = 0) {
        for (i, child) in children.enumerated() {
            var childTail = i + 1 == children.count ? tail : 0
            if keepsTogether(children, i) && !measuring && keeps {
                applyForcedBreak()
                childTail = Self.marginBetween(child, children[i + 1], width: width)
                    + firstChunk(children[(i + 1)...], width: width)
                if case .table = child.content {
                    // A table keeps its last row with the next box by moving whole when both fit on a page.
                    let need = measure(child, x: x, width: width) + childTail
                    if !fits(pendingMargin + need) && need <= pageContentHeight && !atPageTop { newPage() }
                }
            }
            layoutBlock(child, x: x, width: width, tail: childTail)
        }
    }

    /// Places a paragraph's lines; with a `tail`, its last two lines (all of them when it has fewer than four)
    /// move to the next page unless the tail fits after them.
    func layoutLines(_ paragraph: Paragraph, x: Points, width: Points, tail: Points = 0) {
        let lines = paragraph.lines(width: width)
        guard !lines.isEmpty else { return }
        applyForcedBreak()
        flushMargin()
        let keepFrom = lines.count >= 4 ? lines.count - 2 : 0
        for (i, line) in lines.enumerated() {
            if tail > 0 && i == keepFrom && !measuring && keeps && !atPageTop {
                let need = lines[i...].reduce(0) { $0 + $1.height } + tail
                if !fits(need) && need <= pageContentHeight { newPage() }
            }
            if !measuring && !atPageTop {
                let twoMore = i + 1 < lines.count ? line.height + lines[i + 1].height : line.height
                let orphan = i == 0 && lines.count >= 2 && !fits(twoMore)
                let widow = i >= 2 && lines.count - i == 2 && fits(line.height) && !fits(twoMore)
                if !fits(line.height) || orphan || widow { newPage() }
            }
            if let heading = pendingOutline, !measuring {
                outline.append(OutlineEntry(title: heading.title, level: heading.level, page: pageIndex, y: y))
                pendingOutline = nil
            }
            if measuring {
                // Heights are all a measurement needs; markers have nothing to draw on.
                pendingMarkers.removeAll()
            } else {
                let placed = paragraph.place(line, x: x, top: y, width: width, context: context)
                emit(placed.items)
                if !pendingMarkers.isEmpty { placeMarkers(baseline: placed.baseline) }
            }
            y += line.height
            contentPlaced()
        }
    }

    /// Places every waiting list marker so that it ends just before its item's content, on `baseline`.
    private func placeMarkers(baseline: Points) {
        for (marker, contentX) in pendingMarkers {
            guard let line = marker.lines(width: .infinity).first else { continue }
            let gap = marker.style.fontSize * 0.35
            let x = contentX - gap - line.width
            emit(marker.place(line, x: x, top: baseline - line.above, width: line.width, context: context).items)
        }
        pendingMarkers.removeAll()
    }

    // MARK: Measuring

    /// Height of `box` laid out alone without page breaks (its bottom margin excluded); remembered per box for the
    /// last width asked (keep checks ask again for the same box).
    func measure(_ box: BlockBox, x: Points, width: Points) -> Points {
        if let known = box.measured, known.width == width { return known.height }
        let flow = FlowLayout(context: context, setup: setup, measuring: true)
        flow.layoutBlock(box, x: x, width: width)
        box.measured = (width, flow.y)
        return flow.y
    }

    /// Height of the part of `boxes` that must stay with a preceding heading: up to the first two lines, a whole
    /// unbreakable block, or a table's header and first row — and, when that part must stay with the next box, that
    /// box's first chunk too.
    func firstChunk(_ boxes: ArraySlice<BlockBox>, width: Points) -> Points {
        guard let box = boxes.first else { return 0 }
        let s = box.style
        let chained = boxes.count > 1 && (box.keepsWithNext || boxes[boxes.startIndex + 1].keepsWithPrevious)
        let g = BoxGeometry(s, containerWidth: width)
        let next = {
            chained ? Self.marginBetween(box, boxes[boxes.startIndex + 1], width: width)
                + self.firstChunk(boxes.dropFirst(), width: width) : 0
        }
        if s.breakInside == .avoid { return measure(box, x: 0, width: width) + next() }
        let top = g.marginTop + g.borderTop + g.paddingTop
        switch box.content {
        case .inline(let paragraph):
            let lines = paragraph.lines(width: g.contentWidth)
            if chained && lines.count <= 3 { return measure(box, x: 0, width: width) + next() }
            return top + lines.prefix(2).reduce(0) { $0 + $1.height }
        case .blocks(let children):
            var chunk = top + firstChunk(children[...], width: g.contentWidth)
            if chained, children.count <= 1 { chunk += next() }
            return chunk
        case .table(let table):
            return top + tableFirstChunk(table, style: s, width: g.contentWidth)
        }
    }
}
