import DossierCore
import Yams

/// The interview's own words (Next, Back, Why?, the envelope questions …), one catalog per language in
/// `Templates/interview/strings/<lang>.yaml`. Questions about a case's facts never come from here: their labels,
/// help and choices are the rule book's (`Rules/people.yaml`, `Rules/<procedure>/facts.yaml`).
public struct InterviewStrings: Sendable, Hashable {
    /// Flat keys (`nav.next`) → text, per language, languages in the order given.
    public private(set) var catalogs: [(lang: String, strings: [String: String])]

    public static func == (a: InterviewStrings, b: InterviewStrings) -> Bool {
        a.catalogs.count == b.catalogs.count && zip(a.catalogs, b.catalogs).allSatisfy { $0.lang == $1.lang && $0.strings == $1.strings }
    }

    public func hash(into hasher: inout Hasher) {
        for c in catalogs { hasher.combine(c.lang); hasher.combine(c.strings) }
    }

    public var languages: [String] { catalogs.map(\.lang) }

    /// Reads one catalog per language; every language must have the same keys (a key missing in one is an error).
    public static func load(languages: [String], read: (String) throws -> String) throws(DiagnosticError) -> InterviewStrings {
        var catalogs: [(lang: String, strings: [String: String])] = []
        var diagnostics: [Diagnostic] = []
        for lang in languages {
            let file = "Templates/interview/strings/\(lang).yaml"
            let text: String
            do { text = try read(lang) } catch {
                diagnostics.append(.error("TPL002", "cannot read \(file): \(error)", at: .file(file)))
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else {
                    diagnostics.append(.error("TPL015", "the catalog is empty", at: .file(file)))
                    continue
                }
                var strings: [String: String] = [:]
                flatten(node, prefix: "", into: &strings, file: file, diagnostics: &diagnostics)
                catalogs.append((lang, strings))
            } catch {
                diagnostics.append(.error("TPL015", "not a YAML catalog: \(error)", at: .file(file)))
            }
        }
        if let first = catalogs.first {
            for other in catalogs.dropFirst() {
                for key in first.strings.keys.sorted() where other.strings[key] == nil {
                    diagnostics.append(.error("TPL011", "missing translation `\(key)` in \(other.lang)", at: .file("Templates/interview/strings/\(other.lang).yaml")))
                }
                for key in other.strings.keys.sorted() where first.strings[key] == nil {
                    diagnostics.append(.error("TPL011", "missing translation `\(key)` in \(first.lang)", at: .file("Templates/interview/strings/\(first.lang).yaml")))
                }
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        return InterviewStrings(catalogs: catalogs)
    }

    private static func flatten(_ node: Node, prefix: String, into out: inout [String: String], file: String, diagnostics: inout [Diagnostic]) {
        switch node {
        case .mapping(let map):
            for (k, v) in map {
                guard let key = k.scalar?.string else { continue }
                flatten(v, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &out, file: file, diagnostics: &diagnostics)
            }
        case .scalar(let s):
            out[prefix] = s.string
        default:
            diagnostics.append(.error("TPL015", "`\(prefix)` must be text", at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)))
        }
    }

    /// The text of `key` in `lang` (else English, else the first catalog), `{name}` placeholders filled.
    public func text(_ key: String, _ lang: String, _ values: [String: String] = [:]) -> String {
        var s = catalogs.first { $0.lang == lang }?.strings[key]
            ?? catalogs.first { $0.lang == "en" }?.strings[key]
            ?? catalogs.first?.strings[key] ?? key
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { s = s.replacingAll("{\(name)}", with: value) }
        return s
    }

    /// The key in every language, as localized text (for questions the interview itself asks).
    public func localized(_ key: String, _ values: [String: String] = [:]) -> LocalizedText {
        LocalizedText(catalogs.map { ($0.lang, text(key, $0.lang, values)) })
    }

    /// Whether the catalog has the key (in English, which has them all).
    public func has(_ key: String) -> Bool { catalogs.contains { $0.strings[key] != nil } }
}

extension LocalizedText {
    /// The text in `lang`, else English, else the first language written.
    public func text(_ lang: String) -> String {
        self[lang] ?? self["en"] ?? entries.first?.text ?? ""
    }

    /// Whether the text exists in `lang` itself (else the reader sees a fallback, marked with its language).
    public func language(for lang: String) -> String {
        self[lang] != nil ? lang : (self["en"] != nil ? "en" : (entries.first?.lang ?? lang))
    }
}

extension InterviewStrings {
    /// A yes or a no typed in any of the catalog's languages (the word, or its first letter), else nil.
    public func yesNo(_ text: String) -> Bool? { AnswerParser.bool(text, strings: self) }
}
