/// The shape of one value a case file may hold: its type, whether it is required, and what it means.
public indirect enum FieldType: Sendable, Hashable {
    case string
    case date
    case bool
    case integer
    case oneOf([String])
    /// ISO 3166-1 alpha-2 country code.
    case country
    /// US state or territory code.
    case usState
    /// ISO 639-1 language code among those we render.
    case language
    /// `[A-Za-z0-9._-]+`.
    case identifier
    case list(FieldType)
    case object([FieldSpec])

    /// A short noun for error messages.
    public var expectation: String {
        switch self {
        case .string: return "text"
        case .date: return "a date YYYY-MM-DD"
        case .bool: return "true or false"
        case .integer: return "a whole number"
        case .oneOf(let values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .country: return "an ISO 3166 two-letter country code (e.g. US, VN)"
        case .usState: return "a two-letter US state code (e.g. CA, NY, TX)"
        case .language: return "a language code (en or vi)"
        case .identifier: return "an identifier of letters, digits, `.`, `_` or `-`"
        case .list(let item): return "a list, each item \(item.expectation)"
        case .object: return "a mapping"
        }
    }
}

/// One named field of an object.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var summary: String
    /// A documented default, shown in `dossier schema` (applied by the rules, which know what it depends on).
    public var defaultDescription: String?

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String, default defaultDescription: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.defaultDescription = defaultDescription
    }

    public static func required(_ name: String, _ type: FieldType, _ summary: String) -> FieldSpec {
        FieldSpec(name, type, required: true, summary)
    }

    public static func optional(_ name: String, _ type: FieldType, _ summary: String, default d: String? = nil) -> FieldSpec {
        FieldSpec(name, type, required: false, summary, default: d)
    }
}
