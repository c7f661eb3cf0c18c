/// An axis-aligned rectangle in points; `y` grows downwards from the top of the page.
public struct Rect: Sendable, Hashable {
    public var x: Points
    public var y: Points
    public var width: Points
    public var height: Points

    public init(x: Points, y: Points, width: Points, height: Points) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
