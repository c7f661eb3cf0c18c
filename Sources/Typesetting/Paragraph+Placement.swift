extension Paragraph {
    /// Draws `line` with its top edge at `top`, in a content box starting at `x` that is `width` wide; returns the
    /// items (text runs, atomic boxes, underlines, link areas) in page coordinates and the baseline.
    func place(_ line: Line, x: Points, top: Points, width: Points, context: LayoutContext) -> (items: [PageItem], baseline: Points) {
        let baseline = top + line.above
        let slack = width - line.indent - line.width
        var pen = x + line.indent
        // Justification: extra (or, after optimal fit, less) space per point of stretchable space.
        var perPoint: Points = 0
        switch style.textAlign {
        case .left: break
        case .right: pen += max(0, slack)
        case .center: pen += max(0, slack) / 2
        case .justify:
            if line.justify && width.isFinite {
                let spaces = spaceWidth(line.start, line.end)
                if spaces > 0 { perPoint = max(slack, -spaces * Self.shrinkFactor) / spaces }
            }
        }
        var items: [PageItem] = []
        var decorations: [PageItem] = []
        var gi = firstGlyph(atOrAfter: line.start)
        var ai = atomics.firstIndex { $0.position >= line.start } ?? atomics.count
        var current: GlyphRun?
        var currentRun: Int32 = -1
        var currentStart: Points = 0
        var clusterBase = 0

        func flush() {
            guard let run = current else { return }
            items.append(.text(run))
            decorate(runs[Int(currentRun)], from: currentStart, to: pen, baseline: baseline, into: &decorations)
            current = nil
            currentRun = -1
        }

        while true {
            let glyphPosition = gi < glyphs.count && Int(glyphs[gi].cluster) < line.end ? Int(glyphs[gi].cluster) : Int.max
            let atomicPosition = ai < atomics.count && atomics[ai].position < line.end ? atomics[ai].position : Int.max
            if glyphPosition == Int.max && atomicPosition == Int.max { break }
            if atomicPosition < glyphPosition {
                flush()
                placeAtomic(ai, x: pen, baseline: baseline, into: &items, decorations: &decorations, context: context)
                pen += atomicOuterWidth(ai)
                ai += 1
                continue
            }
            let g = glyphs[gi]
            if g.run != currentRun {
                flush()
                let run = runs[Int(g.run)]
                clusterBase = Int(g.cluster)
                let runEnd = min(run.range.upperBound, line.end)
                current = GlyphRun(face: run.face.index, size: run.style.fontSize, color: run.style.color,
                                   language: run.style.lang, x: pen, baseline: baseline, glyphs: [],
                                   text: Array(text[clusterBase..<runEnd]), tag: run.node)
                currentRun = g.run
                currentStart = pen
            }
            let origin = current!.x
            current!.glyphs.append(PlacedGlyph(glyph: g.id, x: pen + g.xOffset - origin, rise: g.yOffset,
                                               advance: g.advance, cluster: g.cluster - Int32(clusterBase)))
            pen += g.advance
            if perPoint != 0 && isStretchable(Int(g.cluster)) { pen += g.advance * perPoint }
            gi += 1
        }
        if line.hyphen, current != nil, let hyphen = hyphenGlyph(at: line.end), Int32(hyphen.run) == currentRun {
            // The text layer gets a hyphen-minus at the line end: that is what extractors (Poppler's pdftotext,
            // PDFium) take for a hyphenated word, dropping it and joining the two halves.
            current!.text.append(0x2D)
            current!.glyphs.append(PlacedGlyph(glyph: hyphen.glyph, x: pen - current!.x, rise: 0, advance: hyphen.advance,
                                               cluster: Int32(current!.text.count - 1)))
            pen += hyphen.advance
        } else if line.next > line.end, line.end < text.count, current != nil,
                  let space = runs[Int(currentRun)].face.glyph(for: " ") {
            // The space (or line break) the line ended at is written, invisible and taking no room, so text read in
            // structure order (screen readers, `pdfinfo -struct-text`) keeps its words apart across lines.
            current!.text.append(0x20)
            current!.glyphs.append(PlacedGlyph(glyph: UInt16(truncatingIfNeeded: space), x: pen - current!.x, rise: 0,
                                               advance: 0, cluster: Int32(current!.text.count - 1)))
        }
        flush()
        return (items + decorations, baseline)
    }

    private func firstGlyph(atOrAfter position: Int) -> Int {
        var lo = 0
        var hi = glyphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(glyphs[mid].cluster) < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Underline and link area for the part of `run` between `from` and `to`.
    private func decorate(_ run: Run, from: Points, to: Points, baseline: Points, into items: inout [PageItem]) {
        guard to > from else { return }
        let m = run.face.metrics
        if run.style.underline {
            let thickness = max(Points(m.underlineThickness) * run.scale, 0.4)
            let y = baseline - Points(m.underlinePosition) * run.scale
            items.append(.fill(Rect(x: from, y: y - thickness / 2, width: to - from, height: thickness), run.style.color))
        }
        if let href = run.href {
            let ascent = Points(m.ascender) * run.scale
            let descent = Points(-m.descender) * run.scale
            items.append(.link(Rect(x: from, y: baseline - ascent, width: to - from, height: ascent + descent), uri: href,
                               tag: run.linkNode))
        }
    }

    private func atomicOuterWidth(_ index: Int) -> Points {
        atomicOuter[index].width
    }

    /// Draws an inline-block (background, borders) or an image with its bottom margin edge on the baseline.
    private func placeAtomic(_ index: Int, x: Points, baseline: Points, into items: inout [PageItem],
                             decorations: inout [PageItem], context: LayoutContext) {
        let atomic = atomics[index]
        let s = atomic.style
        func len(_ l: CSSLength) -> Points { l.points(width: 0, fontSize: s.fontSize) }
        let borderLeft = x + len(s.margin.left)
        let borderBottom = baseline - len(s.margin.bottom)
        let borderWidth = atomic.width + len(s.padding.left) + len(s.padding.right) + s.border.left.used
            + s.border.right.used
        let borderHeight = atomic.height + len(s.padding.top) + len(s.padding.bottom) + s.border.top.used
            + s.border.bottom.used
        let box = Rect(x: borderLeft, y: borderBottom - borderHeight, width: borderWidth, height: borderHeight)
        items += BoxPainter.decorations(of: s, borderBox: box, top: true, bottom: true)
        switch atomic.kind {
        case .box: break
        case .image(let image):
            let content = Rect(x: box.x + s.border.left.used + len(s.padding.left),
                               y: box.y + s.border.top.used + len(s.padding.top), width: atomic.width,
                               height: atomic.height)
            items.append(.image(index: image, content, tag: atomic.node))
        }
        if let href = atomic.href { decorations.append(.link(box, uri: href, tag: atomic.linkNode)) }
    }
}
