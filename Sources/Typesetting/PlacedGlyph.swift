/// One glyph placed on a page, relative to its run's origin; `cluster` indexes the run's `text` (UTF-16).
public struct PlacedGlyph: Sendable, Hashable {
    public var glyph: UInt16
    /// Offset from the run origin along the baseline.
    public var x: Points
    /// Shift above the baseline (positive is up), for marks HarfBuzz positions.
    public var rise: Points
    /// HarfBuzz's advance, which may differ from the font's (kerning).
    public var advance: Points
    public var cluster: Int32
}
