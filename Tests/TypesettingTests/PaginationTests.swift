import DocumentModel
import PDFFixtures
import Testing
@testable import Typesetting

@Suite struct PaginationTests {
    static let layout = Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts)
        .layout(SampleDocuments.checklist(items: 4, feeRows: 40))

    @Test func longTablesRepeatTheirHeaderOnEveryPage() {
        let pagesWithFees = Self.layout.pages.filter { page in
            Support.texts(page).contains { $0.text.hasPrefix("Apostille, per document") }
        }
        #expect(pagesWithFees.count >= 2)
        for page in pagesWithFees {
            let texts = Support.texts(page).map(\.text)
            #expect(texts.contains("Payable to"))
            #expect(texts.contains("Số tiền"))
        }
    }

    @Test func headingsAreNeverLastOnAPage() {
        for (i, page) in Self.layout.pages.enumerated() {
            let body = Support.texts(page).filter { !$0.text.hasPrefix("Page ") && $0.text != "VN-2027-014" }
            guard let last = body.max(by: { $0.y < $1.y }) else { continue }
            #expect(last.size < 13, "page \(i + 1) ends with heading \(last.text)")
        }
    }

    @Test func contentStaysInsideTheMargins() {
        let setup = Support.stylesheet.page
        for page in Self.layout.pages {
            for item in page.items {
                guard case .text(let run) = item, run.size > 8 else { continue }
                #expect(run.baseline > setup.marginTop && run.baseline <= setup.height - setup.marginBottom + 0.01)
            }
        }
    }

    @Test func checklistItemsSplitOnlyBetweenStepsAndKeepTheirHeadWithTheFirstStep() {
        // An item may continue on the next page, but only between two whole steps (or after its steps): its number and
        // title, "What", "From" and its first step always share a page, and a step's two languages never part.
        let layout = Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts)
            .layout(SampleDocuments.checklist(items: 9, feeRows: 4))
        let pages = layout.pages.map { Support.texts($0).map(\.text) }
        func page(of text: String, after start: Int = 0) -> Int? {
            pages.indices.first { $0 >= start && pages[$0].contains(text) }
        }
        var split = 0
        var from = 0
        for number in 1...9 {
            guard let head = page(of: "\(number). ", after: from) else {
                Issue.record("item \(number) not found")
                continue
            }
            let sample = SampleDocuments.itemSamples[(number - 1) % SampleDocuments.itemSamples.count]
            #expect(page(of: "What:", after: head) == head, "item \(number): What")
            #expect(page(of: "From:", after: head) == head, "item \(number): From")
            #expect(page(of: sample.steps[0].0, after: head) == head, "item \(number): first step")
            for step in sample.steps {
                #expect(page(of: step.0, after: head) == page(of: step.1, after: head), "item \(number): \(step.0)")
            }
            let why = pages.indices.first { p in p >= head && pages[p].contains { sample.why.hasPrefix($0) && $0.count > 8 } }
            #expect(why != nil)
            if why != head { split += 1 }
            from = head
        }
        #expect(split >= 1, "nine items over several pages: some item continues on the next page")
    }

    @Test func checklistPagesAreFullerThanWithUnsplitItems() {
        let css = Support.css + "\n.item { page-break-inside: avoid; }"
        let whole = Typesetter(stylesheet: Stylesheet.parse(css, file: "t.css").0, fonts: Support.fonts)
            .layout(SampleDocuments.checklist(items: 9, feeRows: 4))
        let split = Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts)
            .layout(SampleDocuments.checklist(items: 9, feeRows: 4))
        #expect(split.pages.count < whole.pages.count, "\(split.pages.count) vs \(whole.pages.count) pages")
    }
}

/// Two-line orphans and widows: a paragraph never leaves a single line alone at the bottom or top of a page.
@Suite struct OrphansAndWidowsTests {
    static func layout(spacer: Points) -> [[String]] {
        let css = "@page { size: A4; margin: 50pt; } body { font-size: 10pt; line-height: 1.35; } p { margin: 0; } "
            + ".spacer { height: \(spacer)pt; }"
        let sheet = Stylesheet.parse(css, file: "test.css").0
        let words = (1...6).map { "Line\($0) " + String(repeating: "word ", count: 14) }
        let paragraph = SampleDocuments.el("p", [:], words.enumerated().flatMap { i, text in
            [SampleDocuments.txt(text)] + (i < 5 ? [SampleDocuments.el("br")] : [])
        })
        let doc = Document(name: "t", title: "t", language: "en", runningHeader: "",
                           body: Element("body", [], [SampleDocuments.el("div", ["class": "spacer"]), paragraph]))
        let laid = Typesetter(stylesheet: sheet, fonts: Support.fonts).layout(doc)
        return laid.pages.map { page in Support.texts(page).map(\.text).filter { $0.hasPrefix("Line") } }
    }

    @Test func aLoneFirstLineMovesWithTheRest() {
        let pages = Self.layout(spacer: 841.89 - 100 - 20)
        #expect(pages.map(\.count) == [0, 6])
    }

