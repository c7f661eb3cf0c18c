/// Why an expression does not type-check, in words for the rule author.
struct TypeProblem: Error, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    var message: String
    init(stringLiteral value: String) { message = value }
    init(_ message: String) { self.message = message }
    var description: String { message }
}
