import DocumentModel
import DossierCore
import Interview
import Rules

/// One page of the interview as an HTML form that works without JavaScript: each question labelled, its help, its
/// format hint, its problems (tied to the field with `aria-describedby`), "Why?" as a disclosure; Next first in
/// the form so Enter submits it.
struct InterviewPage {
    let layout: Layout
    let engine: InterviewEngine
    let state: InterviewState
    let answers: Answers
    let csrf: String

    var lang: String { layout.lang }
    func t(_ key: String, _ values: [String: String] = [:]) -> String { layout.t(key, values) }

    func html(_ page: Page) -> String {
        let problems = state.problems.filter { p in page.questions.contains { $0.id == p.question } || p.question == page.id }
        var main: [Node] = [
            H.el("p", [("class", "context")], [H.localized(page.context, lang)]),
            H.el("h1", [], [H.localized(page.title, lang)]),
        ]
        if let n = state.allPages.firstIndex(where: { $0.id == page.id }) {
            main.append(H.el("p", [("class", "step")], t("page.step", ["n": String(n + 1)])))
        }
        if !problems.isEmpty { main.append(summary(problems, page)) }
        if let help = page.help, page.questions.count > 1 { main.append(H.el("p", [("class", "help")], [H.localized(help, lang)])) }
        var form: [Node] = [H.hidden("csrf", csrf), H.hidden("page", page.id)]
        for (i, q) in page.questions.enumerated() {
            form.append(question(q, index: i, page: page, problems: problems.filter { $0.question == q.id }))
        }
        let isFirst = state.allPages.first?.id == page.id
        var actions: [Node] = [H.el("button", [("type", "submit"), ("name", "action"), ("value", "next"), ("class", "primary")],
                                    t(page.role == .finish ? "nav.finish" : "nav.next"))]
        if !isFirst {
            actions.append(H.el("button", [("type", "submit"), ("name", "action"), ("value", "back"), ("class", "secondary")], t("nav.back")))
        }
        form.append(H.el("div", [("class", "actions")], actions))
        main.append(H.el("form", [("method", "post"), ("action", "/interview"), ("novalidate", "novalidate"), ("accept-charset", "utf-8")], form))
        main.append(H.el("p", [("class", "save")], [
            H.link("/save?page=" + H.query(page.id), t("nav.save"), [("download", "answers.partial.yaml"), ("aria-describedby", "save-help")]),
            H.text(" "), H.el("span", [("id", "save-help"), ("class", "hint")], t("app.save_help")),
        ]))
        return layout.page(title: page.title.text(lang), path: "/interview?page=" + H.query(page.id), main: main, aside: aside(current: page))
    }

    /// The problems first, each linking to its field.
    func summary(_ problems: [AnswerProblem], _ page: Page) -> Node {
        var items: [Node] = []
        for p in problems {
            let index = page.questions.firstIndex { $0.id == p.question } ?? 0
            let label = page.questions.indices.contains(index) ? page.questions[index].label.text(lang) : page.title.text(lang)
            let (lead, _) = engine.message(p, lang: lang)
            items.append(H.el("li", [], [H.link("#q\(index)", label + ": " + lead)]))
        }
        return H.el("div", [("class", "problems"), ("role", "alert"), ("id", "problems")], [
            H.el("h2", [], t("problem.heading")),
            H.el("ul", [], items),
        ])
    }

    // MARK: questions

