import TestSupport
import DossierCore
@testable import DossierKit
import Foundation
import Testing

/// One way a case reaches disk: whole or not at all, never outside `--out`, never mixed with another run.
@Suite struct OutputFolderTests {
    typealias F = BatchFixtures

    @Test(arguments: ["..", ".", "", "a/b", "a\\b", "-rf", ".hidden", "report.json", "Report.CSV", "INDEX.html", "a\u{0}b",
                      String(repeating: "x", count: 201)])
    func anIDThatCannotNameAFolderIsAnErrorAndNothingIsWritten(_ id: String) throws {
        let escaped = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{0}", with: "\\u0000")
        let line = F.jsonLine("PLACEHOLDER").replacingOccurrences(of: "PLACEHOLDER", with: escaped)
        let world = try F.world(["b.jsonl": line + "\n" + F.jsonLine("fine") + "\n"])
        let before = Set(try world.list(""))
        let outcomes = try F.render(["b.jsonl"], world: world, out: "runs/out")
        #expect(outcomes.map(\.status) == [.error, .ok])
        #expect(outcomes[0].diagnostics.contains { ["CASE066", "CASE014", "CASE012"].contains($0.code) }, "\(outcomes[0].diagnostics)")
        let written = Set(try world.list("")).subtracting(before)
        #expect(written.allSatisfy { $0.hasPrefix("runs/out/") }, "\(written.sorted())")
        #expect(!written.contains { $0.hasPrefix("runs/out/fine/") == false && $0.split(separator: "/").count > 3 })
        #expect(try world.list("runs/out").filter { !$0.hasPrefix("runs/out/fine/") }.sorted()
            == ["runs/out/.dossier.lock", "runs/out/report.csv", "runs/out/report.json"])
    }

    @Test func idsAreCheckedByTheBatchEvenWhenTheSchemaLetsThemThrough() {
        for id in ["..", ".", "report.json", "REPORT.JSON", "-x", ".tmp-a-1"] { #expect(CaseID.problem(id) != nil, "\(id)") }
        for id in ["2026-0142", "a.b_c-d", "Case-7"] { #expect(CaseID.problem(id) == nil, "\(id)") }
    }

    @Test func idsThatDifferOnlyInCaseShareAFolderSoTheSecondIsAnError() throws {
        let world = try F.world(["b.jsonl": [F.jsonLine("Case-1"), F.jsonLine("case-1")].joined(separator: "\n") + "\n"])
        let outcomes = try F.render(["b.jsonl"], world: world)
        #expect(outcomes.map(\.status) == [.ok, .error])
        let d = try #require(outcomes[1].diagnostics.last)
        #expect(d.code == "CASE031")
        #expect(d.location == SourceLocation(file: "b.jsonl", line: 2, column: 27), "at the id itself, not `file:2:1:1`")
    }

    @Test func anExistingFolderIsReplacedWholeAndAnInvalidCaseLosesItsOldFolder() throws {
        let out = F.folder("replace")
        let input = out + "-in.jsonl"
        try (F.jsonLine("keep") + "\n" + F.jsonLine("turns-bad") + "\n").write(toFile: input, atomically: false, encoding: .utf8)
        #expect(try Repository.dossier(["render", input, "--out", out, "--format", "html"]).status == 0)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/keep/logo.png"))
        let broken = F.jsonLine("turns-bad").replacingOccurrences(of: "never-married", with: "never-maried")
        try (F.jsonLine("keep") + "\n" + broken + "\n").write(toFile: input, atomically: false, encoding: .utf8)
        let run = try Repository.dossier(["render", input, "--out", out, "--format", "html", "--force"])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/keep/logo.png"), "replaced whole: nothing stale survives")
        #expect(FileManager.default.fileExists(atPath: out + "/keep/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/turns-bad"), "no valid-looking packet for an invalid case")
    }

    @Test func leftoversOfAKilledRunAreClearedAndARunLeavesNoTemporaryFile() throws {
        let out = F.folder("leftovers")
        for folder in [".tmp-a-123", ".old-b-456"] {
            try FileManager.default.createDirectory(atPath: out + "/" + folder, withIntermediateDirectories: true)
            try Data("client data".utf8).write(to: URL(fileURLWithPath: out + "/" + folder + "/passport.pdf"))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/.dat.nosync1a2b.XyZ"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: out + "/report.json"))
        let run = try Repository.dossier(["render", "Samples/divorced-texas-power-of-attorney.yaml", "--out", out, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == [".dossier.lock", "2026-0142", "index.html", "report.csv", "report.json"])
        let inside = try FileManager.default.contentsOfDirectory(atPath: out + "/2026-0142")
        #expect(inside.filter { $0.hasPrefix(".") } == [CaseMarker.fileName])
    }

    @Test func aSecondRunWaitsForTheLockOfTheFirst() throws {
        let out = F.folder("lock")
        let world = FileSystemWorld()
        let held = try world.lock(out + "/.dossier.lock", waiting: { Issue.record("the first lock never waits") })
        let waited = Flag(), acquired = Flag()
        let thread = Thread {
            if let lock = try? world.lock(out + "/.dossier.lock", waiting: { waited.set() }) {
                acquired.set()
                lock.release()
            }
        }
        thread.start()
        for _ in 0..<200 where !waited.value { usleep(10_000) }
        #expect(waited.value)
        #expect(!acquired.value, "the second waits while the first holds the folder")
        held.release()
        for _ in 0..<200 where !acquired.value { usleep(10_000) }
        #expect(acquired.value)
    }

    @Test func twoConcurrentRunsIntoOneFolderBothCompleteOneAfterTheOther() throws {
        let out = F.folder("concurrent")
        let a = out + "-a.jsonl", b = out + "-b.jsonl"
        try ((0..<12).map { F.jsonLine("a-\($0)") }.joined(separator: "\n") + "\n").write(toFile: a, atomically: false, encoding: .utf8)
        try ((0..<12).map { F.jsonLine("b-\($0)") }.joined(separator: "\n") + "\n").write(toFile: b, atomically: false, encoding: .utf8)
        let runs = Runs()
        let group = DispatchGroup()
        for input in [a, b] {
            DispatchQueue.global().async(group: group) {
                runs.add(try? Repository.dossier(["render", input, "--out", out, "--format", "html,packet", "--jobs", "1"]))
            }
        }
        group.wait()
        #expect(runs.all.count == 2)
        #expect(runs.all.allSatisfy { $0?.status == 0 })
        for id in (0..<12).flatMap({ ["a-\($0)", "b-\($0)"] }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: out + "/" + id)) ?? []
            #expect(files.contains("packet.pdf") && files.contains("manifest.json"), "\(id): \(files)")
        }
        let report = try String(contentsOfFile: out + "/report.csv", encoding: .utf8)
        #expect(report.split(separator: "\n").count == 13, "the report of the run that finished last, whole")
    }

    @Test func formatsCanLeaveOutTheSinglePDFsOrThePacket() throws {
        let out = F.folder("formats")
        let sample = "Samples/divorced-texas-power-of-attorney.yaml"
        #expect(try Repository.dossier(["render", sample, "--out", out + "/p", "--format", "html,packet"]).status == 0)
        let packetOnly = try FileManager.default.contentsOfDirectory(atPath: out + "/p/2026-0142")
        #expect(packetOnly.contains("packet.pdf"))
        #expect(!packetOnly.contains("vn-single-status-checklist.pdf"))
        #expect(try Repository.dossier(["render", sample, "--out", out + "/n", "--no-packet"]).status == 0)
        let noPacket = try FileManager.default.contentsOfDirectory(atPath: out + "/n/2026-0142")
        #expect(!noPacket.contains("packet.pdf"))
        #expect(noPacket.contains("vn-single-status-checklist.pdf"))
        let manifest = try String(contentsOfFile: out + "/n/2026-0142/manifest.json", encoding: .utf8)
        #expect(!manifest.contains("packet.pdf"))
        #expect(try Repository.dossier(["render", sample, "--out", out + "/x", "--format", "packet", "--no-packet"]).status == 2)
    }
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    func set() { lock.lock(); isSet = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return isSet }
}

/// Runs gathered from several threads.
final class Runs: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Repository.Run?] = []
    func add(_ run: Repository.Run?) { lock.lock(); runs.append(run); lock.unlock() }
    var all: [Repository.Run?] { lock.lock(); defer { lock.unlock() }; return runs }
}
