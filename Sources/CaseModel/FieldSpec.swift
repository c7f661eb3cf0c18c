import DossierCore

/// The shape of one value a case file may hold: its type, whether it is required, and what it means.
public indirect enum FieldType: Sendable, Hashable {
    case string
    case date
    case bool
    case integer
    /// A decimal amount written as text ("470.00").
    case money
    case oneOf([String])
    /// ISO 3166-1 alpha-2 country code.
    case country
    /// US state or territory code.
    case usState
    /// ISO 639-1 language code among those the rule book writes.
    case language
    /// `[A-Za-z0-9._-]+`.
    case identifier
    /// The id of a person under `people:`; the loaded fact is that person.
    case person
    /// A key of a rule-book table (`Rules/tables/<table>.yaml`).
    case row(table: String)
    case list(FieldType)
    /// A mapping from ids the case chooses to values of one type (`people:`).
    case dictionary(FieldType)
    case object([FieldSpec])

    /// A short noun for error messages.
    public var expectation: String {
        switch self {
        case .string: return "text"
        case .date: return "a date YYYY-MM-DD"
        case .bool: return "true or false"
        case .integer: return "a whole number"
        case .money: return "an amount like \"470.00\""
        case .oneOf(let values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .country: return "an ISO 3166 two-letter country code (e.g. US, VN)"
        case .usState: return "a two-letter US state code (e.g. CA, NY, TX)"
        case .language: return "a language code"
        case .identifier: return "an identifier of letters, digits, `.`, `_` or `-`"
        case .person: return "the id of a person under `people:`"
        case .row(let table): return "an id from the `\(table)` table"
        case .list(let item): return "a list, each item \(item.expectation)"
        case .dictionary: return "a mapping of ids"
        case .object: return "a mapping"
        }
    }
}

/// One named field of an object, with the words an interview asks it with.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// One line in English for `dossier schema` and error hints.
    public var summary: String
    /// A documented default, shown in `dossier schema`.
    public var defaultDescription: String?
    /// The question's label and help in each language of the procedure (or of the people model).
    public var label: LocalizedText?
    public var help: LocalizedText?
    /// Labels of a choice's values, in the values' order.
    public var choiceLabels: [String: LocalizedText]
    /// What rules read when the fact is absent: a literal (typed like the field) or another fact's path.
    public var defaultValue: FactValue?
    public var defaultFrom: String?

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String, default defaultDescription: String? = nil,
                label: LocalizedText? = nil, help: LocalizedText? = nil, choiceLabels: [String: LocalizedText] = [:],
                defaultValue: FactValue? = nil, defaultFrom: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.defaultDescription = defaultDescription
        self.label = label
        self.help = help
        self.choiceLabels = choiceLabels
        self.defaultValue = defaultValue
        self.defaultFrom = defaultFrom
    }

    public static func required(_ name: String, _ type: FieldType, _ summary: String) -> FieldSpec {
        FieldSpec(name, type, required: true, summary)
    }

    public static func optional(_ name: String, _ type: FieldType, _ summary: String, default d: String? = nil) -> FieldSpec {
        FieldSpec(name, type, required: false, summary, default: d)
    }
}
