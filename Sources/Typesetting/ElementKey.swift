/// What selectors look at: an element's name and classes.
struct ElementKey: Sendable, Hashable {
    var name: String
    var classes: [String]
}
