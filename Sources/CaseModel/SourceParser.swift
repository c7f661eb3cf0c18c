import DossierCore
import Yams

/// Parses YAML or JSON text (JSON is read as YAML 1.2 flow style) into a located `SourceValue`.
///
/// Case files and rule files are data, not programs: anchors, aliases and tags are refused (`…004`) before anything
/// is expanded, text and files have size limits (`…005`), and positions are what an editor shows (`SourceText`).
public enum SourceParser {
    /// The largest file read (5 MB: a case is a few KB; a batch row is one case).
    public static let maxFileBytes = 5_000_000
    /// The longest value or key, in characters (an address or a note is a few hundred).
    public static let maxScalarLength = 10_000

    /// The parsed document, or the syntax errors with their positions (code `CASE001`, or `codePrefix` + 001).
    public static func parse(_ text: String, file: String, codePrefix: String = "CASE") -> Result<SourceValue, DiagnosticError> {
        let bytes = text.utf8.count
        if bytes > maxFileBytes {
            return .failure(DiagnosticError([.error("\(codePrefix)005", "the file is \(bytes) bytes; the limit is \(maxFileBytes)",
                                                    at: .file(file), hint: "split it: one case per file, or a .jsonl/.csv batch")]))
        }
        let prepared = PreparedYAML(text)
        var context = Context(file: file, codePrefix: codePrefix, prepared: prepared)
        // Aliases are found on a copy in which none can resolve, so an alias bomb is never expanded.
        if !prepared.aliasCandidates.isEmpty {
            switch compose(prepared.withoutAliases, context: &context, findAliasesAt: prepared.aliasCandidates) {
            case .failure(let error): return .failure(error)
            case .success:
                if context.diagnostics.hasErrors { return .failure(DiagnosticError(context.finished)) }
                context.diagnostics = []
            }
        }
        switch compose(prepared.text, context: &context, findAliasesAt: []) {
        case .failure(let error): return .failure(error)
        case .success(let value):
            return context.diagnostics.hasErrors ? .failure(DiagnosticError(context.finished)) : .success(value)
        }
    }

    /// What one parse needs to convert Yams nodes: the file, the code prefix, the positions, the diagnostics so far.
    struct Context {
        let file: String
        let codePrefix: String
        let prepared: PreparedYAML
        var diagnostics: [Diagnostic] = []

        func location(_ mark: Mark?) -> SourceLocation {
            let (line, column) = prepared.original(line: mark?.line ?? 1, column: mark?.column ?? 1)
            return SourceLocation(file: file, line: line, column: column)
        }

        /// Errors in source order, each once, at most `DiagnosticLimit.perFile` of them.
        var finished: [Diagnostic] {
            var seen = Set<Diagnostic>()
            return diagnostics.sortedByLocation.filter { seen.insert($0).inserted }.capped()
        }
    }

    private static func compose(_ text: String, context: inout Context, findAliasesAt aliases: Set<Int>) -> Result<SourceValue, DiagnosticError> {
        do {
            // The parser keeps the anchors alive while the tree is converted.
            let parser = try Parser(yaml: text)
            guard let node = try parser.singleRoot() else {
                return .failure(DiagnosticError([.error("\(context.codePrefix)001", "the file is empty", at: .file(context.file),
                                                        hint: "a case file starts with `dossier: \(CaseSchema.formatVersion)`")]))
            }
            let value = withExtendedLifetime(parser) { convert(node, context: &context, aliases: aliases) }
            return .success(value)
        } catch let error as YamlError {
            return .failure(DiagnosticError([diagnostic(for: error, context: context)]))
        } catch {
            return .failure(DiagnosticError([.error("\(context.codePrefix)001", "cannot read the file: \(error)", at: .file(context.file))]))
        }
    }

