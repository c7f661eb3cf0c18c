/// A heading for the PDF outline: level 1 for `h1`, 2 for `h2`; where it starts.
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    public var level: Int
    public var page: Int
    public var y: Points
}
