import CaseModel
import DossierCore

/// Reads fact declarations (`Rules/people.yaml`, `Rules/<procedure>/facts.yaml`) into the case schema's fields:
/// `{name, type, required?, label, help?, choices?, fields?, items?, table?, default?, default_from?}`.
struct FactsReader {
    let languages: [String]
    let tableKeys: [String: [String]]
    var diagnostics: [Diagnostic] = []

    static let typeNames = ["text", "date", "bool", "integer", "money", "country", "us-state", "language", "identifier",
                            "person", "choice", "row", "object", "list"]

    mutating func fields(_ items: [SourceValue]) -> [FieldSpec] {
        var out: [FieldSpec] = []
        for item in items {
            guard let spec = field(item) else { continue }
            if out.contains(where: { $0.name == spec.name }) {
                diagnostics.append(.error("RULE019", "fact `\(spec.name)` is declared twice", at: item.location))
                continue
            }
            out.append(spec)
        }
        return out
    }

    private mutating func field(_ value: SourceValue) -> FieldSpec? {
        guard var r = RecordReader(value, what: "a fact", languages: languages, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let name = r.string("name", required: true) else { return nil }
        guard let (type, choiceLabels) = readType(&r) else { return nil }
        let label = r.localized("label", required: true)
        let help = r.localized("help")
        let required = r.bool("required", default: false)
        let summary = help?["en"] ?? label?["en"] ?? ""
        var spec = FieldSpec(name, type, required: required, summary, label: label, help: help, choiceLabels: choiceLabels)
        if let d = r.value("default") {
            if let literal = Self.literal(d, as: type) {
                spec.defaultValue = literal
                spec.defaultDescription = d.scalarText
            } else {
                r.diagnostics.append(.error("RULE012", "`default` must be \(type.expectation)", at: d.location))
            }
        }
        if let from = r.string("default_from") {
            spec.defaultFrom = from
            spec.defaultDescription = from
        }
        return spec
    }

    /// The type of a declaration: its `type` and, by type, `choices`, `table`, `fields` or `items`.
    private mutating func readType(_ r: inout RecordReader) -> (FieldType, [String: LocalizedText])? {
        guard let name = r.string("type", required: true) else { return nil }
        var labels: [String: LocalizedText] = [:]
        switch name {
        case "text": return (.string, labels)
        case "date": return (.date, labels)
        case "bool": return (.bool, labels)
        case "integer": return (.integer, labels)
        case "money": return (.money, labels)
        case "country": return (.country, labels)
        case "us-state": return (.usState, labels)
        case "language": return (.language, labels)
        case "identifier": return (.identifier, labels)
        case "person": return (.person, labels)
        case "choice":
            var values: [String] = []
            for choice in r.list("choices") {
                guard var c = RecordReader(choice, what: "a choice", languages: languages, diagnostics: &r.diagnostics) else { continue }
                if let v = c.string("value", required: true) {
                    values.append(v)
                    if let l = c.localized("label", required: true) { labels[v] = l }
                }
                c.finish()
                r.diagnostics += c.diagnostics
            }
            if values.isEmpty { r.diagnostics.append(.error("RULE011", "a choice needs `choices`", at: r.location)) }
            return (.oneOf(values), labels)
        case "row":
            guard let table = r.string("table", required: true) else { return nil }
            if tableKeys[table] == nil {
                r.diagnostics.append(.error("RULE018", "unknown table `\(table)`", at: r.location,
                                            hint: Suggestion.closest(to: table, in: tableKeys.keys.sorted()).map { "did you mean `\($0)`?" }))
            }
            return (.row(table: table), labels)
        case "object":
            var nested = FactsReader(languages: languages, tableKeys: tableKeys)
            let children = nested.fields(r.list("fields"))
            r.diagnostics += nested.diagnostics
            return (.object(children), labels)
        case "list":
            guard let items = r.value("items", required: true) else { return nil }
            guard var itemReader = RecordReader(items, what: "a list's items", languages: languages, diagnostics: &r.diagnostics) else { return nil }
            let item = readType(&itemReader)
            itemReader.finish()
            r.diagnostics += itemReader.diagnostics
            guard let (itemType, itemLabels) = item else { return nil }
            return (.list(itemType), itemLabels)
        default:
            r.diagnostics.append(.error("RULE012", "unknown fact type `\(name)`", at: r.location,
                                        hint: Suggestion.closest(to: name, in: Self.typeNames).map { "did you mean `\($0)`?" }
                                            ?? "one of: \(Self.typeNames.joined(separator: ", "))"))
            return nil
        }
    }

    /// A literal default typed like its field.
    static func literal(_ value: SourceValue, as type: FieldType) -> FactValue? {
        guard let text = value.scalarText else { return nil }
        switch type {
        case .bool: return text == "true" || text == "false" ? .bool(text == "true") : nil
        case .integer: return Int(text).map(FactValue.integer)
        case .date: return CalendarDate(iso: text).map(FactValue.date)
        case .oneOf(let values): return values.contains(text) ? .string(text) : nil
        case .string, .identifier, .country, .usState, .language, .money, .row: return .string(text)
        default: return nil
        }
    }
}
