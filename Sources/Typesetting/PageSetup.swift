/// Page size and margins from `@page`, in points.
public struct PageSetup: Sendable, Hashable {
    public var width: Points
    public var height: Points
    public var marginTop: Points
    public var marginRight: Points
    public var marginBottom: Points
    public var marginLeft: Points

    /// ISO A4, 210 × 297 mm.
    public static let a4 = PageSetup(width: 595.276, height: 841.89, margin: 72)
    /// US Letter, 8.5 × 11 in.
    public static let letter = PageSetup(width: 612, height: 792, margin: 72)

    public init(width: Points, height: Points, margin: Points) {
        self.width = width
        self.height = height
        marginTop = margin
        marginRight = margin
        marginBottom = margin
        marginLeft = margin
    }

    /// Width of the content area between the left and right margins.
    public var contentWidth: Points { max(width - marginLeft - marginRight, 36) }
}
