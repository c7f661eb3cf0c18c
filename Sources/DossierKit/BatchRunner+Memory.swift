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
    /// Renders the cases one after the other, keeping every file in memory; the report rows are the ones `render`
    /// writes (`RunReport`).
    public func renderInMemory(_ cases: [CaseInput]) -> BatchOutput {
        var results: [RenderedCase] = []
        var usedIDs: [String: String] = [:]
        for input in cases {
            var result = dossier.render(input, formats: formats, date: date)
            if result.status == .ok, let id = result.caseID {
                if let first = usedIDs[id.lowercased()] {
                    result.status = .error
                    result.files = []
                    result.diagnostics.append(.error("CASE031", "case id `\(id)` is already used by \(first); nothing written for this case",
                                                     at: result.location ?? .file(result.input)))
                } else {
                    usedIDs[id.lowercased()] = result.input
                }
            }
            results.append(result)
        }
        let records = results.map { r in
            RunReport.record(caseID: r.caseID, input: r.input, status: r.status, packets: r.packets,
                             files: r.files.map(\.name), diagnostics: r.diagnostics)
        }
        let json = RunReport.jsonHead + records.map { RunReport.jsonIndent + $0 }.joined(separator: RunReport.jsonSeparator) + RunReport.jsonTail
        let csv = RunReport.csvHeader + results.map { r in
            RunReport.csvRow(caseID: r.caseID, input: r.input, status: r.status, packets: r.packets, diagnostics: r.diagnostics)
        }.joined()
        return BatchOutput(results: results, reportJSON: json, reportCSV: csv)
    }
}
