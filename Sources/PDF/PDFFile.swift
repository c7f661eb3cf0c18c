/// The object table of a PDF file: numbers allocated in a fixed order, bodies set in any order, written in number
/// order. Deterministic: nothing depends on time or memory addresses.
///
/// Dictionaries (fonts, pages, annotations, bookmarks, and the many small structure elements of a tagged PDF) are
/// packed into Flate-compressed object streams, located by a cross-reference stream (PDF 1.5, §7.5.7–7.5.8): a
/// tagged checklist stays about as small as an untagged one. Streams are written as plain objects.
struct PDFFile {
    private var bodies: [[UInt8]?] = [nil]
    private var isStream: [Bool] = [false]
    /// Objects per object stream.
    private static let packSize = 200

    /// Reserves the next object number.
    mutating func allocate() -> Int {
        bodies.append(nil)
        isStream.append(false)
        return bodies.count - 1
    }

    /// Sets a dictionary (or other non-stream) object.
    mutating func set(_ number: Int, _ body: PDFBuffer) {
        bodies[number] = body.bytes
    }

    /// Sets a stream object; `dictionary` holds the extra entries (without `<<`, `>>` and `/Length`).
    mutating func setStream(_ number: Int, dictionary: String, data: [UInt8], compress: Bool) {
        bodies[number] = Self.stream(dictionary: dictionary, data: data, compress: compress)
        isStream[number] = true
    }

    private static func stream(dictionary: String, data: [UInt8], compress: Bool, level: Int32 = 3) -> [UInt8] {
        var payload = data
        var extra = dictionary
        if compress {
            let packed = Deflate.compress(data, level: level)
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
        return b.bytes
    }

    /// Serializes header, objects, object streams and the cross-reference stream (with the trailer's entries).
    func bytes(root: Int, info: Int) -> [UInt8] {
        var bodies = self.bodies
        for n in 1..<bodies.count where bodies[n] == nil { bodies[n] = Array("null".utf8) }
        let packed = (1..<bodies.count).filter { !isStream[$0] }
        // Entry per object: (type, field 2, field 3) as in a cross-reference stream.
        var entries = [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0xFFFF), count: bodies.count)
        var containers: [(number: Int, data: [UInt8], count: Int, first: Int)] = []
        var next = bodies.count
        var start = 0
        while start < packed.count {
            let group = packed[start..<min(start + Self.packSize, packed.count)]
            let number = next
            next += 1
            var header = PDFBuffer()
            var data = PDFBuffer()
            for (i, n) in group.enumerated() {
                if i > 0 {
                    header.space()
                    data.byte(0x0A)
                }
                header.int(n)
                header.space()
                header.int(data.bytes.count)
                data.append(bodies[n]!)
                entries[n] = (2, number, i)
            }
            header.byte(0x0A)
            containers.append((number, header.bytes + data.bytes, group.count, header.bytes.count))
            start += Self.packSize
        }
        let xrefNumber = next
        let size = xrefNumber + 1
        entries += [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0), count: size - entries.count)

        var out = PDFBuffer(capacity: bodies.reduce(0) { $0 + ($1?.count ?? 0) } / 2 + 1024)
        out.append("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        func object(_ n: Int, _ body: [UInt8]) {
            entries[n] = (1, out.bytes.count, 0)
            out.int(n)
            out.append(" 0 obj\n")
            out.append(body)
            out.append("\nendobj\n")
        }
        for n in 1..<bodies.count where isStream[n] { object(n, bodies[n]!) }
        for c in containers {
            // Level 1: the small, repetitive dictionaries pack nearly as well, in half the time.
            object(c.number, Self.stream(dictionary: "/Type/ObjStm/N \(c.count)/First \(c.first)", data: c.data,
                                         compress: true, level: 1))
        }
        let xref = out.bytes.count
        entries[xrefNumber] = (1, xref, 0)
        var table: [UInt8] = []
        table.reserveCapacity(size * 7)
        for e in entries {
            table.append(e.type)
            for shift in stride(from: 24, through: 0, by: -8) { table.append(UInt8(truncatingIfNeeded: e.a >> shift)) }
            table.append(UInt8(truncatingIfNeeded: e.b >> 8))
            table.append(UInt8(truncatingIfNeeded: e.b))
        }
        var trailer = PDFBuffer()
        trailer.append("/Type/XRef/Size ")
        trailer.int(size)
        trailer.append("/W[1 4 2]/Root ")
        trailer.int(root)
        trailer.append(" 0 R/Info ")
        trailer.reference(info)
        out.int(xrefNumber)
        out.append(" 0 obj\n")
        out.append(Self.stream(dictionary: String(decoding: trailer.bytes, as: UTF8.self), data: table, compress: true))
        out.append("\nendobj\nstartxref\n")
        out.int(xref)
        out.append("\n%%EOF\n")
        return out.bytes
    }
}
