import CaseModel
import DossierCore

/// Evaluates type-checked expressions against one case. An absent fact reads as its declared default, else as
/// missing (`null`); every comparison with a missing value is false, `==` and `!=` alike.
struct Evaluator {
    var caseFile: CaseFile
    var schema: CaseSchema
    var derived: [String: RuleValue] = [:]
    var item: Fact?
    var itemPath: String?
    /// Bare words of a record's texts (`state`, chain parameters).
    var words: [String: RuleValue] = [:]
    var tables: RuleTables
    /// The day the rules are applied for, readable as `evaluation.date`.
    var date: CalendarDate?

    func evaluate(_ e: Expression) -> RuleValue {
        switch e {
        case .literal(let v): return v
        case .path(let p): return value(at: p)
        case .list(let items): return .list(items.map(evaluate))
        case .not(let x): return .bool(!evaluate(x).isTruthy)
        case .conditional(let c, let a, let b): return evaluate(c).isTruthy ? evaluate(a) : evaluate(b)
        case .call(let name, let args):
            // `latest` reads a list of objects, which has no value form: it takes the path itself.
            if name == "latest", args.count == 2, case .path(let list) = args[0], case .literal(.string(let key)) = args[1] {
                return latest(list, key)
            }
            // `x is given` on an object (a green card, a person) asks whether it was written, not for its value.
            if name == "present", args.count == 1, case .path(let p) = args[0], isWritten(p) { return .bool(true) }
            if Aggregates.isAggregate(name, args) { return aggregate(name, args) }
            return Functions.apply(name, args.map(evaluate), tables: tables, date: date)
        case .binary(let op, let a, let b):
            switch op {
            case .and: return .bool(evaluate(a).isTruthy && evaluate(b).isTruthy)
            case .or: return .bool(evaluate(a).isTruthy || evaluate(b).isTruthy)
            default: return binary(op, evaluate(a), evaluate(b))
            }
        }
    }

    private func binary(_ op: Expression.BinaryOperator, _ x: RuleValue, _ y: RuleValue) -> RuleValue {
        let x = x.comparable, y = y.comparable
        switch op {
        case .equal, .notEqual:
            if x == .null || y == .null { return .bool(false) }
            return .bool(op == .equal ? x == y : x != y)
        case .isIn:
            guard x != .null, case .list(let items) = y else { return .bool(false) }
            return .bool(items.contains(x))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: Int
            switch (x, y) {
            case (.integer(let a), .integer(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            case (.date(let a), .date(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default: return .bool(false)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .plus, .minus:
            guard case .integer(let a) = x, case .integer(let b) = y else { return .null }
            return .integer(op == .plus ? a + b : a - b)
        case .and, .or:
            return .null
        }
    }

    func value(at path: String) -> RuleValue {
        if path == "evaluation.date" { return date.map { .date($0) } ?? .null }
        if path.hasPrefix("derived.") { return derived[String(path.dropFirst(8))] ?? .null }
        if let word = words[path] { return word }
        if path == "item" { return item.map { convert($0) } ?? .null }
        if path.hasPrefix("item.") { return item?.lookup(String(path.dropFirst(5))).map { convert($0, path: schemaPath(path)) } ?? .null }
        if let fact = caseFile.fact(path) { return convert(fact, path: path) }
        return defaultValue(at: path)
    }

    /// Whether a path names a fact the case wrote (any kind, objects included).
    func isWritten(_ path: String) -> Bool {
        if path.hasPrefix("item.") { return item?.lookup(String(path.dropFirst(5))) != nil }
        if path.hasPrefix("derived.") || path == "evaluation.date" || words[path] != nil { return false }
        return caseFile.fact(path) != nil
    }

    /// The declared default of an absent fact (`default:` or `default_from:` in the procedure's facts).
    func defaultValue(at path: String) -> RuleValue {
        guard let spec = schema.field(at: path.split(separator: ".").map(String.init)) else { return .null }
        if let literal = spec.defaultValue { return convert(Fact(literal, at: .file("")), path: path) }
        if let from = spec.defaultFrom, from != path { return value(at: from) }
        return .null
    }

    /// `latest(list, "key")`: the key of the last entry of a list of objects (lists are oldest first).
    func latest(_ path: String, _ key: String) -> RuleValue {
        let list = path.hasPrefix("item.") ? item?.lookup(String(path.dropFirst(5)))?.list : caseFile.fact(path)?.list
        return list?.last?[key].map { convert($0) } ?? .null
    }

    /// The case-file path a fact path stands for (`item.ended_on` → `applicant.marital_history[1].ended_on`).
    func concretePath(_ path: String) -> String {
        if path.hasPrefix("item."), let itemPath { return itemPath + path.dropFirst(4) }
        return path
    }

    /// The schema path of a fact path: `item.country` inside `applicant.marital_history[1]` →
    /// `applicant.marital_history.country`, so an entry's country or choice prints like any other; nil for an
    /// `item` whose list is unknown.
    func schemaPath(_ path: String) -> String? {
        guard path == "item" || path.hasPrefix("item.") else { return path }
        guard let itemPath else { return nil }
        let list = itemPath.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
        return list + path.dropFirst(4)
    }

    /// A fact as a value; a `row` field reads as a row of its table (so it prints as the row's name).
    func convert(_ fact: Fact, path: String? = nil) -> RuleValue {
        switch fact.value {
        case .string(let s):
            guard let path else { return .string(s) }
            switch schema.fieldType(at: path.split(separator: ".").map(String.init)) {
            case .row(let table)?: return .row(table: table, key: s)
            // A country prints by its name (the table `country_names` gives) and compares by its code.
            case .country?, .list(.country)?: return schema.countryNames.map { .row(table: $0, key: s) } ?? .string(s)
            default: return .string(s)
            }
        case .date(let d): return .date(d)
        case .bool(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .list(let l): return .list(l.map { convert($0, path: path) })
        case .object: return .null
        }
    }
}
