/// Format and size of a PNG or JPEG image, read from its header without decoding it.
public struct ImageInfo: Sendable, Hashable {
    public enum Format: Sendable, Hashable { case png, jpeg }
    public var format: Format
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// For JPEG: 1 (grey), 3 (RGB) or 4 (CMYK).
    public var components: Int

    /// Reads the header of `data`; nil for anything that is not a PNG or a baseline/progressive JPEG.
    public init?(_ data: [UInt8]) {
        if data.count >= 24, data[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
           data[12..<16].elementsEqual([0x49, 0x48, 0x44, 0x52]) {
            format = .png
            pixelWidth = Self.be32(data, 16)
            pixelHeight = Self.be32(data, 20)
            components = 3
        } else if data.count >= 4, data[0] == 0xFF, data[1] == 0xD8 {
            guard let sof = Self.jpegFrame(data) else { return nil }
            format = .jpeg
            (pixelWidth, pixelHeight, components) = sof
        } else {
            return nil
        }
        guard pixelWidth > 0, pixelHeight > 0 else { return nil }
    }

    private static func be32(_ d: [UInt8], _ i: Int) -> Int {
        Int(d[i]) << 24 | Int(d[i + 1]) << 16 | Int(d[i + 2]) << 8 | Int(d[i + 3])
    }

    /// Walks JPEG segments to the first start-of-frame marker.
    private static func jpegFrame(_ d: [UInt8]) -> (Int, Int, Int)? {
        var i = 2
        while i + 9 < d.count {
            guard d[i] == 0xFF else { return nil }
            let marker = d[i + 1]
            // Fill bytes and markers without a length (SOI, TEM, RSTn).
            if marker == 0xFF {
                i += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                i += 2
                continue
            }
            let length = Int(d[i + 2]) << 8 | Int(d[i + 3])
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                let height = Int(d[i + 5]) << 8 | Int(d[i + 6])
                let width = Int(d[i + 7]) << 8 | Int(d[i + 8])
                return (width, height, Int(d[i + 9]))
            }
            i += 2 + length
        }
        return nil
    }
}
