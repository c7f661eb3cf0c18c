import DossierCore
import Foundation

/// Everything the pipeline reads or writes outside itself: files, the clock. The CLI uses the real file system;
/// tests use `MemoryWorld`. Library code never touches the disk or the clock except through this.
public protocol World: Sendable {
    func read(_ path: String) throws -> [UInt8]
    /// A file's bytes a chunk at a time, so a large batch file is never held whole.
    func open(_ path: String) throws -> any ByteStream
    /// Files (not folders) below a folder, as paths including the folder, sorted.
    func list(_ folder: String) throws -> [String]
    /// Like `list`, never entering the folders in `skipping` (real paths, as `realPath` gives them).
    func list(_ folder: String, skipping: [String]) throws -> [String]
    /// The names directly inside a folder (files and folders), sorted.
    func entries(_ folder: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func exists(_ path: String) -> Bool
    /// The size of a file, or nil when there is none.
    func fileSize(_ path: String) -> Int?
    /// The path with symbolic links, `.` and `..` resolved (as far as the path exists), to compare folders.
    func realPath(_ path: String) -> String
    /// Writes atomically: a temporary file in the same folder, then one rename.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Creates a new file and writes it once; fails if the path exists. No temporary name, no rename.
    func create(_ bytes: [UInt8], at path: String) throws
    /// Adds bytes at the end of a file (created when missing) with one write.
    func append(_ bytes: [UInt8], to path: String) throws
    /// Renames a file or a folder (same file system).
    func rename(_ from: String, to: String) throws
    /// Removes a file or a folder with everything in it; nothing when the path does not exist.
    func remove(_ path: String) throws
    func createDirectory(_ path: String) throws
    /// Makes the entries of a folder durable (fsync of the folder).
    func sync(_ folder: String)
    /// Takes an exclusive lock on a file (created when missing), waiting while another process holds it;
    /// `waiting` is called once before waiting. The lock is held until the returned value is released.
    func lock(_ path: String, waiting: () -> Void) throws -> FolderLock
    func today() -> CalendarDate
    /// The path with every link and `.`/`..` resolved (realpath), or nil when nothing is there.
    func canonicalPath(_ path: String) -> String?
}

/// A lock taken with `World.lock`; released by `release()` or when the process ends.
public protocol FolderLock: AnyObject, Sendable {
    func release()
}

/// Bytes read a chunk at a time; an empty chunk means the end.
public protocol ByteStream: AnyObject {
    func read(upTo count: Int) throws -> [UInt8]
}

/// A whole byte array read as a stream.
final class ArrayByteStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(upTo count: Int) throws -> [UInt8] {
        let end = min(bytes.count, offset + count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

extension World {
    /// Worlds without links (`MemoryWorld`): the path as given, when it exists.
    public func canonicalPath(_ path: String) -> String? { path == "." || exists(path) || isDirectory(path) ? path : nil }
}

extension World {
    /// A file as UTF-8 text; `TextDecodingError` (with the line and column of the first bad byte) when it is not.
    public func readText(_ path: String) throws -> String {
        switch SourceText.decode(try read(path)) {
        case .success(let text): return text
        case .failure(let problem): throw TextDecodingError(path: path, problem: problem)
        }
    }
}

/// A file that is not UTF-8, with where it stops being UTF-8.
public struct TextDecodingError: Error, CustomStringConvertible {
    public var path: String
    public var problem: SourceText.UTF8Problem

    /// The position of the first byte that is not UTF-8, for a located diagnostic.
    public var location: SourceLocation { SourceLocation(file: path, line: problem.line, column: problem.column) }

    public var description: String { "\(path): \(problem)" }

    /// `CASE001` at the bad byte, with what to do about it.
    public var diagnostic: Diagnostic {
        .error("CASE001", "cannot read: \(problem)", at: location, hint: "save the file as UTF-8")
    }
}

extension World {
    public func list(_ folder: String, skipping: [String]) throws -> [String] {
        let files = try list(folder)
        guard !skipping.isEmpty else { return files }
        return files.filter { file in !skipping.contains { isInside(realPath(file), folder: $0) } }
    }
}

/// True when `path` is `folder` or below it (both as `realPath` gives them).
func isInside(_ path: String, folder: String) -> Bool {
    path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
}

public enum WorldError: Error, CustomStringConvertible {
    case notFound(String)
    case notUTF8(String)
    case writeFailed(String, String)
    case readFailed(String, String)
    case brokenLink(String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .notUTF8(let p): return "\(p): not UTF-8 text"
        case .writeFailed(let p, let why): return "\(p): cannot write (\(why))"
        case .readFailed(let p, let why): return "\(p): cannot read (\(why))"
        case .brokenLink(let p): return "\(p): a symbolic link to a file that does not exist"
        }
    }
}
