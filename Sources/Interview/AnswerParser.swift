import DossierCore
import Foundation

/// Turns typed answers into what the case file holds: codes upper-cased, a choice given by number or label into
/// its value, yes/no in any catalog language into `true`/`false`, lists split at commas. What it cannot place is
/// passed on as typed, so the case loader reports it with the same diagnostic a case file gets.
public enum AnswerParser {
    /// The answer to a person question that creates a new person.
    static let newPerson = "@new"
    /// The most entries a list of objects may have in an interview.
    static let maxCount = 50

    enum Parsed: Equatable {
        case scalar(String, plain: Bool)
        case list([String], plain: Bool)
    }

    /// A list typed with commas, each item trimmed, empty ones dropped.
    public static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// A yes or a no in any language of the catalog (the word or its first letter), else nil.
    static func bool(_ text: String?, strings: InterviewStrings) -> Bool? {
        guard let text else { return nil }
        let t = fold(text)
        if ["true", "yes", "y"].contains(t) { return true }
        if ["false", "no", "n"].contains(t) { return false }
        for lang in strings.languages {
            let yes = fold(strings.text("answer.yes", lang)), no = fold(strings.text("answer.no", lang))
            if t == yes || (t.count == 1 && yes.hasPrefix(t)) { return true }
            if t == no || (t.count == 1 && no.hasPrefix(t)) { return false }
        }
        return nil
    }

    /// A count of entries: a whole number from 1 to `maxCount`.
    static func count(_ text: String?) -> Int? {
        guard let text, let n = Int(text.trimmingWhitespace), (1...maxCount).contains(n) else { return nil }
        return n
    }

    static func fold(_ text: String) -> String {
        text.trimmingWhitespace.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingAll("đ", with: "d")
    }

    /// One choice's value from its value, its number in the list (1-based) or its label in any language.
    public static func choiceValue(_ text: String, _ choices: [Choice]) -> String { choice(text, choices) }

    static func choice(_ text: String, _ choices: [Choice]) -> String {
        let t = text.trimmingWhitespace
        if choices.contains(where: { $0.value == t }) { return t }
        if let n = Int(t), (1...choices.count).contains(n) { return choices[n - 1].value }
        let folded = fold(t)
        if let c = choices.first(where: { $0.value.lowercased() == t.lowercased() || $0.label.entries.contains { fold($0.text) == folded } }) {
            return c.value
        }
        return t
    }

    /// What to write for an answer; nil for a blank (nothing written).
    static func parse(_ question: Question, _ raw: String?, strings: InterviewStrings) -> Parsed? {
        // A blank stands for the default, when there is one.
        guard let raw = (raw?.trimmingWhitespace.isEmpty ?? true) ? question.defaultAnswer : raw, !raw.trimmingWhitespace.isEmpty else { return nil }
        let text = raw.trimmingWhitespace.nfc
        return parse(question.kind, text, strings: strings)
    }

    static func parse(_ kind: AnswerKind, _ text: String, strings: InterviewStrings) -> Parsed? {
        switch kind {
        case .text, .money: return .scalar(text, plain: false)
        case .date, .integer: return .scalar(text, plain: true)
        case .bool, .gate:
            if let b = bool(text, strings: strings) { return .scalar(b ? "true" : "false", plain: true) }
            return .scalar(text, plain: false)
        case .country, .usState: return .scalar(text.uppercased(), plain: true)
        case .choice(let choices), .person(let choices): return .scalar(choice(text, choices), plain: true)
        case .choices(let choices):
            // Several numbers may be typed with spaces ("1 3"); a label may itself hold spaces, so commas first.
            var items = split(text)
            if items.count == 1, items[0].split(separator: " ").allSatisfy({ Int($0) != nil }) { items = items[0].split(separator: " ").map(String.init) }
            return .list(items.map { choice($0, choices) }, plain: true)
        case .list(let item):
            let values = split(text).compactMap { parse(item, $0, strings: strings) }.compactMap { p -> String? in
                if case .scalar(let s, _) = p { return s }
                return nil
            }
            var plain = true
            if case .text = item { plain = false }
            return .list(values, plain: plain)
        case .count: return .scalar(text, plain: true)
        }
    }
}
