/// The inline content of one block, shaped once and broken into lines for whatever width the layout asks.
///
/// Inline layout in named steps: collect (ParagraphBuilder: whitespace, NFC, spans, atomic boxes) → itemize (one
/// run per span and font, choosing a fallback face for characters the span's face lacks) → shape (HarfBuzz, with the
/// whole paragraph as context) → find break opportunities (ICU, UAX #14) → fill lines greedily → place.
final class Paragraph {
    struct Run {
        var range: Range<Int>
        var style: ComputedStyle
        var face: FontFace
        var href: String?
        var glyphs: Range<Int>
        /// Points per font unit.
        var scale: Points
        /// Half-leading included: the run's inline box extends this far above and below the baseline.
        var above: Points
        var below: Points
    }

    struct Glyph {
        var id: UInt16
        var cluster: Int32
        var run: Int32
        var advance: Points
        var xOffset: Points
        var yOffset: Points
    }

    /// One line: text `start..<end` (trailing spaces and forced breaks trimmed), the next line begins at `next`.
    struct Line {
        var start: Int
        var end: Int
        var next: Int
        var width: Points
        var justify: Bool
        var above: Points
        var below: Points
        var height: Points { above + below }
    }

    let text: [UInt16]
    let style: ComputedStyle
    private(set) var runs: [Run] = []
    private(set) var glyphs: [Glyph] = []
    let atomics: [ParagraphBuilder.Atomic]
    private(set) var atomicOuter: [(width: Points, height: Points)] = []
    /// prefix[i] is the advance of text[0..<i].
    private var prefix: [Points]
    private var clusterStart: [Bool]
    private var breaks: [(offset: Int, mandatory: Bool)]
    private let strutAbove: Points
    private let strutBelow: Points
    private var cachedWidth: Points = -1
    private var cachedLines: [Line] = []

    init(_ builder: ParagraphBuilder, style: ComputedStyle, context: LayoutContext) {
        text = builder.text
        self.style = style
        atomics = builder.atomics
        let face = context.fonts.face(families: style.fontFamily, bold: style.bold, italic: style.italic)
        (strutAbove, strutBelow) = Self.verticalExtent(face: face, style: style)
        prefix = []
        clusterStart = [Bool](repeating: false, count: text.count + 1)
        breaks = []
        var widths = [Points](repeating: 0, count: text.count)
        text.withUnsafeBufferPointer { buffer in
            for span in builder.spans {
                let first = text[span.range.lowerBound]
                if first == ParagraphBuilder.objectReplacement || first == ParagraphBuilder.lineFeed { continue }
                shapeSpan(span, buffer: buffer, context: context, widths: &widths)
            }
        }
        for atomic in atomics {
            let outer = Self.outerSize(atomic)
            atomicOuter.append(outer)
            widths[atomic.position] = outer.width
            clusterStart[atomic.position] = true
        }
        prefix.reserveCapacity(text.count + 1)
        var sum: Points = 0
        prefix.append(0)
        for w in widths {
            sum += w
            prefix.append(sum)
        }
        clusterStart[text.count] = true
        breaks = context.textServices.breaks(text)
    }

