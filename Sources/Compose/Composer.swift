import DocumentModel
import DossierCore

/// One composition: walks the template nodes with the context, accumulating diagnostics instead of stopping.
struct Composer {
    let root: TemplateValue
    let strings: StringCatalog
    let languages: [String]
    let file: String
    /// Loop variables, innermost last.
    private var scope: [(name: String, value: TemplateValue)] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// A loop (or each language of a catalog string) repeats the same mistake; report it once.
    private var reported: Set<String> = []
    /// The `lang` of the enclosing elements, innermost last: a value printed inside is written that language's way.
    private var elementLanguages: [String] = []

    init(root: TemplateValue, strings: StringCatalog, languages: [String], file: String) {
        self.root = root
        self.strings = strings
        self.languages = languages
        self.file = file
    }

    mutating func report(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.code) \(diagnostic.location?.description ?? "") \(diagnostic.message)"
        if reported.insert(key).inserted { diagnostics.append(diagnostic) }
    }

    /// Problems with the inputs as a whole: no languages, a language without a catalog, a context that is not an object.
    mutating func checkSetup() {
        if languages.isEmpty { report(.error("TPL011", "no case languages were given", at: .file(file))) }
        for language in languages where strings.table(language) == nil {
            let known = strings.languages.map { "`\($0)`" }.joined(separator: ", ")
            report(.error("TPL011", "no string catalog for language `\(language)`", at: .file(file),
                          hint: known.isEmpty ? "load Templates/strings/\(language).yaml" : "catalogs loaded: \(known)"))
        }
        if case .object = root {} else { report(.error("TPL014", "the context must be an object, not \(root.kindName)", at: .file(file))) }
    }

    // MARK: Nodes

    mutating func element(_ template: ElementTemplate) -> Element {
        let attributes = template.attributes.map { Attribute($0.name, string($0.value)) }
        let lang = attributes.first { $0.name == "lang" }?.value
        if let lang { elementLanguages.append(lang) }
        defer { if lang != nil { elementLanguages.removeLast() } }
        return Element(template.name, attributes, nodes(template.children))
    }

    mutating func nodes(_ templates: [TemplateNode]) -> [Node] {
        var out: [Node] = []
        for template in templates { append(template, to: &out) }
        return out
    }

    /// The text of composed nodes, for `<title>`.
    mutating func plainText(_ templates: [TemplateNode]) -> String {
        nodes(templates).map(\.textContent).joined().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private mutating func append(_ template: TemplateNode, to out: inout [Node]) {
        switch template {
        case .element(let e):
            out.append(.element(element(e)))
        case .text(let s):
            out.append(.text(s))
        case .forEach(let path, let variable, let body, let at):
            guard let value = resolve(path, at: at) else { return }
            guard case .list(let items) = value else {
                report(.error("TPL014", "`\(path)` is \(value.kindName); <t:for> needs a list", at: at))
                return
            }
            for (index, item) in items.enumerated() {
                scope.append((variable, item))
                scope.append(("\(variable)_number", .number(index + 1)))
                scope.append(("\(variable)_last", .bool(index == items.count - 1)))
                for node in body { append(node, to: &out) }
                scope.removeLast(3)
            }
        case .conditional(let test, let then, let otherwise, let at):
            guard let value = resolve(test.path, at: at, nullIsFalse: test.optional) else { return }
            for node in value.isTruthy != test.negated ? then : otherwise { append(node, to: &out) }
        case .value(let path, let at):
            if let text = text(of: path, at: at) {
                out.append(.text(elementLanguages.last.map { strings.localizingDates(text, language: $0) } ?? text))
            }
        case .catalogText(let key, let mode, let at):
            if let texts = catalogTexts(key, at: at) { out.append(contentsOf: Self.bilingual(texts, mode: mode)) }
        case .localized(let path, let mode, let at):
            if let texts = localizedTexts(path, at: at) { out.append(contentsOf: Self.bilingual(texts, mode: mode)) }
        case .date(let path, let mode, let at):
            if let texts = dateTexts(path, at: at) { out.append(contentsOf: Self.bilingual(texts, mode: mode)) }
        }
    }

    /// Spans with `lang`, the secondary languages with class `tr`, joined as the mode says; a label is wrapped in
    /// one `nobr` span so it never breaks, even in one language.
    static func bilingual(_ texts: [(lang: String, text: String)], mode: BilingualMode) -> [Node] {
        var out: [Node] = []
        for (index, entry) in texts.enumerated() {
            if index > 0 {
                if mode == .primary { break }
                out.append(mode == .stack ? .element(Element("br")) : .text(" / "))
            }
            let attributes = index == 0 ? [Attribute("lang", entry.lang)] : [Attribute("lang", entry.lang), Attribute("class", "tr")]
            out.append(.element(Element("span", attributes, [.text(entry.text)])))
        }
        return mode == .label ? [.element(Element("span", [Attribute("class", "nobr")], out))] : out
    }

    // MARK: Values

    /// A placeholder-bearing attribute or header; a failed placeholder is reported and left empty in an output that is thrown away.
    mutating func string(_ interpolation: LocatedInterpolation) -> String {
        var out = ""
        for part in interpolation.parts {
            switch part {
            case .literal(let s): out += s
            case .path(let path, let at): out += text(of: path, at: at) ?? ""
            }
        }
        return out
    }

    /// A value shown as text: strings and numbers only, so a list or a flag never prints by accident.
    private mutating func text(of path: TemplatePath, at: SourceLocation) -> String? {
        guard let value = resolve(path, at: at) else { return nil }
        switch value {
        case .string(let s): return s.nfc
        case .number(let n): return String(n)
        case .named(let code, let name):
            // In the language of the element it stands in (a form's English answer), else the packet's first.
            return (elementLanguages.last ?? languages.first).flatMap { name[$0] }?.nfc ?? code
        case .localized:
            report(.error("TPL014", "`\(path)` is localized text", at: at, hint: "use <t:localized of=\"\(path)\"/>"))
        default:
            report(.error("TPL014", "`\(path)` is \(value.kindName), not text", at: at))
        }
        return nil
    }

    private mutating func localizedTexts(_ path: TemplatePath, at: SourceLocation) -> [(lang: String, text: String)]? {
        guard let value = resolve(path, at: at) else { return nil }
        switch value {
        case .localized(let text):
            var out: [(lang: String, text: String)] = []
            for language in languages {
                if let t = text[language] { out.append((language, strings.localizingDates(t.nfc, language: language))) } else {
                    report(Diagnostic(.error, "TPL011", "`\(path)` has no `\(language)` text", at: at,
                                  notes: text.languages.isEmpty ? [] : ["it has: \(text.languages.joined(separator: ", "))"]))
                    return nil
                }
            }
            return out
        case .named(let code, let name):
            return languages.map { ($0, name[$0]?.nfc ?? code) }
        case .string(let s):
            // Names, numbers and codes read the same in every language: shown once, in the primary language.
            return languages.first.map { [($0, strings.localizingDates(s.nfc, language: $0))] }
        case .number(let n):
            return languages.first.map { [($0, String(n))] }
        default:
            report(.error("TPL014", "`\(path)` is \(value.kindName), not localized text", at: at))
            return nil
        }
    }

    /// A date in each case language, written as that language writes a date standing alone.
    private mutating func dateTexts(_ path: TemplatePath, at: SourceLocation) -> [(lang: String, text: String)]? {
        guard let text = text(of: path, at: at) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            report(.error("TPL014", "`\(path)` is `\(text)`, not a date (YYYY-MM-DD)", at: at))
            return nil
        }
        return languages.map { ($0, strings.longDateStyle($0).format(date)) }
    }

    private mutating func catalogTexts(_ key: String, at: SourceLocation) -> [(lang: String, text: String)]? {
        var out: [(lang: String, text: String)] = []
        var failed = false
        for language in languages {
            guard let table = strings.table(language) else { failed = true; continue }
            guard let entry = table.entries[key] else {
                let guess = Suggestion.closest(to: key, in: table.keys)
                report(.error("TPL011", "no translation for `\(key)` in language `\(language)` (\(table.file))", at: at,
                              hint: guess.map { "did you mean `\($0)`?" }))
                failed = true
                continue
            }
            var text = ""
            for part in entry.text.parts {
                switch part {
                case .literal(let s): text += s
                case .path(let path, _):
                    guard let piece = placeholder(path, language: language, key: key, file: table.file, at: at) else { failed = true; continue }
                    text += strings.localizingDates(piece, language: language)
                }
            }
            out.append((language, text))
        }
        return failed ? nil : out
    }

    /// A `{path}` inside a catalog string, in one language: localized values give that language's text.
    private mutating func placeholder(_ path: TemplatePath, language: String, key: String, file: String, at: SourceLocation) -> String? {
        let note = "in `\(key)` of \(file)"
        guard let value = resolve(path, at: at, note: note) else { return nil }
        switch value {
        case .string(let s): return s.nfc
        case .number(let n): return String(n)
        case .named(let code, let name): return name[language]?.nfc ?? code
        case .localized(let text):
            if let t = text[language] { return t.nfc }
            report(Diagnostic(.error, "TPL011", "`\(path)` has no `\(language)` text", at: at, notes: [note]))
        default:
            report(Diagnostic(.error, "TPL014", "`\(path)` is \(value.kindName), not text", at: at, notes: [note]))
        }
        return nil
    }

    // MARK: Paths

    /// Follows a path through loop variables, then the context. Every segment must exist; a null leaf (or a null
    /// object on the way) is accepted only when `nullIsFalse` (an optional `t:if` test), so a misspelt key in a
    /// value that is there is always an error.
    private mutating func resolve(_ path: TemplatePath, at: SourceLocation, nullIsFalse: Bool = false, note: String? = nil) -> TemplateValue? {
        let notes = note.map { [$0] } ?? []
        let first = path.segments[0]
        var current: TemplateValue
        if let bound = scope.last(where: { $0.name == first }) {
            current = bound.value
        } else if let top = root[first] {
            current = top
        } else {
            let candidates = scope.reversed().map(\.name) + root.keys
            report(Diagnostic(.error, "TPL010", "unknown variable `\(first)` in `\(path)`", at: at, notes: notes,
                              hint: Suggestion.closest(to: first, in: candidates).map { "did you mean `\($0)`?" }))
            return nil
        }
        for (index, segment) in path.segments.enumerated().dropFirst() {
            let parent = path.segments[..<index].joined(separator: ".")
            if let next = current.child(segment) {
                current = next
                continue
            }
            switch current {
            case .object:
                let guess = Suggestion.closest(to: segment, in: current.keys)
                report(Diagnostic(.error, "TPL010", "`\(parent)` has no `\(segment)` (in `\(path)`)", at: at, notes: notes,
                                  hint: guess.map { "did you mean `\(parent).\($0)`?" }))
            case .list(let items):
                report(Diagnostic(.error, "TPL010", "`\(parent)` is a list of \(items.count); `\(segment)` is not an index in it", at: at, notes: notes))
            case .null:
                // An optional test through an absent optional object (`?facts.x.contact.phone` with no contact) is
                // simply false: the path is declared, it has no value in this case.
                if nullIsFalse { return .null }
                report(Diagnostic(.error, "TPL010", "`\(parent)` is null, so `\(path)` has no value", at: at, notes: notes,
                                  hint: "test it first: <t:if test=\"?\(parent)\">"))
            default:
                report(Diagnostic(.error, "TPL010", "`\(parent)` is \(current.kindName); it has no `\(segment)`", at: at, notes: notes))
            }
            return nil
        }
        if case .null = current, !nullIsFalse {
            report(Diagnostic(.error, "TPL010", "`\(path)` is null", at: at, notes: notes,
                              hint: "test it first: <t:if test=\"?\(path)\">"))
            return nil
        }
        return current
    }
}
