import DossierCore

/// One case to process: its text and a name for diagnostics (a file path, or `file.jsonl:3` for a line of a batch).
public struct CaseInput: Sendable {
    public var name: String
    public var text: String
    /// The folder relative paths in the case (a preparer's logo) are resolved against.
    public var folder: String
    /// Where its rows start in the source file, for batch formats whose cases share a file (1 otherwise).
    public var firstLine: Int
    /// For CSV rows: where each cell's value sits in the rewritten line, to report the CSV column instead.
    public var columnMap: [ColumnSpan]
    /// True for a row of a batch file (`.csv`, `.jsonl`): reports name it `file:line`.
    public var isRow = false
    /// The file's own text when `text` is rewritten (CSV), to quote the real line in diagnostics.
    public var originalText: String?

    public init(name: String, text: String, folder: String, firstLine: Int = 1, columnMap: [ColumnSpan] = []) {
        self.name = name
        self.text = text
        self.folder = folder
        self.firstLine = firstLine
        self.columnMap = columnMap
    }

    /// How reports name this case: the file, or `file:line` for a row of a batch file.
    public var displayName: String { isRow ? "\(name):\(firstLine)" : name }

    /// A diagnostic's position moved from the rewritten CSV line back to the CSV cell.
    public func mappedDiagnostic(_ d: Diagnostic) -> Diagnostic {
        guard !columnMap.isEmpty, var loc = d.location, loc.file == name, loc.line == firstLine else { return d }
        var d = d
        if let span = columnMap.first(where: { $0.from <= loc.column && loc.column <= $0.to }) {
            loc.column = span.csvColumn
        } else {
            loc.column = 1
        }
        d.location = loc
        return d
    }
}
