import Typesetting

/// Builds one page's content stream: fills, images and text; y flipped from layout (down) to PDF (up).
struct ContentStream {
    private(set) var buffer = PDFBuffer(capacity: 16 * 1024)
    private let pageHeight: Double
    private let documentLanguage: String
    private var fillColor: RGBColor?

    init(pageHeight: Double, documentLanguage: String) {
        self.pageHeight = pageHeight
        self.documentLanguage = documentLanguage
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
        let language = run.language.flatMap { $0.isEmpty || $0 == documentLanguage ? nil : $0 }
        if let language {
            buffer.append("/Span<</Lang")
            buffer.literal(language)
            buffer.append(">>BDC\n")
        }
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
        if language != nil { buffer.append("EMC\n") }
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
