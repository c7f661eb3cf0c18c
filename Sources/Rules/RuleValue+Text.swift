import DossierCore

extension RuleValue {
    /// How a value reads inside a sentence in a language: a row by its name, localized text in the language,
    /// a list joined with commas, anything else as written.
    public func text(in lang: String, tables: RuleTables, on date: CalendarDate?) -> String {
        switch self {
        case .row(let table, let key): return tables.name(of: table, key: key, on: date)?[lang] ?? key
        case .localized(let t): return t[lang] ?? t.entries.first?.text ?? ""
        case .list(let items): return items.map { $0.text(in: lang, tables: tables, on: date) }.joined(separator: ", ")
        default: return description
        }
    }
}
