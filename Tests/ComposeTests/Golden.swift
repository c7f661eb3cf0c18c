import Foundation
import Testing

/// Golden files under Fixtures/Golden: compared line by line; `DOSSIER_RECORD=1 swift test` rewrites them.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Fixtures.directory.appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
            do {
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("no golden \(name); run with DOSSIER_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let message = "\(name) differs from its golden (- golden, + actual); DOSSIER_RECORD=1 re-records:\n"
                + lineDiff(expected, actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// A unified-style diff of changed lines with one line of context, from a longest-common-subsequence table.
    static func lineDiff(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, Int, String)] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { ops.append((" ", i + 1, x[i])); i += 1; j += 1 }
            else if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(("+", j + 1, y[j])); j += 1 }
            else { ops.append(("-", i + 1, x[i])); i += 1 }
        }
        var out: [String] = []
        for (k, op) in ops.enumerated() {
            let near = ops[max(0, k - 1)...min(ops.count - 1, k + 1)].contains { $0.0 != " " }
            if op.0 != " " || near { out.append("\(op.0) \(op.1): \(op.2)") }
        }
        return out.joined(separator: "\n")
    }
}
