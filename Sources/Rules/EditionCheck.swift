import DossierCore

/// Two editions of one record in force on the same day would make the packet depend on file order: a load error.
enum EditionCheck {
    static func overlaps(in procedure: ProcedureRules) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for fee in procedure.fees {
            for (i, a) in fee.editions.enumerated() {
                for b in fee.editions[(i + 1)...] where a.inForce.overlaps(b.inForce) {
                    out.append(Diagnostic(.error, "RULE024", "two editions of fee `\(fee.id)` are in force on the same days (\(a.inForce.text) and \(b.inForce.text))",
                                          at: b.location, notes: ["the other edition is at \(a.location)"],
                                          hint: "give the older edition an `until:` the day before the newer one's `effective:`"))
                }
            }
        }
        func check<R>(_ records: [R], kind: String, id: (R) -> String, inForce: (R) -> InForce, at: (R) -> SourceLocation) {
            for (i, a) in records.enumerated() {
                for b in records[(i + 1)...] where id(a) == id(b) && inForce(a).overlaps(inForce(b)) {
                    out.append(Diagnostic(.error, "RULE024", "two \(kind)s `\(id(a))` are in force on the same days (\(inForce(a).text) and \(inForce(b).text))",
                                          at: at(b), notes: ["the other one is at \(at(a))"],
                                          hint: "give the older one an `until:` the day before the newer one's `effective:`"))
                }
            }
        }
        check(procedure.documents, kind: "document", id: \.id, inForce: \.inForce, at: \.location)
        check(procedure.notices, kind: "notice", id: \.code, inForce: \.inForce, at: \.when.location)
        check(procedure.verdicts, kind: "verdict", id: \.id, inForce: \.inForce, at: \.when.location)
        check(procedure.deadlines, kind: "deadline", id: \.id, inForce: \.inForce, at: \.when.location)
        return out
    }
}
