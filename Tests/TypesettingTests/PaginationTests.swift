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
