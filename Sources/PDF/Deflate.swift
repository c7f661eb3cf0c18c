import CDossierZlib

/// zlib streams (RFC 1950), the format of `/FlateDecode` and of PNG image data.
enum Deflate {
    /// Compresses `data`; level 3 costs a few per cent in size against level 6 and saves a third of the time.
    static func compress(_ data: [UInt8], level: Int32 = 3) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &size, src.baseAddress, uLong(data.count), level)
            }
        }
        guard status == Z_OK else { return [] }
        out.removeSubrange(Int(size)...)
        return out
    }

    /// Inflates a zlib stream; nil when it is corrupt or larger than `limit` bytes.
    static func decompress(_ data: [UInt8], limit: Int = 1 << 28) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = data
        let ok: Bool = input.withUnsafeMutableBufferPointer { src in
            stream.next_in = src.baseAddress
            stream.avail_in = uInt(src.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { dst in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = uInt(dst.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { return false }
                if status == Z_STREAM_END { return true }
                if status != Z_OK { return false }
                if produced == 0 && stream.avail_in == 0 { return false }
            }
        }
        return ok ? out : nil
    }
}
