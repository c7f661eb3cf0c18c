import CaseModel

/// The static type of an expression, checked when the rule book loads.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool, integer, date
    /// Text; `allowed` lists the only values an enum fact can take (so a misspelt literal is caught).
    case string(allowed: [String]?)
    /// Text in every language of the procedure (a `localized` table column).
    case localized
    /// A key of a table's rows; compares with text, prints as the row's name.
    case row(table: String)
    case list(ValueType)
    /// An object (a person, a list element): reachable by paths, never a value of its own.
    case object([FieldSpec])
    /// The type of the literal `null`.
    case null

    public var description: String {
        switch self {
        case .bool: return "boolean"
        case .integer: return "integer"
        case .date: return "date"
        case .string(let allowed): return allowed.map { "one of " + $0.joined(separator: "|") } ?? "text"
        case .localized: return "localized text"
        case .row(let table): return "a row of \(table)"
        case .list(let t): return "list of \(t)"
        case .object: return "object"
        case .null: return "null"
        }
    }

    /// Whether values of the two types can be compared with `==`.
    func isComparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.null, _), (_, .null): return true
        case (.string, .string), (.bool, .bool), (.integer, .integer), (.date, .date), (.localized, .localized): return true
        case (.row(let a), .row(let b)): return a == b
        case (.row, .string), (.string, .row): return true
        case (.list(let a), .list(let b)): return a.isComparable(with: b)
        default: return false
        }
    }

    var isOrdered: Bool {
        switch self {
        case .integer, .date: return true
        default: return false
        }
    }

    /// Whether a value of this type can be printed inside a sentence (`{path}`).
    var isPrintable: Bool {
        switch self {
        case .object, .null: return false
        case .list(let item): return item.isPrintable
        default: return true
        }
    }

    /// The expression type of a case-file field (a person reads as its facts).
    init(_ field: FieldType, person: [FieldSpec]) {
        switch field {
        case .string, .identifier, .country, .usState, .language, .money: self = .string(allowed: nil)
        case .oneOf(let values): self = .string(allowed: values)
        case .date: self = .date
        case .bool: self = .bool
        case .integer: self = .integer
        case .row(let table): self = .row(table: table)
        case .person: self = .object(CaseSchema.withID(person))
        case .list(let item): self = .list(ValueType(item, person: person))
        case .dictionary(let item): self = .object(CaseSchema.children(of: item, person: person))
        case .object(let fields): self = .object(fields)
        }
    }
}
