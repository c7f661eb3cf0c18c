import DossierCore

/// `report.json` and `report.csv`: one row per case — id, input, status, packets, errors.
enum RunReport {
    static func json(_ results: [RenderedCase]) -> JSONValue {
        .object([
            ("dossier", .int(1)),
            ("cases", .array(results.map { r in
                .object([
                    ("id", r.caseID.map(JSONValue.string)), ("input", .string(r.input)), ("status", .string(r.status.rawValue)),
                    ("packets", .array(r.packets.map { .object([("procedure", .string($0.procedure)), ("verdict", .string($0.verdict))]) })),
                    ("files", .array(r.status == .ok ? r.files.map { .string($0.name) } : [])),
                    ("errors", .array(r.diagnostics.filter { $0.severity == .error }.map(\.json))),
                    ("warnings", .array(r.diagnostics.filter { $0.severity == .warning }.map(\.json))),
                ])
            })),
        ])
    }

    static func csv(_ results: [RenderedCase]) -> String {
        var lines = ["id,input,status,packets,errors,first_error"]
        for r in results {
            let errors = r.diagnostics.filter { $0.severity == .error }
            let packets = r.packets.map { "\($0.procedure):\($0.verdict)" }.joined(separator: "|")
            lines.append([r.caseID ?? "", r.input, r.status.rawValue, packets, String(errors.count), errors.first?.headline ?? ""]
                .map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a CSV field when it needs it (RFC 4180).
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}
