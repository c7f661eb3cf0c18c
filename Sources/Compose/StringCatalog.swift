import CaseModel
import DossierCore
import Yams

/// Translated strings, one YAML file per language; nested keys flatten to dotted keys (`checklist.heading`).
public struct StringCatalog: Sendable {
    /// One language's file, as bytes the caller read.
    public struct Source: Sendable {
        /// BCP 47 code, e.g. `vi`.
        public var language: String
        /// The name diagnostics use, e.g. `Templates/strings/vi.yaml`.
        public var file: String
        /// The YAML text as UTF-8.
        public var bytes: [UInt8]
        /// One catalog file.
        public init(language: String, file: String, bytes: [UInt8]) {
            self.language = language
            self.file = file
            self.bytes = bytes
        }
    }

    struct Entry: Sendable {
        let text: Interpolation
        let location: SourceLocation
    }

    struct Table: Sendable {
        let language: String
        let file: String
        /// Keys in file order, for ordered checks and listings.
        let keys: [String]
        let entries: [String: Entry]
    }

    let tables: [Table]
    /// Problems that do not stop loading: a translation whose placeholders differ from the first language's.
    public let warnings: [Diagnostic]

    /// A catalog with no languages.
    public static let empty = StringCatalog(tables: [])

    private init(tables: [Table]) {
        self.tables = tables
        warnings = []
    }

