/// One laid-out page.
public struct LaidOutPage: Sendable, Hashable {
    public var width: Points
    public var height: Points
    public var items: [PageItem]
}
