import DossierCore

/// A dated lookup table of the rule book (`Rules/tables/<name>.yaml`): typed columns, one key column, rows with
/// citations and `effective`/`until` dates. Several rows may share a key when their dates do not overlap (editions).
public struct RuleTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: ValueType
    }

    public struct Row: Sendable, Hashable {
        public var key: String
        /// Cells by column name; a column left out of a row is missing.
        public var cells: [String: RuleValue]
        public var inForce: InForce
        public var citation: Citation
        public var location: SourceLocation
    }

    public var name: String
    public var description: String
    public var key: String
    public var languages: [String]
    public var columns: [Column]
    public var rows: [Row]

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The row for a key in force on a date.
    public func row(_ key: String, on date: CalendarDate?) -> Row? {
        rows.first { $0.key == key && (date.map($0.inForce.contains) ?? true) }
    }

    /// Every distinct key, in the order rows are written.
    public var keys: [String] {
        var out: [String] = []
        for row in rows where !out.contains(row.key) { out.append(row.key) }
        return out
    }
}

/// Every table of the rule book by name.
public struct RuleTables: Sendable, Hashable {
    public var tables: [RuleTable]

    public init(_ tables: [RuleTable] = []) { self.tables = tables }

    public subscript(name: String) -> RuleTable? { tables.first { $0.name == name } }

    /// A cell of the row in force on `date`; a row-typed cell reads as a row of its table.
    func lookup(_ table: String, _ key: RuleValue, _ column: String, on date: CalendarDate?) -> RuleValue {
        guard let keyText = Self.keyText(key), let t = self[table], let row = t.row(keyText, on: date) else { return .null }
        return row.cells[column] ?? .null
    }

    func contains(_ table: String, _ key: RuleValue, on date: CalendarDate?) -> Bool {
        guard let keyText = Self.keyText(key), let t = self[table] else { return false }
        return t.row(keyText, on: date) != nil
    }

    /// The localized `name` of a table row, for a row value printed in a sentence.
    public func name(of table: String, key: String, on date: CalendarDate?) -> LocalizedText? {
        guard case .localized(let text)? = self[table]?.row(key, on: date)?.cells["name"] else { return nil }
        return text
    }

    static func keyText(_ v: RuleValue) -> String? {
        switch v {
        case .string(let s): return s
        case .row(_, let k): return k
        case .date(let d): return d.iso
        case .integer(let i): return String(i)
        default: return nil
        }
    }
}
