import DossierCore

/// A condition or value in the rule book's small expression language (see Rules/README.md).
/// No loops, no assignment, no I/O: every expression terminates and is type-checked when the rule book loads.
public indirect enum Expression: Sendable, Hashable {
    case literal(RuleValue)
    /// A dotted fact path: `applicant.sex`, `derived.marriage_age`, `item.ended_by`.
    case path(String)
    case list([Expression])
    case not(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case conditional(Expression, Expression, Expression)
    case call(String, [Expression])

    public enum BinaryOperator: String, Sendable, Hashable {
        case and = "&&", or = "||"
        case equal = "==", notEqual = "!="
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case isIn = "in"
        case plus = "+", minus = "-"
    }

    /// Every fact path the expression reads, in order of first appearance (for `because.facts`).
    public var paths: [String] {
        var out: [String] = []
        func walk(_ e: Expression) {
            switch e {
            case .literal: break
            case .path(let p): if !out.contains(p) { out.append(p) }
            case .list(let items): items.forEach(walk)
            case .not(let x): walk(x)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .conditional(let c, let a, let b): walk(c); walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(self)
        return out
    }
}

/// A runtime value of the expression language.
public indirect enum RuleValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case integer(Int)
    case string(String)
    case date(CalendarDate)
    case list([RuleValue])
    /// Text in several languages (a `localized` table column).
    case localized(LocalizedText)
    /// The key of a row of a rule-book table; compares equal to its key as text, reads as the row's `name`.
    case row(table: String, key: String)
    /// An absent optional fact.
    case null

    public var description: String {
        switch self {
        case .bool(let b): return String(b)
        case .integer(let i): return String(i)
        case .string(let s): return s
        case .date(let d): return d.iso
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .localized(let t): return t.entries.first?.text ?? ""
        case .row(_, let key): return key
        case .null: return "(missing)"
        }
    }

    public var isTruthy: Bool {
        switch self {
        case .bool(let b): return b
        case .null: return false
        case .integer(let i): return i != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .date, .row: return true
        case .localized(let t): return !t.isEmpty
        }
    }

    /// The value compared by `==`: a row is its key.
    var comparable: RuleValue {
        switch self {
        case .row(_, let key): return .string(key)
        case .list(let l): return .list(l.map(\.comparable))
        default: return self
        }
    }
}
