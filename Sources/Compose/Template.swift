import DocumentModel
import DossierCore

/// An XHTML template parsed and checked once, then composed many times with different contexts.
public struct Template: Sendable {
    /// The file name used in diagnostics, e.g. `Templates/checklist.xhtml`.
    public let file: String
    let title: [TemplateNode]
    let runningHeader: LocatedInterpolation?
    let body: ElementTemplate
    /// Literal `t:text` keys and where they are used, for checking a catalog up front.
    let textKeys: [(key: String, at: SourceLocation)]

    /// Parses and checks a template; throws every `TPL001` (XML), `TPL012` and `TPL013` (template language) problem.
    public init(file: String, bytes: [UInt8]) throws(DiagnosticError) {
        let parsed: (root: XMLElement, map: SourceMap)
        switch XMLReader.parse(bytes, file: file) {
        case .success(let value): parsed = value
        case .failure(let error): throw error
        }
        var compiler = TemplateCompiler(map: parsed.map)
        let output = compiler.compile(parsed.root)
        guard let output, !compiler.diagnostics.hasErrors else { throw DiagnosticError(compiler.diagnostics) }
        self.file = file
        title = output.title
        runningHeader = output.runningHeader
        body = output.body
        textKeys = compiler.textKeys
    }

    /// Parses a template from text (tests and tools).
    public init(file: String, text: String) throws(DiagnosticError) {
        try self.init(file: file, bytes: Array(text.utf8))
    }

    /// The file's stem: `Templates/checklist.xhtml` → `checklist`, the default document name.
    public var stem: String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// Composes a document; throws all `TPL010`/`TPL011`/`TPL014` problems at once, never an empty string in their place.
    public func compose(_ context: TemplateValue, strings: StringCatalog, options: ComposeOptions) throws(DiagnosticError) -> Document {
        var composer = Composer(root: context, strings: strings, languages: options.languages, file: file)
        composer.checkSetup()
        let body = composer.element(body)
        let title = options.title ?? composer.plainText(title)
        let header = options.runningHeader ?? runningHeader.map { composer.string($0) } ?? ""
        if composer.diagnostics.hasErrors { throw DiagnosticError(composer.diagnostics) }
        return Document(name: options.name ?? stem, title: title, language: options.languages.first ?? "",
                        runningHeader: header, body: body)
    }
}
