import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal, as a person at a keyboard would: waits for text on the screen, types keys.
public final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    /// Everything the program wrote, escape sequences included.
    private var bytes: [UInt8] = []
    private var consumed = 0
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: String
        public var description: String { "timed out waiting for \"\(waitingFor)\"; the program wrote:\n\(screen)" }
    }

    public init(_ program: String, _ arguments: [String], directory: String) throws {
        var m: Int32 = 0, s: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&m, &s, nil, nil, &size) == 0 else { throw POSIXError(.EIO) }
        master = m
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let slave = FileHandle(fileDescriptor: s, closeOnDealloc: true)
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Waits until `text` appears after what was matched before; returns the output up to and including it.
    @discardableResult
    public func expect(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let pending = String(decoding: bytes[consumed...], as: UTF8.self)
            if let range = pending.range(of: text) {
                let seen = String(pending[..<range.upperBound])
                consumed += seen.utf8.count
                return seen
            }
            let left = deadline.timeIntervalSinceNow
            // A quiet second is not the end (a loaded machine starts the program slowly): only the deadline or the
            // program closing the terminal is.
            guard left > 0, read(timeout: left) != .closed else {
                throw Timeout(waitingFor: text, screen: pending)
            }
        }
    }

    /// Types text (UTF-8), then Enter as a terminal sends it (carriage return).
    public func line(_ text: String) { type(text + "\r") }

    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in _ = write(master, p.baseAddress, p.count) }
    }

    /// The left-arrow key.
    public static let left = "\u{1B}[D"
    public static let backspace = "\u{7F}"

    /// Waits for the program to end; its exit status.
    public func wait(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            _ = readSome(timeout: 0.2)
        }
        if process.isRunning { process.terminate(); return nil }
        while readSome(timeout: 0.05) {}
        return process.terminationStatus
    }

    private enum ReadResult { case data, quiet, closed }

    /// Reads what is available (false when nothing came in time or the program closed the terminal).
    private func readSome(timeout: TimeInterval) -> Bool { read(timeout: timeout) == .data }

    /// Reads what is available within at most a second: some output, nothing yet, or the terminal closed.
    private func read(timeout: TimeInterval) -> ReadResult {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(max(1, min(timeout, 1) * 1000))) > 0 else { return .quiet }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = Glibc.read(master, &buffer, buffer.count)
        guard n > 0 else { return .closed }
        bytes += buffer[0..<n]
        return .data
    }
}
