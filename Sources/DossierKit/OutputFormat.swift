import Foundation

/// What `render` writes besides `manifest.json`.
public struct OutputFormats: Sendable, Hashable {
    public var html: Bool
    public var pdf: Bool

    public init(html: Bool = true, pdf: Bool = true) {
        self.html = html
        self.pdf = pdf
    }

    /// Parses `html,pdf`; nil for an unknown name.
    public init?(list: String) {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ $0 == "html" || $0 == "pdf" }) else { return nil }
        self.init(html: names.contains("html"), pdf: names.contains("pdf"))
    }
}
