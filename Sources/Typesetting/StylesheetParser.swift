import DossierCore

/// A small CSS parser for the subset: rules, `@page`, `@media`; comments and strings handled; positions tracked
/// so every problem is reported at `file:line:column`.
struct StylesheetParser {
    private let chars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var rules: [Stylesheet.Rule] = []
    private var page = PageSetup.a4
    private var diagnostics: [Diagnostic] = []
    /// The last `@page` margin declaration, to locate a warning about margins too large for the page.
    private var pageMarginsAt: SourceLocation?

    init(_ css: String, file: String) {
        chars = Array(css.unicodeScalars)
        self.file = file
    }

    mutating func parse() -> (Stylesheet, [Diagnostic]) {
        parseRules(include: true, nested: false)
        // Margins are checked against the final size: a later `@page { size }` may change it.
        if let at = pageMarginsAt, page.width - page.marginLeft - page.marginRight < StyleLimits.minContent
            || page.height - page.marginTop - page.marginBottom < StyleLimits.minContent {
            warn("LAYOUT002", "the @page margins leave less than 1in for the content of a \(Int(page.width))×\(Int(page.height))pt page; the PDF uses 1in margins", at: at)
            (page.marginTop, page.marginRight, page.marginBottom, page.marginLeft) = (72, 72, 72, 72)
        }
        return (Stylesheet(file: file, page: page, rules: rules), diagnostics)
    }

    // MARK: Rules

    private mutating func parseRules(include: Bool, nested: Bool) {
        while true {
            skipTrivia()
            guard let c = peek else { return }
            if c == "}" {
                if nested { return }
                warn("LAYOUT005", "unexpected '}'", at: location)
                advance()
                continue
            }
            if c == "@" {
                parseAtRule(include: include)
            } else {
                parseStyleRule(include: include)
            }
        }
    }

    private mutating func parseAtRule(include: Bool) {
        let start = location
        advance()
        let name = readWhile { $0.properties.isAlphabetic || $0 == "-" }.lowercased()
        let prelude = readUntil(["{", ";"]).trimmingWhitespace()
        guard peek == "{" else {
            advance()
            warn("LAYOUT004", "unsupported at-rule '@\(name)'", at: start)
            return
        }
        advance()
        switch name {
        case "page":
            let declarations = readDeclarationBlock()
            if include { applyPage(declarations) }
        case "media":
            let media = prelude.lowercased().split(separator: ",").map { $0.trimmingWhitespace() }
            let known = ["print", "screen", "all"]
            // Screen-only queries (`screen and (max-width: 600px)`) never apply to the PDF, whatever their features.
            let screenOnly = { (m: String) in m == "screen" || m.hasPrefix("screen and ") || m.hasPrefix("only screen") }
            for m in media where !known.contains(m) && !screenOnly(m) {
                warn("LAYOUT004", "unsupported media query '\(m)' (only print, screen and all)", at: start)
            }
            let printed = media.contains("print") || media.contains("all")
            if printed {
                parseRules(include: include, nested: true)
                if peek == "}" { advance() }
            } else {
                skipBlock()
            }
        default:
            warn("LAYOUT004", "unsupported at-rule '@\(name)'", at: start)
            skipBlock()
        }
    }

    private mutating func parseStyleRule(include: Bool) {
        let start = location
        let prelude = readUntil(["{", "}"])
        guard peek == "{" else {
            warn("LAYOUT005", "expected '{' after selector '\(prelude.trimmingWhitespace())'", at: start)
            if peek == "}" { advance() }
            return
        }
        advance()
        let raw = readDeclarationBlock()
        guard include else { return }
        var declarations: [Declaration] = []
        for (property, value, at) in raw {
            switch DeclarationParser.parse(property: property, value: value) {
            case .success(let parsed):
                declarations += parsed
            case .failure(.unsupportedProperty):
                warn("LAYOUT001", "unsupported CSS property '\(property)'; the PDF ignores it", at: at,
                     hint: "README \"CSS subset\" lists the supported properties")
            case .failure(.badValue(let v)):
                warn("LAYOUT002", "unsupported value '\(v)' for '\(property)'; the PDF ignores it", at: at)
            case .failure(.outOfRange(let v, let range)):
                warn("LAYOUT002", "value '\(v)' for '\(property)' is out of range (\(range)); the PDF ignores it", at: at)
            }
        }
        for text in prelude.split(separator: ",") {
            let trimmed = text.trimmingWhitespace()
            guard let selector = Selector.parse(trimmed) else {
                warn("LAYOUT003", "unsupported selector '\(trimmed)'; its rule is ignored in the PDF", at: start,
                     hint: "the subset has type, .class, compound and descendant selectors")
                continue
            }
            rules.append(Stylesheet.Rule(selector: selector, specificity: selector.specificity, order: rules.count,
                                         declarations: declarations))
        }
    }

