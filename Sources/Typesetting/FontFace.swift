import CFreeType
import CHarfBuzz

/// One loaded font face: its bytes, an immutable HarfBuzz font for shaping and the metrics the PDF needs.
///
/// Immutable after init; HarfBuzz supports concurrent shaping on an immutable font, so a face is shared across threads.
public final class FontFace: @unchecked Sendable {
    /// Position in `FontLibrary.faces`; the stable id layout results use.
    public let index: Int
    /// The file name the face was loaded from, e.g. `NotoSans-Regular.ttf`.
    public let fileName: String
    /// CSS family name, e.g. `Noto Sans`.
    public let family: String
    public let metrics: FontMetrics

    private let bytes: UnsafeMutableRawBufferPointer
    private let blob: OpaquePointer
    private let face: OpaquePointer
    let font: OpaquePointer

    init(index: Int, fileName: String, family: String, data: [UInt8]) throws(FontLoadError) {
        guard !data.isEmpty else { throw FontLoadError(fileName: fileName, reason: "the file is empty") }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 16)
        data.withUnsafeBytes { storage.copyMemory(from: $0) }
        let base = storage.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard let blob = hb_blob_create_or_fail(base, UInt32(data.count), HB_MEMORY_MODE_READONLY, nil, nil) else {
            storage.deallocate()
            throw FontLoadError(fileName: fileName, reason: "HarfBuzz could not read it")
        }
        let face = hb_face_create(blob, 0)!
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            storage.deallocate()
            throw FontLoadError(fileName: fileName, reason: "it has no glyphs (not a TrueType/OpenType font?)")
        }
        hb_face_make_immutable(face)
        let font = hb_font_create(face)!
        hb_font_make_immutable(font)
        guard let metrics = Self.readMetrics(UnsafeRawBufferPointer(storage)) else {
            hb_font_destroy(font)
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            storage.deallocate()
            throw FontLoadError(fileName: fileName, reason: "FreeType could not read it")
        }
        self.index = index
        self.fileName = fileName
        self.family = family
        self.bytes = storage
        self.blob = blob
        self.face = face
        self.font = font
        self.metrics = metrics
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
        bytes.deallocate()
    }

    /// Calls `body` with the font file's bytes (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(bytes))
    }

    /// The glyph id the cmap gives `scalar`, or nil when the face lacks it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var gid: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &gid) != 0 ? gid : nil
    }

    /// Horizontal advance of a glyph in font units (the hmtx value the PDF /W array needs).
    public func advance(of glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(font, glyph))
    }

    /// Number of glyphs in the face.
    public var glyphCount: Int { Int(hb_face_get_glyph_count(face)) }

    /// Reads names, box and vertical metrics with FreeType (only during init: FreeType handles are not shared).
    private static func readMetrics(_ data: UnsafeRawBufferPointer) -> FontMetrics? {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        defer { FT_Done_FreeType(library) }
        var faceRef: FT_Face?
        let base = data.baseAddress!.assumingMemoryBound(to: FT_Byte.self)
        guard FT_New_Memory_Face(library, base, FT_Long(data.count), 0, &faceRef) == 0, let ft = faceRef else {
            return nil
        }
        defer { FT_Done_Face(ft) }
        let rec = ft.pointee
        let name = FT_Get_Postscript_Name(ft).map { String(cString: $0) } ?? "Font"
        var capHeight = Int(Double(rec.ascender) * 0.7)
        if let raw = FT_Get_Sfnt_Table(ft, FT_SFNT_OS2) {
            let os2 = raw.assumingMemoryBound(to: TT_OS2.self).pointee
            if os2.version >= 2 && os2.sCapHeight > 0 { capHeight = Int(os2.sCapHeight) }
        }
        var italicAngle = 0.0
        if let raw = FT_Get_Sfnt_Table(ft, FT_SFNT_POST) {
            let post = raw.assumingMemoryBound(to: TT_Postscript.self).pointee
            italicAngle = Double(post.italicAngle) / 65536
        }
        let hheaGap: Int
        if let raw = FT_Get_Sfnt_Table(ft, FT_SFNT_HHEA) {
            hheaGap = Int(raw.assumingMemoryBound(to: TT_HoriHeader.self).pointee.Line_Gap)
        } else {
            hheaGap = 0
        }
        let styleFlags = rec.style_flags
        return FontMetrics(
            postScriptName: name,
            unitsPerEm: Int(rec.units_per_EM),
            ascender: Int(rec.ascender),
            descender: Int(rec.descender),
            lineGap: hheaGap,
            capHeight: capHeight,
            italicAngle: italicAngle,
            isBold: styleFlags & FT_Long(FT_STYLE_FLAG_BOLD) != 0,
            isItalic: styleFlags & FT_Long(FT_STYLE_FLAG_ITALIC) != 0,
            bbox: [Int(rec.bbox.xMin), Int(rec.bbox.yMin), Int(rec.bbox.xMax), Int(rec.bbox.yMax)],
            underlinePosition: Int(rec.underline_position),
            underlineThickness: Int(rec.underline_thickness))
    }
}
