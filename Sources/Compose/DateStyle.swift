import DossierCore

/// How a language writes a date inside its sentences, from the catalog key `format.date` (e.g. `dd/MM/yyyy`, or
/// `yyyy-MM-dd` to keep ISO). Pattern letters: `yyyy` year, `MM`/`M` month, `dd`/`d` day; anything
/// else is copied. Rule texts and facts carry ISO dates; they are rewritten only where a language's text is printed.
struct DateStyle: Sendable, Hashable {
    let pattern: String

    /// The catalog key that holds a language's pattern.
    static let catalogKey = "format.date"

    func format(_ date: CalendarDate) -> String {
        var out = ""
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            switch c {
            case "y": out += String(date.year)
            case "M": out += run >= 2 ? Self.pad(date.month) : String(date.month)
            case "d": out += run >= 2 ? Self.pad(date.day) : String(date.day)
            default: out += String(repeating: c, count: run)
            }
            i += run
        }
        return out
    }

    /// Every ISO date (`2027-02-08`, not part of a longer number) in a text, written in this style.
    func rewrite(_ text: String) -> String {
        guard text.contains("-") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && ("0"..."9").contains(scalars[k]) }
        while i < scalars.count {
            if i + 10 <= scalars.count, !isDigit(i - 1), !(i > 0 && scalars[i - 1] == "-"), !isDigit(i + 10),
               !(i + 10 < scalars.count && scalars[i + 10] == "-"),
               (0..<10).allSatisfy({ k in k == 4 || k == 7 ? scalars[i + k] == "-" : isDigit(i + k) }) {
                var token = String.UnicodeScalarView()
                token.append(contentsOf: scalars[i..<(i + 10)])
                if let date = CalendarDate(iso: String(token)) {
                    out.append(contentsOf: format(date).unicodeScalars)
                    i += 10
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension StringCatalog {
    /// The date style of a language, when its catalog sets `format.date`.
    func dateStyle(_ language: String) -> DateStyle? {
        guard let pattern = string(DateStyle.catalogKey, language: language), !pattern.isEmpty else { return nil }
        return DateStyle(pattern: pattern)
    }

    /// A text of `language` with its ISO dates written the language's way (unchanged without `format.date`).
    func localizingDates(_ text: String, language: String) -> String {
        dateStyle(language)?.rewrite(text) ?? text
    }
}
