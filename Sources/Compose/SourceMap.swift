import DossierCore

/// Line and column of every start tag and attribute of a well-formed XML file.
///
/// libxml2 2.9 keeps only a line per node, but diagnostics want columns. In well-formed XML a `<` followed by a
/// name can only open a start tag (text and attribute values cannot hold a raw `<`), so after skipping comments,
/// CDATA, processing instructions, the doctype and end tags, the n-th `<name` is the n-th element in document order.
struct SourceMap: Sendable {
    struct Tag: Sendable {
        let qualifiedName: String
        let offset: Int
        let attributes: [TagAttribute]
    }

    struct TagAttribute: Sendable {
        let qualifiedName: String
        let offset: Int
        /// Offset of the first byte of the value, after the quote.
        let valueOffset: Int
    }

    let file: String
    let tags: [Tag]
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
        tags = SourceMap.scanTags(bytes)
    }

    /// File, 1-based line and column (in unicode scalars) of a byte offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        let offset = Swift.max(0, Swift.min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(file: file, line: low + 1, column: column)
    }

    /// The location `scalars` unicode scalars after a byte offset (for a placeholder inside a value).
    func location(ofOffset offset: Int, advancedBy scalars: Int) -> SourceLocation {
        var position = offset, remaining = scalars
        while remaining > 0, position < bytes.count {
            position += 1
            while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
            remaining -= 1
        }
        return location(ofOffset: position)
    }

    /// The first occurrence of `needle` at or after `offset`, as a byte offset.
    func offset(of needle: String, from offset: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        var i = Swift.max(0, offset)
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    private static func scanTags(_ b: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        func starts(_ s: String, at i: Int) -> Bool {
            let p = Array(s.utf8)
            return i + p.count <= b.count && b[i..<(i + p.count)].elementsEqual(p)
        }
        func skip(past end: String, from i: Int) -> Int {
            var j = i
            while j < b.count, !starts(end, at: j) { j += 1 }
            return Swift.min(b.count, j + end.utf8.count)
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        func readName(_ j: inout Int) -> String {
            let start = j
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") { j += 1 }
            return String(decoding: b[start..<j], as: UTF8.self)
        }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<!--", at: i) { i = skip(past: "-->", from: i + 4); continue }
            if starts("<![CDATA[", at: i) { i = skip(past: "]]>", from: i + 9); continue }
            if starts("<?", at: i) { i = skip(past: "?>", from: i + 2); continue }
            if starts("</", at: i) { i = skip(past: ">", from: i + 2); continue }
            if starts("<!", at: i) {
                // The doctype may hold an internal subset in brackets and quoted strings containing `>`.
                var j = i + 2, depth = 0
                var quote: UInt8? = nil
                while j < b.count {
                    let c = b[j]
                    if let q = quote { if c == q { quote = nil } }
                    else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
                    else if c == UInt8(ascii: "[") { depth += 1 }
                    else if c == UInt8(ascii: "]") { depth -= 1 }
                    else if c == UInt8(ascii: ">"), depth <= 0 { break }
                    j += 1
                }
                i = j + 1
                continue
            }
            let tagOffset = i
            var j = i + 1
            let name = readName(&j)
            var attributes: [TagAttribute] = []
            while j < b.count {
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard j < b.count, b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") else { break }
                let attributeOffset = j
                let attributeName = readName(&j)
                while j < b.count, b[j] != UInt8(ascii: "\""), b[j] != UInt8(ascii: "'") { j += 1 }
                guard j < b.count else { break }
                let quote = b[j]
                j += 1
                let valueOffset = j
                while j < b.count, b[j] != quote { j += 1 }
                j += 1
                attributes.append(TagAttribute(qualifiedName: attributeName, offset: attributeOffset, valueOffset: valueOffset))
            }
            tags.append(Tag(qualifiedName: name, offset: tagOffset, attributes: attributes))
            i = j
        }
        return tags
    }
}
