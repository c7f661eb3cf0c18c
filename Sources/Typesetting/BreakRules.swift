/// Where lines must not break although UAX #14 allows it: a reader should never have to join a URL, an e-mail
/// address, a domain name, a phone number or a short bilingual label across lines.
///
/// Each rule yields a protected range; the breaks inside it are removed, its spaces do not stretch when justified,
/// and only its `emergency` points (before `/` and `.` in a URL's path) may break, and only when the whole range is
/// wider than the line. `white-space: nowrap` text is protected the same way.
enum BreakRules {
    struct Protection: Equatable {
        var range: Range<Int>
        /// Offsets inside the range where a line may break if the range alone does not fit on a line.
        var emergency: [Int]
    }

    /// Longest side of a bilingual label (`Amount / Số tiền`) that is kept on one line: words and UTF-16 units.
    static let labelWords = 3
    static let labelLength = 32

    /// The protected ranges of `text`, ascending and disjoint.
    static func protections(_ text: [UInt16], spans: [ParagraphBuilder.Span]) -> [Protection] {
        var found: [Protection] = []
        found += words(text)
        found += phoneNumbers(text)
        found += labels(text, spans: spans)
        found += noWrap(spans)
        return merge(found)
    }

    // MARK: URLs, e-mail addresses, domain names

