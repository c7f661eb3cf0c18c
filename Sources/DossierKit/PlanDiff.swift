import DossierCore
import Rules

/// What changed in one packet between two plans of the same case (two evaluation dates or two rule books):
/// the verdict, documents added or removed, a document's steps or "issued on or after" date, fees (old → new),
/// deadlines, warnings and points to verify. Compared on ids and values, in the new plan's order.
public struct PlanDiff: Sendable {
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case verdict, documentAdded = "document-added", documentRemoved = "document-removed", steps, validFrom = "valid-from"
            case feeAdded = "fee-added", feeRemoved = "fee-removed", fee, deadlineAdded = "deadline-added"
            case deadlineRemoved = "deadline-removed", deadline, noticeAdded = "notice-added", noticeRemoved = "notice-removed"
        }
        public var kind: Kind
        /// The document, fee, deadline or notice the change is about (empty for the verdict).
        public var item: String
        /// Its title in the case's primary language.
        public var title: String
        public var old: String
        public var new: String
    }

    public var procedure: String
    public var changes: [Change]

    public static func compare(_ a: PacketPlan, _ b: PacketPlan, language: String) -> PlanDiff {
        var out: [Change] = []
        func add(_ kind: Change.Kind, _ item: String, _ title: LocalizedText?, _ old: String, _ new: String) {
            out.append(Change(kind: kind, item: item, title: title?[language] ?? title?.entries.first?.text ?? "", old: old, new: new))
        }
        if a.verdict != b.verdict { add(.verdict, "", nil, a.verdict.rawValue, b.verdict.rawValue) }

        let oldDocs = Dictionary(a.documents.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newDocs = Dictionary(b.documents.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for d in a.documents where newDocs[d.id] == nil { add(.documentRemoved, d.id, d.title, d.form, "") }
        for d in b.documents {
            guard let old = oldDocs[d.id] else { add(.documentAdded, d.id, d.title, "", d.form); continue }
            let steps = { (x: PlannedDocument) in x.steps.map { $0.kind + ($0.state.map { "(\($0))" } ?? "") }.joined(separator: " → ") }
            if steps(old) != steps(d) { add(.steps, d.id, d.title, steps(old), steps(d)) }
            if old.valid?.issuedOnOrAfter != d.valid?.issuedOnOrAfter {
                add(.validFrom, d.id, d.title, old.valid?.issuedOnOrAfter.iso ?? "", d.valid?.issuedOnOrAfter.iso ?? "")
            }
        }

        let oldFees = Dictionary(a.fees.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newFees = Dictionary(b.fees.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for f in a.fees where newFees[f.id] == nil { add(.feeRemoved, f.id, f.title, f.amount.display, "") }
        for f in b.fees {
            guard let old = oldFees[f.id] else { add(.feeAdded, f.id, f.title, "", f.amount.display); continue }
            if old.amount != f.amount { add(.fee, f.id, f.title, old.amount.display, f.amount.display) }
        }

        let oldDates = Dictionary(a.deadlines.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newDates = Dictionary(b.deadlines.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for d in a.deadlines where newDates[d.id] == nil { add(.deadlineRemoved, d.id, d.title, d.date.iso, "") }
        for d in b.deadlines {
            guard let old = oldDates[d.id] else { add(.deadlineAdded, d.id, d.title, "", d.date.iso); continue }
            if old.date != d.date { add(.deadline, d.id, d.title, old.date.iso, d.date.iso) }
        }

        let oldNotices = Set(a.notices.map(\.code)), newNotices = Set(b.notices.map(\.code))
        for n in a.notices where !newNotices.contains(n.code) { add(.noticeRemoved, n.code, n.message, n.kind.rawValue, "") }
        for n in b.notices where !oldNotices.contains(n.code) { add(.noticeAdded, n.code, n.message, "", n.kind.rawValue) }
        return PlanDiff(procedure: b.procedure, changes: out)
    }
}
