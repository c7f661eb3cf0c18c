import DossierCore

/// A validated value from a case file, typed, with where it was written.
public indirect enum FactValue: Sendable, Hashable {
    case string(String)
    case date(CalendarDate)
    case bool(Bool)
    case integer(Int)
    case list([Fact])
    case object([(key: String, fact: Fact)])

    public static func == (a: FactValue, b: FactValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.fact == $1.fact }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .date(let d): hasher.combine(d)
        case .bool(let b): hasher.combine(b)
        case .integer(let i): hasher.combine(i)
        case .list(let l): hasher.combine(l)
        case .object(let o): for e in o { hasher.combine(e.key); hasher.combine(e.fact) }
        }
    }
}

/// A value and its source location.
public struct Fact: Sendable, Hashable {
    public var value: FactValue
    public var location: SourceLocation

    public init(_ value: FactValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The child at `key` of an object fact.
    public subscript(key: String) -> Fact? {
        guard case .object(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.fact
    }

    /// The fact at a dotted path below this one (`birth.date`).
    public func lookup(_ path: String) -> Fact? {
        var current: Fact? = self
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    public var string: String? { if case .string(let s) = value { return s }; return nil }
    public var date: CalendarDate? { if case .date(let d) = value { return d }; return nil }
    public var bool: Bool? { if case .bool(let b) = value { return b }; return nil }
    public var integer: Int? { if case .integer(let i) = value { return i }; return nil }
    public var list: [Fact]? { if case .list(let l) = value { return l }; return nil }
}
