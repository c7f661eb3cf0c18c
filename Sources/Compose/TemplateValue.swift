import DossierCore

/// The data a template reads: strings, flags, numbers, lists, ordered objects and bilingual text.
public indirect enum TemplateValue: Sendable, Hashable {
    /// Text, shown as is.
    case string(String)
    /// A flag for `t:if`; never printed.
    case bool(Bool)
    /// A whole number, printed in decimal.
    case number(Int)
    /// Items for `t:for`.
    case list([TemplateValue])
    /// Keys in the order given: lookups take the first match, and nothing iterates a Dictionary.
    case object([(key: String, value: TemplateValue)])
    /// Text in several languages, for `t:localized` and catalog placeholders.
    case localized(LocalizedText)
    /// A code that prints as its name in the reader's language (a country: `MX` → "Mexico", "México").
    case named(code: String, name: LocalizedText)
    /// A field that exists but has no value; only `t:if test="?path"` accepts it (as false).
    case null

    /// An object from ordered pairs.
    public static func object(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        .object(pairs.map { (key: $0.key, value: $0.value) })
    }

    /// `.null` when `value` is nil, otherwise the wrapped value.
    public static func optional(_ value: TemplateValue?) -> TemplateValue { value ?? .null }

    /// A calendar date as its ISO text (`2027-08-31`).
    public static func date(_ date: CalendarDate) -> TemplateValue { .string(date.iso) }

    /// An amount as display text (`$1,385.00`).
    public static func money(_ money: Money) -> TemplateValue { .string(money.display) }

    /// The value under `key` when this is an object.
    public subscript(key: String) -> TemplateValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The value at a dotted path (`case.applicant.name`); a numeric segment indexes a list. Nil when absent.
    public func value(at path: String) -> TemplateValue? {
        var current = self
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = current.child(String(segment)) else { return nil }
            current = next
        }
        return current
    }

    /// One step down: an object key, or a 0-based index into a list.
    func child(_ segment: String) -> TemplateValue? {
        switch self {
        case .object: return self[segment]
        case .list(let items):
            guard let index = Int(segment), items.indices.contains(index) else { return nil }
            return items[index]
        default: return nil
        }
    }

    /// The keys of an object, in order (for "did you mean").
    var keys: [String] {
        guard case .object(let pairs) = self else { return [] }
        return pairs.map(\.key)
    }

    /// Template truth: non-empty string/list/object, `true`, non-zero, localized text with at least one language.
    public var isTruthy: Bool {
        switch self {
        case .string(let s): return !s.isEmpty
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .list(let items): return !items.isEmpty
        case .object(let pairs): return !pairs.isEmpty
        case .localized(let text): return !text.isEmpty
        case .named(let code, _): return !code.isEmpty
        case .null: return false
        }
    }

    /// A short name of the kind of value, for diagnostics.
    var kindName: String {
        switch self {
        case .string: return "a string"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .list: return "a list"
        case .object: return "an object"
        case .localized: return "localized text"
        case .named: return "a named code"
        case .null: return "null"
        }
    }

    public static func == (a: TemplateValue, b: TemplateValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.localized(let x), .localized(let y)): return x == y
        case (.named(let a, let x), .named(let b, let y)): return a == b && x == y
        case (.null, .null): return true
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(0); hasher.combine(s)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .list(let items): hasher.combine(3); hasher.combine(items)
        case .object(let pairs):
            hasher.combine(4)
            for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
        case .localized(let text): hasher.combine(5); hasher.combine(text)
        case .null: hasher.combine(6)
        case .named(let code, let name): hasher.combine(7); hasher.combine(code); hasher.combine(name)
        }
    }
}
