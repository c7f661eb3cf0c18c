import DossierCore

/// `report.json` and `report.csv`: one row per input unit — id, input, status, packets, files, errors. Rows are
/// written as units finish, in input order: `report.csv` grows a line at a time and `report.json` holds one case
/// per line, so both are streamed and neither is ever held whole.
enum RunReport {
    static let csvHeader = "id,input,status,packets,errors,first_error\n"
    static let jsonHead = "{\n  \"dossier\": 1,\n  \"cases\": [\n"
    static let jsonTail = "\n  ]\n}\n"
    static let jsonSeparator = ",\n"
    static let jsonIndent = "    "

    /// A case's row of `report.json`, on one line.
    static func record(caseID: String?, input: String, status: RenderedCase.Status, packets: [(procedure: String, verdict: String)],
                       files: [String], diagnostics: [Diagnostic]) -> String {
        JSONValue.object([
            ("id", caseID.map(JSONValue.string)), ("input", .string(input)), ("status", .string(status.rawValue)),
            ("packets", .array(packets.map { .object([("procedure", .string($0.procedure)), ("verdict", .string($0.verdict))]) })),
            ("files", .array(files.map(JSONValue.string))),
            ("errors", .array(diagnostics.filter { $0.severity == .error }.map(\.json))),
            ("warnings", .array(diagnostics.filter { $0.severity == .warning }.map(\.json))),
        ]).compact()
    }

    /// A case's row of `report.csv`, with its line break.
    static func csvRow(caseID: String?, input: String, status: RenderedCase.Status, packets: [(procedure: String, verdict: String)],
                       diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let packetText = packets.map { "\($0.procedure):\($0.verdict)" }.joined(separator: "|")
        return [caseID ?? "", input, status.rawValue, packetText, String(errors.count), errors.first?.headline ?? ""]
            .map(field).joined(separator: ",") + "\n"
    }

    /// Quotes a CSV field when it needs it (RFC 4180).
    static func field(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}
