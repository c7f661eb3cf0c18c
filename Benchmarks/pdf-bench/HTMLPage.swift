import DocumentModel

/// A small HTML5 writer for the benchmark's browser side (WeasyPrint, Chromium), so that the benchmark binary does not
/// link Foundation (which would add to our cold-process time). It writes what `HTMLExporter` writes: the stylesheet
/// inline and `@page` margin boxes with the running header and "Page X of Y".
enum HTMLPage {
    static let voidElements: Set<String> = ["br", "img", "hr", "meta", "link"]

    static func html(for document: Document, stylesheet: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(escape(document.language, attribute: true))\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n<title>\(escape(document.title, attribute: false))</title>\n<style>\n"
        out += stylesheet.split(separator: "</", omittingEmptySubsequences: false).joined(separator: "<\\/")
        out += "\n@page {\n"
        let box = "font-family: \"Noto Sans\", sans-serif; font-size: 8pt; color: #555555;"
        if !document.runningHeader.isEmpty {
            out += "  @top-left { content: \"\(cssEscape(document.runningHeader))\"; \(box) }\n"
        }
        out += "  @top-right { content: \"Page \" counter(page) \" of \" counter(pages); \(box) }\n}\n</style>\n</head>\n"
        write(document.body, into: &out)
        out += "\n</html>\n"
        return out
    }

    private static func write(_ element: Element, into out: inout String) {
        out += "<" + element.name
        for attribute in element.attributes {
            out += " \(attribute.name)=\"\(escape(attribute.value, attribute: true))\""
        }
        out += ">"
        if voidElements.contains(element.name) { return }
        for child in element.children {
            switch child {
            case .text(let text): out += escape(text, attribute: false)
            case .element(let e): write(e, into: &out)
            }
        }
        out += "</\(element.name)>"
        if ["p", "div", "li", "tr", "h1", "h2", "h3", "table", "ul", "ol"].contains(element.name) { out += "\n" }
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func cssEscape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if c == "\"" || c == "\\" || c.value < 0x20 {
                out += "\\" + String(c.value, radix: 16) + " "
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
