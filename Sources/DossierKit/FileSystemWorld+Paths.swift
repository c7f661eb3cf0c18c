import Foundation

/// Path questions the logo check asks of the real file system.
extension FileSystemWorld {
    /// `realpath(3)`: links followed, `.` and `..` resolved; nil when the path does not exist.
    public func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

}
