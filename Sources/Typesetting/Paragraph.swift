/// The inline content of one block, shaped once and broken into lines for whatever width the layout asks.
///
/// Inline layout in named steps: collect (ParagraphBuilder: whitespace, NFC, spans, atomic boxes) → itemize (one
/// run per span and font, choosing a fallback face for characters the span's face lacks) → shape (HarfBuzz, with the
/// whole paragraph as context) → find break opportunities (ICU, UAX #14, minus `BreakRules`' protected ranges) →
/// break lines (optimal fit for justified text, greedy first fit otherwise; `Paragraph+LineBreaking.swift`) → place.
final class Paragraph {
    struct Run {
        var range: Range<Int>
        var style: ComputedStyle
        var face: FontFace
        var href: String?
        /// Structure node of the text and of its link.
        var node: Int32
        var linkNode: Int32
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
        /// Natural width, the hyphen included.
        var width: Points
        var justify: Bool
        /// The line ends inside a word: a hyphen is drawn after `end`.
        var hyphen = false
        /// `text-indent`: the first line starts this far right of the content box (negative hangs it).
        var indent: Points = 0
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
    var prefix: [Points]
    var clusterStart: [Bool]
    /// UAX #14 break opportunities outside protected ranges; the last one is `text.count`.
    var breaks: [(offset: Int, mandatory: Bool)]
    /// Breaks inside a protected range (`BreakRules`), allowed only when the range is wider than the line.
    var emergencyBreaks: [(offset: Int, rangeWidth: Points)] = []
    /// True for a space inside a protected range: it neither breaks nor stretches. Empty when there is none.
    var rigidSpace: [Bool] = []
    /// Where soft hyphens stood (outside protected ranges).
    var softHyphens: [Int] = []
    /// Text that may hyphenate automatically: `hyphens: auto` and English.
    var hyphenatable: [Range<Int>] = []
    let hyphenator: Hyphenator?
    var autoHyphenCache: [Int]?
    var spacePrefix: [Points]?
    var hyphenWidths: [Int32: Points] = [:]
    let strutAbove: Points
    let strutBelow: Points
    var cachedWidth: Points = -1
    var cachedLines: [Line] = []

    init(_ builder: ParagraphBuilder, style: ComputedStyle, context: LayoutContext) {
        text = builder.text
        self.style = style
        atomics = builder.atomics
        hyphenator = context.fonts.hyphenator
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
        softHyphens = builder.softHyphens.filter { $0 > 0 && $0 < text.count }
        for span in builder.spans where span.style.hyphens == .auto
            && (span.style.lang ?? context.language).lowercased().hasPrefix("en") {
            if let last = hyphenatable.last, last.upperBound == span.range.lowerBound {
                hyphenatable[hyphenatable.count - 1] = last.lowerBound..<span.range.upperBound
            } else {
                hyphenatable.append(span.range)
            }
        }
        protect(BreakRules.protections(text, spans: builder.spans))
    }

    /// Removes the breaks, soft hyphens and stretch inside protected ranges and keeps their emergency breaks.
    private func protect(_ protections: [BreakRules.Protection]) {
        guard !protections.isEmpty else { return }
        func inside(_ offset: Int) -> BreakRules.Protection? {
            var lo = 0
            var hi = protections.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if protections[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
            }
            guard lo < protections.count, protections[lo].range.lowerBound < offset else { return nil }
            return protections[lo]
        }
        breaks.removeAll { !$0.mandatory && inside($0.offset) != nil }
        softHyphens.removeAll { inside($0) != nil }
        rigidSpace = [Bool](repeating: false, count: text.count)
        for p in protections {
            for i in p.range where text[i] == 0x20 { rigidSpace[i] = true }
            let width = prefix[p.range.upperBound] - prefix[p.range.lowerBound]
            var previous = -1
            for e in p.emergency where e > p.range.lowerBound && e < p.range.upperBound && e != previous {
                emergencyBreaks.append((e, width))
                previous = e
            }
        }
        hyphenatable = hyphenatable.flatMap { r -> [Range<Int>] in
            var pieces: [Range<Int>] = []
            var start = r.lowerBound
            for p in protections where p.range.overlaps(r) {
                if p.range.lowerBound > start { pieces.append(start..<p.range.lowerBound) }
                start = max(start, p.range.upperBound)
            }
            if start < r.upperBound { pieces.append(start..<r.upperBound) }
            return pieces
        }
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
        runs.append(Run(range: range, style: span.style, face: face, href: span.href, node: span.node,
                        linkNode: span.linkNode, glyphs: first..<glyphs.count,
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

    /// The widest unbreakable piece (CSS min-content width); with `relaxed`, protected ranges (labels, URLs, phone
    /// numbers) may break too, as they do when they alone are wider than the line.
    func minContentWidth(relaxed: Bool) -> Points {
        var offsets = breaks.map(\.offset)
        if relaxed && (!emergencyBreaks.isEmpty || !rigidSpace.isEmpty) {
            offsets += emergencyBreaks.map(\.offset)
            for i in rigidSpace.indices where rigidSpace[i] { offsets.append(i + 1) }
            offsets.sort()
        }
        var widest: Points = 0
        var start = 0
        for b in offsets where b > start {
            widest = max(widest, prefix[trimEnd(start, b)] - prefix[start])
            start = b
        }
        return widest
    }

    /// The widest unbreakable piece (CSS min-content width).
    var minContentWidth: Points { minContentWidth(relaxed: false) }

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

    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && (text[e - 1] == 0x20 || text[e - 1] == ParagraphBuilder.lineFeed) { e -= 1 }
        return e
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < text.count && text[j] == 0x20 { j += 1 }
        return j
    }
}
