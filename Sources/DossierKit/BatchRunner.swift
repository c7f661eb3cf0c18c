import DossierCore
import Foundation

/// Renders many cases, in parallel, and writes each good case's files atomically under `out/<case id>/`,
/// plus `report.json` and `report.csv` for the run. One bad case never stops or touches the others.
public struct BatchRunner: Sendable {
    public let dossier: Dossier
    public var formats: OutputFormats
    public var date: CalendarDate?
    public var jobs: Int

    public init(dossier: Dossier, formats: OutputFormats, date: CalendarDate?, jobs: Int) {
        self.dossier = dossier
        self.formats = formats
        self.date = date
        self.jobs = max(1, jobs)
    }

    /// Cases `k` of every `n` (1-based `k`), for splitting a run across machines.
    public static func shard(_ cases: [CaseInput], k: Int, n: Int) -> [CaseInput] {
        cases.enumerated().filter { $0.offset % n == k - 1 }.map(\.element)
    }

    /// Renders `cases` (results in input order whatever the scheduling) and writes them; `progress` is told each finished case.
    public func run(_ cases: [CaseInput], out: String, progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) -> [RenderedCase] {
        let results = renderAll(cases, progress: progress)
        var written: [RenderedCase] = []
        var usedIDs: [String: String] = [:]
        for var result in results {
            if result.status == .ok, let id = result.caseID {
                if let first = usedIDs[id] {
                    result.status = .error
                    result.diagnostics.append(.error("CASE031", "case id `\(id)` is already used by \(first); nothing written for this case",
                                                     at: .file(result.input)))
                } else {
                    usedIDs[id] = result.input
                    do { try write(result, id: id, out: out) } catch {
                        result.status = .error
                        result.diagnostics.append(.error("IO001", "cannot write the output: \(error)", at: .file(result.input)))
                    }
                }
            }
            written.append(result)
        }
        try? writeReports(written, out: out)
        return written
    }

    func renderAll(_ cases: [CaseInput], progress: @escaping @Sendable (Int, Int, String) -> Void) -> [RenderedCase] {
        let box = ResultBox(count: cases.count)
        let dossier = self.dossier, formats = self.formats, date = self.date
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        for (index, input) in cases.enumerated() {
            queue.addOperation {
                let result = dossier.render(input, formats: formats, date: date)
                let done = box.store(result, at: index)
                progress(done, cases.count, result.caseID ?? input.name)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return box.results()
    }

    func write(_ result: RenderedCase, id: String, out: String) throws {
        let folder = Dossier.join(out, id)
        try dossier.world.createDirectory(folder)
        for file in result.files { try dossier.world.write(file.bytes, to: Dossier.join(folder, file.name)) }
    }

    func writeReports(_ results: [RenderedCase], out: String) throws {
        try dossier.world.createDirectory(out)
        try dossier.world.write(Array(RunReport.json(results).serialized().utf8), to: Dossier.join(out, "report.json"))
        try dossier.world.write(Array(RunReport.csv(results).utf8), to: Dossier.join(out, "report.csv"))
    }
}

/// Results filled in by worker threads, read once all are done.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RenderedCase?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: RenderedCase, at index: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
        done += 1
        return done
    }

    func results() -> [RenderedCase] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
