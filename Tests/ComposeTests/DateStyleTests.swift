@testable import Compose
import DossierCore
import Foundation
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

/// A letter's date line in the reader's language: each catalog sets `format.date_long` and its month names, and
/// `<t:date>` writes the date that way in every language of the case.
@Suite struct LetterDateTests {
    static let months: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ]

    /// The repository's shared catalogs, where the letters' date styles are set.
    static let shared: StringCatalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = ["en", "es", "vi"].map { lang in
            StringCatalog.Source(language: lang, file: "Templates/strings/\(lang).yaml",
                                 bytes: Array((try? Data(contentsOf: root.appendingPathComponent("Templates/strings/\(lang).yaml"))) ?? Data()))
        }
        do { return try StringCatalog(sources: sources) } catch { fatalError("\(error)") }
    }()

    @Test func quotedTextAndMonthNames() {
        let d = CalendarDate(year: 2026, month: 11, day: 28)!
        #expect(DateStyle(pattern: "MMMM d, yyyy", monthNames: Self.months["en"]!).format(d) == "November 28, 2026")
        #expect(DateStyle(pattern: "d 'de' MMMM 'de' yyyy", monthNames: Self.months["es"]!).format(d) == "28 de noviembre de 2026")
        #expect(DateStyle(pattern: "'ngày' dd 'tháng' MM 'năm' yyyy").format(d) == "ngày 28 tháng 11 năm 2026")
        #expect(DateStyle(pattern: "d 'o''clock' M").format(d) == "28 o'clock 11", "'' is a quote")
        #expect(DateStyle(pattern: "MMMM yyyy").format(d) == "11 2026", "without month names, the number")
    }

    @Test func theSharedCatalogsWriteALettersDateInEachLanguage() throws {
        let d = CalendarDate(year: 2026, month: 3, day: 5)!
        #expect(Self.shared.longDateStyle("en").format(d) == "March 5, 2026")
        #expect(Self.shared.longDateStyle("es").format(d) == "5 de marzo de 2026")
        #expect(Self.shared.longDateStyle("vi").format(d) == "ngày 05 tháng 03 năm 2026")
    }

    @Test func dateInstructionWritesEveryCaseLanguage() throws {
        let t = try Fixtures.template(Fixtures.page(#"<p class="date"><t:date of="case.prepared_on" mode="inline"/></p>"#))
        let context: TemplateValue = ["case": ["prepared_on": "2026-11-28"]]
        for (languages, expected) in [(["en", "es"], "November 28, 2026 / 28 de noviembre de 2026"),
                                      (["vi", "en"], "ngày 28 tháng 11 năm 2026 / November 28, 2026")] {
            let doc = try t.compose(context, strings: Self.shared, options: ComposeOptions(languages: languages))
            #expect(doc.body.textContent.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        }
    }

    @Test func dateInstructionRejectsAValueThatIsNotADate() throws {
        let t = try Fixtures.template(Fixtures.page(#"<p><t:date of="case.id"/></p>"#))
        #expect(throws: DiagnosticError.self) {
            try t.compose(["case": ["id": "VN-2027-014"]], strings: Self.shared, options: ComposeOptions(languages: ["en"]))
        }
    }
}
