import DossierCore
import Foundation

/// Output helpers: diagnostics to stderr (text with source line and caret, or JSON), results to stdout.
enum Terminal {
    static func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: String], firstLines: [String: Int] = [:], json: Bool) {
        guard !diagnostics.isEmpty else { return }
        if json {
            FileHandle.standardError.write(Data(JSONValue.array(diagnostics.map(\.json)).serialized().utf8))
            return
        }
        let renderer = DiagnosticRenderer(sources: sources, firstLines: firstLines)
        let text = diagnostics.map(renderer.render).joined(separator: "\n\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Results to stdout; a control character from an input (a file name, a value) is spelled out, never sent raw.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TextHygiene.escapedForTerminal(text).utf8))
    }

    /// One line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TextHygiene.escapedForTerminal(text) + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}
