import CaseModel
import DossierCore

/// `count(list, condition)` and `sum(list, expression)`: the second argument is read once per entry of the list with
/// `item` bound to that entry (inside a `repeat_for`, the inner `item` hides the outer one). `count(list)` with one
/// argument stays the plain length.
enum Aggregates {
    /// Whether a call is an aggregate over a list with a per-item expression.
    static func isAggregate(_ name: String, _ args: [Expression]) -> Bool {
        (name == "count" || name == "sum") && args.count == 2
    }
}

extension TypeChecker {
    /// The list's entries become `item` while the per-item expression is checked: a boolean for `count`, an integer
    /// for `sum`.
    func aggregate(_ name: String, _ args: [Expression]) -> Result<ValueType, TypeProblem> {
        guard case .path = args[0] else { return .failure("`\(name)`: the first argument is a list fact, e.g. \(name)(section.documents, …)") }
        let element: ValueType
        switch check(args[0]) {
        case .failure(let m): return .failure(m)
        case .success(.list(let t)): element = t
        case .success(let t): return .failure("`\(name)` goes over a list, not \(t)")
        }
        var inner = self
        inner.scope.item = element
        switch inner.check(args[1]) {
        case .failure(let m): return .failure(m)
        case .success(let t):
            if name == "count", t != .bool { return .failure("`count(list, condition)`: the condition must be a boolean, not \(t)") }
            if name == "sum", t != .integer { return .failure("`sum(list, expression)`: the expression must be a whole number, not \(t)") }
        }
        return .success(.integer)
    }
}

extension Evaluator {
    /// Entries of the list for which the condition holds (`count`), or the total of the expression (`sum`); a missing
    /// value in `sum` adds nothing.
    func aggregate(_ name: String, _ args: [Expression]) -> RuleValue {
        guard case .path(let path) = args[0] else { return .null }
        let entries: [Fact]
        if path.hasPrefix("item.") { entries = item?.lookup(String(path.dropFirst(5)))?.list ?? [] }
        else { entries = caseFile.fact(path)?.list ?? [] }
        var inner = self
        var total = 0
        for (index, entry) in entries.enumerated() {
            inner.item = entry
            inner.itemPath = "\(concretePath(path))[\(index)]"
            let v = inner.evaluate(args[1])
            if name == "count" { if v.isTruthy { total += 1 } }
            else if case .integer(let n) = v { total += n }
        }
        return .integer(total)
    }
}
