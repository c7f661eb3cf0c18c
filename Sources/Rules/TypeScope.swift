import CaseModel
import DossierCore

/// What paths an expression may read, and their types: the case schema, derived facts defined so far, and `item`.
struct TypeScope {
    var derived: [(name: String, type: ValueType)] = []
    var item: [FieldSpec]?

    func type(of path: String) -> Result<ValueType, TypeProblem> {
        let parts = path.split(separator: ".").map(String.init)
        guard let head = parts.first else { return .failure("empty path") }
        if head == "derived" {
            guard parts.count == 2 else { return .failure("write `derived.NAME`") }
            if let d = derived.first(where: { $0.name == parts[1] }) { return .success(d.type) }
            return .failure(TypeProblem(unknown(parts[1], among: derived.map(\.name), in: "derived facts")))
        }
        if path == "evaluation.date" { return .success(.date) }
        if head == "item" {
            guard let item else { return .failure("`item` exists only inside a `repeat_for` record") }
            return walk(Array(parts.dropFirst()), fields: item, prefix: "item")
        }
        return walk(parts, fields: CaseSchema.root, prefix: "")
    }

    private func walk(_ parts: [String], fields: [FieldSpec], prefix: String) -> Result<ValueType, TypeProblem> {
        var fields = fields
        var soFar = prefix
        var type: FieldType = .object(fields)
        for part in parts {
            guard let spec = fields.first(where: { $0.name == part }) else {
                return .failure(TypeProblem(unknown(part, among: fields.map(\.name), in: soFar.isEmpty ? "the case file" : "`\(soFar)`")))
            }
            soFar = soFar.isEmpty ? part : "\(soFar).\(part)"
            type = spec.type
            if case .object(let children) = spec.type { fields = children } else { fields = [] }
        }
        return .success(ValueType(type))
    }

    private func unknown(_ name: String, among names: [String], in place: String) -> String {
        var message = "no fact `\(name)` in \(place)"
        if let s = Suggestion.closest(to: name, in: names) { message += "; did you mean `\(s)`?" }
        return message
    }
}