    /// Itemizes one span by font coverage and shapes each piece.
    private func shapeSpan(_ span: ParagraphBuilder.Span, buffer: UnsafeBufferPointer<UInt16>, context: LayoutContext,
                           widths: inout [Points]) {
        let primary = context.fonts.face(families: span.style.fontFamily, bold: span.style.bold,
                                         italic: span.style.italic)
        // Usually the span's own face has every glyph: one shaping call, no per-character coverage checks.
        let whole = context.shaper.shape(buffer, range: span.range, face: primary, language: span.style.lang)
        if !whole.contains(where: { $0.glyph == 0 }) {
            add(whole, range: span.range, span: span, face: primary, widths: &widths)
            return
        }
        var pieceStart = span.range.lowerBound
        var pieceFace = primary
        var i = span.range.lowerBound
        while i < span.range.upperBound {
            var scalar = UInt32(text[i])
            var length = 1
            if UTF16.isLeadSurrogate(text[i]), i + 1 < span.range.upperBound, UTF16.isTrailSurrogate(text[i + 1]) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(text[i + 1]) - 0xDC00)
                length = 2
            }
            let face = faceFor(scalar, primary: primary, current: pieceFace, context: context)
            if face !== pieceFace {
                if i > pieceStart { shapePiece(pieceStart..<i, span: span, face: pieceFace, buffer: buffer, widths: &widths, context: context) }
                pieceStart = i
                pieceFace = face
            }
            i += length
        }
        if span.range.upperBound > pieceStart {
            shapePiece(pieceStart..<span.range.upperBound, span: span, face: pieceFace, buffer: buffer,
                       widths: &widths, context: context)
        }
    }

    private func faceFor(_ scalar: UInt32, primary: FontFace, current: FontFace, context: LayoutContext) -> FontFace {
        guard let s = Unicode.Scalar(scalar) else { return current }
        if scalar < 0x21 { return current }
        if primary.glyph(for: s) != nil { return primary }
        // Combining marks and invisible characters stay with the face of the text around them.
        if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark
            || s.properties.isDefaultIgnorableCodePoint {
            return current
        }
        for face in context.fonts.fallbacks(for: primary) where face.glyph(for: s) != nil { return face }
        context.missingGlyph(scalar)
        return primary
    }

    private func shapePiece(_ range: Range<Int>, span: ParagraphBuilder.Span, face: FontFace,
                            buffer: UnsafeBufferPointer<UInt16>, widths: inout [Points], context: LayoutContext) {
        let shaped = context.shaper.shape(buffer, range: range, face: face, language: span.style.lang)
        add(shaped, range: range, span: span, face: face, widths: &widths)
    }

    /// Appends shaped glyphs as one run, adding their advances to the widths of their clusters.
    private func add(_ shaped: [ShapedGlyph], range: Range<Int>, span: ParagraphBuilder.Span, face: FontFace,
                     widths: inout [Points]) {
        let scale = span.style.fontSize / Points(face.metrics.unitsPerEm)
        let (above, below) = Self.verticalExtent(face: face, style: span.style)
        let runIndex = Int32(runs.count)
        let first = glyphs.count
        for g in shaped {
            let cluster = Int(g.cluster)
            guard cluster >= 0 && cluster < text.count else { continue }
            let advance = Points(g.advance) * scale
            widths[cluster] += advance
            clusterStart[cluster] = true
            glyphs.append(Glyph(id: UInt16(truncatingIfNeeded: g.glyph), cluster: g.cluster, run: runIndex,
                                advance: advance, xOffset: Points(g.xOffset) * scale,
                                yOffset: Points(g.yOffset) * scale))
        }
        runs.append(Run(range: range, style: span.style, face: face, href: span.href, glyphs: first..<glyphs.count,
                        scale: scale, above: above, below: below))
    }

    /// How far a line of `style` text in `face` reaches above and below the baseline (CSS half-leading model).
    static func verticalExtent(face: FontFace, style: ComputedStyle) -> (Points, Points) {
        let m = face.metrics
        let scale = style.fontSize / Points(m.unitsPerEm)
        let ascent = Points(m.ascender) * scale
        let descent = Points(-m.descender) * scale
        let lineHeight = style.usedLineHeight(natural: ascent + descent + Points(m.lineGap) * scale)
        let halfLeading = (lineHeight - ascent - descent) / 2
        return (ascent + halfLeading, descent + halfLeading)
    }

    private static func outerSize(_ atomic: ParagraphBuilder.Atomic) -> (width: Points, height: Points) {
        let s = atomic.style
        func len(_ l: CSSLength) -> Points { l.points(width: 0, fontSize: s.fontSize) }
        let w = atomic.width + len(s.margin.left) + len(s.margin.right) + len(s.padding.left) + len(s.padding.right)
            + s.border.left.used + s.border.right.used
        let h = atomic.height + len(s.margin.top) + len(s.margin.bottom) + len(s.padding.top) + len(s.padding.bottom)
            + s.border.top.used + s.border.bottom.used
        return (w, h)
    }

    // MARK: Measuring

    /// The widest unbreakable piece (CSS min-content width).
    var minContentWidth: Points {
        var widest: Points = 0
        var start = 0
        for b in breaks {
            widest = max(widest, prefix[trimEnd(start, b.offset)] - prefix[start])
            start = b.offset
        }
        return widest
    }

    /// The width without wrapping, lines split only at forced breaks (CSS max-content width).
    var maxContentWidth: Points {
        var widest: Points = 0
        var start = 0
        for b in breaks where b.mandatory || b.offset == text.count {
            widest = max(widest, prefix[trimEnd(start, b.offset)] - prefix[skipSpaces(start)])
            start = b.offset
        }
        return widest
    }

    // MARK: Line breaking

    /// Lines for a content width of `width`: greedy first fit between UAX #14 break opportunities; trailing spaces
    /// hang (take no width); a piece wider than a line is cut at the last grapheme cluster that fits.
    func lines(width: Points) -> [Line] {
        if width == cachedWidth { return cachedLines }
        var lines: [Line] = []
        var start = skipSpaces(0)
        var lastGood: Int?
        var bi = 0
        let tolerance = 0.01
        while bi < breaks.count {
            let (b, mandatory) = breaks[bi]
            if b <= start {
                bi += 1
                continue
            }
            let end = trimEnd(start, b)
            if prefix[end] - prefix[start] > width + tolerance {
                if let good = lastGood {
                    lines.append(makeLine(start, good, justify: true))
                    start = skipSpaces(good)
                    lastGood = nil
                    continue
                }
                let cut = emergencyCut(start, end, width)
                if cut < end {
                    lines.append(makeLine(start, cut, justify: true))
                    start = cut
                    continue
                }
            }
            if mandatory {
                lines.append(makeLine(start, b, justify: false))
                start = b
                lastGood = nil
            } else {
                lastGood = b
            }
            bi += 1
        }
        if skipSpaces(start) < text.count {
            lines.append(makeLine(start, text.count, justify: false))
        } else if let last = lines.indices.last {
            lines[last].justify = false
        }
        cachedWidth = width
        cachedLines = lines
        return lines
    }

    private func makeLine(_ start: Int, _ next: Int, justify: Bool) -> Line {
        let end = trimEnd(start, next)
        var above = strutAbove
        var below = strutBelow
        for run in runs where run.range.lowerBound < max(end, start + 1) && run.range.upperBound > start {
            above = max(above, run.above)
            below = max(below, run.below)
        }
        for (i, atomic) in atomics.enumerated() where atomic.position >= start && atomic.position < end {
            above = max(above, atomicOuter[i].height)
        }
        return Line(start: start, end: end, next: next, width: prefix[end] - prefix[start], justify: justify,
                    above: above, below: below)
    }

    private func trimEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && (text[e - 1] == 0x20 || text[e - 1] == ParagraphBuilder.lineFeed) { e -= 1 }
        return e
    }

    private func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < text.count && text[j] == 0x20 { j += 1 }
        return j
    }

    private func emergencyCut(_ start: Int, _ end: Int, _ width: Points) -> Int {
        var best: Int?
        var first: Int?
        var c = start + 1
        while c < end {
            if clusterStart[c] {
                if first == nil { first = c }
                if prefix[c] - prefix[start] <= width { best = c } else { break }
            }
            c += 1
        }
        return best ?? first ?? end
    }
}