    func question(_ q: Question, index: Int, page: Page, problems: [AnswerProblem]) -> Node {
        let id = "q\(index)"
        let stored = answers[q.id]
        let value = stored ?? q.defaultAnswer ?? ""
        var describedBy: [String] = []
        var notes: [Node] = []
        if let help = q.help, !(page.questions.count > 1 && help == page.help) {
            notes.append(H.el("p", [("class", "help"), ("id", id + "-help")], [H.localized(help, lang)]))
            describedBy.append(id + "-help")
        }
        if let hint = hint(q) {
            notes.append(H.el("p", [("class", "hint"), ("id", id + "-hint")], hint))
            describedBy.append(id + "-hint")
        }
        if !problems.isEmpty {
            var lines: [Node] = []
            for p in problems {
                let (lead, detail) = engine.message(p, lang: lang)
                lines.append(H.el("span", [("class", "lead")], lead))
                lines.append(H.text(" "))
                lines.append(H.el("span", [("class", "detail"), ("lang", "en")], detail))
            }
            notes.append(H.el("p", [("class", "error"), ("id", id + "-error")], lines))
            describedBy.append(id + "-error")
        }
        let tag = H.el("span", [("class", "tag")], " (" + t(q.required ? "answer.required" : "answer.optional") + ")")
        let why = whyDisclosure(q, page: page)
        var common: [(String, String)] = []
        if !describedBy.isEmpty { common.append(("aria-describedby", describedBy.joined(separator: " "))) }
        if !problems.isEmpty { common.append(("aria-invalid", "true")) }
        if q.required { common.append(("aria-required", "true")) }

        switch q.kind {
        case .choice(let choices) where choices.count > 8:
            var options: [Node] = [H.el("option", [("value", "")], "—")]
            let selected = AnswerParser.choiceValue(value, choices)
            for c in choices {
                var a: [(String, String)] = [("value", c.value)]
                if c.value == selected { a.append(("selected", "selected")) }
                options.append(H.el("option", a, c.label.text(lang)))
            }
            return H.el("div", [("class", problems.isEmpty ? "question" : "question invalid")], [
                H.el("label", [("for", id)], [H.localized(q.label, lang), tag]),
            ] + notes + [H.el("select", [("id", id), ("name", q.id)] + common, options), why])
        case .choice(let choices), .person(let choices):
            return choiceGroup(q, id: id, choices: choices, selected: [AnswerParser.choiceValue(value, choices)], multiple: false,
                               notes: notes, tag: tag, why: why, common: common, invalid: !problems.isEmpty)
        case .choices(let choices):
            let selected = AnswerParser.split(value).map { AnswerParser.choiceValue($0, choices) }
            return choiceGroup(q, id: id, choices: choices, selected: selected, multiple: true,
                               notes: notes, tag: tag, why: why, common: common, invalid: !problems.isEmpty)
        case .bool, .gate:
            var choices = [Choice(value: "true", label: engine.strings.localized("answer.yes")),
                           Choice(value: "false", label: engine.strings.localized("answer.no"))]
            if !q.required && q.defaultAnswer == nil { choices.append(Choice(value: "", label: engine.strings.localized("answer.unsure"))) }
            let parsed = engine.strings.yesNo(value).map { $0 ? "true" : "false" } ?? (value.isEmpty ? "" : value)
            return choiceGroup(q, id: id, choices: choices, selected: [parsed], multiple: false,
                               notes: notes, tag: tag, why: why, common: common, invalid: !problems.isEmpty)
        default:
            var attributes: [(String, String)] = [("type", "text"), ("id", id), ("name", q.id), ("value", value)] + common
            switch q.kind {
            case .date, .integer, .count: attributes.append(("inputmode", "numeric"))
            case .country, .usState: attributes += [("autocapitalize", "characters"), ("size", "4")]
            default: break
            }
            attributes.append(("autocomplete", "off"))
            return H.el("div", [("class", problems.isEmpty ? "question" : "question invalid")], [
                H.el("label", [("for", id)], [H.localized(q.label, lang), tag]),
            ] + notes + [H.el("input", attributes), why])
        }
    }

    /// Radio buttons or checkboxes in a fieldset whose legend is the question.
    func choiceGroup(_ q: Question, id: String, choices: [Choice], selected: [String], multiple: Bool, notes: [Node], tag: Node,
                     why: Node, common: [(String, String)], invalid: Bool) -> Node {
        var items: [Node] = []
        for (n, c) in choices.enumerated() {
            let optionID = n == 0 ? id : "\(id)-\(n)"
            var a: [(String, String)] = [("type", multiple ? "checkbox" : "radio"), ("id", optionID), ("name", q.id), ("value", c.value)]
            if selected.contains(c.value) { a.append(("checked", "checked")) }
            items.append(H.el("div", [("class", "option")], [H.el("input", a), H.el("label", [("for", optionID)], [H.localized(c.label, lang)])]))
        }
        var fieldset: [(String, String)] = [("class", invalid ? "question invalid" : "question")]
        fieldset += common.filter { $0.0 == "aria-describedby" }
        if multiple { items.insert(H.el("p", [("class", "hint")], t("answer.choose_several")), at: 0) }
        return H.el("fieldset", fieldset, [H.el("legend", [], [H.localized(q.label, lang), tag])] + notes + items + [why])
    }

    func hint(_ q: Question) -> String? {
        switch q.kind {
        case .date: return t("answer.date_hint")
        case .country: return t("answer.code_hint")
        case .usState: return t("answer.state_hint")
        case .list(.country): return t("answer.code_hint") + " " + t("answer.list_hint")
        case .list: return t("answer.list_hint")
        default:
            if let d = engine.displayDefault(q, lang: lang), !q.required { return t("answer.default", ["value": d]) }
            return nil
        }
    }

    func whyDisclosure(_ q: Question, page: Page) -> Node {
        let lines = engine.why(q, on: page, lang: lang).map { H.el("li", [], $0) }
        return H.el("details", [("class", "why")], [H.el("summary", [], t("nav.why")), H.el("ul", [], lines)])
    }

    // MARK: beside the form

    func aside(current: Page?) -> [Node] {
        [answersSoFar(current: current), Preview(layout: layout, engine: engine).checklist(state: state)]
    }

    /// Every answer given on the pages answered, with a link back to change it.
    func answersSoFar(current: Page?) -> Node {
        var list: [Node] = []
        for page in state.pages {
            let given = page.questions.filter { answers.given($0.id) != nil }
            guard !given.isEmpty else { continue }
            for q in given {
                let shown = engine.display(q, answers[q.id], lang: lang)
                list.append(H.el("dt", [], [H.localized(q.label, lang)]))
                list.append(H.el("dd", [], [H.text(shown + " "), H.link("/interview?page=" + H.query(page.id), t("nav.change"),
                                                                         [("class", "change"), ("aria-label", t("nav.change") + ": " + q.label.text(lang))])]))
            }
        }
        let content: Node = list.isEmpty ? H.el("p", [], t("page.none_yet")) : H.el("dl", [("class", "answers")], list)
        return H.el("section", [("class", "so-far"), ("aria-labelledby", "so-far-h")], [H.el("h2", [("id", "so-far-h")], t("page.answers")), content])
    }
}
