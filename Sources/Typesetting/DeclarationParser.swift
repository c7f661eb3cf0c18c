/// Turns one `property: value` pair into typed declarations, expanding shorthands.
enum DeclarationParser {
    enum Problem: Error, Equatable {
        case unsupportedProperty
        case badValue(String)
        /// A well-formed value outside `StyleLimits`: the value and the allowed range.
        case outOfRange(String, String)
    }

    /// Every property name the subset knows (README "CSS subset").
    static let supportedProperties: [String] = [
        "font-family", "font-size", "font-weight", "font-style", "color", "background-color", "background",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-width", "border-style",
        "border-color", "width", "height", "text-align", "line-height", "display", "list-style-type", "list-style",
        "page-break-before", "page-break-after", "page-break-inside", "break-before", "break-after", "break-inside",
        "border-collapse", "text-decoration", "vertical-align", "white-space", "hyphens", "text-indent",
    ]

    static func parse(property: String, value raw: String) -> Result<[Declaration], Problem> {
        let parsed = parseUnchecked(property: property, value: raw)
        if case .success(let declarations) = parsed, let range = declarations.lazy.compactMap(StyleLimits.problem).first {
            return .failure(.outOfRange(raw.trimmingWhitespace(), range))
        }
        return parsed
    }

    private static func parseUnchecked(property: String, value raw: String) -> Result<[Declaration], Problem> {
        let value = raw.trimmingWhitespace()
        let words = tokens(value)
        guard !words.isEmpty else { return .failure(.badValue(value)) }
        func one(_ d: Declaration?) -> Result<[Declaration], Problem> {
            d.map { .success([$0]) } ?? .failure(.badValue(value))
        }
        switch property {
        case "font-family":
            let families = value.split(separator: ",").map {
                $0.trimmingWhitespace().trimmingCharacters("\"'")
            }.filter { !$0.isEmpty }
            return families.isEmpty ? .failure(.badValue(value)) : .success([.fontFamily(families)])
        case "font-size": return one(fontSize(value))
        case "font-weight":
            switch value {
            case "bold", "bolder": return one(.bold(true))
            case "normal", "lighter": return one(.bold(false))
            default:
                guard let n = Int(value), n >= 100, n <= 900 else { return .failure(.badValue(value)) }
                return one(.bold(n >= 600))
            }
        case "font-style":
            switch value {
            case "italic", "oblique": return one(.italic(true))
            case "normal": return one(.italic(false))
            default: return .failure(.badValue(value))
            }
        case "color": return one(color(value).map { .color($0) })
        case "background-color", "background":
            if value == "transparent" || value == "none" { return one(.backgroundColor(nil)) }
            return one(color(value).map { .backgroundColor($0) })
        case "margin", "padding":
            let all = words.compactMap { length($0, allowAuto: property == "margin") }
            guard (1...4).contains(words.count), all.count == words.count else {
                return .failure(.badValue(value))
            }
            let sides = boxSides(all)
            return .success(Declaration.Side.allCases.enumerated().map { i, side in
                property == "margin" ? .margin(side, sides[i]) : .padding(side, sides[i])
            })
        case "margin-top", "margin-right", "margin-bottom", "margin-left",
             "padding-top", "padding-right", "padding-bottom", "padding-left":
            let isMargin = property.hasPrefix("margin")
            guard words.count == 1, let l = length(words[0], allowAuto: isMargin),
                  let side = side(String(property.split(separator: "-")[1])) else { return .failure(.badValue(value)) }
            return one(isMargin ? .margin(side, l) : .padding(side, l))
        case "border", "border-top", "border-right", "border-bottom", "border-left":
            guard let parts = border(words) else { return .failure(.badValue(value)) }
            let sides = property == "border" ? Declaration.Side.allCases
                : [side(String(property.split(separator: "-")[1]))!]
            return .success(sides.flatMap { s in
                [.borderWidth(s, parts.width), .borderStyle(s, visible: parts.visible)]
                    + (parts.color.map { [.borderColor(s, $0)] } ?? [])
            })
        case "border-width":
            let widths = words.compactMap { borderWidth($0) }
            guard (1...4).contains(words.count), widths.count == words.count else { return .failure(.badValue(value)) }
            return .success(zip(Declaration.Side.allCases, boxSides(widths)).map { .borderWidth($0, $1) })
        case "border-style":
            let styles = words.compactMap { borderStyle($0) }
            guard (1...4).contains(words.count), styles.count == words.count else { return .failure(.badValue(value)) }
            return .success(zip(Declaration.Side.allCases, boxSides(styles)).map { .borderStyle($0, visible: $1) })
        case "border-color":
            let colors = words.compactMap { color($0) }
            guard (1...4).contains(words.count), colors.count == words.count else { return .failure(.badValue(value)) }
            return .success(zip(Declaration.Side.allCases, boxSides(colors)).map { .borderColor($0, $1) })
        case "width", "height":
            guard words.count == 1, let l = length(words[0], allowAuto: true) else { return .failure(.badValue(value)) }
            return one(property == "width" ? .width(l) : .height(l))
        case "text-align":
            let map: [String: ComputedStyle.TextAlign] = ["left": .left, "start": .left, "right": .right, "end": .right,
                                                          "center": .center, "justify": .justify]
            return one(map[value].map { .textAlign($0) })
        case "line-height":
            if value == "normal" { return one(.lineHeight(.normal)) }
            if let f = number(value[...]), f >= 0 { return one(.lineHeight(.factor(f))) }
            switch length(value, allowAuto: false) {
            case .points(let p)?: return one(.lineHeight(.points(p)))
            case .percent(let p)?: return one(.lineHeight(.factor(p / 100)))
            case .em(let e)?: return one(.lineHeight(.factor(e)))
            default: return .failure(.badValue(value))
            }
        case "display":
            let map: [String: ComputedStyle.Display] = ["block": .block, "inline": .inline,
                                                        "inline-block": .inlineBlock, "list-item": .listItem,
                                                        "none": .none]
            return one(map[value].map { .display($0) })
        case "list-style-type", "list-style":
            let found = words.compactMap { listStyle($0) }
            guard found.count == 1 else { return .failure(.badValue(value)) }
            return one(.listStyle(found[0]))
        case "page-break-before", "page-break-after", "page-break-inside",
             "break-before", "break-after", "break-inside":
            let map: [String: ComputedStyle.BreakRule] = ["auto": .auto, "always": .always, "page": .always,
                                                          "avoid": .avoid, "avoid-page": .avoid]
            guard let rule = map[value], !(property.hasSuffix("inside") && rule == .always) else {
                return .failure(.badValue(value))
            }
            if property.hasSuffix("before") { return one(.breakBefore(rule)) }
            if property.hasSuffix("after") { return one(.breakAfter(rule)) }
            return one(.breakInside(rule))
        case "border-collapse":
            switch value {
            case "collapse": return one(.borderCollapse(true))
            case "separate": return one(.borderCollapse(false))
            default: return .failure(.badValue(value))
            }
        case "text-decoration":
            switch value {
            case "underline": return one(.underline(true))
            case "none": return one(.underline(false))
            default: return .failure(.badValue(value))
            }
        case "vertical-align":
            let map: [String: ComputedStyle.VerticalAlign] = ["baseline": .baseline, "top": .top,
                                                              "middle": .middle, "bottom": .bottom]
            return one(map[value].map { .verticalAlign($0) })
        case "white-space":
            switch value {
            case "normal": return one(.noWrap(false))
            case "nowrap": return one(.noWrap(true))
            default: return .failure(.badValue(value))
            }
        case "hyphens":
            let map: [String: ComputedStyle.Hyphens] = ["none": .none, "manual": .manual, "auto": .auto]
            return one(map[value].map { .hyphens($0) })
        case "text-indent":
            guard words.count == 1, let l = length(words[0], allowAuto: false) else { return .failure(.badValue(value)) }
            return one(.textIndent(l))
        default:
            return .failure(.unsupportedProperty)
        }
    }

