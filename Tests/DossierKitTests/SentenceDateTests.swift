import TestSupport
import DossierKit
import Foundation
import Testing

/// Dates inside sentences are written for the reader of each language (`format.date` in the shared catalogs):
/// day/month/year in Spanish and Vietnamese, ISO in English (unambiguous for US and foreign readers alike).
@Suite struct SentenceDateTests {
    @Test func aSpanishFirstLetterWritesDatesDayMonthYearInSpanishAndISOInEnglish() throws {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let sample = "Samples/i-539/f1-reinstatement-after-surgery.yaml"
        let input = CaseInput(name: "case.yaml", text: Repository.text(sample), folder: Repository.path("Samples/i-539"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        let file = try #require(result.files.first { $0.name == "i-539-cover-letter.html" }, "\(result.diagnostics)")
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains("nacido(a) el 27/01/2003"), "Spanish: day/month/year")
        #expect(text.contains("born 2003-01-27"), "English: ISO")
        #expect(!text.contains("el 2003-01-27"), "no ISO date in a Spanish sentence")
    }
}
