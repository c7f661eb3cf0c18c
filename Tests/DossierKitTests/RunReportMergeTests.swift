import DossierCore
import DossierKit
import Foundation
import Testing
import TestSupport

/// `dossier report merge`: the shards of one run, joined, are the report of the unsharded run.
@Suite struct RunReportMergeTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    /// A report laid out as `dossier render` writes it, whose cases are `ids` (each input `in/<id>.yaml`).
    static func report(_ ids: [String], shard: String? = nil, extra: [(String, JSONValue?)] = [],
                       caseExtra: (String) -> [(String, JSONValue?)] = { _ in [] }) -> String {
        let cases: [JSONValue] = ids.map { id in
            .object([("id", .string(id)), ("input", .string("in/\(id).yaml")), ("status", .string("ok")), ("packets", .array([])),
                     ("files", .array([])), ("errors", .array([])), ("warnings", .array([]))] + caseExtra(id))
        }
        return JSONValue.object([("dossier", .int(1)), ("shard", shard.map(JSONValue.string)), ("cases", .array(cases))] + extra).serialized()
    }

    static func csv(_ ids: [String]) -> String {
        (["id,input,status,packets,errors,first_error"] + ids.map { "\($0),in/\($0).yaml,ok,,0,\"a, \"\"quoted\"\"\nfield\"" })
            .joined(separator: "\n") + "\n"
    }

    static func merge(_ files: [String: String], _ arguments: [String]) -> Result<RunReportMerge.Merged, DiagnosticError> {
        let world = MemoryWorld(files: files.mapValues { Array($0.utf8) }, today: today)
        return RunReportMerge.load(arguments, world: world).flatMap { $0.merge() }
    }

    static func ids(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["cases"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func recordedShardsMergeInInputOrderWhateverOrderTheyAreGiven() throws {
        // Input a…g split 3 ways round robin: 1/3 = a d g, 2/3 = b e, 3/3 = c f.
        let files = [
            "s1/report.json": Self.report(["a", "d", "g"], shard: "1/3"), "s1/report.csv": Self.csv(["a", "d", "g"]),
            "s2/report.json": Self.report(["b", "e"], shard: "2/3"), "s2/report.csv": Self.csv(["b", "e"]),
            "s3/report.json": Self.report(["c", "f"], shard: "3/3"), "s3/report.csv": Self.csv(["c", "f"]),
        ]
        let merged = try Self.merge(files, ["s3", "s1/report.json", "s2"]).get()
        #expect(try Self.ids(merged.json) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(merged.json == Self.report(["a", "b", "c", "d", "e", "f", "g"]), "same bytes as one run's report, without `shard`")
        #expect(merged.csv == Self.csv(["a", "b", "c", "d", "e", "f", "g"]), "CSV records moved whole, quotes and line breaks kept")
        #expect(merged.notes.isEmpty)
    }

    @Test func aMissingShardIsNamed() throws {
        let files = ["s1/report.json": Self.report(["a", "d"], shard: "1/3"), "s3/report.json": Self.report(["c"], shard: "3/3")]
        let error = try #require(Self.merge(files, ["s1", "s3"]).failure)
        let d = try #require(error.diagnostics.first { $0.code == "REPORT004" })
        #expect(d.message.contains("missing shard 2/3"))
        #expect(d.message.contains("1/3 (s1/report.json)") && d.message.contains("3/3 (s3/report.json)"))
    }

    @Test func theSameShardTwiceOrAShardOfAnotherSplitIsAnError() throws {
        let twice = try #require(Self.merge(["a/report.json": Self.report(["a"], shard: "1/2"), "b/report.json": Self.report(["x"], shard: "1/2")],
                                            ["a", "b"]).failure)
        #expect(twice.diagnostics.contains { $0.code == "REPORT003" && $0.message.contains("a/report.json and b/report.json") })
        let other = try #require(Self.merge(["a/report.json": Self.report(["a"], shard: "1/2"), "b/report.json": Self.report(["b"], shard: "2/3")],
                                            ["a", "b"]).failure)
        #expect(other.diagnostics.contains { $0.code == "REPORT004" && $0.message.contains("split 3 ways") })
    }

    @Test func aCaseInTwoShardsIsAnErrorNamingBoth() throws {
        let files = ["one/report.json": Self.report(["a", "c"]), "two/report.json": Self.report(["b", "a"])]
        let error = try #require(Self.merge(files, ["one", "two"]).failure)
        let d = try #require(error.diagnostics.first)
        #expect(d.code == "REPORT003")
        #expect(d.message == "case `a` is in two shards: one/report.json (input in/a.yaml) and two/report.json (input in/a.yaml)")
        #expect(d.location?.file == "two/report.json")
        #expect(d.location?.line == 13, "the second case of two/report.json (each case takes 9 lines)")
    }

    @Test func reportsWithoutTheirShardAreTakenInTheOrderGivenAndSaySo() throws {
        let files = ["x/report.json": Self.report(["a", "c"]), "y/report.json": Self.report(["b"])]
        let merged = try Self.merge(files, ["x", "y"]).get()
        #expect(try Self.ids(merged.json) == ["a", "b", "c"])
        #expect(merged.notes.map(\.code) == ["REPORT007"])
        #expect(merged.csv == nil)
        // Sizes that no round-robin split gives are caught.
        let wrong = try #require(Self.merge(files, ["y", "x"]).failure)
        #expect(wrong.diagnostics.first?.message == "shard 1/2 has 1 case(s), but a split of 3 case(s) 2 ways gives it 2")
    }

    @Test func recordedPositionsWinAndUnknownKeysAreKept() throws {
        let positions = ["a": 2, "b": 0, "c": 1]
        let files = [
            "p/report.json": Self.report(["a", "b"], extra: [("elapsed_s", .string("1.25"))],
                                         caseExtra: { [("position", .int(positions[$0]!)), ("ms", .string("12.5"))] }).replacingOccurrences(of: "\"12.5\"", with: "12.5"),
            "q/report.json": Self.report(["c"], extra: [("elapsed_s", .string("0.75"))],
                                         caseExtra: { [("position", .int(positions[$0]!)), ("ms", .string("3e2"))] }).replacingOccurrences(of: "\"3e2\"", with: "3e2"),
        ]
        let merged = try Self.merge(files, ["p", "q"]).get()
        #expect(try Self.ids(merged.json) == ["b", "c", "a"])
        #expect(merged.json.contains("\"ms\": 12.5") && merged.json.contains("\"ms\": 3e2"), "numbers keep their written form")
        #expect(!merged.json.contains("elapsed_s"), "a top-level key the shards disagree on is left out")
        #expect(merged.notes.contains { $0.code == "REPORT006" && $0.message.contains("`elapsed_s`") })
    }

    @Test func aCSVThatDoesNotMatchItsReportIsAnError() throws {
        let files = ["s1/report.json": Self.report(["a", "c"]), "s1/report.csv": Self.csv(["a"]),
                     "s2/report.json": Self.report(["b"]), "s2/report.csv": Self.csv(["b"])]
        let error = try #require(Self.merge(files, ["s1", "s2"]).failure)
        #expect(error.diagnostics.first?.code == "REPORT005")
        #expect(error.diagnostics.first?.location?.file == "s1/report.csv")
    }

    /// Keys that measure time, which differ between any two runs.
    static func isTiming(_ key: String) -> Bool {
        let k = key.lowercased()
        return ["time", "elapsed", "duration", "seconds", "started", "finished"].contains { k.contains($0) } || k.hasSuffix("_ms") || k == "ms"
    }

    static func withoutTimings(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !isTiming($0.key) }.mapValues(withoutTimings)
        }
        if let array = value as? [Any] { return array.map(withoutTimings) }
        return value
    }

    static func normalizedJSON(_ path: String) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try JSONSerialization.data(withJSONObject: withoutTimings(object), options: [.sortedKeys])
    }

    static func normalizedCSV(_ path: String) throws -> [String] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
        let keep = header.indices.filter { !isTiming(String(header[$0])) }
        guard keep.count < header.count else { return lines.map(String.init) }
        return lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return keep.filter { $0 < cells.count }.map { String(cells[$0]) }.joined(separator: ",")
        }
    }

    /// The documented way to spread a run: `--shard 1/3` … `3/3` into three folders (here on one machine), then
    /// `report merge`: the merged report equals one unsharded run's (timings aside), and the page reads it.
    @Test func threeLocalShardsMergeIntoTheUnshardedReport() throws {
        let root = Repository.temporaryFolder("shards")
        let inputs = ["Samples/n-600", "Samples/bad", "Samples/i-824", "Samples/divorced-texas-power-of-attorney.yaml"]
        let common = ["--format", "html", "--date", "2026-12-01", "--jobs", "2"]
        let whole = try Repository.dossier(["render"] + inputs + ["--out", root + "/whole"] + common)
        #expect(whole.status == 1, "the bad sample fails, the rest render: \(whole.stderr.suffix(300))")
        for k in 1...3 {
            let shard = try Repository.dossier(["render"] + inputs + ["--out", "\(root)/shard-\(k)", "--shard", "\(k)/3"] + common)
            #expect(shard.status <= 1, "\(shard.stderr.suffix(300))")
        }
        let merge = try Repository.dossier(["report", "merge", root + "/shard-1", root + "/shard-2", root + "/shard-3", "--out", root + "/merged"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.normalizedJSON(root + "/merged/report.json") == Self.normalizedJSON(root + "/whole/report.json"))
        #expect(try Self.normalizedCSV(root + "/merged/report.csv") == Self.normalizedCSV(root + "/whole/report.csv"))
        let cases = try Repository.json(root + "/merged/report.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 14)
        // Case folders gathered from the shards: the page links and deadlines work as for one run.
        for k in 1...3 {
            for entry in try FileManager.default.contentsOfDirectory(atPath: "\(root)/shard-\(k)") where !entry.contains(".") {
                try FileManager.default.copyItem(atPath: "\(root)/shard-\(k)/\(entry)", toPath: "\(root)/merged/\(entry)")
            }
        }
        #expect(try Repository.dossier(["report", "html", root + "/merged"]).status == 0)
        let page = try String(contentsOfFile: root + "/merged/index.html", encoding: .utf8)
        #expect(!page.contains("no manifest.json"))
        #expect(page.components(separatedBy: "<tr class=").count - 1 == 14)
        // The same shard twice: the duplicate cases are named with both shards.
        let twice = try Repository.dossier(["report", "merge", root + "/shard-1", root + "/shard-1", root + "/shard-2", "--out", root + "/bad"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("REPORT003"))
        #expect(!FileManager.default.fileExists(atPath: root + "/bad/report.json"), "nothing written when the merge fails")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
