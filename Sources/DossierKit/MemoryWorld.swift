import DossierCore
import Foundation

/// An in-memory world for tests: files in a dictionary (folders are the prefixes of their paths), a fixed date,
/// writes kept for inspection.
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

    public func open(_ path: String) throws -> any ByteStream { ArrayByteStream(try read(path)) }

    public func list(_ folder: String) throws -> [String] {
        lock.lock(); defer { lock.unlock() }
        let prefix = Self.prefix(folder)
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    public func entries(_ folder: String) throws -> [String] {
        lock.lock(); defer { lock.unlock() }
        let prefix = Self.prefix(folder)
        let names = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) }
        return Set(names).sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let prefix = Self.prefix(path)
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func exists(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let prefix = Self.prefix(path)
        return files[path] != nil || files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func fileSize(_ path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        return files[path]?.count
    }

    public func realPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        files[path] = bytes
    }

    public func create(_ bytes: [UInt8], at path: String) throws {
        lock.lock(); defer { lock.unlock() }
        guard files[path] == nil else { throw WorldError.writeFailed(path, "File exists") }
        files[path] = bytes
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        files[path, default: []] += bytes
    }

    public func rename(_ from: String, to: String) throws {
        lock.lock(); defer { lock.unlock() }
        if let bytes = files.removeValue(forKey: from) { files[to] = bytes; return }
        let prefix = Self.prefix(from)
        let moved = files.keys.filter { $0.hasPrefix(prefix) }
        guard !moved.isEmpty else { throw WorldError.notFound(from) }
        for key in moved { files[Self.prefix(to) + key.dropFirst(prefix.count)] = files.removeValue(forKey: key) }
    }

    public func remove(_ path: String) throws {
        lock.lock(); defer { lock.unlock() }
        files[path] = nil
        let prefix = Self.prefix(path)
        for key in files.keys.filter({ $0.hasPrefix(prefix) }) { files[key] = nil }
    }

    public func createDirectory(_ path: String) throws {}

    public func sync(_ folder: String) {}

    public func lock(_ path: String, waiting: () -> Void) throws -> FolderLock {
        lock.lock(); defer { lock.unlock() }
        if files[path] == nil { files[path] = [] }
        return MemoryLock()
    }

    public func today() -> CalendarDate { date }

    private static func prefix(_ folder: String) -> String { folder.hasSuffix("/") ? folder : folder + "/" }
}

/// Nothing to release: a memory world belongs to one test.
final class MemoryLock: FolderLock {
    func release() {}
}
