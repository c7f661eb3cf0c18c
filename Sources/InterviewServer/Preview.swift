import DocumentModel
import DossierCore
import Interview
import Rules

/// The checklist as far as the answers go, resolved on the partial case each time a page is shown.
struct Preview {
    let layout: Layout
    let engine: InterviewEngine

    var lang: String { layout.lang }

    func checklist(state: InterviewState) -> Node {
        let plans = state.caseFile.procedures.isEmpty ? [] : Resolver(book: engine.book).resolve(state.caseFile, on: engine.date)
        var content: [Node] = []
        if plans.isEmpty { content.append(H.el("p", [], layout.t("page.none_yet"))) }
        for plan in plans {
            content.append(H.el("h3", [], [H.localized(plan.title, lang)]))
            content.append(H.el("p", [("class", "verdict " + plan.verdict.rawValue)], [
                H.text(layout.t("result.verdict") + ": "), H.el("strong", [], layout.t("verdict." + plan.verdict.rawValue)),
            ]))
            var items: [Node] = []
            // Numbered 1…n as the checklist numbers them.
            for (index, d) in plan.documents.enumerated() {
                items.append(H.el("li", [], [H.text("\(index + 1). "), H.localized(d.title, lang)]))
            }
            if !items.isEmpty { content.append(H.el("ul", [("class", "documents")], items)) }
        }
        return H.el("section", [("class", "preview"), ("aria-labelledby", "preview-h"), ("aria-live", "polite")],
                    [H.el("h2", [("id", "preview-h")], layout.t("page.preview"))] + content)
    }
}
