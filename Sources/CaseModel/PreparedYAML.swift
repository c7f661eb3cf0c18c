import DossierCore

/// A case or rule file's text made ready for libyaml, with the way back to the positions an editor shows.
///
/// - U+0085, U+2028 and U+2029 are line breaks to libyaml but not to editors, CSV or `SourceText`: they are swapped
///   for private-use characters the text does not contain (and swapped back in every value), so no line number moves.
/// - A JSON surrogate-pair escape (`"\ud83d\ude00"`), which libyaml refuses, becomes the equivalent YAML escape
///   (`"\U0001F600"`); columns after it on its line are mapped back.
/// - Every `*` that could start an alias is recorded, and `withoutAliases` has each replaced by `_`, so a parse of it
///   can find the aliases without expanding one.
struct PreparedYAML {
    /// The original text, for positions and quoting.
    let source: SourceText
    /// What libyaml reads.
    let text: String
    /// `text` with every alias candidate's `*` replaced by `_`.
    let withoutAliases: String
    /// Scalar offsets (in the original) of the `*` that may start an alias.
    let aliasCandidates: Set<Int>
    /// Private-use stand-in → the line separator it replaced.
    private let standIns: [Unicode.Scalar: Unicode.Scalar]
    /// Per rewritten line: (first rewritten column after a rewrite, how many columns the original had more there).
    private let shifts: [Int: [(column: Int, delta: Int)]]
    /// libyaml does not count a leading byte-order mark as a column.
    private let hasBOM: Bool

    init(_ original: String) {
        source = SourceText(original)
        hasBOM = original.unicodeScalars.first == "\u{FEFF}"
        // Most files have no backslash, asterisk or separator: nothing to rewrite.
        let separators: [Unicode.Scalar] = ["\u{85}", "\u{2028}", "\u{2029}"]
        guard Self.mayNeedRewriting(original) else {
            text = original
            withoutAliases = ""
            aliasCandidates = []
            standIns = [:]
            shifts = [:]
            return
        }
        let scalars = Array(original.unicodeScalars)
        var standIns: [Unicode.Scalar: Unicode.Scalar] = [:]
        var replacement: [Unicode.Scalar: Unicode.Scalar] = [:]
        if scalars.contains(where: { separators.contains($0) }) {
            let used = Set(scalars)
            var candidate: UInt32 = 0x10FFFD
            for separator in separators {
                while used.contains(Unicode.Scalar(candidate)!) { candidate -= 1 }
                let standIn = Unicode.Scalar(candidate)!
                standIns[standIn] = separator
                replacement[separator] = standIn
                candidate -= 1
            }
        }
        var text = String.UnicodeScalarView(), probe = String.UnicodeScalarView()
        var candidates = Set<Int>()
        var shifts: [Int: [(column: Int, delta: Int)]] = [:]
        var line = 1, column = 1, delta = 0
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", let code = Self.surrogatePair(scalars, at: i) {
                let escape = "\\U" + String(repeating: "0", count: 8 - String(code, radix: 16).count) + String(code, radix: 16, uppercase: true)
                text.append(contentsOf: escape.unicodeScalars)
                probe.append(contentsOf: escape.unicodeScalars)
                column += 10
                delta += 2
                shifts[line, default: []].append((column, delta))
                i += 12
                continue
            }
            if c == "\\", i + 1 < scalars.count, scalars[i + 1] == "\\" {
                // An escaped backslash: the next one starts no escape.
                text.append(contentsOf: ["\\", "\\"])
                probe.append(contentsOf: ["\\", "\\"])
                column += 2
                i += 2
                continue
            }
            let out = replacement[c] ?? c
            text.append(out)
            if c == "*", i + 1 < scalars.count, !Self.isSeparator(scalars[i + 1]),
               i == 0 || [" ", "\t", "\n", "\r", "[", "{", ",", "?", ":", "-"].contains(scalars[i - 1]) {
                candidates.insert(i)
                probe.append("_")
            } else {
                probe.append(out)
            }
            if c == "\n" || (c == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) {
                line += 1
                column = 1
                delta = 0
            } else {
                column += 1
            }
            i += 1
        }
        self.text = String(text)
        withoutAliases = candidates.isEmpty ? "" : String(probe)
        aliasCandidates = candidates
        self.standIns = standIns
        self.shifts = shifts
    }

    /// The original line and column of a position libyaml reported in `text`.
    func original(line: Int, column: Int) -> (line: Int, column: Int) {
        var column = column
        if let list = shifts[line], let last = list.last(where: { $0.column <= column }) { column += last.delta }
        if hasBOM, line == 1 { column += 1 }
        return (line, column)
    }

    /// A scalar libyaml returned, with the line separators put back.
    func restored(_ value: String) -> String {
        guard !standIns.isEmpty, value.unicodeScalars.contains(where: { standIns[$0] != nil }) else { return value }
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars { out.append(standIns[s] ?? s) }
        return String(out)
    }

    /// True when the text holds a `\\`, a `*`, or NEL/LS/PS (UTF-8 `C2 85`, `E2 80 A8`, `E2 80 A9`): one pass over bytes.
    static func mayNeedRewriting(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b == 0x5C || b == 0x2A { return true }
            if previous == 0xC2 && b == 0x85 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9) { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Ends an anchor, alias or tag name: whitespace, a line break or a flow indicator.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        [" ", "\t", "\n", "\r", ",", "[", "]", "{", "}"].contains(s)
    }

    /// The code point of `\uD8xx\uDCxx` at `i` (a high then a low surrogate escape), else nil.
    static func surrogatePair(_ s: [Unicode.Scalar], at i: Int) -> UInt32? {
        guard i + 12 <= s.count, s[i + 1] == "u", s[i + 6] == "\\", s[i + 7] == "u",
              let high = hex(s[(i + 2)..<(i + 6)]), let low = hex(s[(i + 8)..<(i + 12)]),
              (0xD800...0xDBFF).contains(high), (0xDC00...0xDFFF).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hex(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
        var text = ""
        text.unicodeScalars.append(contentsOf: digits)
        return UInt32(text, radix: 16)
    }
}
