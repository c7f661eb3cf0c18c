import DossierCore
import Typesetting

/// The `exportPDF` stage: laid-out pages to PDF bytes. Makes no layout decisions.
public struct PDFExporter: Sendable {
    private let fonts: FontLibrary
    private let subsetter: FontSubsetter

    public init(fonts: FontLibrary) {
        self.fonts = fonts
        // One subsetter per font library, however many renderers use it.
        subsetter = fonts.shared { FontSubsetter(fonts: fonts) }
    }

    /// Writes `documents` into one file; with `packet`, the outline has one top entry per document.
    public func export(_ documents: [LaidOutDocument], title: String, language: String, packet: Bool) -> RenderedPDF {
        var diagnostics = documents.flatMap(\.diagnostics)
        var file = PDFFile()
        let catalog = file.allocate()
        let pagesRoot = file.allocate()
        let info = file.allocate()
        let resources = file.allocate()

        // Pass 1: which glyphs each face needs and what text they stand for.
        var usages: [FontUsage?] = Array(repeating: nil, count: fonts.faces.count)
        for document in documents {
            for page in document.pages {
                for case .text(let run) in page.items where run.face >= 0 && run.face < usages.count {
                    if usages[run.face] == nil { usages[run.face] = FontUsage(face: fonts.faces[run.face]) }
                    usages[run.face]!.record(run)
                }
            }
        }
        var embedded: [EmbeddedFont?] = Array(repeating: nil, count: usages.count)
        for case let usage? in usages {
            let glyphs = usage.glyphs
            guard let subset = subsetter.subset(face: usage.face.index, glyphs: glyphs) else {
                diagnostics.append(.error("PDF001", "could not subset font \(usage.face.fileName)"))
                continue
            }
            embedded[usage.face.index] = EmbeddedFont(usage: usage, font: subset.font, newIDs: subset.newIDs,
                                                      resourceName: "F\(usage.face.index)",
                                                      objectNumber: file.allocate())
        }

        // Images: each source once, in first-use order.
        var imageObjects: [String: Int] = [:]
        var imageNames: [String] = []
        var imageRefs: [Int] = []
        var pageObjects: [Int] = []
        var pageStarts: [Int] = []
        var structure = StructureWriter(documents: documents)
        let totalPages = documents.reduce(0) { $0 + $1.pages.count }
        for _ in 0..<totalPages { pageObjects.append(file.allocate()) }
        var pageNumber = 0
        for (d, document) in documents.enumerated() {
            pageStarts.append(pageNumber)
            var localImages: [Int: String] = [:]
            for (index, image) in document.images.enumerated() {
                if imageObjects[image.source] == nil {
                    guard let object = ImageWriter.write(image, into: &file, diagnostics: &diagnostics) else { continue }
                    imageObjects[image.source] = object
                    imageNames.append("Im\(imageNames.count)")
                    imageRefs.append(object)
                }
                if let object = imageObjects[image.source], let k = imageRefs.firstIndex(of: object) {
                    localImages[index] = imageNames[k]
                }
            }
            for page in document.pages {
                let pageObject = pageObjects[pageNumber]
                pageNumber += 1
                let contentObject = file.allocate()
                let structParents = structure.beginPage()
                var content = ContentStream(pageHeight: page.height)
                var annotations: [Int] = []
                // Consecutive runs of one element share one marked-content sequence (one MCID).
                var lastTag: Int32?
                func mark(_ tag: Int32) {
                    if tag == StructureNode.paginationArtifact { return content.setMark(.pagination) }
                    guard tag >= 0, Int(tag) < document.structure.count else { return content.setMark(.layout) }
                    if tag == lastTag, case .tagged = content.mark { return }
                    lastTag = tag
                    content.setMark(.tagged(mcid: structure.mark(document: d, node: tag)),
                                    role: document.structure[Int(tag)].role)
                }
                for item in page.items {
                    switch item {
                    case .fill(let rect, let color):
                        content.setMark(.layout)
                        content.fill(rect, color)
                    case .text(let run):
                        guard run.face >= 0 && run.face < embedded.count, let font = embedded[run.face] else { continue }
                        mark(run.tag)
                        content.text(run, font: font)
                    case .image(let index, let rect, let tag):
                        guard let name = localImages[index] else { continue }
                        mark(tag)
                        content.image(name, rect)
                    case .link(let rect, let uri, let tag):
                        let annotation = file.allocate()
                        var parent: Int?
                        if tag >= 0 && Int(tag) < document.structure.count {
                            parent = structure.annotation(document: d, node: tag, object: annotation)
                        }
                        file.set(annotation, Self.link(rect, uri: uri, pageHeight: page.height, structParent: parent,
                                                       page: pageObject))
                        annotations.append(annotation)
                    }
                }
                content.setMark(.none)
                file.setStream(contentObject, dictionary: "", data: content.buffer.bytes, compress: true)
                var p = PDFBuffer()
                p.append("<</Type/Page/Parent ")
                p.int(pagesRoot)
                p.append(" 0 R/MediaBox[0 0 ")
                p.number(page.width)
                p.space()
                p.number(page.height)
                p.append("]/Resources ")
                p.int(resources)
                p.append(" 0 R/Contents ")
                p.int(contentObject)
                p.append(" 0 R/StructParents ")
                p.int(structParents)
                p.append("/Tabs/S")
                if !annotations.isEmpty {
                    p.append("/Annots[")
                    for (k, a) in annotations.enumerated() {
                        if k > 0 { p.space() }
                        p.reference(a)
                    }
                    p.append("]")
                }
                p.append(">>")
                file.set(pageObject, p)
            }
        }

        for case let font? in embedded { font.write(into: &file) }

        var r = PDFBuffer()
        r.append("<</ProcSet[/PDF/Text/ImageB/ImageC]/Font<<")
        for case let font? in embedded {
            r.name(font.resourceName)
            r.space()
            r.reference(font.objectNumber)
        }
        r.append(">>")
        if !imageRefs.isEmpty {
            r.append("/XObject<<")
            for (name, object) in zip(imageNames, imageRefs) {
                r.name(name)
                r.space()
                r.reference(object)
            }
            r.append(">>")
        }
        r.append(">>")
        file.set(resources, r)

        var pages = PDFBuffer()
        pages.append("<</Type/Pages/Kids[")
        for (k, object) in pageObjects.enumerated() {
            if k > 0 { pages.space() }
            pages.reference(object)
        }
        pages.append("]/Count ")
        pages.int(pageObjects.count)
        pages.append(">>")
        file.set(pagesRoot, pages)

        let outline = OutlineWriter.write(documents, packet: packet, pageObjects: pageObjects, pageStarts: pageStarts,
                                          into: &file)
        let structTree = structure.write(documents, packet: packet, pageObjects: pageObjects, into: &file)
        let metadata = file.allocate()
        file.setStream(metadata, dictionary: "/Type/Metadata/Subtype/XML",
                       data: Array(Self.xmp(title: title, language: language).utf8), compress: false)

        var c = PDFBuffer()
        c.append("<</Type/Catalog/Pages ")
        c.int(pagesRoot)
        c.append(" 0 R/Lang")
        c.literal(language)
        if let outline {
            c.append("/Outlines ")
            c.int(outline)
            c.append(" 0 R/PageMode/UseOutlines")
        }
        c.append("/MarkInfo<</Marked true>>/StructTreeRoot ")
        c.int(structTree)
        c.append(" 0 R/Metadata ")
        c.int(metadata)
        c.append(" 0 R/ViewerPreferences<</DisplayDocTitle true>>>>")
        file.set(catalog, c)

        var i = PDFBuffer()
        i.append("<</Title")
        i.textString(title)
        i.append("/Producer(Dossier)/Creator(Dossier)>>")
        file.set(info, i)

        return RenderedPDF(bytes: file.bytes(root: catalog, info: info), pageCount: pageObjects.count,
                           diagnostics: diagnostics)
    }

