import CHyphen

/// English hyphenation with TeX's patterns through libhyphen (`Fonts/hyph_en_US.dic`, handed in as bytes).
///
/// The patterns are parsed on first use (a document without hyphenated text never pays for it) and then shared,
/// read-only, by every layout and thread.
public final class Hyphenator: @unchecked Sendable {
    private let patterns: [UInt8]
    private let lock = Lock()
    private var dictionary: OpaquePointer?
    private var loaded = false

    /// Fewest letters before the first and after the last hyphen (TeX's English `\lefthyphenmin`/`\righthyphenmin`).
    static let leftMin: Int32 = 2
    static let rightMin: Int32 = 3
    /// Shorter words never hyphenate.
    static let minimumWord = 5

    /// Keeps the bytes of a libhyphen pattern file; `isUsable` tells whether they parse.
    public init(patterns: [UInt8]) {
        self.patterns = patterns
    }

    deinit {
        if let dictionary { chy_free(dictionary) }
    }

    /// True when the patterns parse (parsing them now if they were not yet).
    public var isUsable: Bool { load() != nil }

    private func load() -> OpaquePointer? {
        lock.withLock {
            if !loaded {
                loaded = true
                dictionary = patterns.withUnsafeBufferPointer { chy_load($0.baseAddress, $0.count) }
            }
            return dictionary
        }
    }

    /// Offsets inside `word` (UTF-16, 1..<count) where it may break with a hyphen. Only plain words hyphenate: all
    /// letters, at least `minimumWord` of them, lower case after the first (no acronyms or all-caps headings).
    func points(_ word: ArraySlice<UInt16>) -> [Int] {
        guard word.count >= Self.minimumWord, word.count < 90 else { return [] }
        var utf8: [CChar] = []
        utf8.reserveCapacity(word.count + 8)
        var starts: [Int] = []
        var first = true
        for scalar in String(decoding: word, as: UTF16.self).unicodeScalars {
            guard scalar.properties.isAlphabetic, !scalar.properties.isWhitespace else { return [] }
            if !first && scalar.properties.isUppercase { return [] }
            first = false
            starts.append(starts.isEmpty ? 0 : starts[starts.count - 1] + (scalar.value > 0xFFFF ? 2 : 1))
            for unit in String(scalar).lowercased().utf8 { utf8.append(CChar(bitPattern: unit)) }
        }
        guard starts.count >= Self.minimumWord, let dictionary = load() else { return [] }
        var found = [Int32](repeating: 0, count: starts.count)
        let n = utf8.withUnsafeBufferPointer { buffer in
            chy_hyphenate(dictionary, buffer.baseAddress, Int32(buffer.count), Self.leftMin, Self.rightMin, &found,
                          Int32(found.count))
        }
        guard n > 0 else { return [] }
        return found[0..<Int(n)].compactMap { k in
            Int(k) > 0 && Int(k) < starts.count ? starts[Int(k)] : nil
        }
    }
}
