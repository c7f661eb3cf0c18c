import CaseModel
import DossierCore

/// `dossier report merge`: joins the `report.json` (and `report.csv`) of a run split with `--shard K/N` over several
/// machines into the report one unsharded run would have written: cases in input order, each once.
///
/// Input order comes from each case's `position` when every case records one; otherwise from the shard numbers, as
/// the inverse of `BatchRunner.shard` (case `i` of the input went to shard `i mod N + 1`). Shard numbers come from each
/// report's `shard` ("K/N"); reports that do not record it are taken as shards 1…N in the order given.
public struct RunReportMerge: Sendable {
    /// One shard's reports.
    public struct Shard: Sendable {
        public var report: RunReportFile
        /// `report.csv` beside it: its path and text, when there is one.
        public var csv: (path: String, text: String)?

        public init(report: RunReportFile, csv: (path: String, text: String)?) {
            self.report = report
            self.csv = csv
        }
    }

    /// The merged files' text, and notes worth telling the user (nothing here stops the merge).
    public struct Merged: Sendable {
        public var json: String
        public var csv: String?
        public var notes: [Diagnostic]
    }

    public var shards: [Shard]

    public init(shards: [Shard]) { self.shards = shards }

    /// Reads each `REPORT` (a run folder or its `report.json`) and its `report.csv` through `world`.
    public static func load(_ arguments: [String], world: World) -> Result<RunReportMerge, DiagnosticError> {
        var shards: [Shard] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            let path = world.isDirectory(argument) ? Dossier.join(argument, "report.json") : argument
            let text: String
            do { text = try world.readText(path) } catch {
                problems.append(.error("REPORT001", "cannot read the run report: \(error)", at: .file(path),
                                       hint: "give each shard's output folder or its report.json"))
                continue
            }
            switch RunReportFile.parse(text, path: path) {
            case .failure(let error): problems += error.diagnostics
            case .success(let report):
                let csvPath = Dossier.join(InputCollector.folder(of: path), "report.csv")
                var csv: (String, String)?
                if world.exists(csvPath) {
                    do { csv = (csvPath, try world.readText(csvPath)) } catch {
                        problems.append(.error("REPORT001", "cannot read: \(error)", at: .file(csvPath)))
                    }
                }
                shards.append(Shard(report: report, csv: csv))
            }
        }
        return problems.isEmpty ? .success(RunReportMerge(shards: shards)) : .failure(DiagnosticError(problems))
    }

    /// The merged `report.json` and `report.csv`, or every reason they cannot be merged.
    public func merge() -> Result<Merged, DiagnosticError> {
        var notes: [Diagnostic] = []
        guard !shards.isEmpty else { return .failure(DiagnosticError([.error("REPORT004", "no reports to merge")])) }
        let numbers: [Int]
        switch shardNumbers() {
        case .failure(let error): return .failure(error)
        case .success(let (n, note)):
            numbers = n
            if let note { notes.append(note) }
        }
        if let duplicates = duplicateCases() { return .failure(duplicates) }
        let order: [(shard: Int, index: Int)]
        switch inputOrder(numbers) {
        case .failure(let error): return .failure(error)
        case .success(let o): order = o
        }

        // Top-level keys: kept when every shard agrees (the format version); a key that differs (a timing, a count)
        // describes one shard, not the run, and is left out.
        let first = shards[0].report.source?.mapKeys ?? []
        var members: [SourceEntry] = []
        var dropped: [String] = []
        for entry in first where entry.key != "shard" {
            if entry.key == "cases" {
                let cases = order.map { shards[$0.shard].report.cases[$0.index].object }
                members.append(SourceEntry(key: "cases", keyLocation: entry.keyLocation, value: .list(cases, at: entry.value.location)))
            } else if shards.allSatisfy({ Self.same($0.report.source?[entry.key], entry.value) }) {
                members.append(entry)
            } else {
                dropped.append(entry.key)
            }
        }
        if !dropped.isEmpty {
            notes.append(.warning("REPORT006", "left out of the merged report because the shards differ in them: "
                                  + dropped.map { "`\($0)`" }.joined(separator: ", ")))
        }
        let json = SourceJSONWriter.serialized(.map(members, at: .file(shards[0].report.path)))

        switch mergedCSV(order) {
        case .failure(let error): return .failure(error)
        case .success(let csv): return .success(Merged(json: json, csv: csv, notes: notes))
        }
    }

    /// Each shard's 0-based number in 0..<N, by the reports' own `shard` or by the order given.
    func shardNumbers() -> Result<([Int], Diagnostic?), DiagnosticError> {
        let recorded = shards.compactMap(\.report.shard)
        if recorded.isEmpty {
            let note = Diagnostic.warning("REPORT007", "the reports do not record their shard; taking them as shards 1…\(shards.count) "
                                          + "in the order given (\(shards.map(\.report.path).joined(separator: ", ")))",
                                          hint: "give them in the order of their --shard K/N")
            return .success((Array(shards.indices), note))
        }
        guard recorded.count == shards.count else {
            let without = shards.filter { $0.report.shard == nil }.map(\.report.path)
            return .failure(DiagnosticError(without.map {
                .error("REPORT004", "this report does not say which shard it is, the others do", at: .file($0))
            }))
        }
        var problems: [Diagnostic] = []
        let count = recorded[0].count
        for s in shards where s.report.shard!.count != count {
            problems.append(.error("REPORT004", "shard \(s.report.shard!) is from a run split \(s.report.shard!.count) ways; "
                                   + "\(shards[0].report.path) is from one split \(count) ways", at: .file(s.report.path)))
        }
        var seen: [Int: String] = [:]
        for s in shards {
            let k = s.report.shard!.index
            if let other = seen[k] {
                problems.append(.error("REPORT003", "shard \(s.report.shard!) is given twice: \(other) and \(s.report.path)", at: .file(s.report.path)))
            }
            seen[k] = s.report.path
        }
        let missing = (1...count).filter { seen[$0] == nil }
        if !missing.isEmpty {
            let have = shards.map { "\($0.report.shard!) (\($0.report.path))" }.joined(separator: ", ")
            problems.append(.error("REPORT004", "missing shard\(missing.count == 1 ? "" : "s") "
                                   + missing.map { "\($0)/\(count)" }.joined(separator: ", ") + "; given: \(have)",
                                   hint: "run the missing shards (dossier render … --shard K/\(count)) and merge all \(count)"))
        }
        if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
        return .success((shards.map { $0.report.shard!.index - 1 }, nil))
    }

    /// A case id in two shards is an error naming both (within one shard, the run itself already reported it).
    func duplicateCases() -> DiagnosticError? {
        var firstSeen: [String: (shard: Int, input: String, at: SourceLocation)] = [:]
        var problems: [Diagnostic] = []
        for (s, shard) in shards.enumerated() {
            for c in shard.report.cases {
                guard let id = c.id else { continue }
                if let first = firstSeen[id], first.shard != s {
                    problems.append(Diagnostic(.error, "REPORT003", "case `\(id)` is in two shards: \(shards[first.shard].report.path) "
                                               + "(input \(first.input)) and \(shard.report.path) (input \(c.input))",
                                               at: c.object.location, notes: ["first at \(first.at)"],
                                               hint: "each case must be in exactly one shard: split one run with --shard K/N"))
                } else if firstSeen[id] == nil {
                    firstSeen[id] = (s, c.input, c.object.location)
                }
            }
        }
        return problems.isEmpty ? nil : DiagnosticError(problems)
    }

    /// Where each merged case comes from: (shard index in `shards`, case index in that shard), in input order.
    func inputOrder(_ numbers: [Int]) -> Result<[(shard: Int, index: Int)], DiagnosticError> {
        let all = shards.enumerated().flatMap { s, shard in shard.report.cases.indices.map { (shard: s, index: $0) } }
        let positions = all.map { shards[$0.shard].report.cases[$0.index].position }
        if !positions.contains(where: { $0 == nil }) {
            var seen: [Int: SourceLocation] = [:]
            var problems: [Diagnostic] = []
            for (i, p) in positions.enumerated() {
                let at = shards[all[i].shard].report.cases[all[i].index].object.location
                if let first = seen[p!] {
                    problems.append(Diagnostic(.error, "REPORT003", "two cases at input position \(p!)", at: at, notes: ["first at \(first)"]))
                }
                seen[p!] = at
            }
            if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
            return .success(all.indices.sorted { positions[$0]! < positions[$1]! }.map { all[$0] })
        }
        // Round robin: input case i is in shard i mod N, at index i / N there.
        let n = shards.count
        let total = all.count
        var byNumber = [Int](repeating: 0, count: n)
        for (s, k) in numbers.enumerated() { byNumber[k] = s }
        var problems: [Diagnostic] = []
        for k in 0..<n {
            let expected = (total - k + n - 1) / n
            let shard = shards[byNumber[k]]
            if shard.report.cases.count != expected {
                problems.append(.error("REPORT004", "shard \(k + 1)/\(n) has \(shard.report.cases.count) case(s), but a split of "
                                       + "\(total) case(s) \(n) ways gives it \(expected)", at: .file(shard.report.path),
                                       hint: "were all shards run with the same inputs and the same N?"))
            }
        }
        if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
        return .success((0..<total).map { (shard: byNumber[$0 % n], index: $0 / n) })
    }

    /// The shards' `report.csv` records in the merged order, under their common header; nil when no shard has one.
    func mergedCSV(_ order: [(shard: Int, index: Int)]) -> Result<String?, DiagnosticError> {
        let withCSV = shards.filter { $0.csv != nil }
        if withCSV.isEmpty { return .success(nil) }
        var problems: [Diagnostic] = []
        for s in shards where s.csv == nil {
            problems.append(.error("REPORT005", "no report.csv beside this report, the other shards have one", at: .file(s.report.path)))
        }
        var records: [[String]] = []
        var header: String?
        for s in shards {
            guard let csv = s.csv else { records.append([]); continue }
            var rows = CSVRecords.split(csv.text)
            let head = rows.isEmpty ? "" : rows.removeFirst()
            if let header, head != header {
                problems.append(.error("REPORT005", "its header differs from \(withCSV[0].csv!.path)'s", at: .file(csv.path)))
            }
            header = header ?? head
            if rows.count != s.report.cases.count {
                problems.append(.error("REPORT005", "\(rows.count) row(s) for the \(s.report.cases.count) case(s) of \(s.report.path)",
                                       at: .file(csv.path)))
            }
            records.append(rows)
        }
        if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
        let lines = [header ?? ""] + order.map { records[$0.shard][$0.index] }
        return .success(lines.joined(separator: "\n") + "\n")
    }

    /// Same JSON value, wherever it was read.
    static func same(_ a: SourceValue?, _ b: SourceValue?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return SourceJSONWriter.serialized(a) == SourceJSONWriter.serialized(b)
    }
}

extension RunReportFile.Case {
    /// The case as read by `RunReportFile.parse` (which `load` uses), or at least its input.
    var object: SourceValue {
        source ?? .map([SourceEntry(key: "input", keyLocation: .file(input), value: .scalar(input, plain: false, at: .file(input)))], at: .file(input))
    }
}
