import DossierCore

/// Checks an expression against a scope and returns its type, or explains the first mistake.
struct TypeChecker {
    var scope: TypeScope

    func check(_ e: Expression) -> Result<ValueType, TypeProblem> {
        switch e {
        case .literal(let v):
            switch v {
            case .bool: return .success(.bool)
            case .integer: return .success(.integer)
            case .string: return .success(.string(allowed: nil))
            case .date: return .success(.date)
            case .null: return .success(.null)
            case .list: return .success(.list(.string(allowed: nil)))
            case .localized: return .success(.localized)
            case .row(let table, _): return .success(.row(table: table))
            }
        case .path(let p):
            return scope.type(of: p)
        case .list(let items):
            var itemType: ValueType = .null
            for item in items {
                switch check(item) {
                case .failure(let m): return .failure(m)
                case .success(let t):
                    if case .null = itemType { itemType = t }
                    else if !itemType.isComparable(with: t) { return .failure("a list mixes \(itemType) and \(t)") }
                }
            }
            return .success(.list(itemType))
        case .not(let x):
            return check(x).flatMap { t in t == .bool ? .success(.bool) : .failure("`!` needs a boolean, not \(t)") }
        case .conditional(let c, let a, let b):
            return check(c).flatMap { ct in
                guard ct == .bool else { return .failure("the condition before `?` must be a boolean, not \(ct)") }
                return check(a).flatMap { at in
                    check(b).flatMap { bt in
                        at.isComparable(with: bt) ? .success(at == .null ? bt : at) : .failure("`? :` branches differ: \(at) and \(bt)")
                    }
                }
            }
        case .binary(let op, let a, let b):
            return check(a).flatMap { at in check(b).flatMap { bt in binary(op, at, bt, a, b) } }
        case .call(let name, let args):
            return call(name, args)
        }
    }

    private func binary(_ op: Expression.BinaryOperator, _ at: ValueType, _ bt: ValueType,
                        _ a: Expression, _ b: Expression) -> Result<ValueType, TypeProblem> {
        switch op {
        case .and, .or:
            return at == .bool && bt == .bool ? .success(.bool) : .failure("`\(op.rawValue)` joins booleans, not \(at) and \(bt)")
        case .equal, .notEqual:
            if at == .null || bt == .null {
                return .failure("a comparison with a missing value is always false: write `x is missing` or `x is given`")
            }
            guard at.isComparable(with: bt) else { return .failure("cannot compare \(at) with \(bt)") }
            if let problem = enumMismatch(at, b) ?? enumMismatch(bt, a) { return .failure(TypeProblem(problem)) }
            return .success(.bool)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard at.isOrdered, at.isComparable(with: bt) else { return .failure("`\(op.rawValue)` compares numbers or dates, not \(at) and \(bt)") }
            return .success(.bool)
        case .isIn:
            guard case .list(let element) = bt, at.isComparable(with: element) else {
                return .failure("`in` needs a list on the right with items like the left (\(at))")
            }
            if case .list(let items) = b { for item in items { if let p = enumMismatch(at, item) { return .failure(TypeProblem(p)) } } }
            if let p = enumMismatch(element, a) { return .failure(TypeProblem(p)) }
            return .success(.bool)
        case .plus, .minus:
            return at == .integer && bt == .integer ? .success(.integer) : .failure("`\(op.rawValue)` adds whole numbers; use add_months/add_days for dates")
        }
    }

    /// A string literal compared with an enum fact must be one of its values: catches `"divorcd"`.
    private func enumMismatch(_ type: ValueType, _ other: Expression) -> String? {
        guard case .string(let allowed?) = type, case .literal(.string(let s)) = other, !allowed.contains(s) else { return nil }
        var message = "`\"\(s)\"` is not a possible value (\(allowed.joined(separator: ", ")))"
        if let near = Suggestion.closest(to: s, in: allowed) { message += "; did you mean `\"\(near)\"`?" }
        return message
    }

