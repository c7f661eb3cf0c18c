import CaseModel
import DossierCore

/// What paths an expression may read, and their types: the case schema, derived facts defined so far, `item`
/// inside `repeat_for`, chain parameters, and the names a record's texts may use bare (`{state}`).
struct TypeScope {
    var schema: CaseSchema
    var tables: RuleTables
    var derived: [(name: String, type: ValueType)] = []
    var item: ValueType?
    /// Bare names a text may use (`state`, `by`, a chain's parameters), all text.
    var words: [String] = []
    /// `verdict` is readable by outputs, which are decided after the plan.
    var verdictReadable = false

    init(schema: CaseSchema, tables: RuleTables) {
        self.schema = schema
        self.tables = tables
    }

    func type(of path: String) -> Result<ValueType, TypeProblem> {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, !head.isEmpty else { return .failure("empty path") }
        if head == "derived" {
            guard parts.count == 2 else { return .failure("write `derived.NAME`") }
            if let d = derived.first(where: { $0.name == parts[1] }) { return .success(d.type) }
            return .failure(TypeProblem(unknown(parts[1], among: derived.map(\.name), in: "derived facts (a derived fact is defined before it is used)")))
        }
        if path == "evaluation.date" { return .success(.date) }
        if path == "verdict" {
            return verdictReadable ? .success(.string(allowed: ["eligible", "needs-review", "not-eligible"])) : .failure("`verdict` is readable only in `outputs`")
        }
        if parts.count == 1, words.contains(head) { return .success(.string(allowed: nil)) }
        if head == "item" {
            guard let item else { return .failure("`item` exists only inside a `repeat_for` record") }
            if parts.count == 1 { return .success(item) }
            guard case .object(let fields) = item else { return .failure("`item` is \(item), it has no fields") }
            return walk(Array(parts.dropFirst()), fields: fields, prefix: "item")
        }
        return walk(parts, fields: schema.readable, prefix: "")
    }

    private func walk(_ parts: [String], fields: [FieldSpec], prefix: String) -> Result<ValueType, TypeProblem> {
        var fields = fields
        var soFar = prefix
        var type: FieldType = .object(fields)
        for part in parts {
            if case .dictionary(let item) = type {
                // `people.<id>`: ids are the case's own.
                type = item
            } else {
                guard let spec = fields.first(where: { $0.name == part }) else {
                    var names = fields.map(\.name)
                    if soFar.isEmpty { names += ["derived", "evaluation", "item"] + words }
                    return .failure(TypeProblem(unknown(part, among: names, in: soFar.isEmpty ? "the case file" : "`\(soFar)`")))
                }
                type = spec.type
            }
            soFar = soFar.isEmpty ? part : "\(soFar).\(part)"
            fields = CaseSchema.children(of: type, person: schema.person)
        }
        return .success(ValueType(type, person: schema.person))
    }

    private func unknown(_ name: String, among names: [String], in place: String) -> String {
        var message = "no fact `\(name)` in \(place)"
        if let s = Suggestion.closest(to: name, in: names) { message += "; did you mean `\(s)`?" }
        return message
    }
}
