import CaseModel
import DossierCore

/// Reads a CSV of cases a row at a time: a header of dot paths (`applicant.name.family`), one case per row, lists as
/// `a|b|c`. Each row becomes a located value directly (every cell at its own row and column); each row is its own
/// unit, so a bad row is reported on its own and the rows after it still render.
struct CSVCases: IteratorProtocol {
    private let path: String
    private let folder: String
    private var parser: CSVParser
    private var header: Header?
    private var headerText = ""
    private var done = false

    /// Tells which columns hold lists (`a|b|c`).
    private let schema: CaseSchema?

    init(path: String, stream: any ByteStream, schema: CaseSchema?) {
        self.schema = schema
        self.path = path
        self.folder = InputCollector.folder(of: path)
        self.parser = CSVParser(stream: stream)
    }

    /// The columns: their key paths, whether the schema makes them lists, and the nested shape they build.
    struct Header {
        var paths: [[String]]
        var isList: [Bool]
        var shape: Shape
    }

    /// Nested keys in header order; a leaf is a column.
    final class Shape {
        var keys: [String] = []
        var columns: [String: Int] = [:]
        var children: [String: Shape] = [:]
    }

    mutating func next() -> InputUnit? {
        while !done {
            let record: CSVParser.Record
            do {
                guard let r = try parser.next() else {
                    done = true
                    return header == nil ? emptyFile : nil
                }
                record = r
            } catch {
                done = true
                return .problem(InputProblem(input: path, diagnostics: [.error("CASE001", "cannot read: \(error)", at: .file(path))]))
            }
            if record.isLast && record.problem != nil { done = true }
            if header == nil {
                if record.isBlank && !record.isLast { continue }
                if record.isBlank { done = true; return emptyFile }
                if let unit = readHeader(record) { done = true; return unit }
                if record.isLast { done = true }
                if let unit = pendingHeaderProblem { pendingHeaderProblem = nil; return unit }
                continue
            }
            if record.isBlank { if record.isLast { done = true }; continue }
            if record.isLast { done = true }
            return unit(for: record)
        }
        return nil
    }

    /// Reads the header; a problem that makes every row ambiguous stops the file.
    private mutating func readHeader(_ record: CSVParser.Record) -> InputUnit? {
        let text = String(decoding: record.raw, as: UTF8.self)
        func stop(_ diagnostics: [Diagnostic]) -> InputUnit {
            .problem(InputProblem(input: "\(path):\(record.line)", diagnostics: diagnostics, sources: [path: text],
                                  firstLines: [path: record.line]))
        }
        if let problem = record.problem { return stop([Self.diagnostic(problem, file: path, stopsFile: true)]) }
        var paths: [[String]] = []
        var problems: [Diagnostic] = []
        for cell in record.cells {
            let at = SourceLocation(file: path, line: cell.line, column: cell.column)
            switch UTF8Text.decode(cell.bytes, file: path, line: cell.line, column: cell.column + (cell.quoted ? 1 : 0)) {
            case .failure(let d): return stop([d])
            case .success(let name):
                let keys = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if name.isEmpty || keys.contains(where: \.isEmpty) {
                    if !name.isEmpty { problems.append(.error("CASE010", "empty key in the column name `\(name)`", at: at)) }
                    paths.append([])
                    continue
                }
                if let first = paths.firstIndex(of: keys) {
                    return stop([Diagnostic(.error, "CASE064", "the column `\(name)` is given twice", at: at,
                                            notes: ["first given in column \(first + 1) (\(path):\(record.line):\(record.cells[first].column))"],
                                            hint: "keep one of the two columns: each row would otherwise have two values for it")])
                }
                if let other = paths.firstIndex(where: { !$0.isEmpty && (Self.isPrefix($0, of: keys) || Self.isPrefix(keys, of: $0)) }) {
                    return stop([.error("CASE065", "the column `\(name)` and the column `\(paths[other].joined(separator: "."))` cannot both be given: one is a value, the other a field inside it",
                                        at: at)])
                }
                paths.append(keys)
            }
        }
        parser.expectedCells = paths.count
        headerText = text
        let shape = Shape()
        for (column, keys) in paths.enumerated() where !keys.isEmpty { Self.insert(keys[...], column: column, into: shape) }
        header = Header(paths: paths, isList: paths.map { !$0.isEmpty && isListColumn($0) }, shape: shape)
        guard !problems.isEmpty else { return nil }
        // Reported on their own; the rows still render without those columns.
        let unit = InputUnit.problem(InputProblem(input: "\(path):\(record.line)", diagnostics: problems, sources: [path: text],
                                                  firstLines: [path: record.line]))
        pendingHeaderProblem = unit
        return nil
    }

    private var pendingHeaderProblem: InputUnit?

    private var emptyFile: InputUnit {
        .problem(InputProblem(input: path, diagnostics: [.error("CASE002", "the CSV file is empty", at: .file(path),
                                                                hint: "the first row names the columns, e.g. case.id")]))
    }

    /// True when the case schema makes this column a list (`a|b|c`, or one item). The one place CSV reads the schema.
    func isListColumn(_ keys: [String]) -> Bool {
        if case .list? = schema?.fieldType(at: keys) { return true }
        return false
    }

    private static func isPrefix(_ a: [String], of b: [String]) -> Bool { a.count < b.count && Array(b.prefix(a.count)) == a }

