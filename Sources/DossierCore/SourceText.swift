/// A text indexed by line, once, so finding a line or a position is a binary search instead of a scan from the start
/// (printing thousands of diagnostics for one file stays linear).
///
/// What a line is, everywhere in Dossier: a line ends at LF, CR LF or a lone CR — what editors, CSV and libyaml (once
/// `SourceParser` has hidden U+0085/U+2028/U+2029 from it) count. NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are
/// characters inside a line. Columns are 1-based and count Unicode scalars, as libyaml does.
public struct SourceText: Sendable {
    public let text: String
    private let scalars: [Unicode.Scalar]
    /// Scalar offset where each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                starts.append(i + 1)
            } else if c == "\r" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of line `number` (1-based) without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : scalars.count
        while end > start, scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Line and column of a scalar offset.
    public func position(ofScalar offset: Int) -> (line: Int, column: Int) {
        let offset = Swift.min(Swift.max(0, offset), scalars.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }

    /// The scalar offset of a 1-based line and column (clamped to the text).
    public func scalarOffset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return line < 1 ? 0 : scalars.count }
        return Swift.min(lineStarts[line - 1] + Swift.max(0, column - 1), scalars.count)
    }

    /// The scalar at an offset, nil past the end.
    public subscript(scalar offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < scalars.count ? scalars[offset] : nil
    }

    /// UTF-8 bytes as text, or the line and column (in scalars, counting the valid text before it) of the first byte
    /// that is not UTF-8, and that byte.
    public static func decode(_ bytes: [UInt8]) -> Result<String, UTF8Problem> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        // Find the first bad byte: the longest valid prefix ends there.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var valid = String.UnicodeScalarView()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                valid.append(s)
                offset += UTF8.width(s)
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        let prefix = SourceText(String(valid))
        let (line, column) = prefix.position(ofScalar: prefix.scalars.count)
        return .failure(UTF8Problem(byteOffset: offset, byte: offset < bytes.count ? bytes[offset] : 0, line: line, column: column))
    }

    /// Where a file stops being UTF-8.
    public struct UTF8Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var byteOffset: Int
        public var byte: UInt8
        public var line: Int
        public var column: Int

        public var description: String {
            let hex = String(byte, radix: 16, uppercase: true)
            return "not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) at line \(line), column \(column) (byte offset \(byteOffset))"
        }
    }
}
