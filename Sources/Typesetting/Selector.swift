/// A selector of our CSS subset: compound selectors (`type`, `.class`, `type.class`, `.a.b`, `*`) joined by the
/// descendant combinator.
struct Selector: Sendable, Hashable {
    struct Compound: Sendable, Hashable {
        var type: String?
        var classes: [String]

        func matches(_ element: ElementKey) -> Bool {
            if let type, type != element.name { return false }
            return classes.allSatisfy(element.classes.contains)
        }
    }

    /// Left to right; the last one matches the element itself.
    var compounds: [Compound]

    /// CSS specificity (ids, classes, types) packed so that a bigger number wins.
    var specificity: Int {
        compounds.reduce(0) { $0 + $1.classes.count * 1000 + ($1.type == nil ? 0 : 1) }
    }

    /// True when the selector matches the last element of `path` (root first).
    func matches(_ path: [ElementKey]) -> Bool {
        guard let last = compounds.last, let element = path.last, last.matches(element) else { return false }
        // Descendant combinators only, so matching each remaining compound to the nearest ancestor is exact.
        var ancestor = path.count - 2
        for compound in compounds.dropLast().reversed() {
            while ancestor >= 0 && !compound.matches(path[ancestor]) { ancestor -= 1 }
            if ancestor < 0 { return false }
            ancestor -= 1
        }
        return true
    }

    /// Parses one selector (no commas); nil when it uses syntax outside the subset.
    static func parse(_ text: String) -> Selector? {
        var compounds: [Compound] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            guard let compound = parseCompound(Substring(part)) else { return nil }
            compounds.append(compound)
        }
        return compounds.isEmpty ? nil : Selector(compounds: compounds)
    }

    private static func parseCompound(_ text: Substring) -> Compound? {
        var type: String?
        var classes: [String] = []
        var rest = text
        if rest.hasPrefix("*") {
            rest = rest.dropFirst()
        } else if let first = rest.first, first != "." {
            let name = rest.prefix { isNameCharacter($0) }
            guard !name.isEmpty else { return nil }
            type = name.lowercased()
            rest = rest.dropFirst(name.count)
        }
        while !rest.isEmpty {
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
            let name = rest.prefix { isNameCharacter($0) }
            guard !name.isEmpty else { return nil }
            classes.append(String(name))
            rest = rest.dropFirst(name.count)
        }
        return Compound(type: type, classes: classes)
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_"
    }
}
