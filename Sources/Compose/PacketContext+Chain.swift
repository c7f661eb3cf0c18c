import DossierCore
import Rules

/// A document's chain in short for the checklist's summary table ("Notary › Secretary of State › Legalization"), from
/// the kinds of its steps: the catalog's `label.step.<kind>` in every packet language, joined by `label.step.then`
/// (a character the bundled fonts have). Only the steps that certify (or translate) the paper count; a document with
/// none shows its first step's kind ("Sign", "Obtain"). Alternative routes are joined by `label.step.or`.
extension PacketContext {
    /// Step kinds that make the paper itself (obtain it, sign it, copy it) rather than certify it.
    static let makingKinds: Set<String> = ["obtain", "sign", "photocopy", "other"]

    /// The chain of every route, each a list of step kinds, consecutive repeats once.
    func chainKinds(_ d: PlannedDocument) -> [[String]] {
        let routes = routeIDs(d)
        let lists = routes.isEmpty ? [d.steps] : routes.map { id in d.steps.filter { $0.route == nil || $0.route == id } }
        var seen: [[String]] = []
        for steps in lists {
            var kinds: [String] = []
            for step in steps where !Self.makingKinds.contains(step.kind) && kinds.last != step.kind { kinds.append(step.kind) }
            if kinds.isEmpty, let first = steps.first { kinds = [first.kind] }
            if !kinds.isEmpty, !seen.contains(kinds) { seen.append(kinds) }
        }
        return seen
    }

    /// `doc.chain`: localized text, or null for a document without steps. Routes that start alike print the shared
    /// start once: "Notary › Secretary of State › Legalization; or Apostille › Translation".
    func chain(_ d: PlannedDocument) -> TemplateValue {
        let chains = chainKinds(d)
        guard let first = chains.first else { return .null }
        var shared = 0
        while chains.count > 1, chains.allSatisfy({ $0.count > shared + 1 && $0[shared] == first[shared] }) { shared += 1 }
        return .localized(LocalizedText(languages.map { lang in
            let name = { (key: String) in strings.string("label.step.\(key)", language: lang) ?? key }
            let arrow = " \(name("then")) "
            let rests = chains.map { $0.dropFirst(shared).map(name).joined(separator: arrow) }
            let start = first.prefix(shared).map { name($0) + arrow }.joined()
            return (lang, start + rests.joined(separator: "; \(name("or")) "))
        }))
    }
}
