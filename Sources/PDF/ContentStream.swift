import Typesetting

/// Builds one page's content stream: fills, images and text; y flipped from layout (down) to PDF (up). Every
/// piece is marked content: tagged (`/P <</MCID 3>> BDC`, pointing into the structure tree) or an artifact.
struct ContentStream {
    /// How the content being written is marked.
    enum Mark: Equatable {
        case none
        /// Tagged content with marked-content id `mcid` (the tag is its element's type, given to `setMark`).
        case tagged(mcid: Int)
        /// Backgrounds, borders, rules, underlines.
        case layout
        /// The running header, page numbers, repeated table headers.
        case pagination
    }

    private(set) var buffer = PDFBuffer(capacity: 16 * 1024)
    private let pageHeight: Double
    private var fillColor: RGBColor?
    private(set) var mark = Mark.none

    init(pageHeight: Double) {
        self.pageHeight = pageHeight
    }

    /// Closes the open marked-content sequence, if any, and opens `next` (unless it is `.none`); `role` is the
    /// structure type a tagged sequence is marked with.
    mutating func setMark(_ next: Mark, role: String = "Span") {
        guard next != mark else { return }
        if mark != .none { buffer.append("EMC\n") }
        mark = next
        switch next {
        case .none: break
        case .tagged(let mcid):
            buffer.name(role)
            buffer.append("<</MCID ")
            buffer.int(mcid)
            buffer.append(">>BDC\n")
        case .layout:
            buffer.append("/Artifact BMC\n")
        case .pagination:
            buffer.append("/Artifact<</Type/Pagination>>BDC\n")
        }
    }

    mutating func fill(_ r: Rect, _ color: RGBColor) {
        setFill(color)
        buffer.number(r.x)
        buffer.space()
        buffer.number(pageHeight - r.y - r.height)
        buffer.space()
        buffer.number(r.width)
        buffer.space()
        buffer.number(r.height)
        buffer.append(" re f\n")
    }

    mutating func image(_ name: String, _ r: Rect) {
        buffer.append("q ")
        buffer.number(r.width)
        buffer.append(" 0 0 ")
        buffer.number(r.height)
        buffer.space()
        buffer.number(r.x)
        buffer.space()
        buffer.number(pageHeight - r.y - r.height)
        buffer.append(" cm")
        buffer.name(name)
        buffer.append(" Do Q\n")
    }

    /// Draws a run: one text object; TJ adjustments carry kerning and justification, `Ts` raises marks, and
    /// clusters whose glyphs do not spell their text get an `/ActualText` span.
    mutating func text(_ run: GlyphRun, font: EmbeddedFont) {
        setFill(run.color)
        buffer.append("BT")
        buffer.name(font.resourceName)
        buffer.space()
        buffer.number(run.size)
        buffer.append(" Tf 1 0 0 1 ")
        buffer.number(run.x)
        buffer.space()
        buffer.number(pageHeight - run.baseline)
        buffer.append(" Tm\n")
        var inArray = false
        func closeArray() {
            if inArray { buffer.append("]TJ\n") }
            inArray = false
        }
        var pen: Double = 0
        var rise: Double = 0
        let size = run.size
        FontUsage.forEachCluster(run) { glyphs, text in
            let actual = font.usage.needsActualText(glyphs, text: text)
            if actual {
                closeArray()
                buffer.append("/Span<</ActualText")
                buffer.textString(String(decoding: text, as: UTF16.self))
                buffer.append(">>BDC\n")
            }
            for g in glyphs {
                if abs(g.rise - rise) > 0.0005 {
                    closeArray()
                    buffer.number(g.rise)
                    buffer.append(" Ts\n")
                    rise = g.rise
                }
                if !inArray {
                    buffer.append("[")
                    inArray = true
                }
                // A zero or non-finite size (never from a checked stylesheet) makes no adjustment rather than a trap.
                let adjust = size > 0 && size.isFinite ? PDFBuffer.integer((pen - g.x) * 1000 / size) : 0
                if adjust != 0 {
                    buffer.int(adjust)
                    pen -= Double(adjust) * size / 1000
                }
                buffer.append("<")
                buffer.hex4(font.cid(g.glyph))
                buffer.append(">")
                pen += Double(font.width(g.glyph)) * size / 1000
            }
            if actual {
                closeArray()
                buffer.append("EMC\n")
            }
        }
        closeArray()
        if rise != 0 { buffer.append("0 Ts\n") }
        buffer.append("ET\n")
    }

    private mutating func setFill(_ c: RGBColor) {
        guard c != fillColor else { return }
        fillColor = c
        buffer.number(c.red)
        buffer.space()
        buffer.number(c.green)
        buffer.space()
        buffer.number(c.blue)
        buffer.append(" rg\n")
    }
}
