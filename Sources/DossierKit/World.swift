import DossierCore
import Foundation

/// Everything the pipeline reads or writes outside itself: files, the clock. The CLI uses the real file system;
/// tests use `MemoryWorld`. Library code never touches the disk or the clock except through this.
public protocol World: Sendable {
    func read(_ path: String) throws -> [UInt8]
    /// Files (not folders) below a folder, as paths including the folder, sorted.
    func list(_ folder: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func exists(_ path: String) -> Bool
    /// Writes atomically: a temporary file in the same folder, then a rename.
    func write(_ bytes: [UInt8], to path: String) throws
    func createDirectory(_ path: String) throws
    func today() -> CalendarDate
    /// The path with every link and `.`/`..` resolved (realpath), or nil when nothing is there.
    func canonicalPath(_ path: String) -> String?
    /// The size of a file in bytes without reading it, when known.
    func fileSize(_ path: String) -> Int?
}

extension World {
    /// Worlds without links (`MemoryWorld`): the path as given, when it exists.
    public func canonicalPath(_ path: String) -> String? { path == "." || exists(path) || isDirectory(path) ? path : nil }
    /// Unknown unless the world says: the caller reads the file and checks its length instead.
    public func fileSize(_ path: String) -> Int? { nil }
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

public enum WorldError: Error, CustomStringConvertible {
    case notFound(String)
    case notUTF8(String)
    case writeFailed(String, String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .notUTF8(let p): return "\(p): not UTF-8 text"
        case .writeFailed(let p, let why): return "\(p): cannot write (\(why))"
        }
    }
}
