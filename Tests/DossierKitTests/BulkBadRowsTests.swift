import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// A client book with 5 % bad rows of every kind: every good row renders, every bad one is reported with its row and
/// column. 400 rows by default (the suite runs on shared machines); `DOSSIER_BULK_ROWS=2000` for the issue's size.
@Suite struct BulkBadRowsTests {
    typealias F = BatchFixtures

    /// The kinds of bad row, each with the code it must be reported with and how it breaks a good row.
    static let kinds: [(code: String, make: @Sendable (String) -> [UInt8])] = [
        ("CASE014", { Array(F.row($0, marital: "never-maried").utf8) }),
        ("CASE063", { Array((F.row($0) + ",extra").utf8) }),
        ("CASE061", { Array(F.row($0, place: "\"Portland, Oregon").utf8) }),
        ("CASE060", { Array(F.row($0).utf8).map { $0 == UInt8(ascii: "A") ? 0xC0 : $0 } }),
        ("CASE066", { _ in Array(F.row("..").utf8) }),
        ("CASE066", { _ in Array(F.row("Report.json").utf8) }),
        ("CASE031", { _ in Array(F.row("ROW-0000").utf8) }),
        ("CASE013", { Array(F.row($0).replacingOccurrences(of: "1990-01-02", with: "1990-02-30").utf8) }),
    ]

    @Test func everyGoodRowRendersAndEveryBadRowIsReportedAtItsRow() throws {
        let count = Int(ProcessInfo.processInfo.environment["DOSSIER_BULK_ROWS"] ?? "") ?? 400
        var bytes = Array((F.header + "\n").utf8)
        var expected: [Int: String] = [:]  // line → code
        for i in 0..<count {
            let id = String(format: "row-%04d", i)
            let line = i + 2
            if i % 20 == 10 {
                let kind = Self.kinds[(i / 20) % Self.kinds.count]
                bytes += kind.make(id)
                expected[line] = kind.code
            } else {
                bytes += Array(F.row(id).utf8)
            }
            bytes.append(10)
        }
        let world = try F.world([:])
        try world.write(bytes, to: "book.csv")
        let outcomes = try F.render(["book.csv"], world: world)
        #expect(outcomes.count == count)
        for (index, outcome) in outcomes.enumerated() {
            let line = index + 2
            #expect(outcome.input == "book.csv:\(line)")
            if let code = expected[line] {
                #expect(outcome.status == .error, "row \(line)")
                let d = outcome.diagnostics.first { $0.code == code }
                #expect(d != nil, "row \(line): \(code) in \(outcome.diagnostics.map(\.code))")
                #expect(d?.location?.file == "book.csv" && d?.location?.line == line && (d?.location?.column ?? 0) > 1,
                        "row \(line): \(String(describing: d?.location))")
            } else {
                #expect(outcome.status == .ok, "row \(line): \(outcome.diagnostics.map(\.headline))")
                #expect(world.exists("out/\(outcome.caseID ?? "?")/manifest.json"))
            }
        }
        let report = String(decoding: try world.read("out/report.csv"), as: UTF8.self)
        #expect(report.split(separator: "\n").count == count + 1, "one report row per input row")
        #expect(try world.list("out").allSatisfy { !$0.contains("/.tmp-") && !$0.contains("/.old-") })
    }
}
