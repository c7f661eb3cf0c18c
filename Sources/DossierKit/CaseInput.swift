import CaseModel
import DossierCore

/// One case to process: its own text (a file, a JSONL line, a CSV row's lines), where that text sits in its file,
/// and, for batch rows, the located value already built from it.
public struct CaseInput: Sendable {
    /// The file the case comes from.
    public var name: String
    /// The case's own text, to quote lines in diagnostics and to fingerprint it for resuming.
    public var text: String
    /// The folder relative paths in the case (a preparer's logo) are resolved against.
    public var folder: String
    /// The line of its file that `text` starts on (1 for a whole file).
    public var firstLine: Int
    /// True for a row of a batch file (`.csv`, `.jsonl`): reports name it `file:line`.
    public var isRow = false
    /// The parsed, located value when the reader built it (CSV rows, JSONL lines, files read for a batch).
    public var value: SourceValue?
    /// What the case's meaning depends on besides `text` (a CSV file's header line), for the resume fingerprint.
    public var context = ""

    public init(name: String, text: String, folder: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.folder = folder
        self.firstLine = firstLine
    }

    /// How reports name this case: the file, or `file:line` for a row of a batch file.
    public var displayName: String { isRow ? "\(name):\(firstLine)" : name }

    /// The text to quote diagnostics from, by file, and the line each text starts on.
    public var sources: [String: String] { [name: text] }
    public var firstLines: [String: Int] { firstLine == 1 ? [:] : [name: firstLine] }

    /// The id the case gives itself (`case.id`) and where, read from the parsed value before it is checked.
    var declaredID: (id: String, location: SourceLocation)? {
        guard case .scalar(let id, _, let at)? = value?["case"]?["id"] else { return nil }
        return (id, at)
    }
}

/// One unit of input (a file, a JSONL line, a CSV row): a case to render, or a problem reported on its own.
public enum InputUnit: Sendable {
    case `case`(CaseInput)
    case problem(InputProblem)
}

/// An input unit that cannot become a case: an unreadable file, a line that is not UTF-8, a broken CSV row.
public struct InputProblem: Sendable {
    /// The file, or `file:line` for a row.
    public var input: String
    public var diagnostics: [Diagnostic]
    public var sources: [String: String] = [:]
    public var firstLines: [String: Int] = [:]

    public init(input: String, diagnostics: [Diagnostic], sources: [String: String] = [:], firstLines: [String: Int] = [:]) {
        self.input = input
        self.diagnostics = diagnostics
        self.sources = sources
        self.firstLines = firstLines
    }
}
