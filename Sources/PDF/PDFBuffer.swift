/// Bytes of PDF syntax under construction, with number formatting that never depends on locale.
struct PDFBuffer {
    /// Characters a name object must escape besides those outside `!`…`~`.
    private static let delimiters: [UInt8] = Array("()<>[]{}/%#".utf8)
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func append(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
    }

    mutating func byte(_ b: UInt8) {
        bytes.append(b)
    }

    mutating func int(_ n: Int) {
        if n < 0 {
            bytes.append(0x2D)
            int(-n)
            return
        }
        if n >= 10 { int(n / 10) }
        bytes.append(UInt8(0x30 + n % 10))
    }

    /// An indirect reference to an object: `12 0 R`.
    mutating func reference(_ object: Int) {
        int(object)
        append(" 0 R")
    }

    /// A real with at most three decimals and no trailing zeros (`12.5`, `-0.125`, `3`). Total: NaN is 0 and
    /// magnitudes beyond PDF's practical limit (±32767, ISO 32000-1 annex C) are clamped to it.
    mutating func number(_ x: Double) {
        guard x.isFinite else {
            bytes.append(0x30)
            return
        }
        let scaled = Int((min(max(x, -Self.largestReal), Self.largestReal) * 1000).rounded())
        if scaled < 0 { bytes.append(0x2D) }
        let magnitude = abs(scaled)
        int(magnitude / 1000)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return }
        bytes.append(0x2E)
        var divisor = 100
        while fraction != 0 {
            bytes.append(UInt8(0x30 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// The largest real a PDF reader must accept.
    static let largestReal: Double = 32767

    /// `x` rounded to an integer, total: NaN is 0, infinities and huge values are clamped to ±`largestReal`.
    static func integer(_ x: Double) -> Int {
        x.isNaN ? 0 : Int(min(max(x, -largestReal), largestReal).rounded())
    }

    mutating func space() {
        bytes.append(0x20)
    }

    /// Four hex digits.
    mutating func hex4(_ v: UInt16) {
        @inline(__always) func digit(_ n: UInt16) -> UInt8 { UInt8(n < 10 ? 0x30 + n : 0x37 + n) }
        bytes.append(digit(v >> 12 & 0xF))
        bytes.append(digit(v >> 8 & 0xF))
        bytes.append(digit(v >> 4 & 0xF))
        bytes.append(digit(v & 0xF))
    }

    /// A text string as UTF-16BE hex with a byte-order mark: `<FEFF…>`.
    mutating func textString(_ s: String) {
        append("<FEFF")
        for unit in s.utf16 { hex4(unit) }
        append(">")
    }

    /// An ASCII literal string with PDF escapes: `(…)`.
    mutating func literal(_ s: String) {
        bytes.append(0x28)
        for b in s.utf8 {
            switch b {
            case 0x28, 0x29, 0x5C:
                bytes.append(0x5C)
                bytes.append(b)
            case 0x20...0x7E:
                bytes.append(b)
            default:
                append("\\")
                bytes.append(UInt8(0x30 + (b >> 6)))
                bytes.append(UInt8(0x30 + (b >> 3 & 7)))
                bytes.append(UInt8(0x30 + (b & 7)))
            }
        }
        bytes.append(0x29)
    }

    /// A name object, escaping anything outside regular characters: `/NotoSans-Regular`.
    mutating func name(_ s: String) {
        bytes.append(0x2F)
        let digits: StaticString = "0123456789ABCDEF"
        for b in s.utf8 {
            if b < 0x21 || b > 0x7E || Self.delimiters.contains(b) {
                bytes.append(0x23)
                digits.withUTF8Buffer { d in
                    bytes.append(d[Int(b >> 4)])
                    bytes.append(d[Int(b & 0xF)])
                }
            } else {
                bytes.append(b)
            }
        }
    }
}
