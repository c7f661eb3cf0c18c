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
final class Shaper {
    private let buffer: OpaquePointer
    private var features: [hb_feature_t]
    private var languages: [String: hb_language_t] = [:]

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

    /// Shapes `range` of `text` with `face`, using the text around it as context.
    func shape(_ text: UnsafeBufferPointer<UInt16>, range: Range<Int>, face: FontFace, language: String?) -> [ShapedGlyph] {
        hb_buffer_clear_contents(buffer)
        hb_buffer_add_utf16(buffer, text.baseAddress, Int32(text.count), UInt32(range.lowerBound), Int32(range.count))
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
            result.append(ShapedGlyph(glyph: infos[i].codepoint, cluster: Int32(bitPattern: infos[i].cluster),
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
