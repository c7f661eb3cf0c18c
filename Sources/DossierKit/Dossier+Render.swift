import CaseModel
import Compose
import DocumentModel
import DossierCore
import HTMLExport
import PDF
import Rules

extension Dossier {
    /// The whole pipeline for one case, in memory: nothing is written here, so a failing case leaves no files.
    public func render(_ input: CaseInput, formats: OutputFormats, date override: CalendarDate?) -> RenderedCase {
        var result = renderUnmapped(input, formats: formats, date: override)
        result.input = input.displayName
        result.sources = input.sources
        result.firstLines = input.firstLines
        return result
    }

    private func renderUnmapped(_ input: CaseInput, formats: OutputFormats, date override: CalendarDate?) -> RenderedCase {
        var result = RenderedCase(input: input.name, caseID: nil, status: .error, packets: [], files: [], diagnostics: [],
                                  sources: [input.name: input.text])
        let caseFile: CaseFile
        switch loadCase(input) {
        case .failure(let error): result.diagnostics = error.diagnostics; return result
        case .success(let c): caseFile = c
        }
        result.caseID = caseFile.id
        let date = evaluationDate(for: caseFile, override: override)
        let plans: [PacketPlan]
        switch resolve(caseFile, on: date) {
        case .failure(let error): result.diagnostics = error.diagnostics; return result
        case .success(let p): plans = p
        }

        var logo: (name: String, bytes: [UInt8])?
        if let path = caseFile.fact("case.preparer.logo") {
            do {
                logo = try loadLogo(path.string ?? "", folder: input.folder)
            } catch {
                result.diagnostics = [.error("CASE030", "cannot read the preparer's logo: \(error)", at: path.location,
                                             hint: "give a PNG or JPEG path relative to the case file")]
                return result
            }
        }

        let composer = PacketComposer(templates: templates)
        var composedPackets: [PacketComposer.Composed] = []
        for plan in plans {
            do {
                composedPackets.append(try composer.compose(caseFile, plan: plan, logoName: logo?.name))
            } catch {
                result.diagnostics = error.diagnostics
                return result
            }
        }
        let allDocuments = composedPackets.flatMap(\.documents)
        // Each document is laid out once, for its own PDF and for the packet.
        var pdfs: [String: [UInt8]] = [:]
        var packetPDF: [UInt8]?
        if formats.anyPDF, let pdf = pdfRenderer(logo: logo, paper: caseFile.fact("case.paper")?.string ?? "a4") {
            let title = caseFile.id + " — " + (plans.first?.title[caseFile.languages.first ?? "en"] ?? "packet")
            let rendered = renderPDFs(pdf, allDocuments, formats: formats, title: title, language: caseFile.languages.first ?? "en")
            for (document, output) in zip(allDocuments, rendered.documents) {
                pdfs[document.name] = output.bytes
                result.diagnostics += output.diagnostics.map { Self.located($0, document: document.name) }
            }
            packetPDF = rendered.packet?.bytes
            if !formats.pdf { result.diagnostics += rendered.packet?.diagnostics ?? [] }
        }
        var manifestPackets: [(plan: PacketPlan, files: [String])] = []
        for (plan, composed) in zip(plans, composedPackets) {
            var names: [String] = []
            for document in composed.documents {
                if formats.html {
                    let html = HTMLExporter().html(for: document, stylesheet: templates.stylesheet)
                    result.files.append((document.name + ".html", Array(html.utf8)))
                    names.append(document.name + ".html")
                }
                if let bytes = pdfs[document.name] {
                    result.files.append((document.name + ".pdf", bytes))
                    names.append(document.name + ".pdf")
                }
            }
            if packetPDF != nil { names.append("packet.pdf") }
            manifestPackets.append((plan, names))
            result.packets.append((plan.procedure, plan.verdict.rawValue))
        }
        if let packetPDF { result.files.append(("packet.pdf", packetPDF)) }
        if let logo { result.files.append((logo.name, logo.bytes)) }
        let manifest = Manifest.json(for: caseFile, plans: manifestPackets, languages: caseFile.languages)
        result.files.append(("manifest.json", Array(manifest.serialized().utf8)))
        result.status = .ok
        return result
    }

    func pdfRenderer(logo: (name: String, bytes: [UInt8])?, paper: String) -> PDFRenderer? {
        guard let fonts, let stylesheet = stylesheets[paper] else { return nil }
        let bytes = logo?.bytes
        let name = logo?.name
        return PDFRenderer(stylesheet: stylesheet, fonts: fonts, images: { $0 == name ? bytes : nil })
    }

    /// The logo is copied beside the documents as `logo.png`/`logo.jpg` so the HTML can refer to it.
    func loadLogo(_ path: String, folder: String) throws -> (name: String, bytes: [UInt8]) {
        let full = path.hasPrefix("/") ? path : Dossier.join(folder, path)
        let bytes = try world.read(full)
        let isPNG = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47])
        let isJPEG = bytes.starts(with: [0xFF, 0xD8, 0xFF])
        guard isPNG || isJPEG else { throw LogoError.notAnImage(path) }
        return (isPNG ? "logo.png" : "logo.jpg", bytes)
    }

    enum LogoError: Error, CustomStringConvertible {
        case notAnImage(String)
        var description: String {
            switch self { case .notAnImage(let p): return "\(p) is neither PNG nor JPEG" }
        }
    }

    /// Layout warnings carry the document they were found in.
    static func located(_ d: Diagnostic, document: String) -> Diagnostic {
        var d = d
        if d.location == nil, !d.message.contains(document) { d.notes.append("in \(document)") }
        return d
    }
}