    private func call(_ name: String, _ args: [Expression]) -> Result<ValueType, TypeProblem> {
        guard let signature = Functions.signatures.first(where: { $0.name == name }) else {
            var message = "no function `\(name)`"
            if let s = Suggestion.closest(to: name, in: Functions.signatures.map(\.name)) { message += "; did you mean `\(s)`?" }
            return .failure(TypeProblem(message))
        }
        if name == "lookup" || name == "in_table" { return tableCall(name, args) }
        if Aggregates.isAggregate(name, args) { return aggregate(name, args) }
        guard args.count == signature.parameters.count else {
            return .failure("`\(name)` takes \(signature.parameters.count) argument(s), not \(args.count)")
        }
        if name == "latest" {
            guard case .path(let p) = args[0], case .success(.list(.object(let fields))) = scope.type(of: p) else {
                return .failure("`latest` takes a list of objects, e.g. latest(applicant.marital_history, \"ended_by\")")
            }
            guard case .literal(.string(let key)) = args[1], let field = fields.first(where: { $0.name == key }) else {
                return .failure("`latest`: the second argument is a quoted key of the list's entries (\(fields.map(\.name).joined(separator: ", ")))")
            }
            return .success(ValueType(field.type, person: scope.schema.person))
        }
        if name == "date" {
            guard case .literal(.string(let s)) = args[0], CalendarDate(iso: s) != nil else { return .failure("`date` takes a literal \"YYYY-MM-DD\"") }
        }
        var argTypes: [ValueType] = []
        for (arg, expected) in zip(args, signature.parameters) {
            switch check(arg) {
            case .failure(let m): return .failure(m)
            case .success(let t):
                if let expected, !t.isComparable(with: expected) {
                    return .failure("`\(name)` expects \(expected) here, not \(t)")
                }
                argTypes.append(t)
            }
        }
        if name == "coalesce" {
            guard argTypes[0].isComparable(with: argTypes[1]) else { return .failure("`coalesce` arguments differ in type") }
            return .success(argTypes[0] == .null ? argTypes[1] : argTypes[0])
        }
        return .success(signature.result)
    }

    /// `lookup("table", key, "column"[, date])` has the column's type; `in_table("table", key[, date])` is a boolean.
    private func tableCall(_ name: String, _ args: [Expression]) -> Result<ValueType, TypeProblem> {
        let isLookup = name == "lookup"
        let fixed = isLookup ? 3 : 2
        guard args.count == fixed || args.count == fixed + 1 else {
            return .failure(isLookup ? "`lookup` takes (\"table\", key, \"column\") and optionally a date"
                                     : "`in_table` takes (\"table\", key) and optionally a date")
        }
        guard case .literal(.string(let tableName)) = args[0] else { return .failure("`\(name)`: the table is a quoted name") }
        guard let table = scope.tables[tableName] else {
            var message = "no table `\(tableName)` in Rules/tables"
            if let s = Suggestion.closest(to: tableName, in: scope.tables.tables.map(\.name)) { message += "; did you mean `\(s)`?" }
            return .failure(TypeProblem(message))
        }
        switch check(args[1]) {
        case .failure(let m): return .failure(m)
        case .success(let keyType):
            guard let keyColumn = table.column(table.key), keyType.isComparable(with: keyColumn.type) || keyType == .string(allowed: nil) else {
                return .failure("`\(name)`: \(tableName) is keyed by \(table.key), not \(keyType)")
            }
        }
        if args.count == fixed + 1 {
            switch check(args[fixed]) {
            case .failure(let m): return .failure(m)
            case .success(let t): if t != .date { return .failure("`\(name)`: the last argument is the date the row must be in force on") }
            }
        }
        guard isLookup else { return .success(.bool) }
        guard case .literal(.string(let columnName)) = args[2] else { return .failure("`lookup`: the column is a quoted name") }
        guard let column = table.column(columnName) else {
            var message = "no column `\(columnName)` in \(tableName)"
            if let s = Suggestion.closest(to: columnName, in: table.columns.map(\.name)) { message += "; did you mean `\(s)`?" }
            return .failure(TypeProblem(message))
        }
        return .success(column.type)
    }
}