    /// Expands 1–4 values to top, right, bottom, left.
    private static func boxSides<T>(_ v: [T]) -> [T] {
        switch v.count {
        case 1: return [v[0], v[0], v[0], v[0]]
        case 2: return [v[0], v[1], v[0], v[1]]
        case 3: return [v[0], v[1], v[2], v[1]]
        default: return [v[0], v[1], v[2], v[3]]
        }
    }

    private static func side(_ name: String) -> Declaration.Side? {
        ["top": .top, "right": .right, "bottom": .bottom, "left": .left][name]
    }

    private static func border(_ words: [String]) -> (width: Points, visible: Bool, color: RGBColor?)? {
        var width: Points = 3 * 0.75
        var visible = false
        var color: RGBColor?
        for word in words {
            if let w = borderWidth(word) { width = w } else if let s = borderStyle(word) { visible = s }
            else if let c = Self.color(word) { color = c } else { return nil }
        }
        return (width, visible, color)
    }

    private static func borderWidth(_ word: String) -> Points? {
        switch word {
        case "thin": return 0.75
        case "medium": return 2.25
        case "thick": return 3.75
        default:
            if case .points(let p)? = length(word, allowAuto: false), p >= 0 { return p }
            return nil
        }
    }

    private static func borderStyle(_ word: String) -> Bool? {
        switch word {
        case "solid": return true
        case "none", "hidden": return false
        default: return nil
        }
    }

