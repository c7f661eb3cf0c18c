import CLineBreak

/// Unicode services for one layout run: UAX #14 line breaks and NFC, through ICU behind the CLineBreak C target.
///
/// Not thread-safe (it owns an ICU break iterator); make one per layout.
final class TextServices {
    private let breaker: OpaquePointer?
    private var offsets: [Int32] = []
    private var mandatory: [UInt8] = []

    init(locale: String = "vi") {
        breaker = clb_open(locale)
    }

    deinit {
        clb_close(breaker)
    }

    /// Break opportunities of `text` as (UTF-16 offset, mandatory) pairs, ascending; the last one is `text.count`.
    func breaks(_ text: [UInt16]) -> [(offset: Int, mandatory: Bool)] {
        guard !text.isEmpty else { return [] }
        if offsets.count < text.count + 1 {
            offsets = [Int32](repeating: 0, count: text.count + 1)
            mandatory = [UInt8](repeating: 0, count: text.count + 1)
        }
        let n = text.withUnsafeBufferPointer { t in
            clb_breaks(breaker, t.baseAddress, Int32(t.count), &offsets, &mandatory, Int32(offsets.count))
        }
        // Without ICU, allow breaks only at the end: text still renders, just unbroken.
        guard n > 0 else { return [(text.count, false)] }
        var result: [(offset: Int, mandatory: Bool)] = []
        result.reserveCapacity(Int(n))
        for i in 0..<min(Int(n), offsets.count) {
            result.append((Int(offsets[i]), mandatory[i] != 0))
        }
        return result
    }

    /// `text` in Normalization Form C.
    static func nfc(_ text: [UInt16]) -> [UInt16] {
        if text.allSatisfy({ $0 < 0x300 }) { return text }
        let isNFC = text.withUnsafeBufferPointer { clb_is_nfc($0.baseAddress, Int32($0.count)) }
        if isNFC == 1 { return text }
        var out = [UInt16](repeating: 0, count: text.count + 16)
        var n = text.withUnsafeBufferPointer { clb_nfc($0.baseAddress, Int32($0.count), &out, Int32(out.count)) }
        if n > out.count {
            out = [UInt16](repeating: 0, count: Int(n))
            n = text.withUnsafeBufferPointer { clb_nfc($0.baseAddress, Int32($0.count), &out, Int32(out.count)) }
        }
        guard n >= 0 else { return text }
        return Array(out[0..<Int(n)])
    }

    /// `string` in Normalization Form C.
    static func nfc(_ string: String) -> String {
        let units = Array(string.utf16)
        let normalized = nfc(units)
        return normalized == units ? string : String(decoding: normalized, as: UTF16.self)
    }
}
