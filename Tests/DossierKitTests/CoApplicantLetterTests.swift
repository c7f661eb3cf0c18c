import TestSupport
import DossierKit
import Foundation
import Testing

/// The I-539 cover letter names as co-applicants exactly the family members whose Form I-539A it encloses (tagged
/// `co_applicant` in the rule book), so a child who turned 21 is never presented to USCIS as one.
@Suite struct CoApplicantLetterTests {
    /// The letter's list of co-applicants (empty when the letter has none).
    static func coApplicants(_ text: String) throws -> String {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        let input = CaseInput(name: "case.yaml", text: text, folder: Repository.path("Samples/i-539"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        let file = try #require(result.files.first { $0.name == "i-539-cover-letter.html" }, "\(result.diagnostics)")
        let html = String(decoding: file.bytes, as: UTF8.self)
        // The co-applicants' list: after the sentence that introduces it, before the closing.
        guard let start = html.range(of: "each on Form I-539A:"), let end = html.range(of: "class=\"closing\"", range: start.upperBound..<html.endIndex) else {
            return ""
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func aChildOf21IsNotListedAsACoApplicant() throws {
        let sample = Repository.text("Samples/i-539/h4-family-extension.yaml")
        let both = try Self.coApplicants(sample)
        #expect(both.contains("Form I-539A for Phạm Lê Minh Anh") && both.contains("Form I-539A for Phạm Lê Gia Bảo"))
        // Minh Anh born 2006-03-18 is 21 on the filing date 2027-03-18: she files her own I-539.
        let older = sample.replacingOccurrences(of: "date: 2010-08-30", with: "date: 2006-03-18")
        #expect(older != sample, "the sample's child's birth date was found")
        let letter = try Self.coApplicants(older)
        #expect(!letter.contains("Form I-539A for Phạm Lê Minh Anh"), "not a co-applicant")
        #expect(letter.contains("Form I-539A for Phạm Lê Gia Bảo"), "the younger child still is")
    }
}
