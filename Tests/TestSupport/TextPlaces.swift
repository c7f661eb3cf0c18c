/// Positions in a test's text, so expectations follow the sample files when they change.
public enum TextPlaces {
    /// `line:column` (1-based; columns count Unicode scalars, as diagnostics do) of the first `needle` after `after`.
    public static func place(of needle: String, in text: String, after: String? = nil) -> String {
        let scalars = Array(text.unicodeScalars)
        func find(_ n: String, from start: Int) -> Int? {
            let target = Array(n.unicodeScalars)
            guard !target.isEmpty, scalars.count >= target.count, start <= scalars.count - target.count else { return nil }
            return (start...(scalars.count - target.count)).first { scalars[$0..<$0 + target.count].elementsEqual(target) }
        }
        let from = after.flatMap { a in find(a, from: 0).map { $0 + a.unicodeScalars.count } } ?? 0
        guard let offset = find(needle, from: from) else { return "not found: \(needle)" }
        var line = 1, column = 1
        for s in scalars[..<offset] {
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return "\(line):\(column)"
    }

    /// The indentation of the line holding `needle`.
    public static func indentation(of needle: String, in text: String) -> String {
        let line = text.split(separator: "\n").first { $0.contains(needle) } ?? ""
        return String(line.prefix { $0 == " " })
    }
}
