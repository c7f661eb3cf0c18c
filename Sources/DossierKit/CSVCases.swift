import CaseModel
import DossierCore

/// Reads a CSV of cases: a header of dot paths (`applicant.name.family`), one case per row, lists as `a|b|c`.
/// Each row is rewritten as a one-line YAML flow mapping placed at the row's line, and positions in diagnostics are
/// mapped back to the CSV column, so errors point at the row and the cell.
struct CSVCases {
    let world: World
    /// Tells which columns hold lists (`a|b|c`).
    let schema: CaseSchema?

    func cases(in path: String) throws -> ([CaseInput], [Diagnostic]) {
        let text = try world.readText(path)
        let rows = CSVParser.parse(text)
        guard let header = rows.first else { return ([], [.error("CASE002", "the CSV file is empty", at: .file(path))]) }
        var problems: [Diagnostic] = []
        var cases: [CaseInput] = []
        let paths = header.cells.map { $0.text.split(separator: ".").map(String.init) }
        for (i, p) in paths.enumerated() where p.isEmpty {
            problems.append(.error("CASE010", "empty column name", at: SourceLocation(file: path, line: header.line, column: header.cells[i].column)))
        }
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.text.isEmpty }) {
            var tree = FlowTree()
            for (i, cell) in row.cells.enumerated() where i < paths.count && !cell.text.isEmpty && !paths[i].isEmpty {
                let isList = { if case .list? = schema?.fieldType(at: paths[i]) { return true } else { return false } }()
                tree.insert(paths[i], FlowTree.Leaf(text: cell.text, csvColumn: cell.column, isList: isList))
            }
            let (line, spans) = tree.render()
            let caseText = String(repeating: "\n", count: row.line - 1) + line
            var input = CaseInput(name: path, text: caseText, folder: InputCollector.folder(of: path), firstLine: row.line,
                                  columnMap: spans)
            input.originalText = text
            input.isRow = true
            cases.append(input)
        }
        return (cases, problems)
    }
}

/// Nested keys built from dot paths, rendered as YAML flow style on one line.
struct FlowTree {
    struct Leaf { var text: String; var csvColumn: Int; var isList: Bool }
    private var keys: [String] = []
    private var leaves: [String: Leaf] = [:]
    private var children: [String: FlowTree] = [:]

    mutating func insert(_ path: [String], _ leaf: Leaf) {
        guard let head = path.first else { return }
        if !keys.contains(head) { keys.append(head) }
        if path.count == 1 { leaves[head] = leaf } else { children[head, default: FlowTree()].insert(Array(path.dropFirst()), leaf) }
    }

    /// The flow text and, for each leaf, its column range in that text and its CSV column.
    func render() -> (String, [ColumnSpan]) {
        var out = ""
        var spans: [ColumnSpan] = []
        write(into: &out, spans: &spans)
        return (out, spans)
    }

    private func write(into out: inout String, spans: inout [ColumnSpan]) {
        out += "{"
        for (i, key) in keys.enumerated() {
            if i > 0 { out += ", " }
            let keyStart = out.unicodeScalars.count + 1
            out += Self.quoted(key) + ": "
            if let leaf = leaves[key] {
                out += leaf.isList ? Self.list(leaf.text) : Self.value(leaf.text)
                spans.append(ColumnSpan(from: keyStart, to: out.unicodeScalars.count, csvColumn: leaf.csvColumn))
            } else if let child = children[key] {
                child.write(into: &out, spans: &spans)
            }
        }
        out += "}"
    }

    /// A list column (by the case schema): `a|b|c`, or one item, becomes a flow sequence.
    static func list(_ text: String) -> String {
        "[" + text.split(separator: "|").map { value(String($0)) }.joined(separator: ", ") + "]"
    }

    /// Booleans and whole numbers stay plain so they type-check; text is quoted.
    static func value(_ text: String) -> String {
        if text == "true" || text == "false" || (Int(text) != nil && !text.hasPrefix("0")) || text == "0" { return text }
        return quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

/// Where a CSV cell's value sits in the rewritten line.
public struct ColumnSpan: Sendable, Hashable {
    public var from: Int
    public var to: Int
    public var csvColumn: Int
}
