import DocumentModel
import DossierCore
import HTMLExport
import Interview

/// The frame every page shares: a skip link, the language switch, the main column and (while interviewing) the
/// answers so far and the checklist preview beside it.
struct Layout {
    let strings: InterviewStrings
    let stylesheet: String
    let lang: String

    func t(_ key: String, _ values: [String: String] = [:]) -> String { strings.text(key, lang, values) }

    /// A whole page; `path` is where the language links lead back to.
    func page(title: String, path: String, main: [Node], aside: [Node] = []) -> String {
        var languageLinks: [Node] = []
        for code in strings.languages {
            // Each language is named in itself, so a reader finds their own.
            let name = strings.text("language.\(code)", code)
            var attributes: [(String, String)] = [("href", path + (path.contains("?") ? "&" : "?") + "lang=" + code), ("lang", code), ("hreflang", code)]
            if code == lang { attributes.append(("aria-current", "true")) }
            languageLinks.append(H.el("li", [], [H.el("a", attributes, name)]))
        }
        let header = H.el("header", [("class", "top")], [
            H.el("p", [("class", "brand")], [H.link("/", "Dossier")]),
            H.el("nav", [("aria-label", "Language / Ngôn ngữ / Idioma")], [H.el("ul", [("class", "languages")], languageLinks)]),
        ])
        var layout: [Node] = [H.el("main", [("id", "main"), ("tabindex", "-1")], main)]
        if !aside.isEmpty { layout.append(H.el("aside", [("class", "side")], aside)) }
        let body = Element("body", [], [
            H.el("a", [("class", "skip"), ("href", "#main")], t("app.skip")),
            header,
            H.el("div", [("class", aside.isEmpty ? "layout single" : "layout")], layout),
        ])
        return WebPage.html(language: lang, title: title + " — Dossier", stylesheet: stylesheet, body: body)
    }
}
