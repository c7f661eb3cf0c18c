/// Decodes PNG files (all colour types and bit depths, not interlaced) to 8-bit grey or RGB samples plus an alpha
/// channel when the image has transparency.
struct PNGDecoder {
    struct Image {
        var width: Int
        var height: Int
        /// 1 (grey) or 3 (RGB).
        var components: Int
        var samples: [UInt8]
        var alpha: [UInt8]?
    }

    enum Failure: Error, Equatable {
        case malformed(String)
        case unsupported(String)
    }

    static func decode(_ data: [UInt8]) -> Result<Image, Failure> {
        guard data.count > 8 else { return .failure(.malformed("too short")) }
        var i = 8
        var header: [UInt8] = []
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var compressed: [UInt8] = []
        while i + 8 <= data.count {
            let length = Int(data[i]) << 24 | Int(data[i + 1]) << 16 | Int(data[i + 2]) << 8 | Int(data[i + 3])
            let type = String(decoding: data[(i + 4)..<(i + 8)], as: UTF8.self)
            let start = i + 8
            guard length >= 0, start + length <= data.count else { return .failure(.malformed("chunk \(type) is cut off")) }
            let body = data[start..<(start + length)]
            switch type {
            case "IHDR": header = Array(body)
            case "PLTE": palette = Array(body)
            case "tRNS": transparency = Array(body)
            case "IDAT": compressed.append(contentsOf: body)
            default: break
            }
            if type == "IEND" { break }
            i = start + length + 4
        }
        guard header.count == 13 else { return .failure(.malformed("no IHDR")) }
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        let depth = Int(header[8])
        let colorType = Int(header[9])
        guard header[12] == 0 else { return .failure(.unsupported("interlaced PNG")) }
        guard width > 0, height > 0, width <= 20000, height <= 20000 else {
            return .failure(.unsupported("size \(width)×\(height)"))
        }
        let channels: Int
        switch (colorType, depth) {
        case (0, 1), (0, 2), (0, 4), (0, 8), (0, 16): channels = 1
        case (2, 8), (2, 16): channels = 3
        case (3, 1), (3, 2), (3, 4), (3, 8): channels = 1
        case (4, 8), (4, 16): channels = 2
        case (6, 8), (6, 16): channels = 4
        default: return .failure(.malformed("colour type \(colorType) with bit depth \(depth)"))
        }
        let stride = (width * channels * depth + 7) / 8
        guard let raw = Deflate.decompress(compressed, limit: (stride + 1) * height + 1),
              raw.count >= (stride + 1) * height else { return .failure(.malformed("image data is corrupt")) }
        let pixels = unfilter(raw, stride: stride, height: height, bytesPerPixel: max(1, channels * depth / 8))
        guard let pixels else { return .failure(.malformed("unknown row filter")) }
        return .success(expand(pixels, width: width, height: height, depth: depth, colorType: colorType,
                               channels: channels, stride: stride, palette: palette, transparency: transparency))
    }

    /// Undoes the per-row filters (PNG spec §9): None, Sub, Up, Average, Paeth.
    private static func unfilter(_ raw: [UInt8], stride: Int, height: Int, bytesPerPixel bpp: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let src = row * (stride + 1) + 1
            let dst = row * stride
            for x in 0..<stride {
                let a = x >= bpp ? Int(out[dst + x - bpp]) : 0
                let b = row > 0 ? Int(out[dst - stride + x]) : 0
                let c = x >= bpp && row > 0 ? Int(out[dst - stride + x - bpp]) : 0
                let value = Int(raw[src + x])
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: return nil
                }
                out[dst + x] = UInt8(truncatingIfNeeded: value + predicted)
            }
        }
        return out
    }

    /// Converts unfiltered rows to 8-bit grey or RGB plus alpha.
    private static func expand(_ pixels: [UInt8], width: Int, height: Int, depth: Int, colorType: Int, channels: Int,
                               stride: Int, palette: [UInt8], transparency: [UInt8]) -> Image {
        let components = colorType == 0 || colorType == 4 ? 1 : 3
        var samples: [UInt8] = []
        var alpha: [UInt8] = []
        samples.reserveCapacity(width * height * components)
        alpha.reserveCapacity(width * height)
        var translucent = false
        func sample(_ row: Int, _ index: Int) -> Int {
            switch depth {
            case 16: return Int(pixels[row * stride + index * 2])
            case 8: return Int(pixels[row * stride + index])
            default:
                let bit = index * depth
                let byte = Int(pixels[row * stride + bit / 8])
                return (byte >> (8 - depth - bit % 8)) & ((1 << depth) - 1)
            }
        }
        for row in 0..<height {
            for x in 0..<width {
                switch colorType {
                case 3:
                    let index = sample(row, x)
                    for k in 0..<3 { samples.append(3 * index + k < palette.count ? palette[3 * index + k] : 0) }
                    let a: UInt8 = index < transparency.count ? transparency[index] : 255
                    alpha.append(a)
                    translucent = translucent || a != 255
                case 0:
                    let v = sample(row, x)
                    samples.append(UInt8(depth >= 8 ? v : v * 255 / ((1 << depth) - 1)))
                    alpha.append(255)
                default:
                    for k in 0..<channels {
                        let v = UInt8(sample(row, x * channels + k))
                        if k < components { samples.append(v) } else {
                            alpha.append(v)
                            translucent = translucent || v != 255
                        }
                    }
                    if channels == components { alpha.append(255) }
                }
            }
        }
        return Image(width: width, height: height, components: components, samples: samples,
                     alpha: translucent ? alpha : nil)
    }
}
