import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads answers line by line. On a terminal it edits the line in place (arrows, Home/End, Backspace/Delete,
/// Ctrl-A/E/U/K, a prefilled answer to change); otherwise it reads plain lines from standard input.
final class LineEditor {
    let interactive: Bool

    init() {
        interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    /// One line, or nil at the end of input (Ctrl-D on an empty line).
    func readLine(prompt: String, prefill: String = "") -> String? {
        guard interactive else {
            write(prompt)
            guard let line = Swift.readLine(strippingNewline: true) else { write("\n"); return nil }
            write(line + "\n")  // a transcript shows what was answered
            if !prefill.isEmpty, line.isEmpty { return prefill }
            return line
        }
        return RawMode.with { edit(prompt: prompt, prefill: prefill) }
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private func edit(prompt: String, prefill: String) -> String? {
        var buffer = Array(prefill)
        var cursor = buffer.count
        func redraw() {
            var s = "\r" + prompt + String(buffer) + "\u{1B}[K"
            let back = buffer.count - cursor
            if back > 0 { s += "\u{1B}[\(back)D" }
            write(s)
        }
        redraw()
        var pending: [UInt8] = []
        while let byte = readByte() {
            switch byte {
            case 0x0D, 0x0A:
                write("\r\n")
                return String(buffer)
            case 0x04:  // Ctrl-D: end of input on an empty line, else delete under the cursor
                if buffer.isEmpty { write("\r\n"); return nil }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case 0x7F, 0x08:
                if cursor > 0 { buffer.remove(at: cursor - 1); cursor -= 1 }
            case 0x01: cursor = 0
            case 0x05: cursor = buffer.count
            case 0x02: cursor = max(0, cursor - 1)
            case 0x06: cursor = min(buffer.count, cursor + 1)
            case 0x15: buffer.removeFirst(cursor); cursor = 0
            case 0x0B: buffer.removeLast(buffer.count - cursor)
            case 0x1B:
                guard let b1 = readByte() else { return nil }
                guard b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "O"), let b2 = readByte() else { break }
                switch b2 {
                case UInt8(ascii: "D"): cursor = max(0, cursor - 1)
                case UInt8(ascii: "C"): cursor = min(buffer.count, cursor + 1)
                case UInt8(ascii: "H"): cursor = 0
                case UInt8(ascii: "F"): cursor = buffer.count
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    // ESC [ n ~ : 3 is Delete, 1/7 Home, 4/8 End.
                    var n = Int(b2 - UInt8(ascii: "0"))
                    while let b = readByte(), b != UInt8(ascii: "~") {
                        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { break }
                        n = n * 10 + Int(b - UInt8(ascii: "0"))
                    }
                    if n == 3, cursor < buffer.count { buffer.remove(at: cursor) }
                    if n == 1 || n == 7 { cursor = 0 }
                    if n == 4 || n == 8 { cursor = buffer.count }
                default: break
                }
            default:
                guard byte >= 0x20 else { break }
                pending.append(byte)
                // A character is inserted once its UTF-8 bytes are complete.
                if let s = String(validating: pending, as: UTF8.self) {
                    pending = []
                    for c in s { buffer.insert(c, at: cursor); cursor += 1 }
                } else if pending.count >= 4 {
                    pending = []
                }
            }
            redraw()
        }
        write("\r\n")
        return nil
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }
}

/// The terminal without line buffering or echo while a line is edited; restored after, and on Ctrl-C.
enum RawMode {
    nonisolated(unsafe) static var saved = termios()

    static func with<T>(_ body: () -> T) -> T {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return body() }
        saved = original
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutablePointer(to: &raw.c_cc) { pointer in
            pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        signal(SIGINT) { _ in
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &RawMode.saved)
            _exit(130)
        }
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            signal(SIGINT, SIG_DFL)
        }
        return body()
    }
}
