import DossierCore
import Yams

/// Parses YAML or JSON text (JSON is read as YAML 1.2 flow style) into a located `SourceValue`.
public enum SourceParser {
    /// The parsed document, or the syntax errors with their positions (code `CASE001`, or `codePrefix` + 001).
    public static func parse(_ text: String, file: String, codePrefix: String = "CASE") -> Result<SourceValue, DiagnosticError> {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(DiagnosticError([.error("\(codePrefix)001", "the file is empty", at: .file(file),
                                                        hint: "a case file starts with `dossier: \(CaseSchema.formatVersion)`")]))
            }
            var diagnostics: [Diagnostic] = []
            let value = convert(node, file: file, codePrefix: codePrefix, into: &diagnostics)
            return diagnostics.isEmpty ? .success(value) : .failure(DiagnosticError(diagnostics))
        } catch let error as YamlError {
            return .failure(DiagnosticError([diagnostic(for: error, text: text, file: file, codePrefix: codePrefix)]))
        } catch {
            return .failure(DiagnosticError([.error("\(codePrefix)001", "cannot read the file: \(error)", at: .file(file))]))
        }
    }

    static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, file: String, codePrefix: String, into diagnostics: inout [Diagnostic]) -> SourceValue {
        switch node {
        case .scalar(let scalar):
            let at = location(scalar.mark, file)
            let plain = scalar.style == .plain || scalar.style == .any
            if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null(at: at) }
            return .scalar(scalar.string, plain: plain, at: at)
        case .sequence(let seq):
            return .list(seq.map { convert($0, file: file, codePrefix: codePrefix, into: &diagnostics) }, at: location(seq.mark, file))
        case .mapping(let map):
            var entries: [SourceEntry] = []
            for (k, v) in map {
                let keyAt = location(k.mark, file)
                guard let key = k.scalar?.string else {
                    diagnostics.append(.error("\(codePrefix)002", "a key must be a plain name", at: keyAt))
                    continue
                }
                if let first = entries.first(where: { $0.key == key }) {
                    diagnostics.append(Diagnostic(.error, "\(codePrefix)003", "duplicate key `\(key)`", at: keyAt,
                                                  notes: ["first given at \(first.keyLocation)"]))
                    continue
                }
                entries.append(SourceEntry(key: key, keyLocation: keyAt, value: convert(v, file: file, codePrefix: codePrefix, into: &diagnostics)))
            }
            return .map(entries, at: location(map.mark, file))
        case .alias(let alias):
            diagnostics.append(.error("\(codePrefix)002", "YAML aliases are not supported in case files", at: location(alias.mark, file)))
            return .null(at: location(alias.mark, file))
        }
    }

    /// Places where `key` is written as a mapping key (`key:` or `"key":`), in order.
    static func keyOccurrences(_ key: String, in text: String, file: String) -> [SourceLocation] {
        guard !key.isEmpty else { return [] }
        var out: [SourceLocation] = []
        let separators: Set<Unicode.Scalar> = [" ", "\t", "{", ","]
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line)
            for needle in [Array(key.unicodeScalars), Array("\"\(key)\"".unicodeScalars)] {
                var i = 0
                while i + needle.count <= scalars.count {
                    if Array(scalars[i..<i + needle.count]) == needle, i == 0 || separators.contains(scalars[i - 1]) {
                        var j = i + needle.count
                        while j < scalars.count, scalars[j] == " " { j += 1 }
                        if j < scalars.count, scalars[j] == ":" { out.append(SourceLocation(file: file, line: index + 1, column: i + 1)) }
                    }
                    i += 1
                }
            }
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    static func diagnostic(for error: YamlError, text: String, file: String, codePrefix: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var d = Diagnostic.error("\(codePrefix)001", "syntax error: \(problem)", at: location(mark, file),
                                     hint: "check indentation, quotes and `key: value` pairs near here")
            if let context { d.notes.append("\(context.text) at line \(context.mark.line), column \(context.mark.column)") }
            return d
        case .reader(let problem, _, _, _):
            return .error("\(codePrefix)001", "cannot read the text: \(problem)", at: .file(file), hint: "save the file as UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams stops at the mapping and points at its start; find the repeated key ourselves.
            let key = duplicates.first ?? ""
            let places = keyOccurrences(key, in: text, file: file)
            var d = Diagnostic.error("\(codePrefix)003", "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))",
                                     at: places.count > 1 ? places[1] : location(context.mark, file),
                                     hint: "each key may appear once in a mapping; keep one and delete the other")
            if places.count > 1 { d.notes.append("first given at \(places[0])") }
            d.notes.append("fix this first: the rest of the file is checked once it parses")
            return d
        default:
            return .error("\(codePrefix)001", "cannot parse: \(error)", at: .file(file))
        }
    }
}
