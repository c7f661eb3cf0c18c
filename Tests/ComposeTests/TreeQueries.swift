import DocumentModel

extension Element {
    /// Every element below this one (not itself) in document order.
    var descendants: [Element] {
        children.flatMap { node -> [Element] in
            guard case .element(let e) = node else { return [] }
            return [e] + e.descendants
        }
    }

    func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }

    func all(class name: String) -> [Element] { descendants.filter { $0.classes.contains(name) } }

    /// Child elements only.
    var elementChildren: [Element] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }
}
