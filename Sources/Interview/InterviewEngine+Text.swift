import DossierCore
import Rules

/// The words both front ends show around a question: why it is asked, an answer as the applicant reads it, a
/// problem with its catalog lead-in. Texts come from the rule book and the interview catalog, in `lang`.
extension InterviewEngine {
    /// Why a question (on its page) is asked: each `needs` entry that asks for it with its procedure, reason and the
    /// rule's file and line; else that every case must give it (or that it is optional), and the field's help.
    public func why(_ question: Question, on page: Page?, lang: String) -> [String] {
        var lines: [String] = []
        var reasons = question.reasons
        for r in page?.reasons ?? [] where !reasons.contains(r) { reasons.append(r) }
        for r in reasons {
            let title = book.procedure(r.procedure)?.title.text(lang) ?? r.procedure
            lines.append(strings.text("why.needed_by", lang, ["procedure": title]) + " " + r.why.text(lang))
            lines.append(strings.text("why.rule", lang, ["file": Self.ruleFile(r.location.file), "line": String(r.location.line)]))
        }
        if reasons.isEmpty {
            lines.append(strings.text(question.required ? "why.required" : "why.optional", lang))
            if let help = question.help?.text(lang) ?? page?.help?.text(lang), !help.isEmpty { lines.append(help) }
        }
        return lines
    }

    /// A rule file named from the rule book's folder (`Rules/n-600/procedure.yaml`), wherever it lies.
    static func ruleFile(_ path: String) -> String {
        if path.hasPrefix("Rules/") { return path }
        if let r = path.range(of: "/Rules/", options: .backwards) { return String(path[path.index(after: r.lowerBound)...]) }
        return path
    }

    /// A problem as the applicant reads it: the catalog's sentence for its code, then the diagnostic itself.
    public func message(_ problem: AnswerProblem, lang: String) -> (lead: String, detail: String) {
        let code = problem.diagnostic.code
        let lead = strings.has("problem.\(code)") ? strings.text("problem.\(code)", lang) : strings.text("problem.other", lang)
        var detail = "\(code): \(problem.diagnostic.message)"
        if let hint = problem.diagnostic.hint { detail += " (\(hint))" }
        return (lead, detail)
    }

    /// An answer as typed, shown back: a choice by its label, yes/no in `lang`, a list joined.
    public func display(_ question: Question, _ raw: String?, lang: String) -> String {
        guard let parsed = AnswerParser.parse(question, raw, strings: strings) else { return "" }
        func label(_ value: String) -> String {
            question.kind.choices.first { $0.value == value }?.label.text(lang) ?? value
        }
        switch (question.kind, parsed) {
        case (.bool, .scalar(let v, _)), (.gate, .scalar(let v, _)):
            return v == "true" ? strings.text("answer.yes", lang) : v == "false" ? strings.text("answer.no", lang) : v
        case (_, .scalar(let v, _)): return label(v)
        case (_, .list(let items, _)): return items.map(label).joined(separator: ", ")
        }
    }

    /// A label in `lang` (English where the rule book has no text in it).
    public func text(_ label: LocalizedText, _ lang: String) -> String { label.text(lang) }

    /// The default as the applicant reads it (a choice's label, yes/no).
    public func displayDefault(_ question: Question, lang: String) -> String? {
        guard let d = question.defaultAnswer else { return nil }
        let shown = display(question, d, lang: lang)
        return shown.isEmpty ? nil : shown
    }
}
