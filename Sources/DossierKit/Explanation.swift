import CaseModel
import DossierCore
import Rules

/// `dossier explain`: for every document rule, whether it applied, the facts it read and where it comes from.
public enum Explanation {
    public static func text(_ plan: PacketPlan, document: String? = nil, language: String = "en") -> String {
        var lines: [String] = []
        lines.append("\(plan.procedure) — \(plan.title[language] ?? "") (rules as of \(plan.evaluatedOn.iso))")
        lines.append("verdict: \(plan.verdict.rawValue)")
        for reason in plan.reasons {
            lines.append("  because \(reason.rule): \(reason.message[language] ?? "")")
            lines.append("    source: \(reason.citation.short)")
        }
        if document == nil {
            lines.append("derived facts:")
            for d in plan.derived {
                lines.append("  derived.\(d.name) = \(d.value)")
                // A cited derived fact shows what it was computed from and where the rule comes from.
                if let b = plan.derivedBecause.first(where: { $0.rule == "derived." + d.name }) {
                    let facts = b.facts.filter { $0.path != b.rule }
                    if !facts.isEmpty { lines.append("        from: " + facts.map { "\($0.path) = \($0.value)" }.joined(separator: ", ")) }
                    lines.append("        source: \(b.citation.short)")
                }
            }
        }
        lines.append("documents:")
        for c in plan.considered where document == nil || c.rule == document || c.rule.hasPrefix((document ?? "") + "-") {
            lines.append("  \(c.included ? "[in] " : "[out]") \(c.rule) — \(c.reason)")
            lines.append("        when: \(c.condition)")
            for f in c.facts { lines.append("        fact: \(f.path) = \(f.value)") }
            lines.append("        source: \(c.citation.short)")
            if let quote = c.citation.quote { lines.append("        quote: “\(quote)”") }
            if c.included, let doc = plan.documents.first(where: { $0.id == c.rule }) {
                for b in doc.because.dropFirst() {
                    lines.append("        also \(b.rule): \(b.facts.map { "\($0.path) = \($0.value)" }.joined(separator: ", "))")
                    lines.append("          source: \(b.citation.short)")
                }
                if let v = doc.valid { lines.append("        issued on or after: \(v.issuedOnOrAfter.iso) (\(v.months) months before \(v.anchor.iso))") }
                for s in doc.steps { lines.append("        step \(s.kind)\(s.state.map { " [\($0)]" } ?? "")\(s.route.map { " (route \($0))" } ?? ""): \(s.text[language] ?? "")") }
            }
        }
        if document == nil {
            lines.append("notices:")
            for n in plan.notices {
                lines.append("  \(n.kind.rawValue) \(n.code): \(n.message[language] ?? "")")
                if !n.facts.isEmpty { lines.append("        facts: " + n.facts.map { "\($0.path) = \($0.value)" }.joined(separator: ", ")) }
                lines.append("        source: \(n.citation.short)")
            }
            lines.append("fees:")
            for f in plan.fees { lines.append("  \(f.id): \(f.amount.display) — \(f.because.first?.citation.short ?? "")") }
            lines.append("deadlines:")
            for d in plan.deadlines { lines.append("  \(d.date.iso) \(d.id) — \(d.title[language] ?? "")") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan's one JSON encoding (as in `manifest.json`), with the derived facts and every rule considered.
    public static func json(_ plan: PacketPlan, languages: [String]) -> JSONValue {
        Manifest.packet(plan, files: nil, languages: languages, explain: true)
    }
}
