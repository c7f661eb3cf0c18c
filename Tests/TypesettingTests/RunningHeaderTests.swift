import PDFFixtures
import Testing
@testable import Typesetting

/// A letter that fits one page reads as a letter: no case id and no "Page 1 of 1" in its margin. A document of
/// several pages keeps both on every page, so loose pages can be put back in order.
@Suite struct RunningHeaderTests {
    static func marginTexts(_ page: LaidOutPage) -> [String] {
        let top = Support.stylesheet.page.marginTop
        return Support.texts(page).filter { $0.y < top }.map(\.text)
    }

    @Test func aOnePageLetterHasNoRunningHeader() {
        let layout = Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts).layout(SampleDocuments.coverLetter())
        #expect(layout.pages.count == 1)
        #expect(Self.marginTexts(layout.pages[0]).isEmpty, "\(Self.marginTexts(layout.pages[0]))")
        let all = Support.texts(layout.pages[0]).map(\.text)
        #expect(!all.contains("VN-2027-014") && !all.contains { $0.hasPrefix("Page 1 of") })
    }

    @Test func aDocumentOfSeveralPagesKeepsItsHeaderOnEveryPage() {
        let layout = Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts)
            .layout(SampleDocuments.checklist(items: 9, feeRows: 4))
        #expect(layout.pages.count >= 2)
        for (i, page) in layout.pages.enumerated() {
            let margin = Self.marginTexts(page)
            #expect(margin.contains("VN-2027-014"), "page \(i + 1): \(margin)")
            #expect(margin.contains("Page \(i + 1) of \(layout.pages.count)"), "page \(i + 1): \(margin)")
        }
    }
}
