import CaseModel
import Compose
import DocumentModel
import DossierCore
import PDF
import Rules
import Typesetting

/// The facade: runs the pipeline (load → resolve → compose → export) for one case. The CLI, the batch runner and
/// any server call this. Resources (rule book, templates, fonts) load once and are shared, read-only, by all cases.
public final class Dossier: Sendable {
    public let world: World
    public let book: RuleBook
    /// Each procedure's templates (its outputs) with its catalogs: the shared `strings/<lang>.yaml` and its own
    /// `<procedure>/strings/<lang>.yaml`, for the procedure's languages.
    public let templateSets: [String: TemplateSet]
    /// The stylesheet every document uses.
    public let stylesheet: String
    /// The case summary of a combined case (`case-summary.xhtml`), with the shared catalogs of every language.
    let summaryTemplates: TemplateSet?
    /// Loaded only when PDF output is asked for.
    let fonts: FontLibrary?
    /// The stylesheet for PDF, by paper size (`a4`, `letter`).
    let stylesheets: [String: Stylesheet]
    /// Warnings found while loading resources (e.g. a CSS property outside the PDF engine's subset).
    public let resourceWarnings: [Diagnostic]

    /// Loads `Rules/`, `Templates/` and (with `pdf`) `Fonts/` from `resources`; `rules` and `templates` override the
    /// rule-book and template folders (a procedure kept elsewhere, a consultancy's own templates).
    public init(world: World, resources: String, rules rulesFolder: String? = nil, templates templateFolder: String? = nil,
                pdf: Bool) throws(DiagnosticError) {
        self.world = world
        switch RuleBookSource.load(from: rulesFolder ?? Self.join(resources, "Rules"), world: world) {
        case .success(let book): self.book = book
        case .failure(let error): throw error
        }
        let templateDir = templateFolder ?? Self.join(resources, "Templates")
        var sets: [String: TemplateSet] = [:]
        var diagnostics: [Diagnostic] = []
        for procedure in book.procedures {
            var names: [String] = []
            for output in procedure.outputs where !names.contains(output.template) { names.append(output.template) }
            let catalogs = procedure.languages.map { "strings/\($0).yaml" }
                + procedure.languages.map { "\(procedure.id)/strings/\($0).yaml" }.filter { world.exists(Self.join(templateDir, $0)) }
            do {
                sets[procedure.id] = try TemplateSet.load(directory: templateDir, templates: names, catalogs: catalogs,
                                                          stylesheet: nil, loader: { try world.read($0) })
            } catch {
                diagnostics += error.diagnostics
            }
        }
        let sharedCatalogs = book.languages.map { "strings/\($0).yaml" }.filter { world.exists(Self.join(templateDir, $0)) }
        if world.exists(Self.join(templateDir, "case-summary.xhtml")) {
            do {
                summaryTemplates = try TemplateSet.load(directory: templateDir, templates: ["case-summary.xhtml"], catalogs: sharedCatalogs,
                                                        stylesheet: nil, loader: { try world.read($0) })
            } catch {
                summaryTemplates = nil
                diagnostics += error.diagnostics
            }
        } else {
            summaryTemplates = nil
        }
        let cssFile = Self.join(templateDir, "dossier.css")
        let css: String
        do { css = String(decoding: try world.read(cssFile), as: UTF8.self) } catch {
            css = ""
            diagnostics.append(.error("TPL002", "cannot read \(cssFile): \(error)", at: .file(cssFile)))
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        self.templateSets = sets
        self.stylesheet = css
        var warnings: [Diagnostic] = sets.keys.sorted().flatMap { sets[$0]!.warnings }
        if pdf {
            let fontDir = Self.join(resources, "Fonts")
            do {
                fonts = try FontLibrary(fontData: { try world.read(Self.join(fontDir, $0)) })
            } catch {
                throw DiagnosticError([.error("PDF001", "cannot load the fonts: \(error)", at: .file(fontDir))])
            }
            let file = Self.join(templateDir, "dossier.css")
            var sheets: [String: Stylesheet] = [:]
            for (paper, size) in [("a4", "A4"), ("letter", "letter")] {
                // Appended last so it wins over the stylesheet's own @page; the stylesheet leaves size to the case.
                let (sheet, cssDiagnostics) = Stylesheet.parse(css + "\n@page { size: \(size); }\n", file: file)
                sheets[paper] = sheet
                if paper == "a4" { warnings += cssDiagnostics }
            }
            stylesheets = sheets
        } else {
            fonts = nil
            stylesheets = [:]
        }
        resourceWarnings = warnings
    }

    /// `load`: a case file's text → a checked case.
    public func loadCase(text: String, file: String) -> Result<CaseFile, DiagnosticError> {
        CaseLoader.load(text: text, file: file, schema: book.schema)
    }

    /// The date rules are applied for: `--date`, else the case's `prepared_on`, else today.
    public func evaluationDate(for caseFile: CaseFile, override: CalendarDate?) -> CalendarDate {
        override ?? caseFile.preparedOn ?? world.today()
    }

    /// `resolve`: the facts each procedure needs are checked first; then one plan per procedure.
    public func resolve(_ caseFile: CaseFile, on date: CalendarDate) -> Result<[PacketPlan], DiagnosticError> {
        Resolver(book: book).plan(caseFile, on: date)
    }

    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
