/// RFC 4180 CSV read a record at a time from a byte stream: quoted fields with doubled quotes, CRLF or LF, cells
/// that keep their line and 1-based column (in Unicode scalars, as YAML positions count). A quote that opens a cell
/// and closes badly is reported at the quote, and reading starts again on the line after the quote's line, so one
/// stray quote costs one row, not the rest of the file; a quote that never closes ends the file.
struct CSVParser {
    struct Cell {
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var quoted: Bool
    }

    enum Problem: Equatable {
        /// The quote at `line`:`column` closes at `closeLine`:`closeColumn` and is followed by `next`, not a comma.
        case badClose(line: Int, column: Int, closeLine: Int, closeColumn: Int, next: UInt8)
        /// The quote at `line`:`column` opens a cell that runs over several lines and leaves the row with the wrong
        /// number of cells: most likely a quote that was never meant to open a multi-line cell.
        case swallowedLines(line: Int, column: Int, lines: Int, cells: Int)
        /// The quote at `line`:`column` is never closed (or not within `limit` bytes): the file ends here.
        case unclosed(line: Int, column: Int, limit: Int?)
    }

    struct Record {
        /// The line the record starts on.
        var line: Int
        /// The record's bytes as written, without its final line break.
        var raw: [UInt8]
        var cells: [Cell]
        var problem: Problem?
        /// True when no more records follow (the end of the file, or a quote that never closes).
        var isLast = false

        /// True for a line with nothing on it (or only commas).
        var isBlank: Bool { problem == nil && cells.allSatisfy { $0.bytes.isEmpty && !$0.quoted } }
    }

    /// Cells a row is expected to have (the header's); a multi-line cell that leaves another count is suspect.
    var expectedCells: Int?
    /// The longest quoted cell accepted before the quote is taken as never closed.
    static let quotedLimit = 1 << 20

    private let stream: any ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var finished = false
    private var isFirst = true

    init(stream: any ByteStream) { self.stream = stream }

    private mutating func peek() throws -> UInt8? {
        if position >= buffer.count {
            guard !atEnd else { return nil }
            buffer = try stream.read(upTo: 1 << 16)
            position = 0
            if buffer.isEmpty { atEnd = true; return nil }
        }
        return buffer[position]
    }

    private mutating func take() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        return byte
    }

    /// Puts bytes back in front of what is still unread.
    private mutating func unread(_ bytes: ArraySlice<UInt8>) {
        buffer = Array(bytes) + buffer[position...]
        position = 0
    }

    /// The next record, or nil at the end of the file.
    mutating func next() throws -> Record? {
        guard !finished else { return nil }
        if isFirst {
            isFirst = false
            if try peek() == 0xEF, buffer.count >= position + 3, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        guard try peek() != nil else { finished = true; return nil }
        var record = Record(line: line, raw: [], cells: [])
        var field: [UInt8] = []
        var fieldLine = line, fieldColumn = 1, column = 1
        var quoted = false, inQuotes = false, afterClose = false
        var openLine = 0, openColumn = 0
        var firstMultiLine: (line: Int, column: Int)?
        func endField() {
            record.cells.append(Cell(bytes: field, line: fieldLine, column: fieldColumn, quoted: quoted))
            field = []
            quoted = false
            afterClose = false
        }
        while true {
            let byte = try take()
            if let byte { record.raw.append(byte) }
            if inQuotes {
                guard let byte else {
                    finished = true
                    record.problem = .unclosed(line: openLine, column: openColumn, limit: nil)
                    record.isLast = true
                    return record
                }
                if field.count > Self.quotedLimit {
                    finished = true
                    record.problem = .unclosed(line: openLine, column: openColumn, limit: Self.quotedLimit)
                    record.isLast = true
                    return record
                }
                switch byte {
                case UInt8(ascii: "\""):
                    if try peek() == UInt8(ascii: "\"") {
                        _ = try take()
                        record.raw.append(UInt8(ascii: "\""))
                        field.append(byte)
                        column += 2
                    } else {
                        inQuotes = false
                        afterClose = true
                        column += 1
                    }
                case UInt8(ascii: "\n"):
                    if firstMultiLine == nil { firstMultiLine = (openLine, openColumn) }
                    if field.last == UInt8(ascii: "\r") { field.removeLast() }
                    field.append(byte)
                    line += 1
                    column = 1
                default:
                    field.append(byte)
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
                continue
            }
            let isBreak = byte == nil || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            if afterClose, !isBreak, byte != UInt8(ascii: ",") {
                record.problem = .badClose(line: openLine, column: openColumn, closeLine: line, closeColumn: column - 1, next: byte!)
                return try resynchronize(record)
            }
            if isBreak {
                if byte == UInt8(ascii: "\r"), try peek() == UInt8(ascii: "\n") { _ = try take(); record.raw.append(UInt8(ascii: "\n")) }
                endField()
                if byte == nil { finished = true; record.isLast = true } else { line += 1 }
                while let last = record.raw.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { record.raw.removeLast() }
                if let start = firstMultiLine, let expected = expectedCells, record.cells.count != expected {
                    record.problem = .swallowedLines(line: start.line, column: start.column, lines: line - record.line,
                                                     cells: record.cells.count)
                    return try resynchronize(record, rawWithBreak: byte != nil)
                }
                return record
            }
            switch byte! {
            case UInt8(ascii: ","):
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                openLine = line
                openColumn = column
                column += 1
            default:
                field.append(byte!)
                if byte! & 0xC0 != 0x80 { column += 1 }
            }
        }
    }

    /// After a bad quote: the record keeps only its first line; reading goes on from the line after it.
    private mutating func resynchronize(_ record: Record, rawWithBreak: Bool = false) throws -> Record {
        var record = record
        finished = false
        record.isLast = false
        if let newline = record.raw.firstIndex(of: UInt8(ascii: "\n")) {
            var rest = record.raw[(newline + 1)...]
            if rawWithBreak { rest.append(UInt8(ascii: "\n")) }
            unread(rest)
            record.raw = Array(record.raw[..<newline])
            if record.raw.last == UInt8(ascii: "\r") { record.raw.removeLast() }
        } else {
            // One line: the rest of it belongs to this row.
            while let byte = try take(), byte != UInt8(ascii: "\n") { record.raw.append(byte) }
            if record.raw.last == UInt8(ascii: "\r") { record.raw.removeLast() }
        }
        line = record.line + 1
        record.cells = []
        if try peek() == nil { finished = true; record.isLast = true }
        return record
    }
}
