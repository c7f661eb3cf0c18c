import Foundation

/// Line breaking. Text that is not justified fills lines greedily (first fit), as browsers do, so the PDF breaks
/// ragged text where Chromium's print of the same HTML does and never takes more lines than needed. Justified text
/// is broken by optimal fit (Knuth & Plass 1981, as TeX does): the breaks of the whole paragraph are chosen together
/// to keep every line's word spacing close to normal, first without hyphenation, then with it, then with any
/// spacing as a last resort (greedy only when even that finds nothing, e.g. a word wider than the line).
extension Paragraph {
    /// Justification glue as TeX and Typst set it: a space may stretch by half its width and shrink by a third
    /// (browsers never shrink, so their justified lines are looser).
    static let stretchFactor: Points = 0.5
    static let shrinkFactor: Points = 1.0 / 3
    /// Adjustment ratio allowed before the last-resort pass: at most `stretchFactor` of a space beyond natural.
    static let tolerance: Double = 1
    /// Demerits and penalties as in TeX (`\linepenalty`, `\hyphenpenalty`, `\doublehyphendemerits`,
    /// `\finalhyphendemerits`, `\adjdemerits`); breaking inside a URL wider than the line costs more than a hyphen.
    static let linePenalty: Double = 10
    static let hyphenPenalty: Double = 50
    static let emergencyPenalty: Double = 1000
    static let doubleHyphenDemerits: Double = 3000
    static let finalHyphenDemerits: Double = 5000
    static let adjacentFitnessDemerits: Double = 10000

    /// Lines for a content width of `width`; trailing spaces hang (take no width).
    func lines(width: Points) -> [Line] {
        if width == cachedWidth { return cachedLines }
        let indent = style.textIndent.points(width: width, fontSize: style.fontSize)
        let result: [Line]
        if style.textAlign == .justify && width.isFinite {
            result = optimalLines(width: width, indent: indent) ?? greedyLines(width: width, indent: indent)
        } else {
            result = greedyLines(width: width, indent: indent)
        }
        cachedWidth = width
        cachedLines = result
        return result
    }

    // MARK: Greedy

    /// First fit between UAX #14 break opportunities; a word that overflows hyphenates where it may (soft hyphens,
    /// or patterns with `hyphens: auto`); a piece wider than a line breaks at a protected range's emergency point,
    /// else at the last grapheme cluster that fits.
    func greedyLines(width: Points, indent: Points) -> [Line] {
        var lines: [Line] = []
        var start = skipSpaces(0)
        var lastGood: Int?
        var bi = 0
        let tolerance = 0.01
        var lineWidth = width - indent
        func add(_ next: Int, justify: Bool, hyphen: Bool = false) {
            lines.append(makeLine(start, next, justify: justify, hyphen: hyphen, indent: lines.isEmpty ? indent : 0))
            lineWidth = width
        }
        while bi < breaks.count {
            let (b, mandatory) = breaks[bi]
            if b <= start {
                bi += 1
                continue
            }
            let end = trimEnd(start, b)
            if prefix[end] - prefix[start] > lineWidth + tolerance {
                if let h = lastHyphen(after: lastGood ?? start, before: end, lineStart: start, width: lineWidth) {
                    add(h, justify: true, hyphen: true)
                    start = h
                    lastGood = nil
                    continue
                }
                if let good = lastGood {
                    add(good, justify: true)
                    start = skipSpaces(good)
                    lastGood = nil
                    continue
                }
                let cut = emergencyCut(start, end, lineWidth)
                if cut < end {
                    add(cut, justify: true)
                    start = cut
                    continue
                }
            }
            if mandatory {
                add(b, justify: false)
                start = b
                lastGood = nil
            } else {
                lastGood = b
            }
            bi += 1
        }
        if skipSpaces(start) < text.count {
            add(text.count, justify: false)
        } else if let last = lines.indices.last {
            lines[last].justify = false
        }
        return lines
    }

    /// The last hyphenation point in `after..<before` where the line from `lineStart`, hyphen included, fits.
    private func lastHyphen(after: Int, before: Int, lineStart: Int, width: Points) -> Int? {
        guard !softHyphens.isEmpty || !hyphenatable.isEmpty else { return nil }
        var best: Int?
        for h in hyphenPoints(automatic: true) where h > after && h < before && h > lineStart {
            if prefix[h] - prefix[lineStart] + hyphenWidth(at: h) <= width + 0.01 { best = h } else { break }
        }
        return best
    }

