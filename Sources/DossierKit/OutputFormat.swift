import Foundation

/// What `render` writes besides `manifest.json`: HTML files, each document's own PDF, and `packet.pdf`.
public struct OutputFormats: Sendable, Hashable {
    public var html: Bool
    /// Each document's own PDF.
    public var pdf: Bool
    /// `packet.pdf`: every document in one PDF.
    public var packet: Bool

    /// `packet` defaults to `pdf`: asking for PDFs gives each document's and the packet.
    public init(html: Bool = true, pdf: Bool = true, packet: Bool? = nil) {
        self.html = html
        self.pdf = pdf
        self.packet = packet ?? pdf
    }

    /// Any PDF at all (the fonts are loaded only then).
    public var anyPDF: Bool { pdf || packet }

    /// Parses `html,pdf,packet`: `pdf` is each document's PDF and the packet, `packet` the packet alone; nil for an
    /// unknown name.
    public init?(list: String) {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ ["html", "pdf", "packet"].contains($0) }) else { return nil }
        self.init(html: names.contains("html"), pdf: names.contains("pdf"), packet: names.contains("pdf") || names.contains("packet"))
    }
}
