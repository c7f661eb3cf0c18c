import DossierCore

/// A parsed XML element in our own Swift form: libxml2 pointers end at the reader.
struct XMLElement: Sendable {
    var namespace: String?
    var localName: String
    var qualifiedName: String
    var attributes: [XMLAttribute]
    var children: [XMLNode]
    var location: SourceLocation
    /// Byte offset of the start tag in the file, to find placeholders inside it.
    var offset: Int?
}

/// An attribute with where its name and its value start.
struct XMLAttribute: Sendable {
    var namespace: String?
    var localName: String
    var qualifiedName: String
    var value: String
    var location: SourceLocation
    var valueOffset: Int?
}

/// A child of an element.
enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}