    static func convert(_ node: Node, context: inout Context, aliases: Set<Int>) -> SourceValue {
        let at = context.location(node.mark)
        checkProperties(node, at: at, context: &context, aliases: aliases)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null(at: at) }
            return .scalar(checkedText(scalar.string, at: at, context: &context), plain: plain, at: at)
        case .sequence(let seq):
            return .list(seq.map { convert($0, context: &context, aliases: aliases) }, at: at)
        case .mapping(let map):
            var entries: [SourceEntry] = []
            var seen: [String: SourceLocation] = [:]
            for (k, v) in map {
                let keyAt = context.location(k.mark)
                checkProperties(k, at: keyAt, context: &context, aliases: aliases)
                guard let key = k.scalar?.string else {
                    context.diagnostics.append(.error("\(context.codePrefix)002", "a key must be a plain name", at: keyAt))
                    continue
                }
                // Yams refuses repeated keys of one type; `1` and `"1"` are still the same key here.
                if let first = seen[key] {
                    context.diagnostics.append(Diagnostic(.error, "\(context.codePrefix)003", "duplicate key `\(key)`", at: keyAt,
                                                          notes: ["first given at \(first)"]))
                    continue
                }
                seen[key] = keyAt
                let text = checkedText(key, at: keyAt, context: &context)
                entries.append(SourceEntry(key: text, keyLocation: keyAt, value: convert(v, context: &context, aliases: aliases)))
            }
            return .map(entries, at: at)
        case .alias(let alias):
            context.diagnostics.append(unsupported("alias `*\(alias.anchor)`", at: context.location(alias.mark), context: context))
            return .null(at: context.location(alias.mark))
        }
    }

    /// Anchors and tags written before a node (`&a`, `!!binary`, `!x`), and, on the alias-free copy, scalars that
    /// stand where an alias was (`*a`), each reported where it is written.
    private static func checkProperties(_ node: Node, at: SourceLocation, context: inout Context, aliases: Set<Int>) {
        let text = context.prepared.source
        var offset = text.scalarOffset(line: at.line, column: at.column)
        if aliases.contains(offset), case .scalar(let s) = node, s.style == .plain || s.style == .any {
            let name = String(s.string.unicodeScalars.dropFirst().prefix { !PreparedYAML.isSeparator($0) })
            context.diagnostics.append(unsupported("alias `*\(name)`", at: at, context: context))
            return
        }
        while let c = text[scalar: offset], c == "&" || c == "!" {
            var end = offset + 1
            if c == "!", text[scalar: end] == "<" {
                // A verbatim tag, `!<tag:yaml.org,2002:str>`, may hold commas.
                while let d = text[scalar: end], d != ">", d != "\n" { end += 1 }
                if text[scalar: end] == ">" { end += 1 }
            }
            while let d = text[scalar: end], !PreparedYAML.isSeparator(d) { end += 1 }
            var name = String.UnicodeScalarView()
            for i in offset..<end { if let s = text[scalar: i] { name.append(s) } }
            let (line, column) = text.position(ofScalar: offset)
            let place = SourceLocation(file: at.file, line: line, column: column)
            context.diagnostics.append(unsupported(c == "&" ? "anchor `\(String(name))`" : "tag `\(String(name))`", at: place, context: context))
            offset = end
            while let d = text[scalar: offset], d == " " || d == "\t" { offset += 1 }
        }
    }

    private static func unsupported(_ what: String, at: SourceLocation, context: Context) -> Diagnostic {
        let files = ["CASE": "case files", "RULE": "rule files", "TPL": "string catalogs"][context.codePrefix] ?? "these files"
        return .error("\(context.codePrefix)004", "YAML \(what) is not supported in \(files)",
               at: at, hint: "write each value out in full; anchors, aliases and tags are refused so a file means what it shows")
    }

    /// The scalar with the line separators `PreparedYAML` hid from libyaml put back, or an error when it is too long.
    private static func checkedText(_ raw: String, at: SourceLocation, context: inout Context) -> String {
        let text = context.prepared.restored(raw)
        let length = text.unicodeScalars.count
        if length > maxScalarLength {
            context.diagnostics.append(.error("\(context.codePrefix)005", "this text is \(length) characters long; the limit is \(maxScalarLength)",
                                              at: at, hint: "shorten it; a value holds a name, a date, an address or a short note"))
            return String(text.unicodeScalars.prefix(maxScalarLength))
        }
        return text
    }

    static func diagnostic(for error: YamlError, context: Context) -> Diagnostic {
        let prefix = context.codePrefix, file = context.file
        switch error {
        case .scanner(let yamlContext, let problem, let mark, _), .parser(let yamlContext, let problem, let mark, _),
             .composer(let yamlContext, let problem, let mark, _):
            var d = Diagnostic.error("\(prefix)001", "syntax error: \(problem)", at: context.location(mark),
                                     hint: "check indentation, quotes and `key: value` pairs near here")
            if let yamlContext {
                let at = context.location(yamlContext.mark)
                d.notes.append("\(yamlContext.text) at line \(at.line), column \(at.column)")
            }
            return d
        case .reader(let problem, let offset, let value, let yaml):
            // `offset` counts Characters of the text libyaml read (Yams converts its byte offset).
            var at = SourceLocation.file(file)
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                let scalars = yaml.unicodeScalars.distance(from: yaml.unicodeScalars.startIndex, to: index)
                let (line, column) = context.prepared.source.position(ofScalar: scalars)
                at = SourceLocation(file: file, line: line, column: column)
            }
            let character = Unicode.Scalar(UInt32(bitPattern: value)).map { " \(TextHygiene.describe($0))" } ?? ""
            return .error("\(prefix)001", "cannot read the text: \(problem)\(character)", at: at,
                          hint: "remove the character, or write it as an escape inside double quotes (\"\\u00e9\")")
        case .duplicatedKeysInMapping(let duplicates, let yamlContext):
            // Yams stops at the mapping and points at the key's first occurrence; the repeated one is the next key
            // of the same spelling in that mapping: later on the same line (flow), or at the same column below.
            let key = duplicates.first ?? ""
            let first = context.location(yamlContext.mark)
            let again = keyOccurrences(key, in: context.prepared.source, file: file).first {
                ($0.line == first.line && $0.column > first.column) || ($0.line > first.line && $0.column == first.column)
            }
            var d = Diagnostic.error("\(prefix)003", "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))",
                                     at: again ?? first, hint: "each key may appear once in a mapping; keep one and delete the other")
            if again != nil { d.notes.append("first given at \(first)") }
            d.notes.append("fix this first: the rest of the file is checked once it parses")
            return d
        default:
            return .error("\(prefix)001", "cannot parse: \(error)", at: .file(file))
        }
    }

    /// Places where `key` is written as a mapping key (`key:` or `"key":`), in order.
    static func keyOccurrences(_ key: String, in text: SourceText, file: String) -> [SourceLocation] {
        guard !key.isEmpty else { return [] }
        var out: [SourceLocation] = []
        let separators: Set<Unicode.Scalar> = [" ", "\t", "{", ","]
        let needles = [Array(key.unicodeScalars), Array("\"\(key)\"".unicodeScalars), Array("'\(key)'".unicodeScalars)]
        for number in 1...max(1, text.lineCount) {
            let scalars = Array((text.line(number) ?? "").unicodeScalars)
            for needle in needles {
                var i = 0
                while i + needle.count <= scalars.count {
                    if scalars[i..<i + needle.count].elementsEqual(needle), i == 0 || separators.contains(scalars[i - 1]) {
                        var j = i + needle.count
                        while j < scalars.count, scalars[j] == " " { j += 1 }
                        if j < scalars.count, scalars[j] == ":" { out.append(SourceLocation(file: file, line: number, column: i + 1)) }
                    }
                    i += 1
                }
            }
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