    /// Where to cut a piece too wide for a line: the last emergency point of a protected range (or a space in one)
    /// that fits, else the last grapheme cluster that fits (at least one).
    func emergencyCut(_ start: Int, _ end: Int, _ width: Points) -> Int {
        var protected: Int?
        for e in emergencyBreaks where e.offset > start && e.offset < end {
            if prefix[e.offset] - prefix[start] <= width { protected = e.offset } else { break }
        }
        if !rigidSpace.isEmpty {
            var c = start + 1
            while c < end {
                if text[c - 1] == 0x20 && rigidSpace[c - 1] && c > (protected ?? 0) {
                    if prefix[trimEnd(start, c)] - prefix[start] <= width { protected = c } else { break }
                }
                c += 1
            }
        }
        if let protected { return protected }
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

    // MARK: Optimal fit

    private enum BreakKind { case normal, mandatory, hyphen, emergency }

    private struct Candidate {
        var offset: Int
        var kind: BreakKind
        var penalty: Double
        /// A hyphen ends the line (drawn or already in the text): consecutive ones cost extra.
        var flagged: Bool
    }

    private struct Node {
        /// Where the next line starts.
        var position: Int
        var offset: Int
        var line: Int
        var fitness: Int
        var demerits: Double
        var previous: Int
        var flagged: Bool
        var hyphen: Bool
        var justify: Bool
    }

    /// Knuth–Plass in up to three passes; nil when no set of breaks avoids an overfull line.
    func optimalLines(width: Points, indent: Points) -> [Line]? {
        if let lines = optimalLines(width: width, indent: indent, tolerance: Self.tolerance, automatic: false) {
            return lines
        }
        if !hyphenatable.isEmpty,
           let lines = optimalLines(width: width, indent: indent, tolerance: Self.tolerance, automatic: true) {
            return lines
        }
        return optimalLines(width: width, indent: indent, tolerance: .infinity, automatic: true)
    }

    private func candidates(width: Points, automatic: Bool) -> [Candidate] {
        var result: [Candidate] = []
        result.reserveCapacity(breaks.count)
        for b in breaks {
            let c = b.offset > 0 ? text[b.offset - 1] : 0
            let explicitHyphen = c == 0x2D || c == 0x2010
            result.append(Candidate(offset: b.offset, kind: b.mandatory ? .mandatory : .normal,
                                    penalty: explicitHyphen && !b.mandatory ? Self.hyphenPenalty : 0,
                                    flagged: explicitHyphen))
        }
        var extra: [Candidate] = []
        for h in hyphenPoints(automatic: automatic) {
            extra.append(Candidate(offset: h, kind: .hyphen, penalty: Self.hyphenPenalty, flagged: true))
        }
        for e in emergencyBreaks where e.rangeWidth > width {
            extra.append(Candidate(offset: e.offset, kind: .emergency, penalty: Self.emergencyPenalty, flagged: false))
        }
        guard !extra.isEmpty else { return result }
        result += extra
        result.sort { $0.offset < $1.offset }
        return result
    }

    private func optimalLines(width: Points, indent: Points, tolerance: Double, automatic: Bool) -> [Line]? {
        let list = candidates(width: width, automatic: automatic)
        var nodes = [Node(position: skipSpaces(0), offset: 0, line: 0, fitness: 1, demerits: 0, previous: -1,
                          flagged: false, hyphen: false, justify: false)]
        var active = [0]
        var keep: [Int] = []
        var endNode: Int?
        for c in list {
            var best: [(demerits: Double, from: Int)?] = [nil, nil, nil, nil]
            let isEnd = c.offset >= text.count
            let isLast = isEnd || c.kind == .mandatory
            keep.removeAll(keepingCapacity: true)
            for a in active {
                let n = nodes[a]
                if c.offset <= n.position {
                    keep.append(a)
                    continue
                }
                let drawsHyphen = c.kind == .hyphen
                let end = drawsHyphen || c.kind == .emergency ? c.offset : trimEnd(n.position, c.offset)
                var natural = prefix[end] - prefix[n.position]
                if drawsHyphen { natural += hyphenWidth(at: c.offset) }
                let lineWidth = n.line == 0 ? width - indent : width
                let spaces = spaceWidth(n.position, end)
                let r: Double
                if natural <= lineWidth + 0.001 {
                    if isLast || natural >= lineWidth - 0.001 {
                        r = 0
                    } else {
                        r = spaces > 0 ? (lineWidth - natural) / (spaces * Self.stretchFactor) : .infinity
                    }
                } else {
                    r = spaces > 0 ? (lineWidth - natural) / (spaces * Self.shrinkFactor) : -.infinity
                }
                if r < -1 {
                    // Overfull: every later break from here is longer still (a hyphen's own width aside).
                    if drawsHyphen { keep.append(a) }
                    continue
                }
                keep.append(a)
                guard r <= tolerance else { continue }
                let badness = r.isInfinite ? 10000 : min(10000, 100 * pow(abs(r), 3))
                let fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3
                var d = (Self.linePenalty + badness) * (Self.linePenalty + badness)
                if c.penalty > 0 { d += c.penalty * c.penalty }
                if c.flagged && n.flagged { d += Self.doubleHyphenDemerits }
                if isEnd && n.flagged { d += Self.finalHyphenDemerits }
                if abs(fitness - n.fitness) > 1 { d += Self.adjacentFitnessDemerits }
                let total = n.demerits + d
                if best[fitness] == nil || total < best[fitness]!.demerits { best[fitness] = (total, a) }
            }
            if isLast { keep.removeAll(keepingCapacity: true) }
            swap(&active, &keep)
            for fitness in 0..<4 {
                guard let (total, from) = best[fitness] else { continue }
                let position = c.kind == .normal || c.kind == .mandatory ? skipSpaces(c.offset) : c.offset
                nodes.append(Node(position: position, offset: c.offset, line: nodes[from].line + 1, fitness: fitness,
                                  demerits: total, previous: from, flagged: c.flagged, hyphen: c.kind == .hyphen,
                                  justify: !isLast))
                if isEnd {
                    if endNode == nil || total < nodes[endNode!].demerits { endNode = nodes.count - 1 }
                } else {
                    active.append(nodes.count - 1)
                }
            }
            if isEnd { break }
            if active.isEmpty { return nil }
        }
        guard var k = endNode else { return nil }
        var chain: [Int] = []
        while k > 0 {
            chain.append(k)
            k = nodes[k].previous
        }
        var lines: [Line] = []
        lines.reserveCapacity(chain.count)
        for k in chain.reversed() {
            let node = nodes[k]
            let from = nodes[node.previous]
            lines.append(makeLine(from.position, node.offset, justify: node.justify, hyphen: node.hyphen,
                                  indent: node.previous == 0 ? indent : 0))
        }
        return lines
    }

    // MARK: Pieces

    func makeLine(_ start: Int, _ next: Int, justify: Bool, hyphen: Bool = false, indent: Points = 0) -> Line {
        let end = hyphen ? next : trimEnd(start, next)
        var above = strutAbove
        var below = strutBelow
        for run in runs where run.range.lowerBound < max(end, start + 1) && run.range.upperBound > start {
            above = max(above, run.above)
            below = max(below, run.below)
        }
        for (i, atomic) in atomics.enumerated() where atomic.position >= start && atomic.position < end {
            above = max(above, atomicOuter[i].height)
        }
        let width = prefix[end] - prefix[start] + (hyphen ? hyphenWidth(at: end) : 0)
        return Line(start: start, end: end, next: next, width: width, justify: justify, hyphen: hyphen, indent: indent,
                    above: above, below: below)
    }

    /// True for a space that stretches when the line is justified (not one inside a protected range).
    func isStretchable(_ i: Int) -> Bool {
        text[i] == 0x20 && (rigidSpace.isEmpty || !rigidSpace[i])
    }

    /// Total width of the stretchable spaces in `start..<end`.
    func spaceWidth(_ start: Int, _ end: Int) -> Points {
        if spacePrefix == nil {
            var sums: [Points] = [0]
            sums.reserveCapacity(text.count + 1)
            var sum: Points = 0
            for i in 0..<text.count {
                if isStretchable(i) { sum += prefix[i + 1] - prefix[i] }
                sums.append(sum)
            }
            spacePrefix = sums
        }
        return spacePrefix![end] - spacePrefix![start]
    }

    /// Soft hyphens, and with `automatic` the pattern hyphenation points of the `hyphens: auto` English text, in order.
    func hyphenPoints(automatic: Bool) -> [Int] {
        guard automatic, !hyphenatable.isEmpty, let hyphenator else { return softHyphens }
        if let known = autoHyphenCache { return known }
        var points = softHyphens
        for range in hyphenatable {
            var i = range.lowerBound
            while i < range.upperBound {
                guard isLetter(text[i]) else {
                    i += 1
                    continue
                }
                var j = i
                while j < range.upperBound && isLetter(text[j]) { j += 1 }
                // A word cut by the range's edge (a protected URL, another language) is not a whole word.
                let whole = (i == 0 || !isLetter(text[i - 1])) && (j == text.count || !isLetter(text[j]))
                if whole { points += hyphenator.points(text[i..<j]).map { i + $0 } }
                i = j
            }
        }
        points.sort()
        var unique: [Int] = []
        for p in points where unique.last != p { unique.append(p) }
        autoHyphenCache = unique
        return unique
    }

    private func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// The hyphen drawn at a break at `offset`: the glyph and advance of `-` in the face of the text before it.
    func hyphenGlyph(at offset: Int) -> (run: Int, glyph: UInt16, advance: Points)? {
        guard offset > 0 else { return nil }
        var lo = 0
        var hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].range.upperBound <= offset - 1 { lo = mid + 1 } else { hi = mid }
        }
        guard lo < runs.count, runs[lo].range.contains(offset - 1) else { return nil }
        let run = runs[lo]
        guard let glyph = run.face.glyph(for: "-") else { return nil }
        return (lo, UInt16(truncatingIfNeeded: glyph), Points(run.face.advance(of: glyph)) * run.scale)
    }

    func hyphenWidth(at offset: Int) -> Points {
        if let known = hyphenWidths[Int32(offset)] { return known }
        let width = hyphenGlyph(at: offset)?.advance ?? 0
        hyphenWidths[Int32(offset)] = width
        return width
    }
}
