import DossierCore

/// A parsed, type-checked expression with the text and place it was written (for `explain`).
public struct Condition: Sendable, Hashable {
    public var expression: Expression
    public var text: String
    public var location: SourceLocation

    public static func always(at location: SourceLocation) -> Condition {
        Condition(expression: .literal(.bool(true)), text: "true", location: location)
    }
}
