/// An image the document shows: its source key, bytes and what the header says about it.
public struct ImageResource: Sendable, Hashable {
    public var source: String
    public var data: [UInt8]
    public var info: ImageInfo
}
