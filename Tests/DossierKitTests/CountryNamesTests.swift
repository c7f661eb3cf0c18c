import TestSupport
import DossierKit
import Foundation
import Testing

/// A country is written by its name, never its ISO code: on a USCIS form-answer sheet in English (what the applicant
/// copies onto the English form) even when the packet's first language is Vietnamese, and in an address line.
@Suite struct CountryNamesTests {
    @Test func aVietnameseFirstFormAnswerSheetNamesTheCountriesInEnglish() throws {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let sample = "Samples/i-539/h4-family-extension.yaml"   // languages [vi, en]; born in VN, VN passport
        let input = CaseInput(name: "case.yaml", text: Repository.text(sample), folder: Repository.path("Samples/i-539"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        let file = try #require(result.files.first { $0.name == "i-539-form-answers.html" })
        let html = String(decoding: file.bytes, as: UTF8.self)
        #expect(html.contains("<td lang=\"en\">1986-12-05 · Vietnam"), "country of birth")
        #expect(html.contains("C4418820 · Vietnam · "), "the passport's country")
        #expect(!html.contains("· VN") && !html.contains(">VN "), "no ISO code printed")
        #expect(html.contains("Bellevue WA 98007, United States"), "the address's country line")
    }
}
