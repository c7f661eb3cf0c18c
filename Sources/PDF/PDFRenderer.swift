import DocumentModel
import DossierCore
import Typesetting

/// Renders document trees to PDF with our own engine: layout (Typesetting), then export (subset fonts, content
/// streams, outline, metadata). A value to create once and share: it is immutable and `Sendable`.
public struct PDFRenderer: Sendable {
    private let typesetter: Typesetter
    private let exporter: PDFExporter

    /// `images` returns the bytes of an `img src` (PNG or JPEG), or nil when there is no such image.
    public init(stylesheet: Stylesheet, fonts: FontLibrary, images: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        typesetter = Typesetter(stylesheet: stylesheet, fonts: fonts, images: images)
        exporter = PDFExporter(fonts: fonts)
    }

    /// One document as a PDF.
    public func render(_ document: Document) -> RenderedPDF {
        let laidOut = typesetter.layout(document)
        return exporter.export([laidOut], title: laidOut.title, language: laidOut.language, packet: false)
    }

    /// Several documents as one PDF (`packet.pdf`): pages in order, one bookmark per document in filing order with
    /// its headings below it; each document keeps its own running header and page numbering.
    public func renderPacket(_ documents: [Document], title: String, language: String) -> RenderedPDF {
        let laidOut = documents.map(typesetter.layout)
        return exporter.export(laidOut, title: title, language: language, packet: true)
    }

    /// Each document as its own PDF and all of them as the packet, laying each out once for both.
    public func renderEach(_ documents: [Document], packetTitle: String, language: String) -> (documents: [RenderedPDF], packet: RenderedPDF) {
        let laidOut = documents.map(typesetter.layout)
        let each = laidOut.map { exporter.export([$0], title: $0.title, language: $0.language, packet: false) }
        return (each, exporter.export(laidOut, title: packetTitle, language: language, packet: true))
    }
}
