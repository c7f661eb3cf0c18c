import TestSupport
import CaseModel
import DossierCore
@testable import DossierKit
import Foundation
import Testing

/// Every input unit (file, line, row) is read and reported on its own: a bad one never costs the others.
@Suite struct InputUnitTests {
    typealias F = BatchFixtures

    @Test func aCSVRowIsALocatedValueBuiltDirectlyFromItsCells() throws {
        let rows = [F.header, F.row("r-1"), F.row("r-2", place: "Reno")].joined(separator: "\n") + "\n"
        let world = try F.world(["c.csv": rows])
        let cases = F.cases(F.units(["c.csv"], world: world))
        #expect(cases.count == 2)
        let second = try #require(cases.last)
        #expect(second.text == F.row("r-2", place: "Reno"), "the row's own text, not the file padded with newlines")
        #expect(second.firstLine == 3)
        let place = try #require(second.value?["people"]?["applicant"]?["birth"]?["place"])
        let row = F.row("r-2", place: "Reno")
        let column = row.distance(from: row.startIndex, to: row.range(of: ",Reno,")!.lowerBound) + 2
        #expect(place == .scalar("Reno", plain: false, at: SourceLocation(file: "c.csv", line: 3, column: column)))
        let notary = try #require(second.value?["vn_single_status"]?["single_notary"])
        #expect(notary.scalarText == "true")
        guard case .scalar(_, let plain, _) = notary else { Issue.record("not a scalar"); return }
        #expect(plain, "booleans stay plain so they type-check")
        guard case .list(let languages, _)? = second.value?["case"]?["languages"] else { Issue.record("languages is a list"); return }
        #expect(languages.map(\.location.column) == [7, 10], "each list item at its own column")
    }

    @Test func crlfJSONLinesAreOneCaseEachAtTheirOwnLine() throws {
        let text = [F.jsonLine("j-1"), "", F.jsonLine("j-2"), F.jsonLine("j-3")].joined(separator: "\r\n") + "\r\n"
        let world = try F.world(["b.jsonl": text])
        let units = F.units(["b.jsonl"], world: world)
        let cases = F.cases(units)
        #expect(cases.map(\.firstLine) == [1, 3, 4])
        #expect(cases.allSatisfy { !$0.text.contains("\r") })
        #expect(cases.map { $0.declaredID?.id } == ["j-1", "j-2", "j-3"])
        #expect(cases[1].declaredID?.location.line == 3)
        let outcomes = try F.render(["b.jsonl"], world: world)
        #expect(outcomes.map(\.status) == [.ok, .ok, .ok])
    }

