/// Renders diagnostics for a terminal: headline, the source line, a caret under the column, notes and hint.
public struct DiagnosticRenderer: Sendable {
    /// Source text by file name, to quote the offending line.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) { self.sources = sources }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = [diagnostic.headline]
        if let loc = diagnostic.location, let text = sources[loc.file], let line = Self.line(loc.line, of: text) {
            let gutter = String(loc.line)
            out.append("\(String(repeating: " ", count: gutter.count)) |")
            out.append("\(gutter) | \(line)")
            let prefix = String(line.prefix(max(0, loc.column - 1)).map { $0 == "\t" ? "\t" : " " })
            out.append("\(String(repeating: " ", count: gutter.count)) | \(prefix)^")
        }
        for note in diagnostic.notes { out.append("  = note: \(note)") }
        if let hint = diagnostic.hint { out.append("  = hint: \(hint)") }
        return out.joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            current += 1
        }
        return nil
    }
}
