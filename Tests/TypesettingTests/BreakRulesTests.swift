import DocumentModel
import PDFFixtures
import Testing
@testable import Typesetting

/// Lines never break inside what a reader must copy whole: URLs, domain names, phone numbers, short bilingual labels
/// and `white-space: nowrap` text; wrapped tick-box steps hang; short table headers do not wrap.
@Suite struct BreakRulesTests {
    typealias S = SampleDocuments

    static func lineTexts(_ p: Paragraph, width: Points) -> [String] {
        p.lines(width: width).map { String(decoding: p.text[$0.start..<$0.end], as: UTF16.self) }
    }

    /// A paragraph of (text, lang) pieces in the default style.
    static func paragraph(_ pieces: [(String, String?)], noWrap: Bool = false) -> Paragraph {
        var base = ComputedStyle()
        base.fontSize = 10
        base.display = .block
        var builder = ParagraphBuilder()
        for (text, lang) in pieces {
            var style = base
            style.lang = lang
            style.noWrap = noWrap && lang != nil
            builder.appendText(text, style: style, href: nil)
        }
        return Paragraph(builder, style: base, context: Support.context())
    }

    /// Every width from 30 to 400 pt: `whole` is on one line whenever it fits on one with `tail` more points (the
    /// punctuation that cannot be separated from it).
    static func staysWhole(_ p: Paragraph, _ whole: String, tail: Points = 0) {
        let full = String(decoding: p.text, as: UTF16.self)
        let range = full.utf16.firstRange(of: whole.utf16)!
        let start = full.utf16.distance(from: full.utf16.startIndex, to: range.lowerBound)
        let end = start + whole.utf16.count
        let needed = p.prefix[end] - p.prefix[start]
        for width in stride(from: 30.0, through: 400, by: 2.5) where width >= needed + tail + 0.01 {
            for line in p.lines(width: width) {
                #expect(line.end <= start || line.start >= end || (line.start <= start && line.end >= end),
                        "width \(width): \(lineTexts(p, width: width))")
            }
        }
    }

    @Test func urlsBreakOnlyWhenWiderThanALineAndNeverAfterTheScheme() {
        let p = Support.paragraph("See https://travel.state.gov/content/travel/en/legal/travel-legal-considerations.html for the rules.")
        Self.staysWhole(p, "https://travel.state.gov/content/travel/en/legal/travel-legal-considerations.html")
        // Narrower than the URL: it breaks, only before a "/" or "." of its path.
        for width in [120.0, 90, 60] {
            let lines = Self.lineTexts(p, width: width)
            let inside = lines.filter { $0.contains("travel") || $0.hasPrefix("/") || $0.hasPrefix(".") }
            for (line, next) in zip(lines, lines.dropFirst()) where inside.contains(line) && inside.contains(next) {
                #expect(!line.hasSuffix("//") && !line.hasSuffix(":") && !line.hasSuffix("https:/"), "\(lines)")
                #expect(next.first.map { "/.-_?#&=~".contains($0) } == true, "width \(width): \(lines)")
            }
        }
    }

    @Test func phoneNumbersDomainsAndEmailsStayWhole() {
        let text = "Call +1 512 555 0142 or (206) 555-0143, write to help@lotus-legal.example or see vbpl-online.gov.vn today."
        let p = Support.paragraph(text)
        Self.staysWhole(p, "+1 512 555 0142")
        Self.staysWhole(p, "(206) 555-0143", tail: 3)
        Self.staysWhole(p, "help@lotus-legal.example")
        Self.staysWhole(p, "vbpl-online.gov.vn")
        // Wider than the line, a domain breaks before a dot, never at its hyphen.
        let narrow = Self.lineTexts(p, width: 60)
        #expect(!narrow.contains { $0.hasSuffix("vbpl-") }, "\(narrow)")
        #expect(narrow.contains { $0.hasPrefix(".vn") || $0.hasPrefix(".gov") }, "\(narrow)")
        // Dates and ordinary hyphenated words still break as before.
        let q = Support.paragraph("A well-known rule")
        #expect(Self.lineTexts(q, width: 40).first == "A well-")
    }

    @Test func justifiedPhoneNumbersKeepTheirSpaces() {
        var style = ComputedStyle()
        style.fontSize = 10
        style.display = .block
        style.textAlign = .justify
        var builder = ParagraphBuilder()
        builder.appendText("Please call the consulate at +1 512 555 0142 between nine and five on any working day "
                           + "of the week to confirm the appointment.", style: style, href: nil)
        let p = Paragraph(builder, style: style, context: Support.context())
        let lines = p.lines(width: 220)
        for line in lines where line.justify {
            let placed = p.place(line, x: 0, top: 0, width: 220, context: Support.context()).items
            for case .text(let run) in placed {
                let text = String(decoding: run.text, as: UTF16.self)
                guard let r = text.range(of: "+1 512 555 0142") else { continue }
                let startCluster = text.utf16.distance(from: text.utf16.startIndex, to: r.lowerBound)
                let glyphs = run.glyphs.filter { Int($0.cluster) >= startCluster && Int($0.cluster) < startCluster + 15 }
                let natural = glyphs.reduce(0) { $0 + $1.advance }
                let drawn = glyphs.last!.x + glyphs.last!.advance - glyphs.first!.x
                #expect(abs(drawn - natural) < 0.01, "the number's spaces did not stretch")
            }
        }
    }

    @Test func shortBilingualLabelsDoNotBreakAtTheSlash() {
        let p = Self.paragraph([("Form", "en"), (" / ", nil), ("Hình thức", "vi"), (": ", nil),
                                ("Statement of single status sworn before a notary", "en")])
        Self.staysWhole(p, "Form / Hình thức", tail: 3)
        // Whole bilingual sentences are not labels: they break like any text.
        let long = Self.paragraph([("Sign the statement before a notary public", "en"), (" / ", nil),
                                   ("Ký bản tuyên thệ trước công chứng viên", "vi")])
        #expect(Self.lineTexts(long, width: 150).count >= 3)
    }

    @Test func noWrapKeepsTextTogetherUnlessItIsWiderThanTheLine() {
        let p = Self.paragraph([("Payable to the order of ", nil), ("Consulate General of Vietnam", "en"),
                                (" by money order", nil)], noWrap: true)
        Self.staysWhole(p, "Consulate General of Vietnam")
        for line in Self.lineTexts(p, width: 40) { #expect(!line.isEmpty) }
    }

    @Test func whiteSpaceNowrapParses() {
        let (sheet, warnings) = Stylesheet.parse(".nobr { white-space: nowrap; } p { hyphens: auto; text-indent: -1em; }",
                                                 file: "t.css")
        #expect(warnings.isEmpty)
        #expect(sheet.rules.count == 2)
    }

    @Test func wrappedTickBoxStepsHang() {
        let css = "@page { size: A4; margin: 50pt; } body { font-size: 10pt; } ul { margin: 0; padding: 0 0 0 20pt; "
            + "list-style-type: none; } li { padding-left: 14.5pt; text-indent: -14.5pt; } "
            + ".tick { display: inline-block; width: 8pt; height: 8pt; border: 0.75pt solid #333333; margin: 0 5pt 0 0; }"
        let sheet = Stylesheet.parse(css, file: "t.css").0
        let step = "Have the statement certified by the county clerk of the county where the notary is commissioned, "
            + "then send it to the Secretary of State for an apostille"
        let doc = Document(name: "s", title: "s", language: "en", runningHeader: "",
                           body: Element("body", [], [S.el("ul", [:], [S.el("li", [:], [S.el("span", ["class": "tick"]),
                                                                                          S.txt(step)])])]))
        let page = Typesetter(stylesheet: sheet, fonts: Support.fonts).layout(doc).pages[0]
        let boxes = page.items.compactMap { item -> Rect? in if case .fill(let r, _) = item { r } else { nil } }
        let runs = page.items.compactMap { item -> GlyphRun? in if case .text(let r) = item, r.size == 10 { r } else { nil } }
        #expect(runs.count >= 2)
        let tickLeft = boxes.map(\.x).min()!
        // The tick box hangs in the padding; the first line's text and every wrapped line start at the same x.
        #expect(abs(tickLeft - (50 + 20)) < 0.01)
        let starts = Set(runs.map { ($0.x * 100).rounded() / 100 })
        #expect(starts.count == 1, "\(starts)")
        #expect(abs(runs[0].x - (50 + 20 + 14.5)) < 0.01)
    }

    @Test func shortTableHeadersDoNotWrap() {
        let css = "@page { size: A4; margin: 50pt 150pt; } body { font-size: 10pt; } table { width: 100%; "
            + "border-collapse: collapse; } th, td { border: 0.5pt solid #999999; padding: 3pt 4pt; }"
        let sheet = Stylesheet.parse(css, file: "t.css").0
        func header(_ en: String, _ vi: String) -> Node {
            S.el("th", [:], [S.en(en), S.txt(" / "), S.vi(vi)])
        }
        let long = "Certified translation of every page into Vietnamese by a translator registered with a notary"
        let doc = Document(name: "t", title: "t", language: "en", runningHeader: "", body: Element("body", [], [
            S.el("table", [:], [
                S.el("thead", [:], [S.el("tr", [:], [header("Item", "Khoản"), header("Payable to", "Trả cho"),
                                                      header("Amount", "Số tiền")])]),
                S.el("tbody", [:], [S.el("tr", [:], [S.el("td", [:], [S.txt(long)]),
                                                      S.el("td", [:], [S.txt(long)]), S.el("td", [:], [S.txt("$40.00")])])]),
            ]),
        ]))
        let page = Typesetter(stylesheet: sheet, fonts: Support.fonts).layout(doc).pages[0]
        let texts = Support.texts(page).map(\.text)
        for label in ["Payable to", "Trả cho", "Amount", "Số tiền"] {
            #expect(texts.contains(label), "\(label) split: \(texts)")
        }
        let headerBaselines = Set(Support.texts(page).filter { ["Item", "Payable to", "Amount"].contains($0.text) }.map(\.y))
        #expect(headerBaselines.count == 1, "every header on one line")
    }
}
