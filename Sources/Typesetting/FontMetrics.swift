/// Facts about one font face that a PDF font descriptor needs, in font units unless noted.
public struct FontMetrics: Sendable, Hashable {
    public var postScriptName: String
    public var unitsPerEm: Int
    public var ascender: Int
    public var descender: Int
    public var lineGap: Int
    public var capHeight: Int
    public var boundingBox: (xMin: Int, yMin: Int, xMax: Int, yMax: Int) {
        (bbox[0], bbox[1], bbox[2], bbox[3])
    }
    /// Degrees, counter-clockwise from vertical (negative for a right-leaning italic).
    public var italicAngle: Double
    public var isBold: Bool
    public var isItalic: Bool
    var bbox: [Int]
    var underlinePosition: Int
    var underlineThickness: Int
}
