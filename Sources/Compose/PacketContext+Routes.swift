import DossierCore
import Rules

/// Alternative routes of a document (e.g. consular legalization, or an apostille where both are accepted): steps
/// tagged with a `route` are shown per route, each with its own steps, beside the steps every route shares. A
/// document whose steps name a single route shows them all in one list. Route titles are the catalog's
/// `label.route.<id>`.
extension PacketContext {
    /// The route ids of a document's steps, in first-seen order, when there is more than one.
    func routeIDs(_ d: PlannedDocument) -> [String] {
        var ids: [String] = []
        for step in d.steps { if let r = step.route, !ids.contains(r) { ids.append(r) } }
        return ids.count > 1 ? ids : []
    }

    /// The steps shown before the routes: all of them when the document has no alternative routes.
    func commonSteps(_ d: PlannedDocument) -> [PlannedStep] {
        routeIDs(d).isEmpty ? d.steps : d.steps.filter { $0.route == nil }
    }

    /// `[{id, title, steps}]`, one per route, in the order the routes first appear.
    func routes(_ d: PlannedDocument) -> TemplateValue {
        .list(routeIDs(d).map { id in
            .object([("id", .string(id)), ("title", label("route.\(id)")),
                     ("steps", .list(d.steps.filter { $0.route == id }.map(step)))])
        })
    }

    func step(_ s: PlannedStep) -> TemplateValue {
        .object([("text", .localized(s.text)), ("note", s.note.map(TemplateValue.localized) ?? .null)])
    }
}
