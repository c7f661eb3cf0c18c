import DocumentModel
import DossierCore

/// A page of the local web app, written by the same writer as the packets: every text and attribute value escaped
/// by position, never concatenated into markup.
public enum WebPage {
    /// A whole HTML5 page: `lang`, a viewport for phones, the title, the stylesheet inline, then `body`.
    public static func html(language: String, title: String, stylesheet: String, body: Element) -> String {
        var out = HTMLWriter()
        out.raw("<!DOCTYPE html>\n<html lang=\"")
        out.attributeValue(language)
        out.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        out.text(title)
        out.raw("</title>\n<style>\n")
        out.raw(stylesheet.replacingAll("</", with: "<\\/"))
        out.raw("\n</style>\n</head>\n")
        out.element(body, depth: 0)
        out.raw("\n</html>\n")
        return out.result
    }
}
