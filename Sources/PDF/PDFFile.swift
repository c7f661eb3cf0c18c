/// The object table of a PDF file: numbers allocated in a fixed order, bodies set in any order, written in number
/// order with a cross-reference table. Deterministic: nothing depends on time or memory addresses.
struct PDFFile {
    private var bodies: [[UInt8]?] = [nil]

    /// Reserves the next object number.
    mutating func allocate() -> Int {
        bodies.append(nil)
        return bodies.count - 1
    }

    /// Sets a dictionary (or other non-stream) object.
    mutating func set(_ number: Int, _ body: PDFBuffer) {
        bodies[number] = body.bytes
    }

    /// Sets a stream object; `dictionary` holds the extra entries (without `<<`, `>>` and `/Length`).
    mutating func setStream(_ number: Int, dictionary: String, data: [UInt8], compress: Bool) {
        var payload = data
        var extra = dictionary
        if compress {
            let packed = Deflate.compress(data)
            if !packed.isEmpty {
                payload = packed
                extra += "/Filter/FlateDecode"
            }
        }
        var b = PDFBuffer(capacity: payload.count + 64)
        b.append("<<")
        b.append(extra)
        b.append("/Length ")
        b.int(payload.count)
        b.append(">>\nstream\n")
        b.append(payload)
        b.append("\nendstream")
        bodies[number] = b.bytes
    }

    /// Serializes header, objects, xref table and trailer.
    func bytes(root: Int, info: Int) -> [UInt8] {
        var out = PDFBuffer(capacity: bodies.reduce(0) { $0 + ($1?.count ?? 0) } + bodies.count * 40 + 256)
        out.append("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        var offsets = [Int](repeating: 0, count: bodies.count)
        for n in 1..<bodies.count {
            offsets[n] = out.bytes.count
            out.int(n)
            out.append(" 0 obj\n")
            out.append(bodies[n] ?? Array("null".utf8))
            out.append("\nendobj\n")
        }
        let xref = out.bytes.count
        out.append("xref\n0 ")
        out.int(bodies.count)
        out.append("\n0000000000 65535 f \n")
        for n in 1..<bodies.count {
            let digits = String(offsets[n])
            out.append(String(repeating: "0", count: max(0, 10 - digits.count)))
            out.append(digits)
            out.append(" 00000 n \n")
        }
        out.append("trailer\n<</Size ")
        out.int(bodies.count)
        out.append("/Root ")
        out.int(root)
        out.append(" 0 R/Info ")
        out.int(info)
        out.append(" 0 R>>\nstartxref\n")
        out.int(xref)
        out.append("\n%%EOF\n")
        return out.bytes
    }
}
