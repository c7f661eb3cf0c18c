/// Characters that must never reach a document or a terminal as they are: control characters (C0 but tab and line
/// feed, DEL, C1), bidirectional overrides, isolates and marks (they reorder text in a browser, and not in the PDF),
/// zero-width and other invisible characters, and line or paragraph separators (a break nobody sees in the source).
public enum TextHygiene {
    /// Why a scalar is unsafe; the raw value names it in messages.
    public enum Kind: String, Sendable {
        case control = "control character"
        case bidi = "bidirectional control"
        case invisible = "invisible character"
        case lineSeparator = "line separator"
    }

    /// The kind of an unsafe scalar, or nil for an ordinary one (tab and line feed are ordinary).
    public static func kind(_ s: Unicode.Scalar) -> Kind? {
        switch s.value {
        case 0x09, 0x0A: return nil
        case 0x00...0x1F, 0x7F: return .control
        case 0x85, 0x2028, 0x2029: return .lineSeparator
        case 0x80...0x9F: return .control
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return .bidi
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E: return .invisible
        default: return nil
        }
    }

    /// `U+202E RIGHT-TO-LEFT OVERRIDE`-style name for messages: the code point and the kind.
    public static func describe(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex) (\(kind(s)?.rawValue ?? "character"))"
    }

    /// How a terminal shows `s`: `\u{1B}`, or `s` itself when it is safe (tab and line feed too).
    public static func terminalForm(_ s: Unicode.Scalar) -> String? {
        guard kind(s) != nil else { return nil }
        return "\\u{\(String(s.value, radix: 16, uppercase: true))}"
    }

    /// `text` with every unsafe scalar spelled out (`\u{1B}`), for printing to a terminal.
    public static func escapedForTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { kind($0) != nil }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if let form = terminalForm(s) { out += form } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
