import Typesetting

/// A subset face written as a Type 0 font: CIDFontType2 with Identity-H encoding, CID = glyph id of the subset font
/// (`/CIDToGIDMap /Identity`), a `/W` array of advances and a ToUnicode CMap.
struct EmbeddedFont {
    let usage: FontUsage
    let font: [UInt8]
    let newIDs: [UInt16: UInt16]
    /// PDF resource name, e.g. `F0`.
    let resourceName: String
    let objectNumber: Int
    private let scale: Double
    /// New glyph id (CID) and `/W` width by old glyph id, for the glyphs in use (content streams look them up often).
    private let cids: [UInt16]
    private let widths: [Int32]

    init(usage: FontUsage, font: [UInt8], newIDs: [UInt16: UInt16], resourceName: String, objectNumber: Int) {
        self.usage = usage
        self.font = font
        self.newIDs = newIDs
        self.resourceName = resourceName
        self.objectNumber = objectNumber
        let scale = 1000 / Double(usage.face.metrics.unitsPerEm)
        self.scale = scale
        var cids = [UInt16](repeating: 0, count: max(usage.face.glyphCount, 1))
        var widths = [Int32](repeating: 0, count: cids.count)
        for g in usage.glyphs + [0] where Int(g) < cids.count {
            cids[Int(g)] = newIDs[g] ?? 0
            widths[Int(g)] = Int32((Double(usage.face.advance(of: UInt32(g))) * scale).rounded())
        }
        self.cids = cids
        self.widths = widths
    }

    func cid(_ glyph: UInt16) -> UInt16 { Int(glyph) < cids.count ? cids[Int(glyph)] : 0 }

    /// Advance in the PDF's glyph space (1000 per em), rounded as written in `/W`.
    func width(_ glyph: UInt16) -> Int { Int(glyph) < widths.count ? Int(widths[Int(glyph)]) : 0 }

    /// Writes the font dictionaries and streams; `objectNumber` was allocated for the Type 0 font.
    func write(into file: inout PDFFile) {
        let cidFont = file.allocate()
        let descriptor = file.allocate()
        let fontFile = file.allocate()
        let toUnicode = file.allocate()
        let m = usage.face.metrics
        let baseName = Self.tag(for: usage) + "+" + m.postScriptName

        var type0 = PDFBuffer()
        type0.append("<</Type/Font/Subtype/Type0/BaseFont")
        type0.name(baseName)
        type0.append("/Encoding/Identity-H/DescendantFonts[")
        type0.int(cidFont)
        type0.append(" 0 R]/ToUnicode ")
        type0.int(toUnicode)
        type0.append(" 0 R>>")
        file.set(objectNumber, type0)

        let byCID = usage.glyphs.compactMap { g in newIDs[g].map { (cid: $0, glyph: g) } }.sorted { $0.cid < $1.cid }
        var cid = PDFBuffer()
        cid.append("<</Type/Font/Subtype/CIDFontType2/BaseFont")
        cid.name(baseName)
        cid.append("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ")
        cid.int(descriptor)
        cid.append(" 0 R/DW ")
        cid.int(width(0))
        cid.append("/W[")
        var i = 0
        while i < byCID.count {
            var j = i + 1
            while j < byCID.count && byCID[j].cid == byCID[j - 1].cid + 1 { j += 1 }
            cid.int(Int(byCID[i].cid))
            cid.append("[")
            for k in i..<j {
                if k > i { cid.space() }
                cid.int(width(byCID[k].glyph))
            }
            cid.append("]")
            i = j
        }
        cid.append("]/CIDToGIDMap/Identity>>")
        file.set(cidFont, cid)

        var d = PDFBuffer()
        d.append("<</Type/FontDescriptor/FontName")
        d.name(baseName)
        d.append("/Flags ")
        d.int(32 + (m.isItalic ? 64 : 0))
        d.append("/FontBBox[")
        for (k, v) in [m.boundingBox.xMin, m.boundingBox.yMin, m.boundingBox.xMax, m.boundingBox.yMax].enumerated() {
            if k > 0 { d.space() }
            d.int(Int((Double(v) * scale).rounded()))
        }
        d.append("]/ItalicAngle ")
        d.number(m.italicAngle)
        d.append("/Ascent ")
        d.int(Int((Double(m.ascender) * scale).rounded()))
        d.append("/Descent ")
        d.int(Int((Double(m.descender) * scale).rounded()))
        d.append("/CapHeight ")
        d.int(Int((Double(m.capHeight) * scale).rounded()))
        d.append("/StemV ")
        d.int(m.isBold ? 140 : 80)
        d.append("/FontFile2 ")
        d.int(fontFile)
        d.append(" 0 R>>")
        file.set(descriptor, d)

        file.setStream(fontFile, dictionary: "/Length1 \(font.count)", data: font, compress: true)
        file.setStream(toUnicode, dictionary: "", data: toUnicodeCMap(byCID), compress: true)
    }

    private func toUnicodeCMap(_ byCID: [(cid: UInt16, glyph: UInt16)]) -> [UInt8] {
        var b = PDFBuffer()
        b.append("""
            /CIDInit/ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def
            /CMapName/Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000><FFFF>
            endcodespacerange

            """)
        let mapped = byCID.compactMap { entry in
            usage.unicode[Int(entry.glyph)].flatMap { $0.isEmpty ? nil : (entry.cid, $0) }
        }
        var start = 0
        while start < mapped.count {
            let chunk = mapped[start..<min(start + 100, mapped.count)]
            b.int(chunk.count)
            b.append(" beginbfchar\n")
            for (cid, text) in chunk {
                b.append("<")
                b.hex4(cid)
                b.append("><")
                for unit in text { b.hex4(unit) }
                b.append(">\n")
            }
            b.append("endbfchar\n")
            start += 100
        }
        b.append("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n")
        return b.bytes
    }

    /// Six capital letters derived from the face and the glyph set (stable across runs, differs between subsets).
    static func tag(for usage: FontUsage) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ v: UInt64) {
            hash ^= v
            hash = hash &* 0x100000001b3
        }
        for c in usage.face.metrics.postScriptName.utf8 { mix(UInt64(c)) }
        for g in usage.glyphs { mix(UInt64(g)) }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return letters
    }
}
