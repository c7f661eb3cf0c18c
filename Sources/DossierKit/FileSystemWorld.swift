import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system and clock, for the CLI. Writes use plain system calls: Foundation's atomic writes leave
/// hidden `.dat.nosync*` temporaries behind when a process is killed, and cost a second rename.
public struct FileSystemWorld: World {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        let stream = try FileByteStream(path: path)
        var out: [UInt8] = []
        while true {
            let chunk = try stream.read(upTo: 1 << 20)
            if chunk.isEmpty { return out }
            out += chunk
        }
    }

    public func open(_ path: String) throws -> any ByteStream { try FileByteStream(path: path) }

    public func list(_ folder: String) throws -> [String] { try list(folder, skipping: []) }

    public func list(_ folder: String, skipping: [String]) throws -> [String] {
        guard isDirectory(folder) else { throw WorldError.notFound(folder) }
        var out: [String] = []
        try walk(folder, skipping: skipping, into: &out)
        return out.sorted()
    }

    private func walk(_ folder: String, skipping: [String], into out: inout [String]) throws {
        for name in try entries(folder) {
            let path = Dossier.join(folder, name)
            if isDirectory(path) {
                // Never a folder reached through a symbolic link (no loops), never a skipped one (the output).
                if isSymbolicLink(path) || skipping.contains(realPath(path)) { continue }
                try walk(path, skipping: skipping, into: &out)
            } else {
                out.append(path)
            }
        }
    }

    public func entries(_ folder: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw WorldError.readFailed(folder, "not a readable folder")
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    public func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = Dossier.join(folder.isEmpty ? "." : folder, ".tmp-\(name)-\(getpid())")
        try? remove(temp)
        try create(bytes, at: temp)
        do { try rename(temp, to: path) } catch {
            try? remove(temp)
            throw error
        }
    }

    public func create(_ bytes: [UInt8], at path: String) throws {
        let fd = Sys.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorldError.writeFailed(path, Self.lastError()) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        let fd = Sys.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorldError.writeFailed(path, Self.lastError()) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    private func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Sys.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WorldError.writeFailed(path, Self.lastError())
                }
                offset += n
            }
        }
    }

    public func rename(_ from: String, to: String) throws {
        guard Sys.rename(from, to) == 0 else { throw WorldError.writeFailed(to, Self.lastError()) }
    }

    public func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw WorldError.writeFailed(path, "cannot remove: \(error.localizedDescription)")
        }
    }

    public func createDirectory(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw WorldError.writeFailed(path, "cannot create the folder")
        }
    }

    public func sync(_ folder: String) {
        let fd = Sys.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    public func lock(_ path: String, waiting: () -> Void) throws -> FolderLock {
        let fd = Sys.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorldError.writeFailed(path, Self.lastError()) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let why = Self.lastError()
                close(fd)
                throw WorldError.writeFailed(path, "cannot lock: \(why)")
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let why = Self.lastError()
                    close(fd)
                    throw WorldError.writeFailed(path, "cannot lock: \(why)")
                }
            }
        }
        return FileLock(fd: fd)
    }

    public func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return CalendarDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// An `flock` held on an open file; closing the file releases it.
final class FileLock: FolderLock, @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }

    func release() {
        lock.lock(); defer { lock.unlock() }
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// A file read with `read(2)` a chunk at a time.
final class FileByteStream: ByteStream {
    private var fd: Int32
    private let path: String

    init(path: String) throws {
        self.path = path
        fd = Sys.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if code == ENOENT, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { throw WorldError.brokenLink(path) }
            if code == ENOENT { throw WorldError.notFound(path) }
            throw WorldError.readFailed(path, String(cString: strerror(code)))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            fd = -1
            throw WorldError.readFailed(path, "it is a folder")
        }
    }

    func read(upTo count: Int) throws -> [UInt8] {
        guard fd >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = buffer.withUnsafeMutableBytes { Sys.read(fd, $0.baseAddress, count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WorldError.readFailed(path, String(cString: strerror(errno)))
            }
            buffer.removeLast(count - n)
            return buffer
        }
    }

    deinit { if fd >= 0 { close(fd) } }
}

/// The C calls whose names the world's own methods shadow.
enum Sys {
    #if canImport(Glibc)
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { Glibc.open(path, flags, mode) }
    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
    static func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    #else
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { Darwin.open(path, flags, mode) }
    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
    static func rename(_ from: String, _ to: String) -> Int32 { Darwin.rename(from, to) }
    #endif
}
