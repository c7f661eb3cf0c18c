/// A node of a composed document: an element or a run of text. The same tree feeds the HTML and the PDF exporters.
public enum Node: Sendable, Hashable {
    case element(Element)
    case text(String)

    /// All the text below this node, in document order.
    public var textContent: String {
        switch self {
        case .text(let s): return s
        case .element(let e): return e.textContent
        }
    }
}

/// An attribute in source order (order matters for byte-identical output).
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An element of the XHTML subset our templates use (see README "Document tree").
public struct Element: Sendable, Hashable {
    public var name: String
    public var attributes: [Attribute]
    public var children: [Node]

    public init(_ name: String, _ attributes: [Attribute] = [], _ children: [Node] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Space-separated class names.
    public var classes: [String] {
        (self[attribute: "class"] ?? "").split(separator: " ").map(String.init)
    }

    public var textContent: String { children.map(\.textContent).joined() }
}
