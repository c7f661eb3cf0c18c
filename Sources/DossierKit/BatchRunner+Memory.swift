import DossierCore

/// A batch run kept in memory (the local web app's uploads): nothing is written anywhere.
public struct BatchOutput: Sendable {
    /// One result per case, in input order; a second case with an id already used is an error and has no files.
    public var results: [RenderedCase]
    /// `report.json` and `report.csv` as `render` writes them.
    public var reportJSON: String
    public var reportCSV: String
}

extension BatchRunner {
    /// Renders the cases like `run`, keeping every file in memory.
    public func renderInMemory(_ cases: [CaseInput]) -> BatchOutput {
        var results: [RenderedCase] = []
        var usedIDs: [String: String] = [:]
        for var result in renderAll(cases, progress: { _, _, _ in }) {
            if result.status == .ok, let id = result.caseID {
                if let first = usedIDs[id] {
                    result.status = .error
                    result.diagnostics.append(.error("CASE031", "case id `\(id)` is already used by \(first); nothing written for this case",
                                                     at: .file(result.input)))
                } else {
                    usedIDs[id] = result.input
                }
            }
            results.append(result)
        }
        return BatchOutput(results: results, reportJSON: RunReport.json(results).serialized(), reportCSV: RunReport.csv(results))
    }
}
