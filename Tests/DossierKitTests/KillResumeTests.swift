import TestSupport
import Foundation
import Testing

/// `kill -9` at any moment, then the same command again: the output is exactly an uninterrupted run's, byte for byte,
/// with no partial folder and no temporary file.
@Suite(.serialized) struct KillResumeTests {
    typealias F = BatchFixtures
    static let cases = 24

    /// The batch: good cases, one invalid case and one line that is not a case, so the report has every kind of row.
    static func input(_ folder: String) throws -> String {
        var lines = (0..<cases).map { F.jsonLine(String(format: "k-%02d", $0)) }
        lines[7] = lines[7].replacingOccurrences(of: "never-married", with: "never-maried")
        lines[23] = #"{"dossier": 1, "case": "#
        let path = folder + "/cases.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static func arguments(_ input: String, _ out: String) -> [String] {
        ["render", input, "--out", out, "--format", "html,packet", "--jobs", "2"]
    }

    /// Case folders written so far (a folder appears only whole).
    static func written(_ out: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasPrefix("k-") }.count
    }

    /// One uninterrupted run, the reference every killed run must end up equal to.
    static let reference: (input: String, out: String)? = {
        let folder = F.folder("kill-reference")
        guard let input = try? input(folder), let whole = try? Repository.dossier(arguments(input, folder + "/out")),
              whole.status == 1, written(folder + "/out") == cases - 2 else { return nil }
        return (input, folder + "/out")
    }()

    @Test(arguments: [0, 1, 8, 18])
    func aRunKilledAfterSomeCasesResumesToTheSameBytes(_ killAfter: Int) throws {
        let (input, reference) = try #require(Self.reference)
        let folder = F.folder("kill-\(killAfter)")

        let out = folder + "/killed"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = Self.arguments(input, out)
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning && Self.written(out) < killAfter { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = Self.written(out)
        if process.terminationReason == .uncaughtSignal {
            // The report so far: the rows of the units finished before the kill, whole, in input order.
            // (None at all when the kill came before the run took the folder.)
            if let partial = try? String(contentsOfFile: out + "/report.csv", encoding: .utf8) {
                let whole = try String(contentsOfFile: reference + "/report.csv", encoding: .utf8)
                #expect(partial.hasSuffix("\n") && whole.hasPrefix(partial), "\(partial)")
            }
            #expect(!FileManager.default.fileExists(atPath: out + "/report.json"), "report.json only for a finished run")
        }

        let rerun = try Repository.dossier(Self.arguments(input, out))
        #expect(rerun.status == 1)
        if before > 0 { #expect(rerun.stdout.contains("unchanged"), "the cases written before the kill are skipped") }
        let expected = F.tree(reference), got = F.tree(out)
        #expect(got.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected where got[path] != bytes { Issue.record("\(path) differs after the kill at \(before) cases") }
        #expect(!got.keys.contains { $0.split(separator: "/").contains { $0.hasPrefix(".tmp-") || $0.hasPrefix(".old-") || $0.contains("journal") } })
    }

    @Test func forceRendersEverythingAgainAndChangingOneCaseRendersOnlyIt() throws {
        let folder = F.folder("force")
        let input = try Self.input(folder)
        // html,packet: 3 HTML files, packet.pdf, manifest.json, calendar.ics
        let out = folder + "/out"
        _ = try Repository.dossier(Self.arguments(input, out))
        var text = try String(contentsOfFile: input, encoding: .utf8)
        text = text.replacingOccurrences(of: #""id":"k-05","#, with: #""id":"k-05","paper":"letter","#)
        try text.write(toFile: input, atomically: false, encoding: .utf8)
        let changed = try Repository.dossier(Self.arguments(input, out))
        #expect(changed.stdout.contains("\(Self.cases - 3) unchanged"), "\(changed.stdout.suffix(200))")
        #expect(changed.stdout.contains("k-05/ (6 files"))
        let forced = try Repository.dossier(Self.arguments(input, out) + ["--force"])
        #expect(!forced.stdout.contains("unchanged"))
        // A folder whose files did not all reach the disk is rendered again.
        try Data().write(to: URL(fileURLWithPath: out + "/k-09/packet.pdf"))
        let repaired = try Repository.dossier(Self.arguments(input, out))
        #expect(repaired.stdout.contains("k-09/ (6 files"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/k-09/packet.pdf")).count > 1000)
    }
}
