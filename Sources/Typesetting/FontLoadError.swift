/// A font file that could not be loaded.
public struct FontLoadError: Error, Sendable, CustomStringConvertible {
    public var fileName: String
    public var reason: String

    public init(fileName: String, reason: String) {
        self.fileName = fileName
        self.reason = reason
    }

    public var description: String { "cannot load font \(fileName): \(reason)" }
}
