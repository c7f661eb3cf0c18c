/// Renders diagnostics for a terminal: headline, the source line, a caret under the column, notes and hint.
public struct DiagnosticRenderer: Sendable {
    /// Source text by file name, to quote the offending line.
    public var sources: [String: String]
    /// The line of its file each source text starts on, when not 1 (a row of a batch file is quoted from its own
    /// text, never from the whole file).
    public var firstLines: [String: Int]

    public init(sources: [String: String] = [:], firstLines: [String: Int] = [:]) {
        self.sources = sources
        self.firstLines = firstLines
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = [diagnostic.headline]
        if let loc = diagnostic.location, let text = sources[loc.file],
           let line = Self.line(loc.line - (firstLines[loc.file] ?? 1) + 1, of: text) {
            let gutter = String(loc.line)
            out.append("\(String(repeating: " ", count: gutter.count)) |")
            out.append("\(gutter) | \(line)")
            // Columns count Unicode scalars (as libyaml does); the caret is padded by what a terminal shows:
            // one cell per character, so combining accents add no width.
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: line.unicodeScalars.prefix(max(0, loc.column - 1)))
            let prefix = String(String(scalars).map { $0 == "\t" ? "\t" : " " })
            out.append("\(String(repeating: " ", count: gutter.count)) | \(prefix)^")
        }
        for note in diagnostic.notes { out.append("  = note: \(note)") }
        if let hint = diagnostic.hint { out.append("  = hint: \(hint)") }
        return out.joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        // Split on scalars: in Swift "\r\n" is one Character, so splitting Characters on "\n" misses CRLF lines.
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                let scalars = line.last == "\r" ? line.dropLast() : line[...]
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
            current += 1
        }
        return nil
    }
}
