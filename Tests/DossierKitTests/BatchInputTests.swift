import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// CSV and JSONL batches: each row is a case; errors point to the row and the cell; good rows still render.
@Suite struct BatchInputTests {
    static let header = "dossier,case.id,case.languages,case.procedures,people.applicant.name.given,people.applicant.name.family,people.applicant.sex,people.applicant.birth.date,people.applicant.birth.place,people.applicant.birth.country,people.applicant.citizenship,people.applicant.us_status,people.applicant.residence.state,people.applicant.passport.number,people.applicant.marital_status,people.spouse.name.given,people.spouse.name.family,people.spouse.sex,people.spouse.birth.date,people.spouse.birth.place,people.spouse.citizenship,vn_single_status.intended_spouse,vn_single_status.filing_in_vietnam.date,vn_single_status.filing_in_vietnam.by,vn_single_status.consulate_submission,vn_single_status.single_notary"

    static func world(_ files: [String: String]) throws -> MemoryWorld {
        var all: [String: [UInt8]] = [:]
        for folder in ["Rules", "Templates"] {
            let root = Repository.path(folder)
            for rel in FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [] {
                if let data = FileManager.default.contents(atPath: root + "/" + rel), !rel.hasPrefix(".") { all[folder + "/" + rel] = [UInt8](data) }
            }
        }
        for (k, v) in files { all[k] = Array(v.utf8) }
        return MemoryWorld(files: all, today: CalendarDate(year: 2026, month: 11, day: 22)!)
    }

    @Test func csvRowsRenderIndependentlyAndErrorsPointAtTheCell() throws {
        let good = "2,csv-001,en|vi,vn-single-status,Anna,Lee,female,1990-01-02,\"Portland, Oregon, USA\",US,US,citizen,OR,X1234567,never-married,Văn Nam,Trần,male,1988-05-06,Huế,VN,spouse,2027-03-01,in-person,mail,true"
        let bad = "2,csv-002,en|vi,vn-single-status,Bob,Ray,male,1990-01-02,Reno,US,US,citizen,NV,X7654321,never-maried,Thị Lan,Lê,female,1995-02-28,Huế,VN,spouse,2027-03-01,in-person,mail,true"
        let world = try Self.world(["in/clients.csv": [Self.header, good, bad].joined(separator: "\n") + "\n"])
        let dossier = try Dossier(world: world, resources: "", pdf: false)
        let (cases, problems) = InputCollector(world: world, schema: dossier.book.schema).collect(["in/clients.csv"])
        #expect(problems.isEmpty)
        #expect(cases.count == 2)
        let results = try BatchRunner(dossier: dossier, formats: OutputFormats(html: true, pdf: false), date: nil, jobs: 2).run(cases, out: "out")
        #expect(results.map(\.status) == [.ok, .error])
        #expect(results.map(\.input) == ["in/clients.csv:2", "in/clients.csv:3"])
        let error = try #require(results[1].diagnostics.first)
        #expect(error.code == "CASE014")
        let column = bad.distance(from: bad.startIndex, to: bad.range(of: "never-maried")!.lowerBound) + 1
        #expect(error.location == SourceLocation(file: "in/clients.csv", line: 3, column: column))
        #expect(world.exists("out/csv-001/manifest.json"))
        #expect(world.exists("out/csv-001/vn-single-status-checklist.html"))
        #expect(!world.exists("out/csv-002/manifest.json"))
        let report = String(decoding: try world.read("out/report.csv"), as: UTF8.self)
        #expect(report.contains("csv-001,in/clients.csv:2,ok,vn-single-status:eligible,0,"))
    }

    @Test func jsonlLinesKeepTheirLineNumbers() throws {
        let line = #"{"dossier":2,"case":{"id":"j2","procedures":["vn-single-status"]},"people":{"applicant":{"name":{"given":"A","family":"B"},"sx":"male"}}}"#
        let world = try Self.world(["b.jsonl": "\n\n" + line + "\n"])
        let (cases, _) = InputCollector(world: world, schema: RuleBookFixture.schema).collect(["b.jsonl"])
        #expect(cases.count == 1)
        let dossier = try Dossier(world: world, resources: "", pdf: false)
        let result = dossier.render(cases[0], formats: OutputFormats(html: true, pdf: false), date: nil)
        let d = try #require(result.diagnostics.first)
        #expect(d.code == "CASE010")
        #expect(d.location?.line == 3)
        #expect(d.hint == "did you mean `sex`?")
    }

    @Test func aDuplicateCaseIDIsAnErrorNotAnOverwrite() throws {
        let text = try String(contentsOfFile: Repository.path("Samples/divorced-texas-power-of-attorney.yaml"), encoding: .utf8)
        let world = try Self.world(["a/one.yaml": text, "a/two.yaml": text])
        let dossier = try Dossier(world: world, resources: "", pdf: false)
        let (cases, _) = InputCollector(world: world, schema: RuleBookFixture.schema).collect(["a"])
        let results = try BatchRunner(dossier: dossier, formats: OutputFormats(html: true, pdf: false), date: nil, jobs: 1).run(cases, out: "out")
        #expect(results.map(\.status) == [.ok, .error])
        #expect(results[1].diagnostics.contains { $0.code == "CASE031" })
    }
}
