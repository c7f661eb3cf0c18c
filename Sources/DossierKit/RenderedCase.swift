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
}
