import DossierCore
import Foundation

/// Renders a stream of input units into `out/<case id>/`, one case at a time: units are read lazily, at most `jobs`
/// render at once, and each case is written (whole, see `OutputFolder`) as soon as it is rendered, so memory stays
/// flat however many cases there are. The report is appended in input order as units finish. One bad case never
/// stops or touches the others; a case whose fingerprint matches its folder's is skipped (`force` renders all).
public struct BatchRunner: Sendable {
    public let dossier: Dossier
    public var formats: OutputFormats
    public var date: CalendarDate?
    public var jobs: Int
    /// Render every case even when its folder is up to date.
    public var force = false
    /// What cases are fingerprinted with to skip unchanged ones; nil renders every case.
    public var resume: RenderFingerprint?

    public init(dossier: Dossier, formats: OutputFormats, date: CalendarDate?, jobs: Int, resume: RenderFingerprint? = nil,
                force: Bool = false) {
        self.dossier = dossier
        self.formats = formats
        self.date = date
        self.jobs = max(1, jobs)
        self.resume = resume
        self.force = force
    }

    /// Counts for the run's last line.
    public struct Summary: Sendable {
        public var units = 0
        public var ok = 0
        public var unchanged = 0
        public var errors = 0
    }

    /// Units `k` of every `n` (1-based `k`), for splitting a run across machines; lazy.
    public static func shard<S: Sequence>(_ units: S, k: Int, n: Int) -> some Sequence<InputUnit> where S.Element == InputUnit {
        units.lazy.enumerated().filter { $0.offset % n == k - 1 }.map(\.element)
    }

    /// Renders and writes every unit; `observe` is told each finished unit in input order. `waiting` is called if
    /// another run holds the output folder (this one then waits for it). Throws when the output folder cannot be
    /// used at all.
    @discardableResult
    public func run<S: Sequence>(_ units: S, out: String, waiting: () -> Void = {},
                                 observe: @escaping @Sendable (CaseOutcome) -> Void = { _ in }) throws -> Summary
    where S.Element == InputUnit {
        let folder = try OutputFolder.open(out, world: dossier.world, waiting: waiting)
        let sink = OrderedSink(folder: folder, window: max(8, jobs * 4), observe: observe)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        var claims = CaseClaims()
        for unit in units {
            let index = sink.reserve()
            switch unit {
            case .problem(let problem):
                sink.finish(index, CaseOutcome(problem))
            case .case(let input):
                let claim = claims.claim(input)
                queue.addOperation { sink.finish(index, process(input, claim: claim, folder: folder)) }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        if let error = sink.writeError {
            folder.release()
            throw error
        }
        try folder.finish()
        return sink.summary
    }

    /// Renders cases given as an array and returns what happened to each, in order (small runs, tests).
    public func run(_ cases: [CaseInput], out: String) throws -> [CaseOutcome] {
        let collected = Collected()
        try run(cases.map(InputUnit.case), out: out, observe: { collected.add($0) })
        return collected.all
    }

    /// One case: skipped when its folder is up to date, else rendered and written whole (or its stale folder removed).
    func process(_ input: CaseInput, claim: CaseClaims.Claim, folder: OutputFolder) -> CaseOutcome {
        var fingerprint = "none"
        if case .folder(let id) = claim, let resume {
            fingerprint = resume.of(input, formats: formats, date: date, world: dossier.world)
            if !force, let marker = folder.marker(of: id), marker.fingerprint == fingerprint, folder.isIntact(id, marker) {
                return CaseOutcome(unchanged: marker, input: input, caseID: id)
            }
        }
        var result = dossier.render(input, formats: formats, date: date)
        switch claim {
        case .refused(let diagnostic):
            result.status = .error
            result.diagnostics.append(diagnostic)
        case .none:
            if result.status == .ok {
                result.status = .error
                result.diagnostics.append(.error("CASE066", "the case has no id to name its output folder", at: .file(input.name)))
            }
        case .folder(let id):
            guard result.status == .ok else {
                do { try folder.removeCase(id) } catch { result.diagnostics.append(Self.writeError(error, input)) }
                break
            }
            let outcome = CaseOutcome(result)
            let marker = CaseMarker(fingerprint: fingerprint, files: result.files.map { ($0.name, $0.bytes.count) },
                                    packets: result.packets, record: outcome.record, csvRow: outcome.csvRow)
            do {
                try folder.writeCase(id, files: result.files, marker: marker)
                return outcome
            } catch {
                result.status = .error
                result.diagnostics.append(Self.writeError(error, input))
            }
        }
        result.files = []
        return CaseOutcome(result)
    }

    static func writeError(_ error: Error, _ input: CaseInput) -> Diagnostic {
        .error("IO001", "cannot write the output: \(error)", at: SourceLocation(file: input.name, line: input.firstLine, column: 1))
    }
}

/// The output folders claimed so far in a run, in input order: the first case with an id gets its folder; a later
/// one with the same id (ignoring case, as macOS does) or an id that cannot be a folder name gets an error.
struct CaseClaims {
    enum Claim: Sendable {
        case folder(String)
        case refused(Diagnostic)
        case none
    }

    private var owners: [String: (id: String, input: String)] = [:]

    mutating func claim(_ input: CaseInput) -> Claim {
        guard let (id, at) = input.declaredID else { return .none }
        if let why = CaseID.problem(id) { return .refused(CaseID.diagnostic(id, why: why, at: at)) }
        let key = CaseID.key(id)
        if let owner = owners[key] {
            let same = owner.id == id ? "" : " as `\(owner.id)` (the same folder on a case-insensitive file system)"
            return .refused(Diagnostic(.error, "CASE031", "case id `\(id)` is already used by \(owner.input)\(same); nothing written for this case",
                                       at: at, hint: "give each case its own id"))
        }
        owners[key] = (id, input.displayName)
        return .folder(id)
    }
}

/// Finished units put back in input order: each is added to the report and shown once all before it are; at most
/// `window` units are between the oldest unfinished and the newest read, which bounds memory.
final class OrderedSink: @unchecked Sendable {
    private let condition = NSCondition()
    private let folder: OutputFolder
    private let window: Int
    private let observe: @Sendable (CaseOutcome) -> Void
    private var pending: [Int: CaseOutcome] = [:]
    private var nextToEmit = 0
    private var reserved = 0
    private(set) var summary = BatchRunner.Summary()
    private(set) var writeError: Error?

    init(folder: OutputFolder, window: Int, observe: @escaping @Sendable (CaseOutcome) -> Void) {
        self.folder = folder
        self.window = window
        self.observe = observe
    }

    /// The next unit's index, once the window has room for it.
    func reserve() -> Int {
        condition.lock(); defer { condition.unlock() }
        while reserved - nextToEmit >= window { condition.wait() }
        reserved += 1
        return reserved - 1
    }

    func finish(_ index: Int, _ outcome: CaseOutcome) {
        condition.lock(); defer { condition.unlock() }
        pending[index] = outcome
        while let next = pending.removeValue(forKey: nextToEmit) {
            emit(next)
            nextToEmit += 1
        }
        condition.broadcast()
    }

    private func emit(_ outcome: CaseOutcome) {
        summary.units += 1
        if outcome.status == .ok { summary.ok += 1 } else { summary.errors += 1 }
        if outcome.unchanged { summary.unchanged += 1 }
        if writeError == nil {
            do { try folder.append(outcome) } catch { writeError = error }
        }
        observe(outcome)
    }
}

/// Outcomes gathered from the observer of a small run.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [CaseOutcome] = []
    func add(_ outcome: CaseOutcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
    var all: [CaseOutcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
}