    @Test func aBadJSONLineIsReportedAtItsLineAndTheOthersRender() throws {
        let text = [F.jsonLine("j-1"), #"{"dossier": 1, "case": {"#, F.jsonLine("j-3")].joined(separator: "\n") + "\n"
        var bytes = Array(text.utf8)
        bytes += Array(F.jsonLine("j-4").utf8).map { $0 == UInt8(ascii: "A") ? 0xC1 : $0 } + [10]
        let world = try F.world([:])
        try world.write(bytes, to: "b.jsonl")
        let outcomes = try F.render(["b.jsonl"], world: world)
        #expect(outcomes.map(\.input) == ["b.jsonl:1", "b.jsonl:2", "b.jsonl:3", "b.jsonl:4"])
        #expect(outcomes.map(\.status) == [.ok, .error, .ok, .error])
        #expect(outcomes[1].diagnostics.first?.location?.line == 2)
        let notUTF8 = try #require(outcomes[3].diagnostics.first)
        #expect(notUTF8.code == "CASE060")
        #expect(notUTF8.location?.line == 4)
    }

    @Test func aNonUTF8FileInAFolderIsReportedAloneAndTheRestRender() throws {
        let good = try String(contentsOfFile: Repository.path("Samples/divorced-texas-power-of-attorney.yaml"), encoding: .utf8)
        let world = try F.world(["in/a.yaml": good])
        try world.write(Array("dossier: 1\ncase:\n  id: caf".utf8) + [0xE9] + Array("\n".utf8), to: "in/b.yaml")
        let outcomes = try F.render(["in"], world: world)
        #expect(outcomes.map(\.status) == [.ok, .error])
        let d = try #require(outcomes[1].diagnostics.first)
        #expect(d.code == "CASE060")
        #expect(d.location == SourceLocation(file: "in/b.yaml", line: 3, column: 10))
    }

    @Test func aBrokenSymlinkInAFolderIsReportedAloneAndTheRestRender() throws {
        let folder = F.folder("symlink")
        try FileManager.default.copyItem(atPath: Repository.path("Samples/divorced-texas-power-of-attorney.yaml"), toPath: folder + "/a.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: folder + "/gone.yaml")
        let units = F.units([folder], world: FileSystemWorld())
        #expect(F.cases(units).count == 1)
        let problem = try #require(F.problems(units).first)
        #expect(problem.input == folder + "/b.yaml")
        #expect(problem.diagnostics.first?.message.contains("symbolic link to a file that does not exist") == true)
    }

    @Test func anUnbalancedQuoteCostsOneRowAndTheFollowingRowsStillParse() throws {
        let bad = F.row("q-2", place: "\"Portland, Oregon")
        let rows = [F.header, F.row("q-1"), bad, F.row("q-3"), F.row("q-4")].joined(separator: "\n") + "\n"
        let world = try F.world(["c.csv": rows])
        let outcomes = try F.render(["c.csv"], world: world)
        #expect(outcomes.map(\.input) == ["c.csv:2", "c.csv:3", "c.csv:4", "c.csv:5"])
        #expect(outcomes.map(\.status) == [.ok, .error, .ok, .ok])
        let d = try #require(outcomes[1].diagnostics.first)
        #expect(d.code == "CASE061")
        let column = bad.distance(from: bad.startIndex, to: bad.firstIndex(of: "\"")!) + 1
        #expect(d.location == SourceLocation(file: "c.csv", line: 3, column: column))
        #expect(world.exists("out/q-4/manifest.json"))
    }

    @Test func aQuoteThatNeverClosesStopsTheFileWithAClearMessage() throws {
        let rows = [F.header, F.row("n-1"), F.row("n-2", place: "\"Portland, Oregon")].joined(separator: "\n") + "\n"
        let world = try F.world(["c.csv": rows])
        let outcomes = try F.render(["c.csv"], world: world)
        #expect(outcomes.map(\.status) == [.ok, .error])
        let d = try #require(outcomes[1].diagnostics.first)
        #expect(d.code == "CASE062")
        #expect(d.message.contains("never closed"))
        #expect(d.location?.line == 3)
    }

    @Test func aMultiLineQuotedCellIsStillOneCell() throws {
        let row = F.row("m-1", place: "\"Portland,\nOregon\"")
        let world = try F.world(["c.csv": [F.header, row, F.row("m-2")].joined(separator: "\n") + "\n"])
        let cases = F.cases(F.units(["c.csv"], world: world))
        #expect(cases.map(\.firstLine) == [2, 4])
        #expect(cases.first?.value?["people"]?["applicant"]?["birth"]?["place"]?.scalarText == "Portland,\nOregon")
    }

    @Test func extraCellsAreAnErrorAtTheirColumnTrailingEmptyOnesAreNot() throws {
        let extra = F.row("x-1") + ",surprise"
        let world = try F.world(["c.csv": [F.header, extra, F.row("x-2") + ",,"].joined(separator: "\n") + "\n"])
        let outcomes = try F.render(["c.csv"], world: world)
        #expect(outcomes.map(\.status) == [.error, .ok])
        let d = try #require(outcomes[0].diagnostics.first)
        #expect(d.code == "CASE063")
        #expect(d.location == SourceLocation(file: "c.csv", line: 2, column: F.row("x-1").unicodeScalars.count + 2))
    }

    @Test func aDuplicateOrConflictingHeaderStopsTheFileAtTheColumn() throws {
        let world = try F.world(["d.csv": "dossier,case.id,case.id\n1,a,b\n", "p.csv": "dossier,case,case.id\n1,a,b\n"])
        let duplicate = try #require(F.problems(F.units(["d.csv"], world: world)).first?.diagnostics.first)
        #expect(duplicate.code == "CASE064")
        #expect(duplicate.location == SourceLocation(file: "d.csv", line: 1, column: 17))
        let conflict = try #require(F.problems(F.units(["p.csv"], world: world)).first?.diagnostics.first)
        #expect(conflict.code == "CASE065")
        #expect(F.cases(F.units(["d.csv", "p.csv"], world: world)).isEmpty)
    }

    @Test func aNonUTF8RowIsReportedAtItsCellAndTheOtherRowsRender() throws {
        let world = try F.world([:])
        var bytes = Array(([F.header, F.row("u-1")].joined(separator: "\n") + "\n").utf8)
        bytes += Array(F.row("u-2").utf8).map { $0 == UInt8(ascii: "R") ? 0xFF : $0 } + [10]
        bytes += Array((F.row("u-3") + "\n").utf8)
        try world.write(bytes, to: "c.csv")
        let outcomes = try F.render(["c.csv"], world: world)
        #expect(outcomes.map(\.status) == [.ok, .error, .ok])
        #expect(outcomes[1].diagnostics.first?.code == "CASE060")
        #expect(outcomes[1].diagnostics.first?.location?.line == 3)
    }

    @Test func renderingAFolderNeverReadsItsOwnOutputFolder() throws {
        let folder = F.folder("own-out")
        try FileManager.default.copyItem(atPath: Repository.path("Samples/divorced-texas-power-of-attorney.yaml"), toPath: folder + "/a.yaml")
        let first = try Repository.dossier(["render", folder, "--out", folder + "/out", "--format", "html"])
        let second = try Repository.dossier(["render", folder, "--out", folder + "/out", "--format", "html"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "the manifests in out/ are not read as cases: \(second.stderr)")
        #expect(second.stdout.contains("1 of 1 case(s)"))
    }

    @Test func aFileInsideTheOutputFolderIsStillReadWhenNamed() throws {
        let world = try F.world(["work/b.jsonl": F.jsonLine("w-1") + "\n"])
        let outcomes = try F.render(["work/b.jsonl"], world: world, out: "work")
        #expect(outcomes.map(\.status) == [.ok])
        let itself = try F.render(["work"], world: world, out: "work")
        #expect(itself.first?.diagnostics.first?.message.contains("output folder") == true)
    }

    @Test func theProgressLineShowsRateAndTimeLeft() {
        let line = ProgressLine.text(done: 250, total: 1000, elapsed: 10, width: 20)
        #expect(line == "[#####...............] 250/1000  25.0 cases/s  ETA 0:30")
        #expect(ProgressLine.text(done: 3, total: nil, elapsed: 1, width: 20) == "3 done  3.0 cases/s")
    }
}
