import DocumentModel
import DossierCore

/// Small constructors for page trees. Values only ever become text nodes or attribute values: the writer escapes them.
enum H {
    static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [Node] = []) -> Node {
        .element(Element(name, attributes.map { Attribute($0.0, $0.1) }, children))
    }

    static func el(_ name: String, _ attributes: [(String, String)] = [], _ text: String) -> Node {
        el(name, attributes, [.text(text)])
    }

    static func text(_ s: String) -> Node { .text(s) }

    /// Localized text in the reader's language, marked with the language it is really in when the rule book has no
    /// text in that language (a screen reader then reads it right).
    static func localized(_ text: LocalizedText, _ lang: String) -> Node {
        let actual = text.language(for: lang)
        return actual == lang ? .text(text.text(lang)) : el("span", [("lang", actual)], text.text(lang))
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        el("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func link(_ href: String, _ text: String, _ attributes: [(String, String)] = []) -> Node {
        el("a", [("href", href)] + attributes, text)
    }

    /// A query-string value, percent-encoded (page ids hold dots and `#`).
    static func query(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) }
            else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
