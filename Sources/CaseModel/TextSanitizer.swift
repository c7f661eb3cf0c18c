import DossierCore

/// Strips control, bidirectional and invisible characters (`TextHygiene`) from a case's text values at load, with one
/// located `CASE019` warning per value, so they never reach the HTML, the PDF's text or a terminal. Line separators
/// become a space; tab and line feed stay (multi-line values). Identifiers (the case id, codes, dates) never get
/// here with such characters: their own checks refuse anything but their letters.
enum TextSanitizer {
    /// Values that name a file: a NUL or control character there is an error (`CASE030`), never silently dropped —
    /// `logo\0.png` must not quietly become another file's name.
    static let filePaths: Set<String> = ["case.preparer.logo"]

    static func clean(_ fact: Fact, path: String, warnings: inout [Diagnostic]) -> Fact {
        switch fact.value {
        case .string(let text):
            guard text.unicodeScalars.contains(where: { TextHygiene.kind($0) != nil }) else { return fact }
            if filePaths.contains(path), let bad = text.unicodeScalars.first(where: { TextHygiene.kind($0) != nil }) {
                warnings.append(.error("CASE030", "`\(path)`: a file path cannot contain \(TextHygiene.describe(bad))", at: fact.location,
                                       hint: "give a PNG or JPEG path relative to the case file"))
                return fact
            }
            var out = String.UnicodeScalarView()
            var removed: [Unicode.Scalar] = []
            for s in text.unicodeScalars {
                switch TextHygiene.kind(s) {
                case nil: out.append(s)
                case .lineSeparator?: out.append(" "); removed.append(s)
                case _?: removed.append(s)
                }
            }
            var distinct: [Unicode.Scalar] = []
            for s in removed where !distinct.contains(s) { distinct.append(s) }
            let named = distinct.prefix(4).map(TextHygiene.describe).joined(separator: ", ") + (distinct.count > 4 ? ", …" : "")
            warnings.append(.warning("CASE019", "`\(path)`: removed \(removed.count) invisible or control character\(removed.count == 1 ? "" : "s"): \(named)",
                                     at: fact.location, hint: "retype the value, or paste it as plain text"))
            return Fact(.string(String(out)), at: fact.location)
        case .list(let items):
            return Fact(.list(items.enumerated().map { clean($1, path: "\(path)[\($0)]", warnings: &warnings) }), at: fact.location)
        case .object(let entries):
            return Fact(.object(entries.map { entry in
                (entry.key, clean(entry.fact, path: path.isEmpty ? entry.key : "\(path).\(entry.key)", warnings: &warnings))
            }), at: fact.location)
        case .date, .bool, .integer:
            return fact
        }
    }
}
