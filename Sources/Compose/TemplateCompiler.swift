import DossierCore

/// Turns a parsed XHTML tree into template nodes, checking the `t:` language (TPL012, TPL013) as it goes.
struct TemplateCompiler {
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    /// Elements whose content flows in a line: bilingual text inside them defaults to `inline`, elsewhere to `stack`.
    static let inlineElements: Set<String> = ["a", "abbr", "b", "cite", "code", "em", "i", "label", "q", "s", "small",
                                              "span", "strong", "sub", "sup", "time", "u", "title"]
    static let instructions: [String: [String]] = [
        "for": ["each", "as"], "if": ["test"], "else": [], "value": ["of"], "text": ["key", "mode"], "localized": ["of", "mode"],
        "date": ["of", "mode"],
    ]
    static let instructionNames = ["for", "if", "else", "value", "text", "localized", "date"]

    let map: SourceMap
    var diagnostics: [Diagnostic] = []
    /// Every literal `t:text` key with its location, for checking against the catalog at load time.
    var textKeys: [(key: String, at: SourceLocation)] = []

    init(map: SourceMap) { self.map = map }

    struct Output {
        var title: [TemplateNode]
        var runningHeader: LocatedInterpolation?
        var body: ElementTemplate
    }

    mutating func compile(_ root: XMLElement) -> Output? {
        guard isOutput(root), root.localName == "html" else {
            error("TPL013", "the root element must be <html>, not <\(root.qualifiedName)>", at: root.location)
            return nil
        }
        var title: [TemplateNode]?
        var runningHeader: LocatedInterpolation?
        var body: ElementTemplate?
        for case .element(let section) in root.children {
            switch (isOutput(section), section.localName) {
            case (true, "head"):
                for case .element(let item) in section.children {
                    switch (isOutput(item), item.localName) {
                    case (true, "title"):
                        title = children(of: item, inline: true, interpolateText: true)
                    case (true, "meta") where item.attributes.first(where: { $0.localName == "name" })?.value == "dossier-running-header":
                        if let content = item.attributes.first(where: { $0.localName == "content" }) {
                            runningHeader = interpolation(content)
                        }
                    case (true, "meta"), (true, "link"):
                        break  // Allowed so a template can be previewed in a browser; the exporter writes its own head.
                    default:
                        error("TPL013", "<head> may hold only <title>, <meta> and <link>, not <\(item.qualifiedName)>", at: item.location)
                    }
                }
            case (true, "body"):
                body = outputElement(section, inline: false)
            default:
                error("TPL013", "<html> may hold only <head> and <body>, not <\(section.qualifiedName)>", at: section.location)
            }
        }
        if title == nil { error("TPL013", "the template needs <head><title>…</title></head>", at: root.location) }
        guard let body else {
            error("TPL013", "the template has no <body>", at: root.location)
            return nil
        }
        return Output(title: title ?? [], runningHeader: runningHeader, body: body)
    }

    private func isOutput(_ e: XMLElement) -> Bool { e.namespace == nil || e.namespace == Self.xhtmlNamespace }

