import DossierCore
import Foundation
import Interview

/// The interview's loop in the terminal: one page at a time, one question at a time, each answer checked at once
/// (the page is tried with it and the loader's diagnostics for that question are shown), going back with `<`,
/// "why?" with `?`, saving with `:save`. The answers are saved beside the case file after every page.
struct TerminalInterview {
    let engine: InterviewEngine
    let editor: LineEditor
    var answers: Answers
    let partialFile: String

    var lang: String { engine.language }
    var strings: InterviewStrings { engine.strings }

    enum Outcome { case submitted, back, save, end }

    /// Runs until the interview is complete (its result) or the applicant stops (nil; the answers are saved).
    mutating func run(resumeAt: String?) -> InterviewCompletion? {
        var reviewing = resumeAt
        while true {
            let state = engine.walk(answers)
            guard let page = reviewing.flatMap({ state.page($0) }) ?? state.current else { return state.completion }
            reviewing = nil
            switch ask(page, state: state) {
            case .submitted:
                save(page: nil)
                let after = engine.walk(answers)
                // After going back, walk forward through the answered pages (Enter keeps each answer).
                if let next = after.page(after: page.id), after.pages.contains(where: { $0.id == next.id }) { reviewing = next.id }
            case .back:
                if let previous = state.page(before: page.id) { reviewing = previous.id } else {
                    editor.write(strings.text("terminal.first_page", lang) + "\n")
                    reviewing = page.id
                }
            case .save, .end:
                save(page: page.id)
                editor.write(strings.text("terminal.saved", lang, ["file": partialFile]) + "\n")
                return nil
            }
        }
    }

    func save(page: String?) {
        let saved = SavedInterview(language: lang, date: engine.date, procedures: engine.procedures, page: page, answers: answers)
        try? saved.yaml().write(toFile: partialFile, atomically: true, encoding: .utf8)
    }

    /// Asks a page's questions in order; the page is submitted only when all of its answers check.
    mutating func ask(_ page: Page, state: InterviewState) -> Outcome {
        editor.write("\n── " + [page.context.text(lang), page.title.text(lang)].filter { !$0.isEmpty }.joined(separator: " · ") + " ──\n")
        if let help = page.help?.text(lang), page.questions.count > 1 { editor.write("   " + help + "\n") }
        var posted: [String: String] = [:]
        for q in page.questions { posted[q.id] = answers[q.id] ?? "" }
        var problems = state.problems.filter { p in page.questions.contains { $0.id == p.question } }
        var i = problems.first.flatMap { p in page.questions.firstIndex { $0.id == p.question } } ?? 0
        while true {
            while i < page.questions.count {
                let q = page.questions[i]
                describe(q)
                for p in problems where p.question == q.id { show(p) }
                let prefill = editor.interactive ? (posted[q.id] ?? "") : ""
                guard let line = editor.readLine(prompt: "> ", prefill: prefill) else { return .end }
                let typed = line.trimmingCharacters(in: .whitespaces)
                if ["<", "back", strings.text("nav.back", lang).lowercased()].contains(typed.lowercased()) {
                    if i == 0 { return .back }
                    i -= 1
                    problems = []
                    continue
                }
                if typed == "?" || typed.lowercased() == "why" {
                    for l in engine.why(q, on: page, lang: lang) { editor.write("   " + l + "\n") }
                    continue
                }
                if typed == ":save" { return .save }
                // On a pipe nothing is prefilled: an empty line keeps the answer given before (else the default).
                if !(typed.isEmpty && !editor.interactive) { posted[q.id] = line }
                var trial = answers
                trial.submit(page, posted)
                problems = engine.walk(trial).problems.filter { $0.question == q.id }
                if problems.isEmpty { i += 1 }
            }
            var trial = answers
            trial.submit(page, posted)
            // Problems only the whole page shows (e.g. a language a procedure is not written in): ask again.
            problems = engine.walk(trial).problems.filter { p in page.questions.contains { $0.id == p.question } }
            guard let first = problems.first, let index = page.questions.firstIndex(where: { $0.id == first.question }) else {
                answers = trial
                return .submitted
            }
            i = index
        }
    }

    /// The question, its help and choices, and what Enter alone gives.
    func describe(_ q: Question) {
        var head = q.label.text(lang)
        head += "  (" + strings.text(q.required ? "answer.required" : "answer.optional", lang) + ")"
        if let d = engine.displayDefault(q, lang: lang), answers.given(q.id) == nil { head += "  [" + d + "]" }
        editor.write(head + "\n")
        if let help = q.help?.text(lang), !help.isEmpty { editor.write("   " + help + "\n") }
        switch q.kind {
        case .choice(let choices), .person(let choices):
            for (n, c) in choices.enumerated() { editor.write("   \(n + 1). \(c.label.text(lang))\n") }
        case .choices(let choices):
            for (n, c) in choices.enumerated() { editor.write("   \(n + 1). \(c.label.text(lang))\n") }
            editor.write("   " + strings.text("terminal.choose", lang) + "\n")
        case .bool, .gate:
            editor.write("   " + strings.text("answer.yes", lang) + " / " + strings.text("answer.no", lang) + "\n")
        case .date:
            editor.write("   " + strings.text("answer.date_hint", lang) + "\n")
        case .list(let item):
            if case .country = item { editor.write("   " + strings.text("answer.code_hint", lang) + "\n") }
            editor.write("   " + strings.text("answer.list_hint", lang) + "\n")
        case .country:
            editor.write("   " + strings.text("answer.code_hint", lang) + "\n")
        case .usState:
            editor.write("   " + strings.text("answer.state_hint", lang) + "\n")
        default:
            break
        }
    }

    func show(_ p: AnswerProblem) {
        let (lead, detail) = engine.message(p, lang: lang)
        editor.write("   ! " + lead + " " + detail + "\n")
    }
}
