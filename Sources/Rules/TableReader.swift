import CaseModel
import DossierCore

/// Reads `Rules/tables/<name>.yaml`: `{table, description, key, languages?, columns: [{name, type}], rows: [...]}`.
/// Each row has a citation and may carry `effective`/`until`; rows sharing a key must not overlap in time.
struct TableReader {
    let sources: [SourceInfo]
    var diagnostics: [Diagnostic] = []

    static let columnTypes = ["text", "localized", "bool", "integer", "date", "money", "country", "us-state", "identifier", "choice", "row", "list"]

    mutating func read(_ value: SourceValue, file: String, knownTables: [String]) -> RuleTable? {
        guard var r = RecordReader(value, what: "a table", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let name = r.string("table", required: true), let key = r.string("key", required: true),
              let description = r.string("description", required: true) else { return nil }
        let stem = file.split(separator: "/").last.map { String($0.dropLast(".yaml".count)) } ?? file
        if name != stem { r.diagnostics.append(.error("RULE017", "table `\(name)` must be in a file named \(name).yaml", at: r.location)) }
        let languages = r.strings("languages")
        var columns: [RuleTable.Column] = []
        for c in r.list("columns") {
            guard var cr = RecordReader(c, what: "a column", diagnostics: &r.diagnostics) else { continue }
            if let n = cr.string("name", required: true), let type = columnType(&cr, knownTables: knownTables + [name]) {
                columns.append(RuleTable.Column(name: n, type: type))
            }
            cr.finish()
            r.diagnostics += cr.diagnostics
        }
        if !columns.contains(where: { $0.name == key }) {
            r.diagnostics.append(.error("RULE011", "the key column `\(key)` is not among the columns", at: r.location))
        }
        var rows: [RuleTable.Row] = []
        for rowValue in r.list("rows") {
            guard let row = readRow(rowValue, table: name, key: key, columns: columns, languages: languages) else { continue }
            if let clash = rows.first(where: { $0.key == row.key && $0.inForce.overlaps(row.inForce) }) {
                diagnostics.append(Diagnostic(.error, "RULE024", "two rows of \(name) for `\(row.key)` are in force on the same days (\(clash.inForce.text) and \(row.inForce.text))",
                                              at: row.location, notes: ["the other row is at \(clash.location)"],
                                              hint: "give the older row an `until:` the day before the newer one's `effective:`"))
            }
            rows.append(row)
        }
        return RuleTable(name: name, description: description, key: key, languages: languages, columns: columns, rows: rows)
    }

    private mutating func columnType(_ r: inout RecordReader, knownTables: [String]) -> ValueType? {
        guard let type = r.string("type", required: true) else { return nil }
        switch type {
        case "text", "country", "us-state", "identifier", "money": return .string(allowed: nil)
        case "localized": return .localized
        case "bool": return .bool
        case "integer": return .integer
        case "date": return .date
        case "choice": return .string(allowed: r.strings("choices"))
        case "row":
            guard let table = r.string("table", required: true) else { return nil }
            return .row(table: table)
        case "list":
            guard let item = r.string("items", required: true) else { return nil }
            switch item {
            case "text", "country", "us-state", "identifier": return .list(.string(allowed: nil))
            case "date": return .list(.date)
            case "integer": return .list(.integer)
            default:
                r.diagnostics.append(.error("RULE012", "a list column holds text, country, us-state, identifier, date or integer", at: r.location))
                return nil
            }
        default:
            r.diagnostics.append(.error("RULE012", "unknown column type `\(type)`", at: r.location,
                                        hint: Suggestion.closest(to: type, in: Self.columnTypes).map { "did you mean `\($0)`?" }))
            return nil
        }
    }

    private mutating func readRow(_ value: SourceValue, table: String, key: String, columns: [RuleTable.Column], languages: [String]) -> RuleTable.Row? {
        guard case .map(let entries, let at) = value else {
            diagnostics.append(.error("RULE010", "a row must be a mapping", at: value.location))
            return nil
        }
        var cells: [String: RuleValue] = [:]
        var inForce = InForce()
        var citation: Citation?
        for entry in entries {
            switch entry.key {
            case "effective", "until":
                guard let d = entry.value.scalarText.flatMap(CalendarDate.init(iso:)) else {
                    diagnostics.append(.error("RULE012", "`\(entry.key)` must be a date YYYY-MM-DD", at: entry.value.location))
                    continue
                }
                if entry.key == "effective" { inForce.effective = d } else { inForce.until = d }
            case "citation":
                citation = RecordReader.citation(entry.value, sources: sources, diagnostics: &diagnostics)
            default:
                guard let column = columns.first(where: { $0.name == entry.key }) else {
                    diagnostics.append(.error("RULE016", "unknown column `\(entry.key)` in \(table)", at: entry.keyLocation,
                                              hint: Suggestion.closest(to: entry.key, in: columns.map(\.name)).map { "did you mean `\($0)`?" }))
                    continue
                }
                if let cell = self.cell(entry.value, type: column.type, languages: languages, key: entry.key) { cells[entry.key] = cell }
            }
        }
        guard let citation else {
            diagnostics.append(.error("RULE011", "every row of \(table) needs a `citation`", at: at))
            return nil
        }
        guard let keyValue = cells[key], let keyText = RuleTables.keyText(keyValue) else {
            diagnostics.append(.error("RULE011", "a row of \(table) lacks its key `\(key)`", at: at))
            return nil
        }
        return RuleTable.Row(key: keyText, cells: cells, inForce: inForce, citation: citation, location: at)
    }

    private mutating func cell(_ value: SourceValue, type: ValueType, languages: [String], key: String) -> RuleValue? {
        func bad(_ expected: String) -> RuleValue? {
            diagnostics.append(.error("RULE012", "`\(key)` must be \(expected)", at: value.location))
            return nil
        }
        switch type {
        case .localized:
            return RecordReader.localized(value, key: key, languages: languages, scope: nil, diagnostics: &diagnostics).map(RuleValue.localized)
        case .list(let item):
            guard case .list(let items, _) = value else { return bad("a list") }
            let cells = items.compactMap { cell($0, type: item, languages: languages, key: key) }
            return .list(cells)
        default:
            guard let text = value.scalarText else { return bad("a single value") }
            switch type {
            case .bool: return text == "true" || text == "false" ? .bool(text == "true") : bad("true or false")
            case .integer: return Int(text).map(RuleValue.integer) ?? bad("a whole number")
            case .date: return CalendarDate(iso: text).map(RuleValue.date) ?? bad("a date YYYY-MM-DD")
            case .string(let allowed?): return allowed.contains(text) ? .string(text) : bad("one of \(allowed.joined(separator: ", "))")
            case .row(let table): return .row(table: table, key: text)
            default: return .string(text)
            }
        }
    }
}
