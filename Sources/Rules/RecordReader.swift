import CaseModel
import DossierCore

/// Reads one YAML record of the rule book, collecting `RULE…` diagnostics (unknown keys, wrong types, bad conditions).
struct RecordReader {
    let entries: [SourceEntry]
    let location: SourceLocation
    let what: String
    /// The languages every text of this record must have (exactly these).
    var languages: [String] = []
    /// When set, `{path}` placeholders in texts are type-checked against it.
    var textScope: TypeScope?
    private var used: [String] = []
    var diagnostics: [Diagnostic] = []

    init?(_ value: SourceValue, what: String, languages: [String] = [], textScope: TypeScope? = nil, diagnostics: inout [Diagnostic]) {
        guard case .map(let entries, let at) = value else {
            diagnostics.append(.error("RULE010", "\(what) must be a mapping, found \(value.kindDescription)", at: value.location))
            return nil
        }
        self.entries = entries
        self.location = at
        self.what = what
        self.languages = languages
        self.textScope = textScope
    }

    mutating func value(_ key: String, required: Bool = false) -> SourceValue? {
        used.append(key)
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required { diagnostics.append(.error("RULE011", "\(what) lacks `\(key)`", at: location)) }
            return nil
        }
        return entry.value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let v = value(key, required: required) else { return nil }
        guard let s = v.scalarText else {
            diagnostics.append(.error("RULE012", "`\(key)` must be text, found \(v.kindDescription)", at: v.location))
            return nil
        }
        return s
    }

    mutating func int(_ key: String) -> Int? {
        guard let s = string(key) else { return nil }
        guard let n = Int(s) else {
            diagnostics.append(.error("RULE012", "`\(key)` must be a whole number", at: value(key)!.location))
            return nil
        }
        return n
    }

    mutating func bool(_ key: String, default d: Bool) -> Bool {
        guard let s = string(key) else { return d }
        return s == "true"
    }

    mutating func date(_ key: String) -> CalendarDate? {
        guard let s = string(key) else { return nil }
        guard let d = CalendarDate(iso: s) else {
            diagnostics.append(.error("RULE012", "`\(key)` must be a date YYYY-MM-DD", at: value(key)!.location))
            return nil
        }
        return d
    }

    mutating func inForce() -> InForce {
        InForce(effective: date("effective"), until: date("until"))
    }

    mutating func list(_ key: String) -> [SourceValue] {
        guard let v = value(key) else { return [] }
        guard case .list(let items, _) = v else {
            diagnostics.append(.error("RULE012", "`\(key)` must be a list", at: v.location))
            return []
        }
        return items
    }

    mutating func strings(_ key: String) -> [String] {
        list(key).compactMap { item in
            guard let s = item.scalarText else {
                diagnostics.append(.error("RULE012", "`\(key)` items must be text", at: item.location))
                return nil
            }
            return s
        }
    }

    /// `{en: …, vi: …}` with exactly the record's languages; `{path}` placeholders checked against `textScope`
    /// (with `words` allowed bare, e.g. `{state}`).
    mutating func localized(_ key: String, required: Bool = false, words: [String] = []) -> LocalizedText? {
        guard let v = value(key, required: required) else { return nil }
        var scope = textScope
        scope?.words += words
        return Self.localized(v, key: key, languages: languages, scope: scope, diagnostics: &diagnostics)
    }

    static func localized(_ v: SourceValue, key: String, languages: [String], scope: TypeScope?, diagnostics: inout [Diagnostic]) -> LocalizedText? {
        guard case .map(let entries, let at) = v else {
            diagnostics.append(.error("RULE012", "`\(key)` must be a mapping of languages (\(languages.map { $0 + ":" }.joined(separator: ", ")))", at: v.location))
            return nil
        }
        var text = LocalizedText()
        for entry in entries {
            guard let s = entry.value.scalarText, !s.isEmpty else {
                diagnostics.append(.error("RULE012", "`\(key).\(entry.key)` must be non-empty text", at: entry.value.location))
                continue
            }
            if !languages.isEmpty, !languages.contains(entry.key) {
                diagnostics.append(.error("RULE013", "`\(key)` has `\(entry.key)` text, but this is written in \(languages.joined(separator: ", ")) only",
                                          at: entry.keyLocation, hint: "add `\(entry.key)` to the procedure's `languages:`, or remove this text"))
                continue
            }
            if let scope { diagnostics += Placeholders.check(s, at: entry.value.location, scope: scope) }
            text[entry.key] = s
        }
        for lang in languages where text[lang] == nil {
            diagnostics.append(.error("RULE013", "`\(key)` has no `\(lang)` text", at: at))
        }
        return text
    }

    /// A condition, parsed and type-checked; `expect` is the type it must have.
    mutating func condition(_ key: String, scope: TypeScope, expect: ValueType? = .bool, required: Bool = false) -> Condition? {
        guard let v = value(key, required: required) else { return nil }
        return Self.condition(v, key: key, scope: scope, expect: expect, diagnostics: &diagnostics)
    }

    static func condition(_ v: SourceValue, key: String, scope: TypeScope, expect: ValueType?, diagnostics: inout [Diagnostic]) -> Condition? {
        guard case .scalar(let text, let plain, let at) = v else {
            diagnostics.append(.error("RULE012", "`\(key)` must be an expression", at: v.location))
            return nil
        }
        switch ExpressionParser.parse(text, at: at, quoted: !plain) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let expression):
            switch TypeChecker(scope: scope).check(expression) {
            case .failure(let message):
                diagnostics.append(.error("RULE021", "`\(key)`: \(message)", at: at))
                return nil
            case .success(let type):
                if let expect, !type.isComparable(with: expect) || type == .null {
                    diagnostics.append(.error("RULE022", "`\(key)` must give \(expect), but `\(text)` gives \(type)", at: at))
                    return nil
                }
                return Condition(expression: expression, text: text, location: at)
            }
        }
    }

    mutating func citation(_ key: String = "citation", sources: [SourceInfo], required: Bool = true) -> Citation? {
        guard let v = value(key, required: required) else { return nil }
        return Self.citation(v, sources: sources, diagnostics: &diagnostics)
    }

    static func citation(_ v: SourceValue, sources: [SourceInfo], diagnostics: inout [Diagnostic]) -> Citation? {
        guard var r = RecordReader(v, what: "a citation", diagnostics: &diagnostics) else { return nil }
        var c = Citation(source: r.string("source"), section: r.string("section"), quote: r.string("quote"),
                         url: r.string("url"), edition: r.string("edition"))
        if c.source == nil && c.url == nil {
            r.diagnostics.append(.error("RULE014", "a citation needs `source` (a file in ../shared/sources) or `url`", at: r.location))
        }
        if let source = c.source {
            if let info = sources.first(where: { $0.file == source }) {
                if c.edition == nil { c.edition = info.edition }
                if c.url == nil { c.url = info.url }
            } else {
                let hint = Suggestion.closest(to: source, in: sources.map(\.file)).map { "did you mean `\($0)`?" }
                r.diagnostics.append(.error("RULE015", "unknown source `\(source)` (not in Rules/sources.yaml)", at: r.location, hint: hint))
            }
        }
        r.finish()
        diagnostics += r.diagnostics
        return c
    }

    /// Reports keys nobody asked for: a misspelt key in a rule would otherwise be silently ignored.
    mutating func finish() {
        // After an error the record stopped being read, so its other keys were never asked for: not their fault.
        guard !diagnostics.hasErrors else { return }
        for entry in entries where !used.contains(entry.key) {
            let hint = Suggestion.closest(to: entry.key, in: used).map { "did you mean `\($0)`?" }
            diagnostics.append(.error("RULE016", "unknown key `\(entry.key)` in \(what)", at: entry.keyLocation, hint: hint))
        }
    }
}

/// A source text the rules cite (Rules/sources.yaml).
public struct SourceInfo: Sendable, Hashable {
    public var file: String
    public var title: String
    public var edition: String?
    public var url: String?
}
