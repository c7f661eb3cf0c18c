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

    @Test func checklistItemsAreNotSplit() {
        // Every "What:" label and its "Why:" label are on the same page (the item avoids breaks inside).
        for page in Self.layout.pages {
            let texts = Support.texts(page).map(\.text)
            #expect(texts.filter { $0 == "What:" }.count == texts.filter { $0 == "Why:" }.count)
        }
    }
}
