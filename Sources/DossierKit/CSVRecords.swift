/// Splits CSV text into its records as written (quotes and all), so records can be reordered without re-quoting them.
/// A line break inside a quoted field stays inside its record; CRLF and LF both end a record.
enum CSVRecords {
    /// The records in order, blank lines left out.
    static func split(_ text: String) -> [String] {
        var records: [String] = []
        var current = ""
        var inQuotes = false
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var pendingCR = false
        for c in scalars {
            if pendingCR {
                pendingCR = false
                if c == "\n" { continue }
            }
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes && (c == "\n" || c == "\r") {
                if !current.isEmpty { records.append(current) }
                current = ""
                pendingCR = c == "\r"
                continue
            }
            current.unicodeScalars.append(c)
        }
        if !current.isEmpty { records.append(current) }
        return records
    }
}
