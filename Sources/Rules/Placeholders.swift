import DossierCore

/// `{path}` placeholders in rule texts: found, and type-checked when the rule book loads, so a misspelt path is a
/// RULE023 error at its file, line and column instead of a blank in a client's packet.
enum Placeholders {
    /// The placeholder names in a text, with their offsets (in characters) from the text's start.
    static func names(in text: String) -> [(name: String, offset: Int)] {
        var out: [(String, Int)] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let close = chars[(i + 1)...].firstIndex(of: "}") {
                out.append((String(chars[(i + 1)..<close]), i))
                i = close + 1
            } else {
                i += 1
            }
        }
        return out
    }

    static func check(_ text: String, at location: SourceLocation, scope: TypeScope) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, offset) in names(in: text) {
            // A single-line text is located to the character; a folded one at its first line.
            let column = text.contains("\n") ? location.column : location.column + offset
            let at = SourceLocation(file: location.file, line: location.line, column: column)
            switch scope.type(of: name) {
            case .failure(let problem):
                diagnostics.append(.error("RULE023", "placeholder `{\(name)}`: \(problem.message)", at: at))
            case .success(let type):
                // A name object prints as the full name in the person's order.
                if !type.isPrintable && !name.hasSuffix(".name") {
                    diagnostics.append(.error("RULE023", "placeholder `{\(name)}` is \(type) and cannot be printed; name one of its fields", at: at))
                }
            }
        }
        return diagnostics
    }
}
