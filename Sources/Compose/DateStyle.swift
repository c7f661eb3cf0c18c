import DossierCore

/// How a language writes a date, from its catalog: `format.date` inside sentences (e.g. `dd/MM/yyyy`, or
/// `yyyy-MM-dd` to keep ISO) and `format.date_long` on a letter's date line (`MMMM d, yyyy`). Pattern letters:
/// `yyyy` year, `MM`/`M` month number, `MMMM` month name (`format.months.<1…12>`), `dd`/`d` day; text in single
/// quotes is copied as is (`'de'`, `'ngày'`), `''` is a quote; anything else is copied. Rule texts and facts carry
/// ISO dates; they are rewritten only where a language's text is printed.
struct DateStyle: Sendable, Hashable {
    let pattern: String
    /// January first; empty when the language names no months (then `MMMM` prints the number).
    let monthNames: [String]

    init(pattern: String, monthNames: [String] = []) {
        self.pattern = pattern
        self.monthNames = monthNames
    }

    /// The catalog key that holds a language's pattern for dates inside sentences.
    static let catalogKey = "format.date"
    /// The catalog key of the pattern for a date standing alone, as on a letter's date line.
    static let longCatalogKey = "format.date_long"
    /// The catalog keys of the month names are this prefix and the month's number: `format.months.11`.
    static let monthKeyPrefix = "format.months."

    func format(_ date: CalendarDate) -> String {
        var out = ""
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                // A quoted literal; `''` is one quote, inside or outside a quoted run.
                if i + 1 < chars.count, chars[i + 1] == "'" { out.append("'"); i += 2; continue }
                i += 1
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" { out.append("'"); i += 2; continue }
                        i += 1
                        break
                    }
                    out.append(chars[i])
                    i += 1
                }
                continue
            }
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            switch c {
            case "y": out += String(date.year)
            case "M" where run >= 4 && monthNames.count == 12: out += monthNames[date.month - 1]
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
    /// The date style of a language inside sentences, when its catalog sets `format.date`.
    func dateStyle(_ language: String) -> DateStyle? {
        style(DateStyle.catalogKey, language: language)
    }

    /// The style of a date standing alone (a letter's date line): `format.date_long`, else `format.date`, else ISO.
    func longDateStyle(_ language: String) -> DateStyle {
        style(DateStyle.longCatalogKey, language: language) ?? dateStyle(language) ?? DateStyle(pattern: "yyyy-MM-dd")
    }

    /// A text of `language` with its ISO dates written the language's way (unchanged without `format.date`).
    func localizingDates(_ text: String, language: String) -> String {
        dateStyle(language)?.rewrite(text) ?? text
    }

    private func style(_ key: String, language: String) -> DateStyle? {
        guard let pattern = string(key, language: language), !pattern.isEmpty else { return nil }
        let names = (1...12).map { string(DateStyle.monthKeyPrefix + String($0), language: language) ?? "" }
        return DateStyle(pattern: pattern, monthNames: names.contains("") ? [] : names)
    }
}