    private mutating func error(_ code: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(code, message, at: location, hint: hint))
    }

    private mutating func children(of element: XMLElement, inline: Bool, interpolateText: Bool = false) -> [TemplateNode] {
        element.children.flatMap { compile($0, in: element, inline: inline, interpolateText: interpolateText) }
    }

    private mutating func compile(_ child: XMLNode, in parent: XMLElement, inline: Bool, interpolateText: Bool = false) -> [TemplateNode] {
        switch child {
        case .text(let text):
            // Whitespace with a line break is template indentation, not content.
            if text.trimmingSpaces.isEmpty, text.contains("\n") { return [] }
            return interpolateText ? interpolatedText(text, in: parent) : [.text(text.nfc)]
        case .element(let e):
            return node(for: e, inline: inline).map { [$0] } ?? []
        }
    }

    private mutating func node(for e: XMLElement, inline: Bool) -> TemplateNode? {
        if e.namespace == templateNamespace { return instruction(e, inline: inline) }
        guard isOutput(e) else {
            error("TPL012", "element <\(e.qualifiedName)> in namespace `\(e.namespace ?? "")` is not supported", at: e.location)
            return nil
        }
        return .element(outputElement(e, inline: inline || Self.inlineElements.contains(e.localName)))
    }

    private mutating func outputElement(_ e: XMLElement, inline: Bool) -> ElementTemplate {
        var attributes: [AttributeTemplate] = []
        for attribute in e.attributes {
            if attribute.namespace == templateNamespace {
                error("TPL012", "unknown template attribute `\(attribute.qualifiedName)` on <\(e.qualifiedName)>", at: attribute.location,
                      hint: "template instructions are elements: t:for, t:if, t:value, t:text, t:localized, t:date")
                continue
            }
            attributes.append(AttributeTemplate(name: attribute.qualifiedName, value: interpolation(attribute)))
        }
        return ElementTemplate(name: e.localName, attributes: attributes, children: children(of: e, inline: inline))
    }

    private mutating func instruction(_ e: XMLElement, inline: Bool) -> TemplateNode? {
        guard let allowed = Self.instructions[e.localName] else {
            let guess = Suggestion.closest(to: e.localName, in: Self.instructionNames)
            error("TPL012", "unknown template element <\(e.qualifiedName)>", at: e.location,
                  hint: guess.map { "did you mean <t:\($0)>?" } ?? "known: \(Self.instructionNames.map { "t:\($0)" }.joined(separator: ", "))")
            return nil
        }
        var ok = true
        for attribute in e.attributes where attribute.namespace != nil || !allowed.contains(attribute.localName) {
            let guess = Suggestion.closest(to: attribute.localName, in: allowed)
            error("TPL012", "unknown attribute `\(attribute.qualifiedName)` on <\(e.qualifiedName)>", at: attribute.location,
                  hint: guess.map { "did you mean `\($0)`?" } ?? (allowed.isEmpty ? "<\(e.qualifiedName)> takes no attributes"
                      : "allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))"))
            ok = false
        }
        func attribute(_ name: String) -> XMLAttribute? { e.attributes.first { $0.namespace == nil && $0.localName == name } }
        func required(_ name: String) -> XMLAttribute? {
            guard let a = attribute(name) else {
                error("TPL013", "<\(e.qualifiedName)> needs a `\(name)` attribute", at: e.location)
                return nil
            }
            return a
        }
        func path(_ name: String) -> TemplatePath? {
            guard let a = required(name) else { return nil }
            guard let p = TemplatePath(a.value.trimmingSpaces) else {
                error("TPL013", "`\(a.value)` is not a path like `doc.title`", at: valueLocation(a))
                return nil
            }
            return p
        }
        func mode() -> BilingualMode? {
            guard let a = attribute("mode") else { return inline ? .inline : .stack }
            guard let m = BilingualMode(rawValue: a.value.trimmingSpaces) else {
                error("TPL013", "unknown mode `\(a.value)`", at: valueLocation(a),
                      hint: "use \(BilingualMode.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
                return nil
            }
            return m
        }
        let isEmpty = e.children.allSatisfy { if case .text(let t) = $0 { t.trimmingSpaces.isEmpty } else { false } }

        switch e.localName {
        case "for":
            let each = path("each")
            var variable: String?
            if let a = required("as") {
                if TemplatePath.isName(a.value) { variable = a.value } else {
                    error("TPL013", "`\(a.value)` is not a variable name", at: valueLocation(a))
                }
            }
            let body = children(of: e, inline: inline)
            guard ok, let each, let variable else { return nil }
            return .forEach(path: each, variable: variable, body: body, at: e.location)
        case "if":
            var test: TemplateTest?
            if let a = required("test") {
                test = TemplateTest(a.value)
                if test == nil {
                    error("TPL013", "`\(a.value)` is not a test like `doc.valid`, `!doc.valid` or `?doc.valid`", at: valueLocation(a))
                }
            }
            var then: [TemplateNode] = [], otherwise: [TemplateNode] = []
            var seenElse = false
            for child in e.children {
                if case .element(let c) = child, c.namespace == templateNamespace, c.localName == "else" {
                    if seenElse { error("TPL013", "<t:if> has more than one <t:else/>", at: c.location) }
                    for attribute in c.attributes {
                        error("TPL012", "unknown attribute `\(attribute.qualifiedName)` on <\(c.qualifiedName)>", at: attribute.location,
                              hint: "<t:else/> takes no attributes")
                    }
                    if !c.children.isEmpty { error("TPL013", "<t:else/> must be empty; the else branch follows it", at: c.location) }
                    seenElse = true
                    continue
                }
                let nodes = compile(child, in: e, inline: inline)
                if seenElse { otherwise.append(contentsOf: nodes) } else { then.append(contentsOf: nodes) }
            }
            guard ok, let test else { return nil }
            return .conditional(test: test, then: then, otherwise: otherwise, at: e.location)
        case "else":
            error("TPL013", "<t:else/> belongs directly inside <t:if>", at: e.location)
            return nil
        case "value", "text", "localized", "date":
            if !isEmpty { error("TPL013", "<\(e.qualifiedName)> must be empty", at: e.location) }
            if e.localName == "value" {
                guard let p = path("of"), ok else { return nil }
                return .value(p, at: e.location)
            }
            if e.localName == "localized" || e.localName == "date" {
                let p = path("of"), m = mode()
                guard let p, let m, ok else { return nil }
                return e.localName == "date" ? .date(p, mode: m, at: e.location) : .localized(p, mode: m, at: e.location)
            }
            let key = required("key")?.value.trimmingSpaces, m = mode()
            if key?.isEmpty == true { error("TPL013", "<\(e.qualifiedName)> has an empty `key`", at: e.location) }
            guard let key, !key.isEmpty, let m, ok else { return nil }
            textKeys.append((key, e.location))
            return .catalogText(key: key, mode: m, at: e.location)
        default:
            return nil
        }
    }

    private func valueLocation(_ a: XMLAttribute) -> SourceLocation {
        a.valueOffset.map { map.location(ofOffset: $0) } ?? a.location
    }

    /// An attribute value split at its placeholders, each located in the source (exact unless the value holds references).
    private mutating func interpolation(_ a: XMLAttribute) -> LocatedInterpolation {
        switch Interpolation.parse(a.value) {
        case .failure(let problem):
            let at = a.valueOffset.map { map.location(ofOffset: $0, advancedBy: problem.offset) } ?? a.location
            error("TPL013", problem.message, at: at)
            return LocatedInterpolation(parts: [])
        case .success(let parsed):
            return LocatedInterpolation(parts: parsed.parts.map { part in
                switch part {
                case .literal(let s): return .literal(s.nfc)
                case .path(let p, let offset):
                    return .path(p, at: a.valueOffset.map { map.location(ofOffset: $0, advancedBy: offset) } ?? a.location)
                }
            })
        }
    }

    /// Title text with placeholders: each becomes a `t:value` located by searching the source after the element.
    private mutating func interpolatedText(_ text: String, in element: XMLElement) -> [TemplateNode] {
        switch Interpolation.parse(text) {
        case .failure(let problem):
            error("TPL013", problem.message, at: element.location)
            return []
        case .success(let parsed):
            return parsed.parts.map { part in
                switch part {
                case .literal(let s): return .text(s.nfc)
                case .path(let p, _):
                    let at = element.offset.flatMap { map.offset(of: "{\(p)", from: $0) }.map { map.location(ofOffset: $0) }
                    return .value(p, at: at ?? element.location)
                }
            }
        }
    }
}
