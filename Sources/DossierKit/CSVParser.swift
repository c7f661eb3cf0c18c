/// RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF; cells keep their line and 1-based column.
enum CSVParser {
    struct Cell { var text: String; var column: Int }
    struct Row { var line: Int; var cells: [Cell] }

    static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var cells: [Cell] = []
        var field = ""
        var fieldColumn = 1
        var column = 1
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() { cells.append(Cell(text: field, column: fieldColumn)); field = "" }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1; column += 1 }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                endField()
                fieldColumn = column + 1
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endField()
                rows.append(Row(line: rowLine, cells: cells))
                cells = []
                line += 1
                rowLine = line
                column = 0
                fieldColumn = 1
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
            column += 1
        }
        if !field.isEmpty || !cells.isEmpty { endField(); rows.append(Row(line: rowLine, cells: cells)) }
        return rows
    }
}