    private static func listStyle(_ word: String) -> ComputedStyle.ListStyle? {
        let map: [String: ComputedStyle.ListStyle] = [
            "none": .none, "disc": .disc, "circle": .circle, "square": .square, "decimal": .decimal,
            "lower-alpha": .lowerAlpha, "lower-latin": .lowerAlpha, "upper-alpha": .upperAlpha,
            "upper-latin": .upperAlpha, "lower-roman": .lowerRoman, "upper-roman": .upperRoman,
        ]
        return map[word]
    }

    private static func fontSize(_ value: String) -> Declaration? {
        let keywords: [String: Points] = ["xx-small": 7, "x-small": 7.5, "small": 10, "medium": 12, "large": 13.5,
                                          "x-large": 18, "xx-large": 24]
        if let k = keywords[value] { return .fontSize(.points(k)) }
        if value == "smaller" { return .fontSize(.relative(0.833)) }
        if value == "larger" { return .fontSize(.relative(1.2)) }
        switch length(value, allowAuto: false) {
        case .points(let p)? where p >= 0: return .fontSize(.points(p))
        case .em(let e)? where e >= 0: return .fontSize(.relative(e))
        case .percent(let p)? where p >= 0: return .fontSize(.relative(p / 100))
        default: return nil
        }
    }

    /// A CSS length: `12pt`, `4mm`, `2cm`, `1in`, `16px` (0.75 pt), `1.2em`, `50%`, `0`, or `auto`.
    static func length(_ word: String, allowAuto: Bool) -> CSSLength? {
        if word == "auto" { return allowAuto ? .auto : nil }
        if word == "0" { return .zero }
        let units: [(String, Double)] = [("pt", 1), ("px", 0.75), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72),
                                         ("pc", 12)]
        if word.hasSuffix("%"), let n = number(word.dropLast()) { return .percent(n) }
        if word.hasSuffix("em"), !word.hasSuffix("rem"), let n = number(word.dropLast(2)) { return .em(n) }
        for (unit, factor) in units where word.hasSuffix(unit) {
            if let n = number(word.dropLast(unit.count)) { return .points(n * factor) }
        }
        return nil
    }

    /// A CSS number (`12`, `-0.5`, `.75`, `1e3`); unlike `Double(_:)`, no `nan`, `inf` or hex. Huge exponents give
    /// infinity, which the range check (`StyleLimits`) rejects.
    static func number(_ text: Substring) -> Double? {
        var rest = text.utf8[...]
        if let c = rest.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        let whole = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(whole)
        var fraction = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fraction)
        }
        guard whole + fraction > 0 else { return nil }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let c = rest.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { rest = rest.dropFirst() }
            let digits = rest.prefix(while: isDigit).count
            guard digits > 0 else { return nil }
            rest = rest.dropFirst(digits)
        }
        return rest.isEmpty ? Double(String(text)) : nil
    }

    /// `#rgb`, `#rrggbb`, `rgb(r, g, b)` or a basic colour keyword.
    static func color(_ word: String) -> RGBColor? {
        let named: [String: String] = ["black": "000000", "white": "ffffff", "red": "ff0000", "green": "008000",
                                       "blue": "0000ff", "gray": "808080", "grey": "808080", "silver": "c0c0c0",
                                       "navy": "000080", "maroon": "800000", "orange": "ffa500", "yellow": "ffff00"]
        var hex: Substring
        if let name = named[word.lowercased()] {
            hex = Substring(name)
        } else if word.hasPrefix("#") {
            hex = word.dropFirst()
            if hex.count == 3 { hex = Substring(hex.flatMap { [$0, $0] }) }
        } else if word.hasPrefix("rgb(") && word.hasSuffix(")") {
            let parts = word.dropFirst(4).dropLast().split(separator: ",").compactMap {
                number($0.trimmingWhitespace()[...])
            }
            guard parts.count == 3, parts.allSatisfy({ (0...255).contains($0) }) else { return nil }
            return RGBColor(red: parts[0] / 255, green: parts[1] / 255, blue: parts[2] / 255)
        } else {
            return nil
        }
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        return RGBColor(red: Double(v >> 16 & 0xff) / 255, green: Double(v >> 8 & 0xff) / 255,
                        blue: Double(v & 0xff) / 255)
    }

    /// Splits a value at whitespace outside parentheses and quotes.
    static func tokens(_ value: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var quote: Unicode.Scalar?
        for c in value.unicodeScalars {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "(" {
                depth += 1
                current.append(c)
            } else if c == ")" {
                depth -= 1
                current.append(c)
            } else if (c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}") && depth == 0 {
                if !current.isEmpty { result.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }
}

extension StringProtocol {
    /// Without leading and trailing CSS whitespace (space, tab, line breaks, form feed).
    func trimmingWhitespace() -> String {
        trimmingCharacters(" \t\n\r\u{0C}")
    }

    /// Without leading and trailing scalars from `set`.
    func trimmingCharacters(_ set: String) -> String {
        let scalars = unicodeScalars
        let strip = Array(set.unicodeScalars)
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && strip.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start && strip.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
