import CHarfBuzz

/// A glyph as HarfBuzz placed it, in font units; `cluster` is a UTF-16 offset into the paragraph text.
struct ShapedGlyph {
    var glyph: UInt32
    var cluster: Int32
    var advance: Int32
    var xOffset: Int32
    var yOffset: Int32
}

/// HarfBuzz shaping with one reusable buffer. Not thread-safe: one per layout.
///
/// Short pieces (labels, step names, table cells) repeat within a document, so their shaping is remembered per face
/// and language; they are shaped without the surrounding text as context, which for Latin script (stacked diacritics included)
/// gives the same glyphs.
final class Shaper {
    private struct CacheKey: Hashable {
        var face: Int
        var language: String?
        var text: [UInt16]
    }

    private static let cachedLength = 40
    private let buffer: OpaquePointer
    private var features: [hb_feature_t]
    private var languages: [String: hb_language_t] = [:]
    private var cache: [CacheKey: [ShapedGlyph]] = [:]

    init() {
        buffer = hb_buffer_create()
        // Ligatures off: legal text must copy and search letter for letter ("fi" stays two glyphs).
        var liga = hb_feature_t()
        _ = hb_feature_from_string("-liga", -1, &liga)
        features = [liga]
    }

    deinit {
        hb_buffer_destroy(buffer)
    }

    /// Shapes `range` of `text` with `face`; clusters are offsets into `text`.
    func shape(_ text: UnsafeBufferPointer<UInt16>, range: Range<Int>, face: FontFace, language: String?) -> [ShapedGlyph] {
        guard range.count <= Self.cachedLength else {
            return shape(text, context: 0..<text.count, range: range, face: face, language: language)
        }
        let key = CacheKey(face: face.index, language: language, text: Array(text[range]))
        var glyphs: [ShapedGlyph]
        if let known = cache[key] {
            glyphs = known
        } else {
            glyphs = shape(text, context: range, range: range, face: face, language: language)
            for i in glyphs.indices { glyphs[i].cluster -= Int32(range.lowerBound) }
            cache[key] = glyphs
        }
        for i in glyphs.indices { glyphs[i].cluster += Int32(range.lowerBound) }
        return glyphs
    }

    /// Shapes `range` with `context` (a range around it) as the text HarfBuzz may look at.
    private func shape(_ text: UnsafeBufferPointer<UInt16>, context: Range<Int>, range: Range<Int>, face: FontFace,
                       language: String?) -> [ShapedGlyph] {
        hb_buffer_clear_contents(buffer)
        hb_buffer_add_utf16(buffer, text.baseAddress! + context.lowerBound, Int32(context.count),
                            UInt32(range.lowerBound - context.lowerBound), Int32(range.count))
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        if let language { hb_buffer_set_language(buffer, hbLanguage(language)) }
        hb_buffer_guess_segment_properties(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_shape(face.font, buffer, features, UInt32(features.count))
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
        guard let infos, let positions else { return [] }
        var result: [ShapedGlyph] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            let cluster = Int32(bitPattern: infos[i].cluster) + Int32(context.lowerBound)
            result.append(ShapedGlyph(glyph: infos[i].codepoint, cluster: cluster,
                                      advance: positions[i].x_advance, xOffset: positions[i].x_offset,
                                      yOffset: positions[i].y_offset))
        }
        return result
    }

    private func hbLanguage(_ tag: String) -> hb_language_t? {
        if let cached = languages[tag] { return cached }
        let language = hb_language_from_string(tag, -1)
        languages[tag] = language
        return language
    }
}
