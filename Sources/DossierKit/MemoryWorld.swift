import DossierCore
import Foundation

/// An in-memory world for tests: files in a dictionary, a fixed date, writes kept for inspection.
public final class MemoryWorld: World, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]]
    private let date: CalendarDate

    public init(files: [String: [UInt8]] = [:], today: CalendarDate) {
        self.files = files
        self.date = today
    }

    public func read(_ path: String) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let bytes = files[path] else { throw WorldError.notFound(path) }
        return bytes
    }

    public func list(_ folder: String) throws -> [String] {
        lock.lock(); defer { lock.unlock() }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func exists(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return files[path] != nil
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        files[path] = bytes
    }

    public func createDirectory(_ path: String) throws {}

    public func today() -> CalendarDate { date }
}
