import CaseModel
import DossierCore
import Rules

/// `dossier diff`: each case of a client book planned twice — on two evaluation dates, or with two rule books — and
/// what changed in each packet. One bad case is reported on its own and never stops the others.
public struct RuleChangeImpact: Sendable {
    /// One side of the comparison: a loaded rule book and, optionally, the date to apply it on.
    public struct Side: Sendable {
        public var dossier: Dossier
        public var date: CalendarDate?
        public var label: String
        public init(dossier: Dossier, date: CalendarDate?, label: String) {
            self.dossier = dossier
            self.date = date
            self.label = label
        }
    }

    public struct CaseImpact: Sendable {
        public var input: String
        public var caseID: String
        public var language: String
        public var packets: [PlanDiff]
        /// Why the case could not be compared (its diagnostics on either side).
        public var diagnostics: [Diagnostic]
        public var changed: Bool { packets.contains { !$0.changes.isEmpty } }
    }

    public var old: Side
    public var new: Side

    public init(old: Side, new: Side) {
        self.old = old
        self.new = new
    }

    public func compare(_ inputs: [CaseInput]) -> [CaseImpact] {
        inputs.map(compare)
    }

    func compare(_ input: CaseInput) -> CaseImpact {
        var impact = CaseImpact(input: input.displayName, caseID: "", language: "en", packets: [], diagnostics: [])
        func plans(_ side: Side) -> (CaseFile, [PacketPlan])? {
            switch side.dossier.loadCase(input) {
            case .failure(let e): impact.diagnostics += e.diagnostics; return nil
            case .success(let caseFile):
                switch side.dossier.resolve(caseFile, on: side.dossier.evaluationDate(for: caseFile, override: side.date)) {
                case .failure(let e): impact.diagnostics += e.diagnostics; return nil
                case .success(let p): return (caseFile, p)
                }
            }
        }
        guard let (caseFile, before) = plans(old), let (_, after) = plans(new) else { return impact }
        impact.caseID = caseFile.id
        impact.language = caseFile.languages.first ?? "en"
        for plan in after {
            if let previous = before.first(where: { $0.procedure == plan.procedure }) {
                impact.packets.append(PlanDiff.compare(previous, plan, language: impact.language))
            }
        }
        return impact
    }
}
