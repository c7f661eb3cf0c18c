import DocumentModel
import DossierCore
import Foundation

/// Writes a document tree as one standalone HTML5 file: inline stylesheet, print margin boxes, escaped by construction.
public struct HTMLExporter: Sendable {
    /// The page counter text for printing, overriding the document's own; `{page}` and `{pages}` become CSS counters.
    public var pageLabel: String?
    /// Adds `<meta name="viewport">` so the page fits a phone's width (the stylesheet's @media screen part).
    public var viewport = true
    /// A script of our own (never user text) for the page's `<head>`; the page must read the same without it.
    public var script: String?

    /// An exporter; by default each document's own `pageLabel` (in its primary language) is printed.
    public init(pageLabel: String? = nil) {
        self.pageLabel = pageLabel
    }

    /// The whole file; the same document always gives the same bytes.
    public func html(for document: Document, stylesheet: String) -> String {
        var out = HTMLWriter()
        out.raw("<!DOCTYPE html>\n<html lang=\"")
        out.attributeValue(document.language)
        out.raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
        if viewport { out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n") }
        out.raw("<title>")
        out.text(document.title)
        out.raw("</title>\n<style>\n")
        // "</" would end the style element early; `<\/` means the same to CSS.
        out.raw(stylesheet.replacingAll("</", with: "<\\/"))
        if !stylesheet.hasSuffix("\n") { out.raw("\n") }
        out.raw("</style>\n<style>\n")
        out.raw(pageRule(runningHeader: document.runningHeader, label: pageLabel ?? document.pageLabel))
        out.raw("</style>\n")
        // "</" would end the script element early; `<\/` means the same in JavaScript strings and regular expressions.
        if let script { out.raw("<script>\n" + script.replacingAll("</", with: "<\\/") + "\n</script>\n") }
        out.raw("</head>\n")
        out.element(document.body, depth: 0)
        out.raw("\n</html>\n")
        return out.result
    }

    /// Browsers that print honour `@page` margin boxes (Chromium since 131): the case id left, "Page X of Y" right.
    func pageRule(runningHeader: String, label: String) -> String {
        var rule = "@page {\n"
        let box = "font-family: \"Noto Sans\", sans-serif; font-size: 8pt; color: #555555;"
        if !runningHeader.isEmpty {
            rule += "  @top-left { content: \(Self.cssString(runningHeader)); \(box) }\n"
        }
        rule += "  @top-right { content: \(counterContent(label)); \(box) }\n}\n"
        return rule
    }

    /// `"Page " counter(page) " of " counter(pages)` from the label.
    func counterContent(_ pageLabel: String) -> String {
        var parts: [String] = []
        var literal = ""
        var rest = Substring(pageLabel)
        while !rest.isEmpty {
            if rest.hasPrefix("{pages}") || rest.hasPrefix("{page}") {
                if !literal.isEmpty { parts.append(Self.cssString(literal)) }
                literal = ""
                let isPages = rest.hasPrefix("{pages}")
                parts.append(isPages ? "counter(pages)" : "counter(page)")
                rest = rest.dropFirst(isPages ? 7 : 6)
            } else {
                literal.append(rest.removeFirst())
            }
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(Self.cssString(literal)) }
        return parts.joined(separator: " ")
    }

    /// A CSS string literal: quotes, backslashes, `<` and control characters as hex escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.nfc.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">":
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