    /// Loads every file and checks that all languages have the same keys; throws all `TPL011`/`TPL015` problems.
    /// Several files of one language (the shared catalog and a procedure's own) merge; a key in two of them is an error.
    public init(sources: [Source]) throws(DiagnosticError) {
        var diagnostics: [Diagnostic] = []
        var tables: [Table] = []
        for source in sources {
            let table = Self.table(source, diagnostics: &diagnostics)
            guard let i = tables.firstIndex(where: { $0.language == source.language }) else {
                tables.append(table)
                continue
            }
            var keys = tables[i].keys
            var entries = tables[i].entries
            for key in table.keys {
                if let first = entries[key] {
                    diagnostics.append(Diagnostic(.error, "TPL015", "`\(key)` is defined twice for language `\(source.language)`",
                                                  at: table.entries[key]?.location, notes: ["first defined at \(first.location)"]))
                    continue
                }
                keys.append(key)
                entries[key] = table.entries[key]
            }
            tables[i] = Table(language: tables[i].language, file: tables[i].file, keys: keys, entries: entries)
        }
        for table in tables {
            for other in tables where other.language != table.language {
                for key in table.keys where other.entries[key] == nil {
                    let file = table.entries[key].map { Self.sibling(of: $0.location.file, language: other.language) } ?? other.file
                    diagnostics.append(Diagnostic(
                        .error, "TPL011", "`\(key)` is in \(table.entries[key]?.location.file ?? table.file) but missing from \(file) (language `\(other.language)`)",
                        at: table.entries[key]?.location, hint: "add `\(key)` to \(file)"))
                }
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        self.tables = tables
        warnings = Self.placeholderMismatches(tables)
    }

    /// `…/strings/en.yaml` → `…/strings/vi.yaml`: where the same key belongs in another language.
    static func sibling(of file: String, language: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "\(language).yaml" }
        return file[...slash] + "\(language).yaml"
    }

    /// The languages loaded, in the order given.
    public var languages: [String] { tables.map(\.language) }

    /// All keys, in the first file's order.
    public var keys: [String] { tables.first?.keys ?? [] }

    /// The raw text of `key` in `language` (placeholders not filled), or nil.
    public func string(_ key: String, language: String) -> String? {
        table(language)?.entries[key].map { entry in
            entry.text.parts.map { part in
                switch part {
                case .literal(let s): return s.replacingAll("{", with: "{{").replacingAll("}", with: "}}")
                case .path(let p, _): return "{\(p)}"
                }
            }.joined()
        }
    }

    /// The file that holds `language`, for diagnostics.
    public func file(for language: String) -> String? { table(language)?.file }

    func table(_ language: String) -> Table? { tables.first { $0.language == language } }

    func entry(_ key: String, language: String) -> Entry? { table(language)?.entries[key] }

    private static func table(_ source: Source, diagnostics: inout [Diagnostic]) -> Table {
        var keys: [String] = []
        var entries: [String: Entry] = [:]
        let text = String(decoding: source.bytes, as: UTF8.self)
        func location(_ mark: Mark?) -> SourceLocation {
            mark.map { SourceLocation(file: source.file, line: $0.line, column: $0.column) } ?? .file(source.file)
        }
        func add(_ node: Node, prefix: String, at keyMark: Mark?) {
            switch node {
            case .mapping(let mapping):
                for (keyNode, value) in mapping {
                    guard let name = keyNode.scalar?.string, !name.isEmpty else {
                        diagnostics.append(.error("TPL015", "catalog keys must be text", at: location(keyNode.mark)))
                        continue
                    }
                    add(value, prefix: prefix.isEmpty ? name : "\(prefix).\(name)", at: keyNode.mark)
                }
            case .scalar(let scalar):
                guard !prefix.isEmpty else {
                    diagnostics.append(.error("TPL015", "a catalog is a mapping of keys to text", at: location(node.mark)))
                    return
                }
                if node.null != nil {
                    diagnostics.append(.error("TPL015", "`\(prefix)` has no text", at: location(keyMark)))
                    return
                }
                if entries[prefix] != nil {
                    diagnostics.append(.error("TPL015", "`\(prefix)` is defined twice", at: location(keyMark)))
                    return
                }
                switch Interpolation.parse(scalar.string.nfc) {
                case .success(let parsed):
                    keys.append(prefix)
                    entries[prefix] = Entry(text: parsed, location: location(keyMark))
                case .failure(let problem):
                    diagnostics.append(.error("TPL015", "`\(prefix)`: \(problem.message)", at: location(node.mark)))
                }
            case .sequence, .alias:
                diagnostics.append(.error("TPL015", "`\(prefix)` must be text, not a list", at: location(node.mark)))
            }
        }
        // Anchors, aliases and tags are refused as in case files: an alias bomb would expand in the walk above.
        if case .failure(let error) = SourceParser.parse(text, file: source.file, codePrefix: "TPL") {
            let refused = error.diagnostics.filter { $0.code == "TPL004" }
            if !refused.isEmpty {
                diagnostics += refused.map { Diagnostic(.error, "TPL015", $0.message, at: $0.location, hint: $0.hint) }
                return Table(language: source.language, file: source.file, keys: [], entries: [:])
            }
        }
        do {
            if let root = try Yams.compose(yaml: text) { add(root, prefix: "", at: nil) }
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error, file: source.file))
        } catch {
            diagnostics.append(.error("TPL015", "cannot read YAML: \(error)", at: .file(source.file)))
        }
        return Table(language: source.language, file: source.file, keys: keys, entries: entries)
    }

    /// `TPL016` where a translation drops or adds a `{path}` compared with the first language (a date left out, a typo).
    private static func placeholderMismatches(_ tables: [Table]) -> [Diagnostic] {
        guard let first = tables.first else { return [] }
        func paths(_ entry: Entry) -> [String] {
            entry.text.parts.compactMap { if case .path(let p, _) = $0 { p.description } else { nil } }.sorted()
        }
        var out: [Diagnostic] = []
        for table in tables.dropFirst() {
            for key in first.keys {
                guard let reference = first.entries[key], let entry = table.entries[key], paths(reference) != paths(entry) else { continue }
                let listed = { (p: [String]) in p.isEmpty ? "none" : p.map { "{\($0)}" }.joined(separator: ", ") }
                out.append(Diagnostic(.warning, "TPL016", "`\(key)` has placeholders \(listed(paths(entry))) but \(first.file) has \(listed(paths(reference)))",
                                      at: entry.location))
            }
        }
        return out
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error("TPL015", "YAML: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            return .error("TPL015", "YAML: \(error)", at: .file(file))
        }
    }
}
