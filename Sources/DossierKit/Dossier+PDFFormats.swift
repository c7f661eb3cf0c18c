import DocumentModel
import PDF

extension Dossier {
    /// The PDFs `formats` asks for: each document's, the packet, or both (each document laid out once for both).
    func renderPDFs(_ pdf: PDFRenderer, _ documents: [Document], formats: OutputFormats, title: String,
                    language: String) -> (documents: [RenderedPDF], packet: RenderedPDF?) {
        switch (formats.pdf, formats.packet) {
        case (true, true):
            let both = pdf.renderEach(documents, packetTitle: title, language: language)
            return (both.documents, both.packet)
        case (true, false):
            return (documents.map(pdf.render), nil)
        case (false, true):
            return ([], pdf.renderPacket(documents, title: title, language: language))
        case (false, false):
            return ([], nil)
        }
    }
}
