import DossierCore

/// Bytes read as UTF-8 text, or a located error at the first byte that is not (`CASE060`).
enum UTF8Text {
    /// `line` and `column` are where the bytes start in their file.
    static func decode(_ bytes: [UInt8], file: String, line: Int = 1, column: Int = 1) -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = line, column = column
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return .failure(.error("CASE060", "this is not UTF-8 text", at: SourceLocation(file: file, line: line, column: column),
                               hint: "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"))
    }
}
