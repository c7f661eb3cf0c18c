import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// Placeholder dates from exported data (`0001-01-01`, a birth in 9980) are located `CASE013` errors for their case,
/// never a trap that costs the whole batch its output (issue 15, point 1).
@Suite struct PlaceholderDateTests {
    static let dossier: Dossier? = try? Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
    static let sample = "Samples/divorced-texas-power-of-attorney.yaml"

    static func input(_ replacing: String, with: String) throws -> CaseInput {
        let text = try String(contentsOfFile: Repository.path(sample), encoding: .utf8)
        #expect(text.contains(replacing))
        return CaseInput(name: sample, text: text.replacingOccurrences(of: replacing, with: with), folder: Repository.path("Samples"))
    }

    @Test(arguments: [("date: 2027-05-10", "date: 0001-01-01", "0001-01-01"),
                      ("date: 1986-03-14", "date: 9980-03-14", "9980-03-14"),
                      ("date: 2027-05-10", "date: 9999-12-31", "9999-12-31"),
                      ("date: 2027-05-10", "date: 0000-02-30", "0000-02-30")])
    func aPlaceholderDateIsALocatedErrorForItsCase(from: String, to: String, date: String) throws {
        let dossier = try #require(Self.dossier)
        let input = try Self.input(from, with: to)
        let place = TextPlaces.place(of: date, in: input.text)
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        #expect(result.status == .error)
        #expect(result.files.isEmpty)
        let error = try #require(result.diagnostics.first { $0.code == "CASE013" }, "\(result.diagnostics.map(\.headline))")
        #expect(error.location.map { "\($0.line):\($0.column)" } == place)
        #expect(error.message.hasSuffix("\(date) is outside the dates a case can give (1800-01-01 to 2200-12-31)"))
    }

    /// The evaluation date itself may be anywhere in the calendar (`--date 9999-12-31`): rules saturate, never trap.
    @Test(arguments: ["0001-01-01", "9999-12-31"])
    func rulesOnAnExtremeEvaluationDateDoNotTrap(_ iso: String) throws {
        let dossier = try #require(Self.dossier)
        let input = try Self.input("prepared_on: 2026-11-22", with: "prepared_on: 2026-11-22")
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: CalendarDate(iso: iso))
        #expect(result.status == .ok || result.diagnostics.hasErrors)
    }
}
