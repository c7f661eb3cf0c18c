import Typesetting

/// How a PDF uses one face: which glyphs, and what text each glyph stands for (the ToUnicode map).
///
/// Text extraction strategy: a glyph that makes up a cluster on its own maps to the cluster's text (first use wins);
/// glyphs of a multi-glyph cluster (a base with marks the font has no precomposed glyph for) map to the characters in
/// order when the counts match. Multi-glyph clusters, and clusters whose glyph does not map to their text, are wrapped
/// in an `/ActualText` span when drawn, so copy, paste and search always give back the NFC source text.
final class FontUsage {
    let face: FontFace
    /// The text each glyph id stands for, indexed by glyph id.
    private(set) var unicode: [[UInt16]?]
    private var used: [Bool]

    init(face: FontFace) {
        self.face = face
        used = [Bool](repeating: false, count: max(face.glyphCount, 1))
        unicode = [[UInt16]?](repeating: nil, count: max(face.glyphCount, 1))
    }

    /// Glyph ids in use, ascending.
    var glyphs: [UInt16] {
        used.indices.filter { used[$0] }.map { UInt16($0) }
    }

    func record(_ run: GlyphRun) {
        Self.forEachCluster(run) { glyphs, text in
            for g in glyphs where Int(g.glyph) >= used.count { return }
            for g in glyphs { used[Int(g.glyph)] = true }
            if glyphs.count == 1, let only = glyphs.first {
                if unicode[Int(only.glyph)] == nil { unicode[Int(only.glyph)] = Array(text) }
                return
            }
            let scalars = String(decoding: text, as: UTF16.self).unicodeScalars.map { Array(String($0).utf16) }
            for (i, g) in glyphs.enumerated() where unicode[Int(g.glyph)] == nil {
                if scalars.count == glyphs.count {
                    unicode[Int(g.glyph)] = scalars[i]
                } else if i == 0 {
                    unicode[Int(g.glyph)] = Array(text)
                }
            }
        }
    }

    /// True for a multi-glyph cluster (extractors order mark glyphs by position, not by text) and for a glyph whose
    /// ToUnicode mapping is not the cluster's text.
    func needsActualText(_ glyphs: ArraySlice<PlacedGlyph>, text: ArraySlice<UInt16>) -> Bool {
        guard glyphs.count == 1, let only = glyphs.first, Int(only.glyph) < unicode.count else { return true }
        return unicode[Int(only.glyph)].map { !$0.elementsEqual(text) } ?? true
    }

    /// Calls `body` with each cluster's glyphs and text, in order.
    static func forEachCluster(_ run: GlyphRun, _ body: (ArraySlice<PlacedGlyph>, ArraySlice<UInt16>) -> Void) {
        var i = 0
        let glyphs = run.glyphs
        while i < glyphs.count {
            var j = i + 1
            while j < glyphs.count && glyphs[j].cluster == glyphs[i].cluster { j += 1 }
            let start = max(0, min(Int(glyphs[i].cluster), run.text.count))
            let end = j < glyphs.count ? max(start, min(Int(glyphs[j].cluster), run.text.count)) : run.text.count
            body(glyphs[i..<j], run.text[start..<end])
            i = j
        }
    }
}