    private static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == ParagraphBuilder.lineFeed || u == ParagraphBuilder.objectReplacement
    }

    private static func isASCIILetter(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
    private static func isDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) }

    /// Each space-separated word that is a URL, an e-mail address or a domain name (trailing punctuation excluded).
    private static func words(_ text: [UInt16]) -> [Protection] {
        var result: [Protection] = []
        var i = 0
        while i < text.count {
            if isSpace(text[i]) {
                i += 1
                continue
            }
            var end = i
            while end < text.count && !isSpace(text[end]) { end += 1 }
            var start = i
            var stop = end
            while start < stop && opening.contains(text[start]) { start += 1 }
            while stop > start && closing.contains(text[stop - 1]) { stop -= 1 }
            // Only a word with a dot, slash or at sign can be a URL, an address or a domain.
            if stop - start >= 4, text[start..<stop].contains(where: { $0 == 0x2E || $0 == 0x2F || $0 == 0x40 }),
               let p = classify(text, start..<stop) {
                result.append(p)
            }
            i = end
        }
        return result
    }

    private static let opening: [UInt16] = [0x28, 0x3C, 0x22, 0x201C, 0x2018, 0x5B]
    private static let closing: [UInt16] = [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x3E, 0x22, 0x201D, 0x2019, 0x27,
                                            0x5D]
    private static let schemes: [[UInt16]] = ["https://", "http://", "ftp://", "www."].map { Array($0.utf16) }

    /// True when `text` at `start` begins with the lower-case ASCII `prefix`, ignoring case.
    private static func hasPrefix(_ text: [UInt16], _ start: Int, _ end: Int, _ prefix: [UInt16]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (k, p) in prefix.enumerated() {
            var u = text[start + k]
            if (0x41...0x5A).contains(u) { u += 0x20 }
            if u != p { return false }
        }
        return true
    }

    private static func classify(_ text: [UInt16], _ range: Range<Int>) -> Protection? {
        for scheme in schemes where hasPrefix(text, range.lowerBound, range.upperBound, scheme) {
            let after = range.lowerBound + scheme.count
            return Protection(range: range, emergency: urlBreaks(text, after..<range.upperBound))
        }
        if text[range].contains(0x40) {
            guard let at = text[range].firstIndex(of: 0x40), at > range.lowerBound, isDomain(text, at + 1..<range.upperBound)
            else { return nil }
            let dots = (at + 1..<range.upperBound).filter { text[$0] == 0x2E }
            return Protection(range: range, emergency: [at] + dots)
        }
        let slash = text[range].firstIndex(of: 0x2F) ?? range.upperBound
        guard isDomain(text, range.lowerBound..<slash) else { return nil }
        // A domain breaks only before a dot (never at its hyphens), its path as a URL's.
        let dots = (range.lowerBound + 1..<slash).filter { text[$0] == 0x2E }
        return Protection(range: range, emergency: dots + urlBreaks(text, slash..<range.upperBound))
    }

    /// Before each `/`, `.` and other path punctuation of a URL (Chicago: break before punctuation, never right after
    /// the scheme's `//` or inside `://`).
    private static func urlBreaks(_ text: [UInt16], _ range: Range<Int>) -> [Int] {
        let punctuation: [UInt16] = [0x2F, 0x2E, 0x2D, 0x5F, 0x3F, 0x23, 0x26, 0x3D, 0x7E]
        return range.filter { i in
            i > range.lowerBound && punctuation.contains(text[i]) && text[i - 1] != 0x2F && text[i - 1] != 0x3A
                && !(text[i] == 0x2D && i + 1 < range.upperBound && text[i + 1] == 0x2D)
        }
    }

    /// `label.label(.label)*` of ASCII letters, digits and hyphens, ending in a label of two or more letters.
    private static func isDomain(_ text: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        var labels: [Range<Int>] = []
        var start = range.lowerBound
        for i in range {
            let u = text[i]
            if u == 0x2E {
                labels.append(start..<i)
                start = i + 1
            } else if !(isASCIILetter(u) || isDigit(u) || u == 0x2D) {
                return false
            }
        }
        labels.append(start..<range.upperBound)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let last = labels.last, last.count >= 2,
              text[last].allSatisfy(isASCIILetter), text[labels[0]].contains(where: isASCIILetter)
        else { return false }
        // Abbreviations such as "U.S" or "e.g" have one-letter labels; a domain's first label is longer.
        return labels[0].count >= 2
    }

    // MARK: Phone numbers

    /// `+1 512 555 0142`, `(512) 555-0142`, `206-555-0143`: 7 to 15 digits in groups joined by single spaces,
    /// hyphens, dots or parentheses, starting at a word start.
    private static func phoneNumbers(_ text: [UInt16]) -> [Protection] {
        var result: [Protection] = []
        var i = 0
        while i < text.count {
            let atWordStart = i == 0 || isSpace(text[i - 1])
            let u = text[i]
            guard atWordStart, u == 0x2B || u == 0x28 || isDigit(u) else {
                i += 1
                continue
            }
            var j = i + (u == 0x2B || u == 0x28 ? 1 : 0)
            var digits = 0
            var separators = 0
            var lastDigitEnd = i
            while j < text.count {
                let c = text[j]
                if isDigit(c) {
                    digits += 1
                    j += 1
                    lastDigitEnd = j
                } else if c == 0x29 && j > i {
                    j += 1
                    lastDigitEnd = j
                } else if (c == 0x20 || c == 0x2D || c == 0x2E || c == 0x28) && j + 1 < text.count
                            && (isDigit(text[j + 1]) || text[j + 1] == 0x28) && j > i {
                    separators += 1
                    j += 1
                } else {
                    break
                }
            }
            let end = lastDigitEnd
            // A phone number ends a word: "555-0142," yes, "2015/ND" no.
            let endsWord = end == text.count || isSpace(text[end])
                || [0x2C, 0x2E, 0x3B, 0x3A, 0x29].contains(text[end])
            if digits >= 7 && digits <= 15 && separators >= 1 && endsWord && end > i {
                result.append(Protection(range: i..<end, emergency: []))
                i = end
            } else {
                i = max(i + 1, j)
            }
        }
        return result
    }

    // MARK: Bilingual labels

    /// `A / B` where A and B are short runs of text in two different languages (`Amount / Số tiền`): one label.
    private static func labels(_ text: [UInt16], spans: [ParagraphBuilder.Span]) -> [Protection] {
        guard spans.count >= 2, text.count >= 5 else { return [] }
        var result: [Protection] = []
        var k = 0
        for i in 1..<(text.count - 3) where text[i] == 0x20 && text[i + 1] == 0x2F && text[i + 2] == 0x20 {
            while k < spans.count && spans[k].range.upperBound <= i - 1 { k += 1 }
            guard k < spans.count, let left = side(spans, at: k, bound: i, step: -1) else { continue }
            var m = k
            while m < spans.count && spans[m].range.upperBound <= i + 3 { m += 1 }
            guard m < spans.count, let right = side(spans, at: m, bound: i + 3, step: 1), left.lang != right.lang,
                  short(text, left.range), short(text, right.range) else { continue }
            result.append(Protection(range: left.range.lowerBound..<right.range.upperBound, emergency: []))
        }
        return result
    }

    /// The text in one language running from `bound` away from the separator (left when `step` is -1), through
    /// consecutive spans of that language.
    private static func side(_ spans: [ParagraphBuilder.Span], at index: Int, bound: Int, step: Int)
        -> (lang: String, range: Range<Int>)? {
        guard let lang = spans[index].style.lang, spans[index].range.contains(step < 0 ? bound - 1 : bound) else {
            return nil
        }
        var lower = step < 0 ? spans[index].range.lowerBound : bound
        var upper = step < 0 ? bound : spans[index].range.upperBound
        var k = index + step
        while k >= 0 && k < spans.count && spans[k].style.lang == lang {
            if step < 0 {
                guard spans[k].range.upperBound == lower else { break }
                lower = spans[k].range.lowerBound
            } else {
                guard spans[k].range.lowerBound == upper else { break }
                upper = spans[k].range.upperBound
            }
            k += step
        }
        return (lang, lower..<upper)
    }

    private static func short(_ text: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count <= labelLength,
              !text[range].contains(ParagraphBuilder.lineFeed), !text[range].contains(ParagraphBuilder.objectReplacement)
        else { return false }
        return text[range].split(separator: 0x20).count <= labelWords
    }

    // MARK: white-space: nowrap

    private static func noWrap(_ spans: [ParagraphBuilder.Span]) -> [Protection] {
        var result: [Protection] = []
        for span in spans where span.style.noWrap {
            if let last = result.last, last.range.upperBound == span.range.lowerBound {
                result[result.count - 1].range = last.range.lowerBound..<span.range.upperBound
            } else {
                result.append(Protection(range: span.range, emergency: []))
            }
        }
        return result
    }

    /// Overlapping or touching ranges joined, in order.
    private static func merge(_ protections: [Protection]) -> [Protection] {
        let sorted = protections.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var result: [Protection] = []
        for p in sorted {
            if let last = result.last, p.range.lowerBound < last.range.upperBound {
                let range = last.range.lowerBound..<max(last.range.upperBound, p.range.upperBound)
                result[result.count - 1] = Protection(range: range, emergency: (last.emergency + p.emergency).sorted())
            } else {
                result.append(p)
            }
        }
        return result
    }
}
