import DossierCore

/// Checks of the case envelope the schema's types cannot express.
enum EnvelopeChecks {
    /// `case.procedures` names at least one procedure (an empty list would render an empty packet), each once.
    static func procedures(in root: Fact) -> [Diagnostic] {
        guard let fact = root.lookup("case.procedures"), let list = fact.list else { return [] }
        if list.isEmpty {
            return [.error("CASE011", "`case.procedures` is empty: a case needs at least one procedure", at: fact.location,
                           hint: "name at least one procedure; `dossier procedures` lists them")]
        }
        var seen: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for item in list {
            guard let id = item.string else { continue }
            if let first = seen[id] {
                out.append(Diagnostic(.error, "CASE016", "procedure `\(id)` is listed twice", at: item.location,
                                      notes: ["first listed at \(first)"], hint: "each procedure gets one packet; list it once"))
            } else {
                seen[id] = item.location
            }
        }
        return out
    }
}
