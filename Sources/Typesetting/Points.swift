/// A length in PostScript points (1/72 inch), the unit of every layout coordinate.
public typealias Points = Double

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

/// A colour in the sRGB device space, each component 0…1.
public struct RGBColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
}
