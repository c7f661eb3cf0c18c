import CaseModel

/// The static type of an expression, checked when the rule book loads.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool, integer, date
    /// Text; `allowed` lists the only values an enum fact can take (so a misspelt literal is caught).
    case string(allowed: [String]?)
    case list(ValueType)
    /// An object (a list element, reachable only in `repeat_for` scopes as `item`).
    case object([FieldSpec])
    /// The type of the literal `null`.
    case null

    public var description: String {
        switch self {
        case .bool: return "boolean"
        case .integer: return "integer"
        case .date: return "date"
        case .string(let allowed): return allowed.map { "one of " + $0.joined(separator: "|") } ?? "text"
        case .list(let t): return "list of \(t)"
        case .object: return "object"
        case .null: return "null"
        }
    }

    /// Whether values of the two types can be compared with `==`.
    func isComparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.null, _), (_, .null): return true
        case (.string, .string), (.bool, .bool), (.integer, .integer), (.date, .date): return true
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

    /// The expression type of a case-file field.
    init(_ field: FieldType) {
        switch field {
        case .string, .identifier, .country, .usState, .language: self = .string(allowed: nil)
        case .oneOf(let values): self = .string(allowed: values)
        case .date: self = .date
        case .bool: self = .bool
        case .integer: self = .integer
        case .list(let item): self = .list(ValueType(item))
        case .object(let fields): self = .object(fields)
        }
    }
}
