/// Splits a byte stream into lines on `\n` bytes (never on Characters: `"\r\n"` is one Swift Character), dropping
/// a final `\r`, so LF and CRLF files read alike; lines keep their 1-based numbers.
struct LineReader {
    private let stream: any ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var number = 0

    init(stream: any ByteStream) { self.stream = stream }

    /// The next line's number and bytes (without the line break), or nil at the end.
    mutating func next() throws -> (number: Int, bytes: [UInt8])? {
        var line: [UInt8] = []
        while true {
            if position >= buffer.count {
                if atEnd { break }
                buffer = try stream.read(upTo: 1 << 16)
                position = 0
                if buffer.isEmpty { atEnd = true; break }
            }
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                line += buffer[position..<newline]
                position = newline + 1
                number += 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return (number, line)
            }
            line += buffer[position...]
            position = buffer.count
        }
        guard !line.isEmpty else { return nil }
        number += 1
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return (number, line)
    }
}
