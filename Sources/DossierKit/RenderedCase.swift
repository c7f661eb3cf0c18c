import DossierCore
import Rules

/// What rendering one case produced: its files (in memory until written), or the diagnostics that stopped it.
public struct RenderedCase: Sendable {
    public enum Status: String, Sendable { case ok, error }

    public var input: String
    /// Where the case starts: its file at line 1, or the row of a batch file (for diagnostics about the whole case).
    public var location: SourceLocation?
    public var caseID: String?
    public var status: Status
    public var packets: [(procedure: String, verdict: String)]
    /// File name → bytes, in write order (manifest last).
    public var files: [(name: String, bytes: [UInt8])]
    public var diagnostics: [Diagnostic]
    /// Source text by file, to quote lines when printing diagnostics.
    public var sources: [String: String]
    /// The line each source text starts on in its file, when not 1 (a row of a batch file).
    public var firstLines: [String: Int] = [:]
}

/// What a batch did with one input unit, as the report and the terminal show it; the files are on disk by now.
public struct CaseOutcome: Sendable {
    public var input: String
    public var caseID: String?
    public var status: RenderedCase.Status
    public var packets: [(procedure: String, verdict: String)]
    /// The files in the case's folder (none for an error).
    public var files: [String]
    /// New diagnostics (none for an unchanged case: the report keeps those found when it was rendered).
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]
    public var firstLines: [String: Int]
    /// True when the case's folder was already up to date and nothing was rendered.
    public var unchanged = false
    /// Its row in `report.json` (one line) and in `report.csv`.
    var record: String
    var csvRow: String

    init(_ r: RenderedCase) {
        input = r.input
        caseID = r.caseID
        status = r.status
        packets = r.packets
        files = r.status == .ok ? r.files.map(\.name) : []
        diagnostics = r.diagnostics
        sources = r.sources
        firstLines = r.firstLines
        record = RunReport.record(caseID: r.caseID, input: r.input, status: r.status, packets: r.packets, files: files,
                                  diagnostics: r.diagnostics)
        csvRow = RunReport.csvRow(caseID: r.caseID, input: r.input, status: r.status, packets: r.packets, diagnostics: r.diagnostics)
    }

    init(_ problem: InputProblem) {
        self.init(RenderedCase(input: problem.input, caseID: nil, status: .error, packets: [], files: [],
                               diagnostics: problem.diagnostics, sources: problem.sources, firstLines: problem.firstLines))
    }

    /// An unchanged case, from what its folder's marker recorded.
    init(unchanged marker: CaseMarker, input: CaseInput, caseID: String) {
        self.input = input.displayName
        self.caseID = caseID
        status = .ok
        packets = marker.packets
        files = marker.files.map(\.name)
        diagnostics = []
        sources = [:]
        firstLines = [:]
        unchanged = true
        record = marker.record
        csvRow = marker.csvRow
    }
}
