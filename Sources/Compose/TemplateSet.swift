import DocumentModel
import DossierCore

/// All templates, the string catalogs and the stylesheet, loaded once through the caller's file access.
public struct TemplateSet: Sendable {
    /// Templates in the order they were named.
    public let templates: [Template]
    /// The catalogs of the case languages.
    public let strings: StringCatalog
    /// The stylesheet text (empty when none was asked for).
    public let stylesheet: String
    /// Problems found while loading that do not stop it (see `StringCatalog.warnings`).
    public var warnings: [Diagnostic] { strings.warnings }

    /// Reads `directory/<template>` for each template, `directory/strings/<language>.yaml` for each language and
    /// `directory/<stylesheet>`, all through `loader`; checks every literal `t:text` key against the catalogs.
    /// Throws every problem found in every file at once.
    public static func load(directory: String = "Templates", templates names: [String], languages: [String],
                            stylesheet stylesheetName: String? = "dossier.css",
                            loader: (String) throws -> [UInt8]) throws(DiagnosticError) -> TemplateSet {
        try load(directory: directory, templates: names, catalogs: languages.map { "strings/\($0).yaml" },
                 stylesheet: stylesheetName, loader: loader)
    }

    /// As above, with the catalog files named (`strings/en.yaml`, `n-600/strings/en.yaml`): the language is the file
    /// name; several files of one language merge.
    public static func load(directory: String = "Templates", templates names: [String], catalogs: [String],
                            stylesheet stylesheetName: String? = "dossier.css",
                            loader: (String) throws -> [UInt8]) throws(DiagnosticError) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        func path(_ name: String) -> String { directory.isEmpty ? name : "\(directory)/\(name)" }
        func read(_ file: String) -> [UInt8]? {
            do { return try loader(file) } catch {
                diagnostics.append(.error("TPL002", "cannot read \(file): \(error)", at: .file(file)))
                return nil
            }
        }
        var sources: [StringCatalog.Source] = []
        for catalog in catalogs {
            let file = path(catalog)
            let language = String(catalog.split(separator: "/").last?.dropLast(".yaml".count) ?? "")
            if let bytes = read(file) { sources.append(.init(language: language, file: file, bytes: bytes)) }
        }
        var strings = StringCatalog.empty
        do { strings = try StringCatalog(sources: sources) } catch { diagnostics += error.diagnostics }

        var templates: [Template] = []
        for name in names {
            let file = path(name)
            guard let bytes = read(file) else { continue }
            do {
                let template = try Template(file: file, bytes: bytes)
                diagnostics += template.missingKeys(in: strings)
                templates.append(template)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var css = ""
        if let stylesheetName, let bytes = read(path(stylesheetName)) { css = String(decoding: bytes, as: UTF8.self) }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        return TemplateSet(templates: templates, strings: strings, stylesheet: css)
    }

    /// A set from parts already loaded.
    public init(templates: [Template], strings: StringCatalog, stylesheet: String = "") {
        self.templates = templates
        self.strings = strings
        self.stylesheet = stylesheet
    }

    /// The template whose file stem or file name is `name` (`checklist` or `checklist.xhtml`).
    public func template(named name: String) -> Template? {
        templates.first { $0.stem == name || $0.file == name || $0.file.hasSuffix("/\(name)") }
    }

    /// Composes the named template with this set's catalogs.
    public func compose(_ name: String, context: TemplateValue, options: ComposeOptions) throws(DiagnosticError) -> Document {
        guard let template = template(named: name) else {
            throw DiagnosticError([.error("TPL002", "no template named `\(name)`",
                                          hint: Suggestion.closest(to: name, in: templates.map(\.stem)).map { "did you mean `\($0)`?" })])
        }
        return try template.compose(context, strings: strings, options: options)
    }
}

extension Template {
    /// `TPL011` for every literal `t:text` key some catalog language lacks, at the template line that uses it.
    public func missingKeys(in strings: StringCatalog) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (key, at) in textKeys {
            for language in strings.languages {
                guard let table = strings.table(language), table.entries[key] == nil else { continue }
                out.append(.error("TPL011", "no translation for `\(key)` in language `\(language)` (\(table.file))", at: at,
                                  hint: Suggestion.closest(to: key, in: table.keys).map { "did you mean `\($0)`?" }))
            }
        }
        return out
    }
}
