/// A dotted path into the context (`doc.valid.date`), checked for syntax when the template is parsed.
struct TemplatePath: Sendable, Hashable, CustomStringConvertible {
    let segments: [String]

    /// Nil unless every segment is a name (letters, digits, `_`, `-`, not starting with a digit or `-`) or a list index.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(TemplatePath.isSegment), !parts[0].allSatisfy(\.isNumber) else { return nil }
        segments = parts
    }

    var description: String { segments.joined(separator: ".") }

    /// A name usable as a variable (`as="doc"`).
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return isSegment(text)
    }

    private static func isSegment(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            && text.first != "-"
    }
}