    /// A link annotation; `structParent` ties it to its `Link` element, `/Contents` describes it (PDF/UA).
    private static func link(_ r: Rect, uri: String, pageHeight: Double, structParent: Int?, page: Int) -> PDFBuffer {
        var b = PDFBuffer()
        b.append("<</Type/Annot/Subtype/Link/P ")
        b.reference(page)
        if let structParent {
            b.append("/StructParent ")
            b.int(structParent)
        }
        b.append("/Contents")
        b.textString(uri)
        b.append("/Rect[")
        b.number(r.x)
        b.space()
        b.number(pageHeight - r.y - r.height)
        b.space()
        b.number(r.x + r.width)
        b.space()
        b.number(pageHeight - r.y)
        b.append("]/Border[0 0 0]/A<</S/URI/URI")
        b.literal(uri)
        b.append(">>>>")
        return b
    }

    /// XMP metadata: title, producer and the PDF/UA-1 identification; no dates, so reruns are byte-identical.
    static func xmp(title: String, language: String) -> String {
        var escaped = ""
        for scalar in title.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped)</rdf:li></rdf:Alt></dc:title>
            <dc:language><rdf:Bag><rdf:li>\(language)</rdf:li></rdf:Bag></dc:language>
            <pdf:Producer>Dossier</pdf:Producer>
            <xmp:CreatorTool>Dossier</xmp:CreatorTool>
            <pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
    }
}