    private static func insert(_ keys: ArraySlice<String>, column: Int, into shape: Shape) {
        guard let head = keys.first else { return }
        if shape.columns[head] == nil && shape.children[head] == nil { shape.keys.append(head) }
        if keys.count == 1 {
            shape.columns[head] = column
        } else {
            let child = shape.children[head] ?? Shape()
            shape.children[head] = child
            insert(keys.dropFirst(), column: column, into: child)
        }
    }

    private func unit(for record: CSVParser.Record) -> InputUnit {
        let text = String(decoding: record.raw, as: UTF8.self)
        let name = "\(path):\(record.line)"
        func problem(_ d: Diagnostic) -> InputUnit {
            .problem(InputProblem(input: name, diagnostics: [d], sources: [path: text], firstLines: [path: record.line]))
        }
        if let p = record.problem { return problem(Self.diagnostic(p, file: path, stopsFile: false)) }
        guard let header else { return problem(.error("CASE002", "the CSV file has no header", at: .file(path))) }
        var cells: [String] = []
        for (index, cell) in record.cells.enumerated() {
            switch UTF8Text.decode(cell.bytes, file: path, line: cell.line, column: cell.column + (cell.quoted ? 1 : 0)) {
            case .failure(let d): return problem(d)
            case .success(let value):
                if index >= header.paths.count, !value.isEmpty {
                    return problem(.error("CASE063", "this row has more cells than the header has columns (\(header.paths.count))",
                                          at: SourceLocation(file: path, line: cell.line, column: cell.column),
                                          hint: "a comma inside a value needs quotes: \"Portland, Oregon\""))
                }
                cells.append(value)
            }
        }
        let root = SourceLocation(file: path, line: record.line, column: 1)
        let entries = build(header.shape, header: header, cells: cells, record: record)
        var input = CaseInput(name: path, text: text, folder: folder, firstLine: record.line)
        input.isRow = true
        input.value = .map(entries, at: root)
        input.context = headerText
        return .case(input)
    }

    private func build(_ shape: Shape, header: Header, cells: [String], record: CSVParser.Record) -> [SourceEntry] {
        var entries: [SourceEntry] = []
        for key in shape.keys {
            if let column = shape.columns[key] {
                guard column < cells.count, !cells[column].isEmpty else { continue }
                let cell = record.cells[column]
                let at = SourceLocation(file: path, line: cell.line, column: cell.column)
                let value = header.isList[column] ? Self.list(cells[column], cell: cell, at: at) : Self.scalar(cells[column], at: at)
                entries.append(SourceEntry(key: key, keyLocation: at, value: value))
            } else if let child = shape.children[key] {
                let inner = build(child, header: header, cells: cells, record: record)
                guard let first = inner.first else { continue }
                entries.append(SourceEntry(key: key, keyLocation: first.keyLocation, value: .map(inner, at: first.keyLocation)))
            }
        }
        return entries
    }

    /// Booleans and whole numbers stay plain so they type-check as such; any other text is a string.
    static func scalar(_ text: String, at: SourceLocation) -> SourceValue {
        let plain = text == "true" || text == "false" || text == "0" || (Int(text) != nil && !text.hasPrefix("0"))
        return .scalar(text, plain: plain, at: at)
    }

    /// `a|b|c` (or one item) as a list, each item at its own column when the cell is on one line.
    static func list(_ text: String, cell: CSVParser.Cell, at: SourceLocation) -> SourceValue {
        var items: [SourceValue] = []
        var offset = cell.quoted ? 1 : 0
        let exact = !text.contains("\n") && !text.contains("\"")
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
            defer { offset += part.unicodeScalars.count + 1 }
            guard !part.isEmpty else { continue }
            let column = exact ? at.column + offset : at.column
            items.append(scalar(String(part), at: SourceLocation(file: at.file, line: at.line, column: column)))
        }
        return .list(items, at: at)
    }

    static func diagnostic(_ problem: CSVParser.Problem, file: String, stopsFile: Bool) -> Diagnostic {
        switch problem {
        case .badClose(let line, let column, let closeLine, let closeColumn, let next):
            let shown = next < 0x80 && next >= 0x20 ? "`\(Character(Unicode.Scalar(next)))`" : "a character"
            return Diagnostic(.error, "CASE061", "the quote that opens this cell closes at line \(closeLine), column \(closeColumn) and is followed by \(shown), not by a comma",
                              at: SourceLocation(file: file, line: line, column: column),
                              notes: ["reading goes on with the next line"],
                              hint: "a quote inside a quoted value is written twice (\"\"); a value that does not start with a quote needs none")
        case .swallowedLines(let line, let column, let lines, let cells):
            return Diagnostic(.error, "CASE061", "the quote that opens this cell is not closed on this line: the cell runs over \(lines) lines and leaves the row with \(cells) cells",
                              at: SourceLocation(file: file, line: line, column: column),
                              notes: ["reading goes on with the next line"],
                              hint: "close the quote on this line, or write a quote inside a value twice (\"\")")
        case .unclosed(let line, let column, let limit):
            let why = limit.map { "is not closed within \($0 / (1 << 20)) MiB" } ?? "is never closed"
            return .error("CASE062", "the quote that opens this cell \(why): the rest of the file cannot be read as rows",
                          at: SourceLocation(file: file, line: line, column: column),
                          hint: "close the quote, or write a quote inside a value twice (\"\")")
        }
    }
}
