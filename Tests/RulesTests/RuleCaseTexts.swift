import TestSupport
import CaseModel
import DossierCore
import Rules
import Testing

/// `says:` and `says_not:` in a rule case: what a packet's texts read, as a paralegal checks them. Each key names a
/// document id, a notice code, a verdict rule or a deadline id (`title:<document id>` for a document's title
/// alone); its value lists phrases that must (or must not) appear in that record's texts, in any language.
enum RuleCaseTexts {
    static let keys = ["says", "says_not"]

    static func check(_ expect: SourceValue, plan: PacketPlan) {
        for (key, wanted) in [("says", true), ("says_not", false)] {
            guard case .map(let entries, _)? = expect[key] else { continue }
            for entry in entries {
                guard let text = texts(of: entry.key, in: plan) else {
                    Issue.record("\(key): nothing named `\(entry.key)` in the plan")
                    continue
                }
                let phrases: [String]
                if case .list(let items, _) = entry.value { phrases = items.compactMap(\.scalarText) } else { phrases = [entry.value.scalarText ?? ""] }
                for phrase in phrases {
                    #expect(text.contains(phrase) == wanted, "\(entry.key) \(wanted ? "says" : "does not say") “\(phrase)”:\n\(text)")
                }
            }
        }
    }

    /// All texts of the named record, every language, one per line.
    static func texts(of name: String, in plan: PacketPlan) -> String? {
        func all(_ t: LocalizedText?) -> [String] { t?.entries.map(\.text) ?? [] }
        if name.hasPrefix("title:") {
            return plan.documents.first { $0.id == String(name.dropFirst(6)) }.map { all($0.title).joined(separator: "\n") }
        }
        if let d = plan.documents.first(where: { $0.id == name }) {
            let steps = d.steps.flatMap { all($0.text) + all($0.note) + all($0.by) }
            return (all(d.title) + all(d.issuer) + all(d.obtain) + all(d.why) + steps).joined(separator: "\n")
        }
        if let n = plan.notices.first(where: { $0.code == name }) { return (all(n.title) + all(n.message)).joined(separator: "\n") }
        if let r = plan.reasons.first(where: { $0.rule == name }) { return all(r.message).joined(separator: "\n") }
        if let d = plan.deadlines.first(where: { $0.id == name }) { return (all(d.title) + all(d.note)).joined(separator: "\n") }
        return nil
    }
}
