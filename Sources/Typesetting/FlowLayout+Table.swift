/// Table layout: column widths from the cells' content, rows placed whole on a page when they fit (moving to the next
/// page otherwise, with the header rows repeated there), and rows taller than a page split across pages.
extension FlowLayout {
    struct RowMetrics {
        var height: Points
        /// Height of each cell's content box, for vertical alignment.
        var contentHeights: [Points]
    }

    func layoutTable(_ table: TableBox, style: ComputedStyle, x: Points, width: Points) {
        let (_, columns) = TableWidths.compute(table, style: style, available: width)
        guard !columns.isEmpty else { return }
        let grid = TableGrid(x: x, columns: columns, collapse: style.borderCollapse)
        flushMargin()
        let header = Array(table.rows[0..<table.headerRows])
        let headerMetrics = header.map { measureRow($0, grid: grid) }
        let headerHeight = headerMetrics.reduce(0) { $0 + $1.height }
        let body = table.rows[table.headerRows...]
        if !measuring, let first = body.first {
            let need = headerHeight + measureRow(first, grid: grid).height
            if !fits(need) && need <= pageContentHeight && !atPageTop { newPage() }
        }
        for (row, metrics) in zip(header, headerMetrics) { placeRow(row, metrics: metrics, grid: grid) }
        let repeatsHeader = !header.isEmpty && headerHeight < pageContentHeight / 3
        if repeatsHeader {
            pageStartHooks.append { flow in
                for (row, metrics) in zip(header, headerMetrics) { flow.placeRow(row, metrics: metrics, grid: grid) }
            }
        }
        for row in body {
            let metrics = measureRow(row, grid: grid)
            let room = pageContentHeight - (repeatsHeader ? headerHeight : 0)
            if !measuring && !fits(metrics.height) && !atPageTop {
                if metrics.height <= room {
                    newPage()
                } else if limit - y < room / 4 {
                    newPage()
                }
            }
            if measuring || fits(metrics.height) || metrics.height <= room {
                placeRow(row, metrics: metrics, grid: grid)
            } else {
                splitRow(row, grid: grid)
            }
        }
        if repeatsHeader { pageStartHooks.removeLast() }
    }

    /// Height of a row: the tallest cell's content plus its padding and borders.
    func measureRow(_ row: TableBox.Row, grid: TableGrid) -> RowMetrics {
        var height: Points = 0
        var contents: [Points] = []
        for cell in row.cells {
            let insets = grid.insets(cell.box.style, width: grid.width(of: cell))
            let flow = FlowLayout(context: context, setup: setup, measuring: true)
            flow.layoutCellContent(cell.box, x: 0, width: max(0, grid.width(of: cell) - insets.left - insets.right))
            let content = flow.y + flow.pendingMargin
            contents.append(content)
            height = max(height, content + insets.top + insets.bottom)
        }
        return RowMetrics(height: height, contentHeights: contents)
    }

    /// Places a row that fits on the current page.
    func placeRow(_ row: TableBox.Row, metrics: RowMetrics, grid: TableGrid) {
        let rowTop = y
        if measuring {
            y = rowTop + metrics.height
            pendingMargin = 0
            return
        }
        let decorationSeq = reserveSeq()
        for (i, cell) in row.cells.enumerated() {
            let cellWidth = grid.width(of: cell)
            let insets = grid.insets(cell.box.style, width: cellWidth)
            let free = metrics.height - insets.top - insets.bottom - metrics.contentHeights[i]
            let shift: Points
            switch cell.box.style.verticalAlign {
            case .middle: shift = free / 2
            case .bottom: shift = free
            case .baseline, .top: shift = 0
            }
            y = rowTop + insets.top + max(0, shift)
            pendingMargin = 0
            layoutCellContent(cell.box, x: grid.x(of: cell) + insets.left, width: max(0, cellWidth - insets.left - insets.right))
        }
        y = rowTop + metrics.height
        pendingMargin = 0
        contentPlaced()
        let rect = Rect(x: grid.x, y: rowTop, width: grid.totalWidth, height: metrics.height)
        emitDecorations(decorations(row, grid: grid, rowRect: rect), page: pageIndex, seq: decorationSeq)
    }

    /// Places a row taller than a page: each cell flows on from the row's top across as many pages as it needs.
    private func splitRow(_ row: TableBox.Row, grid: TableGrid) {
        let startPage = pageIndex
        let startY = y
        let decorationSeq = reserveSeq()
        var end = (page: startPage, y: startY)
        for cell in row.cells {
            pageIndex = startPage
            y = startY
            pendingMargin = 0
            let cellWidth = grid.width(of: cell)
            let insets = grid.insets(cell.box.style, width: cellWidth)
            y += insets.top
            layoutCellContent(cell.box, x: grid.x(of: cell) + insets.left, width: max(0, cellWidth - insets.left - insets.right))
            y += pendingMargin + insets.bottom
            if (pageIndex, y) > (end.page, end.y) { end = (pageIndex, y) }
        }
        pageIndex = end.page
        y = end.y
        pendingMargin = 0
        contentPlaced()
        for page in startPage...end.page {
            let top = page == startPage ? startY : pages[page].flowTop
            let bottom = page == end.page ? end.y : limit
            let rect = Rect(x: grid.x, y: top, width: grid.totalWidth, height: max(0, bottom - top))
            emitDecorations(decorations(row, grid: grid, rowRect: rect), page: page, seq: decorationSeq)
        }
    }

    /// Lays out what is inside a cell (its own padding and borders belong to the row).
    func layoutCellContent(_ box: BlockBox, x: Points, width: Points) {
        switch box.content {
        case .inline(let paragraph): layoutLines(paragraph, x: x, width: width)
        case .blocks(let children): layoutChildren(children, x: x, width: width)
        case .table(let table): layoutTable(table, style: box.style, x: x, width: width)
        }
    }

    /// Row and cell backgrounds and cell borders for one fragment of a row.
    private func decorations(_ row: TableBox.Row, grid: TableGrid, rowRect: Rect) -> [PageItem] {
        var items: [PageItem] = []
        if let background = row.style.backgroundColor { items.append(.fill(rowRect, background)) }
        for cell in row.cells {
            let rect = Rect(x: grid.x(of: cell), y: rowRect.y, width: grid.width(of: cell), height: rowRect.height)
            items += grid.collapse ? BoxPainter.collapsedCell(cell.box.style, rect: rect)
                : BoxPainter.decorations(of: cell.box.style, borderBox: rect, top: true, bottom: true)
        }
        return items
    }

    /// Header rows and the first body row: what must stay with a heading before the table.
    func tableFirstChunk(_ table: TableBox, style: ComputedStyle, width: Points) -> Points {
        let (_, columns) = TableWidths.compute(table, style: style, available: width)
        guard !columns.isEmpty else { return 0 }
        let grid = TableGrid(x: 0, columns: columns, collapse: style.borderCollapse)
        let count = min(table.rows.count, table.headerRows + 1)
        return table.rows[0..<count].reduce(0) { $0 + measureRow($1, grid: grid).height }
    }
}
