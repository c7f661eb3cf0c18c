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
}

extension World {
    public func readText(_ path: String) throws -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw WorldError.notUTF8(path) }
        return text
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
