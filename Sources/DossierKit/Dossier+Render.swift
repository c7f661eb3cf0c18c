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
        result.location = SourceLocation(file: input.name, line: input.firstLine, column: 1)
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
        result.diagnostics = caseFile.warnings
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

        var composedPackets: [PacketComposer.Composed] = []
        for plan in plans {
            guard let templates = templateSets[plan.procedure] else { continue }
            do {
                composedPackets.append(try PacketComposer(templates: templates, book: book).compose(caseFile, plan: plan, logoName: logo?.name))
            } catch {
                result.diagnostics = error.diagnostics
                return result
            }
        }
        var allDocuments = composedPackets.flatMap(\.documents)
        var summary: Document?
        if plans.count > 1 {
            // A combined case: one summary first, then each packet's documents under its own bookmark.
            for (i, plan) in plans.enumerated() {
                for d in composedPackets[i].documents.indices {
                    composedPackets[i].documents[d].section = plan.title[caseFile.languages.first ?? "en"]
                }
            }
            allDocuments = composedPackets.flatMap(\.documents)
            if let templates = summaryTemplates {
                let context = CaseSummaryContext(caseFile: caseFile, plans: plans, strings: templates.strings,
                                                 languages: caseFile.languages, book: book).value()
                do {
                    var document = try templates.compose("case-summary.xhtml", context: context,
                                                         options: ComposeOptions(languages: caseFile.languages, name: "case-summary", runningHeader: caseFile.id))
                    if let label = templates.strings.string("page.counter", language: caseFile.languages.first ?? "en") { document.pageLabel = label }
                    summary = document
                    allDocuments.insert(document, at: 0)
                } catch {
                    result.diagnostics = error.diagnostics
                    return result
                }
            }
        }
        // Each document is laid out once, for its own PDF and for the packet.
        var pdfs: [String: [UInt8]] = [:]
        var packetPDF: [UInt8]?
        if formats.anyPDF, let pdf = pdfRenderer(logo: logo, paper: Self.paper(for: caseFile)) {
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
                    let html = HTMLExporter().html(for: document, stylesheet: stylesheet)
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
        var summaryFiles: [String] = []
        if let summary {
            if formats.html {
                result.files.append((summary.name + ".html", Array(HTMLExporter().html(for: summary, stylesheet: stylesheet).utf8)))
                summaryFiles.append(summary.name + ".html")
            }
            if let bytes = pdfs[summary.name] {
                result.files.append((summary.name + ".pdf", bytes))
                summaryFiles.append(summary.name + ".pdf")
            }
        }
        if let packetPDF { result.files.append(("packet.pdf", packetPDF)) }
        result.files.append(("calendar.ics", Array(CalendarWriter.ics(caseID: caseFile.id, plans: plans, language: caseFile.languages.first ?? "en").utf8)))
        if let logo { result.files.append((logo.name, logo.bytes)) }
        let manifest = Manifest.json(for: caseFile, plans: manifestPackets, languages: caseFile.languages, summary: summaryFiles)
        result.files.append(("manifest.json", Array(manifest.serialized().utf8)))
        result.status = .ok
        return result
    }

    /// `case.paper`, else Letter for an applicant living in the United States (where it is the paper sold and the
    /// paper US offices file), else A4.
    static func paper(for caseFile: CaseFile) -> String {
        if let paper = caseFile.fact("case.paper")?.string { return paper }
        guard let residence = caseFile.fact("applicant.residence") else { return "a4" }
        let country = residence["country"]?.string ?? "US"
        return country == "US" ? "letter" : "a4"
    }

    func pdfRenderer(logo: (name: String, bytes: [UInt8])?, paper: String) -> PDFRenderer? {
        guard let fonts, let stylesheet = stylesheets[paper] else { return nil }
        let bytes = logo?.bytes
        let name = logo?.name
        return PDFRenderer(stylesheet: stylesheet, fonts: fonts, images: { $0 == name ? bytes : nil })
    }

    /// The logo is copied beside the documents as `logo.png`/`logo.jpg` so the HTML can refer to it.
    func loadLogo(_ path: String, folder: String) throws -> (name: String, bytes: [UInt8]) {
        try LogoLoader(world: world).load(path, folder: folder)
    }

    /// Layout warnings carry the document they were found in.
    static func located(_ d: Diagnostic, document: String) -> Diagnostic {
        var d = d
        if d.location == nil, !d.message.contains(document) { d.notes.append("in \(document)") }
        return d
    }
}
