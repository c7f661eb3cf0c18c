import DocumentModel
import DossierCore
import Foundation

/// Appends HTML with escaping decided by position: text escapes `& < >`, attribute values `& " <`; all text in NFC.
struct HTMLWriter {
    /// Elements with no end tag.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    /// Block boxes: whitespace between them does not render, so their children may go on separate lines.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "colgroup", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    private(set) var result = ""

    mutating func raw(_ s: String) { result += s }

    mutating func text(_ s: String) {
        let s = Self.nfc(s)
        // Most runs need no escaping: append them whole.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            result += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func attributeValue(_ s: String) {
        let s = Self.nfc(s)
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") }) else {
            result += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "<": result += "&lt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
    }

    /// An element and its subtree. Children that are all block elements go one per line, indented.
    mutating func element(_ e: Element, depth: Int) {
        let name = Self.name(e.name).isEmpty ? "span" : Self.name(e.name)
        result += "<" + name
        for attribute in e.attributes {
            let attributeName = Self.name(attribute.name)
            guard !attributeName.isEmpty else { continue }
            result += " " + attributeName + "=\""
            attributeValue(attribute.value)
            result += "\""
        }
        result += ">"
        if Self.voidElements.contains(name) { return }
        let blockChildren = !e.children.isEmpty && e.children.allSatisfy {
            if case .element(let child) = $0 { Self.blockElements.contains(child.name) } else { false }
        }
        for child in e.children {
            if blockChildren { result += "\n" + String(repeating: "  ", count: depth + 1) }
            switch child {
            case .text(let s): text(s)
            case .element(let c): element(c, depth: depth + 1)
            }
        }
        if blockChildren { result += "\n" + String(repeating: "  ", count: depth) }
        result += "</" + name + ">"
    }

    /// Element and attribute names come from templates; anything outside name characters is dropped, never written raw.
    static func name(_ s: String) -> String {
        let kept = s.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return String(String.UnicodeScalarView(kept))
    }

    static func nfc(_ s: String) -> String {
        s.nfc
    }
}
