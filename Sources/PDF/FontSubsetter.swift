import CHarfBuzz
import CHarfBuzzSubset
import Typesetting

/// hb-subset over the library's faces: keeps only the glyphs a PDF uses, renumbered compactly (the plan tells the new
/// ids), without hinting or layout tables (text is already shaped; viewers do not need them).
///
/// hb-subset can preprocess a face so that later subsets of it run about twice as fast, but preprocessing costs as
/// much as a dozen subsets (~10 ms for Noto Sans). A one-shot CLI process should not pay that, a server should: a
/// face is preprocessed once it has been subset `preprocessAfter` times.
///
/// Thread-safe: HarfBuzz faces are immutable after creation and the use counts sit behind a lock.
final class FontSubsetter: @unchecked Sendable {
    static let preprocessAfter = 8
    private let faces: [OpaquePointer]
    private let lock = Lock()
    private var preprocessed: [OpaquePointer?]
    private var uses: [Int]

    init(fonts: FontLibrary) {
        faces = fonts.faces.map { face in
            face.withBytes { bytes in
                let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                let blob = hb_blob_create(base, UInt32(bytes.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
                let hbFace = hb_face_create(blob, 0)!
                hb_blob_destroy(blob)
                hb_face_make_immutable(hbFace)
                return hbFace
            }
        }
        preprocessed = Array(repeating: nil, count: faces.count)
        uses = Array(repeating: 0, count: faces.count)
    }

    deinit {
        for face in faces { hb_face_destroy(face) }
        for case let face? in preprocessed { hb_face_destroy(face) }
    }

    /// The face to subset `index` from: the preprocessed one once the face is used often enough.
    private func face(_ index: Int) -> OpaquePointer {
        lock.withLock {
            if let ready = preprocessed[index] { return ready }
            uses[index] += 1
            guard uses[index] >= Self.preprocessAfter, let ready = hb_subset_preprocess(faces[index]) else {
                return faces[index]
            }
            hb_face_make_immutable(ready)
            preprocessed[index] = ready
            return ready
        }
    }

    /// A subset font file with `glyphs` of face `index`, and each old glyph id's new one (the closure may add
    /// component glyphs; their ids are in the file but not in the map unless asked for).
    func subset(face index: Int, glyphs: [UInt16]) -> (font: [UInt8], newIDs: [UInt16: UInt16])? {
        guard index >= 0 && index < faces.count, let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for g in glyphs { hb_set_add(glyphSet, hb_codepoint_t(g)) }
        hb_set_clear(hb_subset_input_unicode_set(input))
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "name", "post", "BASE", "JSTF", "MATH", "DSIG", "hdmx", "kern", "LTSH",
                    "VDMX", "vhea", "vmtx"] {
            hb_set_add(drop, hb_tag_from_string(tag, 4))
        }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let plan = hb_subset_plan_create_or_fail(face(index), input) else { return nil }
        defer { hb_subset_plan_destroy(plan) }
        let map = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var newIDs: [UInt16: UInt16] = [:]
        for g in glyphs where hb_map_has(map, hb_codepoint_t(g)) != 0 {
            newIDs[g] = UInt16(truncatingIfNeeded: hb_map_get(map, hb_codepoint_t(g)))
        }
        guard let subsetFace = hb_subset_plan_execute_or_fail(plan) else { return nil }
        defer { hb_face_destroy(subsetFace) }
        let blob = hb_face_reference_blob(subsetFace)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        let font = UnsafeRawBufferPointer(start: data, count: Int(length))
        return (Array(font), newIDs)
    }
}
