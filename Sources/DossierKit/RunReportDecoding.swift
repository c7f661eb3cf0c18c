import DossierCore
import Foundation

/// The fast way to read a run for its page: `JSONDecoder` into just the members the page shows (a 10,000-case run
/// has 10,000 manifests). A report it cannot decode is read again with `RunReportFile.parse`, whose errors carry
/// line and column.
enum RunReportDecoding {
    struct Report: Decodable {
        var cases: [Case]
        var shard: ShardValue?
    }

    struct Case: Decodable {
        var id: String?
        var input: String
        var status: String?
        var packets: [Packet]?
        var files: [String]?
        var errors: [Problem]?
        var warnings: [Problem]?
        var position: Int?
    }

    struct Packet: Decodable {
        var procedure: String?
        var verdict: String?
    }

    struct Problem: Decodable {
        var severity: String?
        var code: String?
        var message: String?
        var file: String?
        var line: Int?
        var column: Int?
        var hint: String?
    }

    /// `"K/N"` or `{"index": K, "count": N}`.
    struct ShardValue: Decodable {
        var text: String?
        var index: Int?
        var count: Int?

        init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.text = text
            } else {
                let keyed = try decoder.container(keyedBy: Keys.self)
                index = try keyed.decodeIfPresent(Int.self, forKey: .index)
                count = try keyed.decodeIfPresent(Int.self, forKey: .count)
            }
        }

        enum Keys: String, CodingKey { case index, count }

        var shard: RunReportFile.Shard? {
            var k = index, n = count
            if let text {
                let parts = text.split(separator: "/")
                if parts.count == 2 { k = Int(parts[0]); n = Int(parts[1]) }
            }
            guard let k, let n, n >= 1, (1...n).contains(k) else { return nil }
            return RunReportFile.Shard(index: k, count: n)
        }
    }

    /// A case's manifest: only its languages and each packet's deadlines.
    struct Manifest: Decodable {
        var languages: [String]?
        var packets: [ManifestPacket]?
    }

    struct ManifestPacket: Decodable {
        var procedure: String?
        var deadlines: [ManifestDeadline]?
    }

    struct ManifestDeadline: Decodable {
        var date: String?
        var title: [String: String]?
    }

    /// The report, or nil when it does not decode (the caller then reads it with positions for the error).
    static func report(_ bytes: [UInt8], path: String) -> RunReportFile? {
        guard let report = try? JSONDecoder().decode(Report.self, from: Data(bytes)) else { return nil }
        if report.shard != nil && report.shard?.shard == nil { return nil }
        let cases = report.cases.map { c in
            RunReportFile.Case(id: c.id, input: c.input, status: c.status ?? "error",
                               packets: (c.packets ?? []).map { ($0.procedure ?? "", $0.verdict ?? "") },
                               files: c.files ?? [], errors: (c.errors ?? []).map(problem), warnings: (c.warnings ?? []).map(problem),
                               position: c.position, source: nil)
        }
        return RunReportFile(path: path, cases: cases, shard: report.shard?.shard, source: nil)
    }

    static func problem(_ p: Problem) -> RunReportFile.Problem {
        RunReportFile.Problem(severity: p.severity ?? "error", code: p.code ?? "", message: p.message ?? "", file: p.file,
                              line: p.line, column: p.column, hint: p.hint)
    }

    /// A case's deadlines (titles in its first language, else English, else any), in date order.
    static func deadlines(manifest bytes: [UInt8]) throws -> [RunReportPage.Deadline] {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        let language = manifest.languages?.first ?? "en"
        var out: [RunReportPage.Deadline] = []
        for packet in manifest.packets ?? [] {
            for d in packet.deadlines ?? [] {
                let title = d.title?[language] ?? d.title?["en"] ?? d.title?.sorted { $0.key < $1.key }.first?.value ?? ""
                out.append(RunReportPage.Deadline(date: d.date ?? "", title: title, procedure: packet.procedure ?? ""))
            }
        }
        // Stable: same-day deadlines keep the manifest's order.
        return out.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
