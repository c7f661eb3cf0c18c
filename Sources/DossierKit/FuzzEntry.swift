import CaseModel
import Compose
import DocumentModel
import DossierCore
import PDF
import Typesetting

/// Raw bytes through the loaders as the CLI feeds them: what the fuzz targets (`Fuzz/`) and the corpus replay test
/// share. Each entry returns a short summary of what it found (status, codes, locations, sizes): the same bytes always
/// give the same summary, and no bytes may trap.
public struct FuzzEntry: Sendable {
    /// What a corpus file is fed to: its folder name under `Fuzz/corpus/`.
    public enum Kind: String, Sendable, CaseIterable {
        case caseFile = "case", csv, template, css
    }

    let dossier: Dossier
    let fonts: FontLibrary
    /// The date every case is evaluated for, so a summary never depends on the clock.
    static let date = CalendarDate(year: 2026, month: 11, day: 22)!

    /// Loads the rule book, templates and fonts from `resources` (the repository root) once.
    public init(resources: String) throws {
        let world = FileSystemWorld()
        dossier = try Dossier(world: world, resources: resources, pdf: false)
        fonts = try FontLibrary(fontData: { try world.read(Dossier.join(resources, "Fonts/" + $0)) })
    }

    /// Feeds `bytes` to the entry point for `kind`.
    public func run(_ kind: Kind, _ bytes: [UInt8]) -> String {
        switch kind {
        case .caseFile: return caseFile(bytes)
        case .csv: return csv(bytes)
        case .template: return template(bytes)
        case .css: return css(bytes)
        }
    }

    /// A YAML/JSON case file: load, resolve, compose and export HTML (what `render --format html` does in memory).
    public func caseFile(_ bytes: [UInt8]) -> String {
        cases(in: bytes, name: "fuzz.yaml")
    }

    /// A CSV of cases: split into rows, each row through the same pipeline as a case file.
    public func csv(_ bytes: [UInt8]) -> String {
        cases(in: bytes, name: "fuzz.csv")
    }

    private func cases(in bytes: [UInt8], name: String) -> String {
        let world = MemoryWorld(files: [name: bytes], today: Self.date)
        let (inputs, problems) = InputCollector(world: world, schema: dossier.book.schema).collect([name])
        var lines = problems.map(Self.summary)
        for input in inputs.prefix(16) {
            let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: Self.date)
            lines.append("\(result.input) \(result.status.rawValue) \(result.caseID ?? "-")")
            lines += result.diagnostics.map(Self.summary)
            lines += result.files.map { "  \($0.name) \($0.bytes.count)" }
            // The terminal rendering quotes source lines: it must not trap either.
            let renderer = DiagnosticRenderer(sources: result.sources)
            lines.append("  rendered \(result.diagnostics.map(renderer.render).joined().utf8.count)")
        }
        return lines.joined(separator: "\n")
    }

    /// An XHTML template: parse and check it, then compose it with a small context.
    public func template(_ bytes: [UInt8]) -> String {
        let template: Template
        do { template = try Template(file: "fuzz.xhtml", bytes: bytes) } catch {
            return error.diagnostics.map(Self.summary).joined(separator: "\n")
        }
        let context = TemplateValue.object([
            "case": .object(["id": .string("2026-0142"), "languages": .list([.string("en"), .string("vi")])]),
            "items": .list([.string("a"), .string("b")]),
            "flag": .bool(true),
            "none": .null,
        ])
        do {
            let strings = dossier.book.procedures.first.flatMap { dossier.templateSets[$0.id] }?.strings ?? .empty
            let document = try template.compose(context, strings: strings,
                                                options: ComposeOptions(languages: ["en", "vi"]))
            return "ok \(document.body.textContent.unicodeScalars.count)"
        } catch {
            return error.diagnostics.map(Self.summary).joined(separator: "\n")
        }
    }

    /// A stylesheet: parse it and lay out and export a small bilingual document with it.
    public func css(_ bytes: [UInt8]) -> String {
        let (sheet, diagnostics) = Stylesheet.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.css")
        let renderer = PDFRenderer(stylesheet: sheet, fonts: fonts)
        let pdf = renderer.render(Self.sampleDocument)
        return (diagnostics + pdf.diagnostics).map(Self.summary).joined(separator: "\n")
            + "\npages \(pdf.pageCount) bytes \(pdf.bytes.count)"
    }

    static let sampleDocument: Document = {
        func el(_ name: String, _ children: [Node]) -> Node { .element(Element(name, [], children)) }
        func el(_ name: String, class c: String, _ children: [Node]) -> Node {
            .element(Element(name, [Attribute("class", c)], children))
        }
        let row = el("tr", [el("td", [.text("1.")]), el("td", class: "amount", [.text("$25.00")])])
        let body = Element("body", [Attribute("class", "checklist")], [
            el("h1", [.text("Checklist / Danh mục hồ sơ")]),
            el("p", class: "note", [.text("Giấy xác nhận tình trạng hôn nhân — "), el("strong", [.text("notary")])]),
            el("ol", class: "steps", [el("li", [.text("Notary")]), el("li", [el("em", [.text("Secretary of State")])])]),
            el("table", [el("thead", [el("tr", [el("th", [.text("#")]), el("th", [.text("Fee")])])]),
                         el("tbody", [row, row])]),
            el("hr", []),
            el("p", [el("a", [.text("https://example.org")]), .text(" Nguyễn Thị Thu Hà")]),
        ])
        return Document(name: "fuzz", title: "Fuzz", language: "en", runningHeader: "2026-0142", body: body)
    }()

    /// One line per diagnostic: where and which code (messages may quote the input; codes and places suffice).
    static func summary(_ d: Diagnostic) -> String {
        "  \(d.severity.rawValue) \(d.code) \(d.location.map { "\($0.line):\($0.column)" } ?? "-")"
    }
}