    /// Reads `name: value;` pairs up to and including the closing brace.
    private mutating func readDeclarationBlock() -> [(String, String, SourceLocation)] {
        var result: [(String, String, SourceLocation)] = []
        while true {
            skipTrivia()
            guard let c = peek else {
                warn("LAYOUT005", "missing '}' at end of file", at: location)
                return result
            }
            if c == "}" {
                advance()
                return result
            }
            if c == ";" {
                advance()
                continue
            }
            let at = location
            let name = readUntil([":", ";", "}"]).trimmingWhitespace().lowercased()
            guard peek == ":" else {
                warn("LAYOUT005", "expected ':' after '\(name)'", at: at)
                continue
            }
            advance()
            var value = readUntil([";", "}"]).trimmingWhitespace()
            if value.hasSuffix("!important") {
                value = String(value.dropLast("!important".count)).trimmingWhitespace()
                warn("LAYOUT002", "'!important' is not supported; the declaration is used as a normal one", at: at)
            }
            result.append((name, value, at))
        }
    }

    private mutating func applyPage(_ declarations: [(String, String, SourceLocation)]) {
        for (property, value, at) in declarations {
            switch property {
            case "size":
                let words = value.lowercased().split(separator: " ").map(String.init)
                var setup = page
                var landscape = false
                var lengths: [Points] = []
                for word in words {
                    switch word {
                    case "a4": (setup.width, setup.height) = (PageSetup.a4.width, PageSetup.a4.height)
                    case "letter": (setup.width, setup.height) = (PageSetup.letter.width, PageSetup.letter.height)
                    case "portrait": break
                    case "landscape": landscape = true
                    default:
                        if case .points(let p)? = DeclarationParser.length(word, allowAuto: false), StyleLimits.pageSide.contains(p) {
                            lengths.append(p)
                        } else if case .points? = DeclarationParser.length(word, allowAuto: false) {
                            warn("LAYOUT002", "page size '\(value)' is out of range (\(StyleLimits.range(StyleLimits.pageSide, "pt")) a side)", at: at)
                            lengths.append(.nan)
                        } else {
                            warn("LAYOUT002", "unsupported page size '\(value)' (A4, Letter or two lengths)", at: at)
                        }
                    }
                }
                if lengths.count == 2, !lengths.contains(where: \.isNaN) { (setup.width, setup.height) = (lengths[0], lengths[1]) }
                if landscape { (setup.width, setup.height) = (setup.height, setup.width) }
                page.width = setup.width
                page.height = setup.height
            case "margin", "margin-top", "margin-right", "margin-bottom", "margin-left":
                let parsed: [Declaration]
                switch DeclarationParser.parse(property: property, value: value) {
                case .success(let p): parsed = p
                case .failure(.outOfRange(let v, let range)):
                    warn("LAYOUT002", "page margin '\(v)' is out of range (\(range)); the PDF ignores it", at: at)
                    continue
                case .failure:
                    warn("LAYOUT002", "unsupported page margin '\(value)'", at: at)
                    continue
                }
                pageMarginsAt = at
                let margins = parsed.compactMap { d -> (Declaration.Side, Points)? in
                    guard case .margin(let side, let length) = d else { return nil }
                    return (side, length.points(width: page.width, fontSize: 12))
                }
                if margins.contains(where: { $0.1 < 0 }) {
                    warn("LAYOUT002", "page margin '\(value)' is negative; the PDF ignores it", at: at)
                    continue
                }
                for (side, points) in margins {
                    switch side {
                    case .top: page.marginTop = points
                    case .right: page.marginRight = points
                    case .bottom: page.marginBottom = points
                    case .left: page.marginLeft = points
                    }
                }
            default:
                warn("LAYOUT001", "unsupported @page property '\(property)'", at: at)
            }
        }
    }

    // MARK: Scanning

    private var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func advance() {
        guard index < chars.count else { return }
        // CRLF counts once: the line advances at its LF.
        if chars[index] == "\n" || (chars[index] == "\r" && (index + 1 == chars.count || chars[index + 1] != "\n")) {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipTrivia() {
        while let c = peek {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                advance()
            } else if c == "/" && index + 1 < chars.count && chars[index + 1] == "*" {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipComment() {
        advance()
        advance()
        while let c = peek {
            if c == "*" && index + 1 < chars.count && chars[index + 1] == "/" {
                advance()
                advance()
                return
            }
            advance()
        }
    }

    private mutating func readWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var s = String.UnicodeScalarView()
        while let c = peek, accept(c) {
            s.append(c)
            advance()
        }
        return String(s)
    }

    /// Reads up to (not including) one of `stops`, outside strings and parentheses, dropping comments.
    private mutating func readUntil(_ stops: [Unicode.Scalar]) -> String {
        var s = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var depth = 0
        while let c = peek {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "/" && index + 1 < chars.count && chars[index + 1] == "*" {
                skipComment()
                s.append(" ")
                continue
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if depth <= 0 && stops.contains(c) {
                return String(s)
            }
            s.append(c)
            advance()
        }
        return String(s)
    }

    /// Skips a `{ … }` block whose opening brace was consumed.
    private mutating func skipBlock() {
        var depth = 1
        while let c = peek, depth > 0 {
            if c == "/" && index + 1 < chars.count && chars[index + 1] == "*" {
                skipComment()
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            advance()
        }
    }

    private mutating func warn(_ code: String, _ message: String, at: SourceLocation, hint: String? = nil) {
        diagnostics.append(.warning(code, message, at: at, hint: hint))
    }
}
