/// Text with `{path}` placeholders, split once at load time. `{{` and `}}` stand for literal braces.
struct Interpolation: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        /// A placeholder and its offset in unicode scalars from the start of the text (to point diagnostics at it).
        case path(TemplatePath, offset: Int)
    }

    let parts: [Part]

    /// True when there is nothing to substitute.
    var isLiteral: Bool { parts.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// The text when it has no placeholders.
    var literalText: String? {
        guard isLiteral else { return nil }
        return parts.map { if case .literal(let s) = $0 { s } else { "" } }.joined()
    }

    /// Splits `text`; on a malformed placeholder returns the problem and its scalar offset.
    static func parse(_ text: String) -> Result<Interpolation, InterpolationError> {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                literal.append("{")
                i += 2
            } else if c == "}", i + 1 < scalars.count, scalars[i + 1] == "}" {
                literal.append("}")
                i += 2
            } else if c == "{" {
                guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
                    return .failure(InterpolationError(message: "unclosed `{` (write `{{` for a literal brace)", offset: i))
                }
                var inner = String.UnicodeScalarView()
                inner.append(contentsOf: scalars[(i + 1)..<close])
                let name = String(inner).trimmingSpaces
                guard let path = TemplatePath(name) else {
                    return .failure(InterpolationError(message: "`{\(String(inner))}` is not a path like `{doc.title}`", offset: i))
                }
                flush()
                parts.append(.path(path, offset: i))
                i = close + 1
            } else {
                literal.append(c)
                i += 1
            }
        }
        flush()
        return .success(Interpolation(parts: parts))
    }
}

/// Why a `{…}` text could not be split.
struct InterpolationError: Error, Sendable {
    let message: String
    let offset: Int
}

extension String {
    /// Without leading and trailing ASCII spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
