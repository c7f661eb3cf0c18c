import CaseModel
import DossierCore

/// A run's `report.json` read back as a value: what `dossier report html` shows and `dossier report merge` joins.
/// It reads only the keys it needs and keeps each case's whole object (`source`), so keys added to the report later
/// survive a merge untouched.
public struct RunReportFile: Sendable {
    /// One problem of a case, as the report records it (file, line and column; for a CSV row, row and column).
    public struct Problem: Sendable, Hashable {
        public var severity: String
        public var code: String
        public var message: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var hint: String?
    }

    /// One case of the run.
    public struct Case: Sendable {
        public var id: String?
        public var input: String
        public var status: String
        public var packets: [(procedure: String, verdict: String)]
        public var files: [String]
        public var errors: [Problem]
        public var warnings: [Problem]
        /// The 0-based position of the case in the unsharded input, when the report records it (`position`).
        public var position: Int?
        /// The case's object exactly as read, for merging (nil when read by the page's fast decoder).
        public var source: SourceValue?
    }

    /// Shard `index` of `count` (1-based), when the run was sharded and the report says so.
    public struct Shard: Sendable, Hashable, CustomStringConvertible {
        public var index: Int
        public var count: Int
        public var description: String { "\(index)/\(count)" }
    }

    /// Where the report was read from (for messages).
    public var path: String
    public var cases: [Case]
    public var shard: Shard?
    /// The whole document as read (nil when read by the page's fast decoder).
    public var source: SourceValue?

    /// Reads `report.json` text; a wrong shape is an error naming the file, line and column.
    public static func parse(_ text: String, path: String) -> Result<RunReportFile, DiagnosticError> {
        let root: SourceValue
        switch SourceParser.parse(text, file: path, codePrefix: "REPORT") {
        case .failure(let error): return .failure(error)
        case .success(let value): root = value
        }
        var problems: [Diagnostic] = []
        func bad(_ message: String, _ at: SourceLocation) { problems.append(.error("REPORT002", message, at: at)) }
        guard case .map = root, case .list(let items, _)? = root["cases"] else {
            return .failure(DiagnosticError([.error("REPORT002", "this is not a run report: it has no `cases` list", at: root.location,
                                                    hint: "give the report.json that `dossier render --out DIR` writes")]))
        }
        var cases: [Case] = []
        for item in items {
            guard case .map = item else { bad("a case must be an object", item.location); continue }
            guard let input = item["input"]?.scalarText else { bad("a case needs its `input`", item.location); continue }
            let status = item["status"]?.scalarText ?? "error"
            var packets: [(String, String)] = []
            if case .list(let list, _)? = item["packets"] {
                for p in list { packets.append((p["procedure"]?.scalarText ?? "", p["verdict"]?.scalarText ?? "")) }
            }
            var files: [String] = []
            if case .list(let list, _)? = item["files"] { files = list.compactMap(\.scalarText) }
            var position: Int?
            if let p = item["position"] {
                guard let n = p.scalarText.flatMap({ Int($0) }), n >= 0 else { bad("`position` must be a whole number ≥ 0", p.location); continue }
                position = n
            }
            cases.append(Case(id: item["id"]?.scalarText, input: input, status: status, packets: packets, files: files,
                              errors: Self.problems(item["errors"]), warnings: Self.problems(item["warnings"]),
                              position: position, source: item))
        }
        var shard: Shard?
        if let value = root["shard"] {
            shard = Self.shard(value)
            if shard == nil { bad("`shard` must be \"K/N\" or {\"index\": K, \"count\": N} with 1 ≤ K ≤ N", value.location) }
        }
        if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
        return .success(RunReportFile(path: path, cases: cases, shard: shard, source: root))
    }

    /// `"2/3"` or `{"index": 2, "count": 3}`.
    static func shard(_ value: SourceValue) -> Shard? {
        var k: Int?, n: Int?
        if let text = value.scalarText {
            let parts = text.split(separator: "/")
            if parts.count == 2 { k = Int(parts[0]); n = Int(parts[1]) }
        } else {
            k = value["index"]?.scalarText.flatMap { Int($0) }
            n = value["count"]?.scalarText.flatMap { Int($0) }
        }
        guard let k, let n, n >= 1, (1...n).contains(k) else { return nil }
        return Shard(index: k, count: n)
    }

    static func problems(_ value: SourceValue?) -> [Problem] {
        guard case .list(let items, _)? = value else { return [] }
        return items.map { p in
            Problem(severity: p["severity"]?.scalarText ?? "error", code: p["code"]?.scalarText ?? "",
                    message: p["message"]?.scalarText ?? "", file: p["file"]?.scalarText,
                    line: p["line"]?.scalarText.flatMap { Int($0) }, column: p["column"]?.scalarText.flatMap { Int($0) },
                    hint: p["hint"]?.scalarText)
        }
    }
}
