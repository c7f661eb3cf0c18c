@testable import Compose
import DossierCore
import Testing

/// Dates inside a language's sentences, written as the catalog's `format.date` says.
@Suite struct DateStyleTests {
    @Test func patternsWriteDayMonthYear() {
        let d = CalendarDate(year: 1985, month: 4, day: 7)!
        #expect(DateStyle(pattern: "dd/MM/yyyy").format(d) == "07/04/1985")
        #expect(DateStyle(pattern: "d/M/yyyy").format(d) == "7/4/1985")
        #expect(DateStyle(pattern: "yyyy-MM-dd").format(d) == "1985-04-07")
    }

    @Test func onlyWholeISODatesAreRewritten() {
        let vi = DateStyle(pattern: "dd/MM/yyyy")
        #expect(vi.rewrite("sinh ngày 1985-04-17, nộp ngày 2027-02-08.") == "sinh ngày 17/04/1985, nộp ngày 08/02/2027.")
        #expect(vi.rewrite("số 12027-02-08 và 2027-02-081") == "số 12027-02-08 và 2027-02-081", "not part of a longer number")
        #expect(vi.rewrite("2027-02-30 không có") == "2027-02-30 không có", "not a real date")
        #expect(vi.rewrite("từ 2026-09-11-2026") == "từ 2026-09-11-2026", "not part of a longer dashed code")
    }

    @Test func aCatalogWithoutAPatternKeepsISO() throws {
        let catalog = try StringCatalog(sources: [.init(language: "en", file: "en.yaml", bytes: Array("a: b\n".utf8))])
        #expect(catalog.localizingDates("on 2027-02-08", language: "en") == "on 2027-02-08")
        let vi = try StringCatalog(sources: [.init(language: "vi", file: "vi.yaml", bytes: Array("format:\n  date: dd/MM/yyyy\n".utf8))])
        #expect(vi.localizingDates("ngày 2027-02-08", language: "vi") == "ngày 08/02/2027")
    }
}
