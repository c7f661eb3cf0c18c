import Foundation

/// Renders diagnostics for a terminal: headline, the source line, a caret under the column, notes and hint. Control,
/// bidirectional and invisible characters are shown escaped (`\u{1B}`), so a value never drives the terminal.
public struct DiagnosticRenderer: Sendable {
    /// Source text by file name, to quote the offending line.
    public var sources: [String: String] {
        didSet { index = LineIndexCache(sources) }
    }
    /// The line of its file each source text starts on, when not 1 (a row of a batch file is quoted from its own
    /// text, never from the whole file).
    public var firstLines: [String: Int]
    /// Each source indexed by line on first use, so rendering N diagnostics of one file costs O(N log lines).
    private var index: LineIndexCache

    public init(sources: [String: String] = [:], firstLines: [String: Int] = [:]) {
        self.sources = sources
        self.firstLines = firstLines
        index = LineIndexCache(sources)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = [TextHygiene.escapedForTerminal(diagnostic.headline)]
        if let loc = diagnostic.location, let line = index.text(loc.file)?.line(loc.line - (firstLines[loc.file] ?? 1) + 1) {
            let gutter = String(loc.line)
            let (shown, caretPrefix) = Self.quote(line, column: loc.column)
            out.append("\(String(repeating: " ", count: gutter.count)) |")
            out.append("\(gutter) | \(shown)")
            out.append("\(String(repeating: " ", count: gutter.count)) | \(caretPrefix)^")
        }
        for note in diagnostic.notes { out.append("  = note: \(TextHygiene.escapedForTerminal(note))") }
        if let hint = diagnostic.hint { out.append("  = hint: \(TextHygiene.escapedForTerminal(hint))") }
        return out.joined(separator: "\n")
    }

    /// The line as shown (unsafe scalars escaped) and the padding that puts a caret under `column`.
    /// Columns count Unicode scalars (as libyaml does); the padding follows what a terminal shows: one cell per
    /// character, so combining accents add no width, and an escaped scalar is as wide as its escape.
    static func quote(_ line: String, column: Int) -> (String, String) {
        // A long line (a 1 MB value) is shown as a window around the column, marked with `…`.
        let scalars = line.unicodeScalars
        var column = column
        var line = line
        var lead = "", tail = ""
        if scalars.count > maxQuoted {
            let start = max(0, min(column - 1 - maxQuoted / 2, scalars.count - maxQuoted))
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let to = scalars.index(from, offsetBy: maxQuoted)
            line = String(scalars[from..<to])
            lead = start > 0 ? "…" : ""
            tail = to < scalars.endIndex ? "…" : ""
            column -= start
        }
        var shown = lead
        var prefix = lead.isEmpty ? "" : " "
        var scalarsSeen = 0
        for character in line {
            let before = scalarsSeen < column - 1
            var cell = ""
            var escaped = false
            for s in character.unicodeScalars {
                if let form = TextHygiene.terminalForm(s) { cell += form; escaped = true } else { cell.unicodeScalars.append(s) }
            }
            shown += cell
            if before {
                prefix += character == "\t" ? "\t" : String(repeating: " ", count: escaped ? cell.unicodeScalars.count : 1)
            }
            scalarsSeen += character.unicodeScalars.count
        }
        return (shown + tail, prefix)
    }

    /// The most characters of a line quoted under a diagnostic.
    static let maxQuoted = 160

}

/// Line indexes of the sources a renderer quotes, built once per file on first use (shared by copies of the renderer).
final class LineIndexCache: @unchecked Sendable {
    private let sources: [String: String]
    private var built: [String: SourceText] = [:]
    private let lock = NSLock()

    init(_ sources: [String: String]) { self.sources = sources }

    func text(_ file: String) -> SourceText? {
        lock.lock(); defer { lock.unlock() }
        if let text = built[file] { return text }
        guard let source = sources[file] else { return nil }
        let text = SourceText(source)
        built[file] = text
        return text
    }
}