    @Test func aLoneLastLineTakesOneWithIt() {
        let pages = Self.layout(spacer: 841.89 - 100 - 5 * 13.5 - 3)
        #expect(pages.map(\.count) == [4, 2])
    }
}

/// A signature never stands alone on a page: a letter's closing block (`page-break-before: avoid`) takes the last
/// lines of the body with it, and a statement's signature stays with its jurat and the statement's last lines.
@Suite struct KeepTogetherTests {
    typealias S = SampleDocuments

    static let body = "Each document has been certified, translated into Vietnamese by a registered translator and "
        + "legalized as your office requires. The translations are attached behind each original, and the fees are "
        + "enclosed as a money order payable to the consulate. Please contact me by telephone or e-mail if anything "
        + "further is needed."

    /// Pages of a document whose body is pushed down by a spacer of `spacer` points, as lists of text runs.
    static func pages(spacer: Points, _ tail: [Node]) -> [[String]] {
        let sheet = Stylesheet.parse(Support.css + "\n@page { size: A4; } .spacer { height: \(spacer)pt; }",
                                     file: "t.css").0
        let doc = Document(name: "l", title: "l", language: "en", runningHeader: "",
                           body: Element("body", [Attribute("class", "letter")],
                                         [S.el("div", ["class": "spacer"]), S.el("p", [:], [S.txt(Self.body)])] + tail))
        return Typesetter(stylesheet: sheet, fonts: Support.fonts).layout(doc).pages.map { page in
            Support.texts(page).map(\.text).filter { !$0.hasPrefix("Page ") }
        }
    }

    @Test func aLetterClosingTakesTheBodysLastLinesWithIt() {
        let closing = S.el("div", ["class": "closing"], [
            S.el("p", [:], [S.txt("Sincerely,")]),
            S.el("div", ["class": "signature"], [S.el("p", ["class": "sigline"], [S.txt("\u{A0}")]),
                                                  S.el("p", [:], [S.txt("Daniel Brooks")])]),
        ])
        var moved = 0
        // Every position of the closing near a page end, in 6 pt steps.
        for spacer in stride(from: 560.0, through: 720, by: 6) {
            let pages = Self.pages(spacer: spacer, [closing])
            guard let last = pages.last, let signaturePage = pages.lastIndex(where: { $0.contains("Daniel Brooks") })
            else { continue }
            #expect(pages[signaturePage].contains("Sincerely,"), "spacer \(spacer): the closing left its signature")
            let bodyLines = pages[signaturePage].filter { Self.body.contains($0.trimmingCharacters(in: .whitespaces)) && $0.count > 4 }
            #expect(bodyLines.count >= 2, "spacer \(spacer): the signature page holds \(last)")
            if pages.count > 1 { moved += 1 }
        }
        #expect(moved > 0, "some positions needed a second page")
    }

    @Test func aSignatureStaysWithItsJuratAndTheStatement() {
        let tail: [Node] = [
            S.el("div", ["class": "signature"], [S.el("p", ["class": "sigline"], [S.txt("\u{A0}")]),
                                                  S.el("p", [:], [S.txt("Signature of Affiant")])]),
            S.el("div", ["class": "jurat"], [S.el("p", [:], [S.txt("Sworn to and subscribed before me on ______")]),
                                              S.el("p", ["class": "sigline"], [S.txt("\u{A0}")]),
                                              S.el("p", ["class": "small"], [S.txt("Notary Public")])]),
        ]
        for spacer in stride(from: 480.0, through: 720, by: 8) {
            let pages = Self.pages(spacer: spacer, tail)
            guard let signaturePage = pages.lastIndex(where: { $0.contains("Signature of Affiant") }) else {
                Issue.record("no signature")
                continue
            }
            #expect(pages[signaturePage].contains("Notary Public"), "spacer \(spacer): jurat parted from the signature")
            let bodyLines = pages[signaturePage].filter { Self.body.contains($0.trimmingCharacters(in: .whitespaces)) && $0.count > 4 }
            #expect(bodyLines.count >= 2, "spacer \(spacer): signature page \(pages[signaturePage])")
        }
    }

    @Test func keepWithPreviousPropagatesFromAFirstChild() {
        // `page-break-before: avoid` on the first child of a wrapper applies to the wrapper's start.
        let sheet = Stylesheet.parse(".a { page-break-before: avoid; }", file: "t.css").0
        let builder = BoxBuilder(context: LayoutContext(fonts: Support.fonts, stylesheet: sheet, documentName: "t",
                                                        language: "en", images: { _ in nil }))
        let root = builder.build(Element("body", [], [S.el("div", [:], [S.el("p", ["class": "a"], [S.txt("x")])])]))
        guard case .blocks(let children) = root.content else {
            Issue.record("no blocks")
            return
        }
        #expect(children[0].keepsWithPrevious)
        #expect(!children[0].keepsWithNext)
    }
}
