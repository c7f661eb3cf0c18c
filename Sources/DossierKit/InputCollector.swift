import CaseModel
import DossierCore

/// Turns `render`/`check` arguments into input units, read lazily one at a time: a case file, a folder of them
/// (recursively, sorted), a `.jsonl` (one case per line) or a `.csv` (one case per row). Each file, line and row
/// is its own unit: one that cannot be read is reported on its own and the others still come.
public struct InputCollector: Sendable {
    public let world: World
    /// Folders never read as input (the run's own output folder).
    public var skipping: [String] = []
    /// The case schema (which CSV columns hold lists).
    public let schema: CaseSchema?

    public init(world: World, schema: CaseSchema? = nil, skipping: [String] = []) {
        self.world = world
        self.schema = schema
        self.skipping = skipping
    }

    static let caseExtensions = [".yaml", ".yml", ".json"]

    /// The units of all arguments, in order, read as they are asked for.
    public func units(_ arguments: [String]) -> InputUnits { InputUnits(collector: self, arguments: arguments) }

    /// Every unit at once, split into cases and problems (small inputs, tests).
    public func collect(_ arguments: [String]) -> (cases: [CaseInput], problems: [Diagnostic]) {
        var cases: [CaseInput] = []
        var problems: [Diagnostic] = []
        for unit in units(arguments) {
            switch unit {
            case .case(let input): cases.append(input)
            case .problem(let p): problems += p.diagnostics
            }
        }
        return (cases, problems)
    }

    /// The units of one argument.
    func units(of argument: String, skipping: [String]) -> AnyIterator<InputUnit> {
        if world.isDirectory(argument) {
            if skipping.contains(world.realPath(argument)) {
                return Self.one(.problem(InputProblem(input: argument, diagnostics: [
                    .error("CASE002", "this is the output folder; it is not read as input", at: .file(argument))])))
            }
            let files: [String]
            do {
                files = try world.list(argument, skipping: skipping).filter { path in Self.caseExtensions.contains { path.hasSuffix($0) } }
            } catch {
                return Self.one(.problem(InputProblem(input: argument, diagnostics: [.error("CASE001", "cannot read: \(error)", at: .file(argument))])))
            }
            if files.isEmpty {
                return Self.one(.problem(InputProblem(input: argument, diagnostics: [
                    .error("CASE002", "no case files (.yaml, .yml, .json) in this folder", at: .file(argument))])))
            }
            var iterator = files.makeIterator()
            return AnyIterator { iterator.next().map(file) }
        }
        if argument.hasSuffix(".jsonl") || argument.hasSuffix(".csv") {
            let stream: any ByteStream
            do { stream = try world.open(argument) } catch {
                return Self.one(.problem(InputProblem(input: argument, diagnostics: [.error("CASE001", "cannot read: \(error)", at: .file(argument))])))
            }
            if argument.hasSuffix(".jsonl") {
                var lines = JSONLCases(path: argument, stream: stream)
                return AnyIterator { lines.next() }
            }
            var rows = CSVCases(path: argument, stream: stream, schema: schema)
            return AnyIterator { rows.next() }
        }
        return Self.one(file(argument))
    }

    /// One case file: read, checked as UTF-8 and parsed here, so a bad file is its own unit.
    func file(_ path: String) -> InputUnit {
        let bytes: [UInt8]
        do { bytes = try world.read(path) } catch {
            return .problem(InputProblem(input: path, diagnostics: [.error("CASE001", "cannot read: \(error)", at: .file(path))]))
        }
        let text: String
        switch UTF8Text.decode(bytes, file: path) {
        case .failure(let d): return .problem(InputProblem(input: path, diagnostics: [d]))
        case .success(let t): text = t
        }
        switch Dossier.parseCase(text, file: path) {
        case .failure(let error):
            return .problem(InputProblem(input: path, diagnostics: error.diagnostics, sources: [path: text]))
        case .success(let value):
            var input = CaseInput(name: path, text: text, folder: Self.folder(of: path))
            input.value = value
            return .case(input)
        }
    }

    /// About how many units the arguments hold (lines of `.jsonl`, lines after a CSV's header, case files), read
    /// cheaply for a progress bar's total.
    public func estimatedCount(_ arguments: [String]) -> Int {
        var total = 0
        for argument in arguments {
            if world.isDirectory(argument) {
                total += ((try? world.list(argument, skipping: skipping.map(world.realPath))) ?? [])
                    .filter { path in Self.caseExtensions.contains { path.hasSuffix($0) } }.count
            } else if argument.hasSuffix(".jsonl") || argument.hasSuffix(".csv"), let stream = try? world.open(argument) {
                var lines = LineReader(stream: stream)
                var count = 0
                while let line = try? lines.next() { if !line.bytes.isEmpty { count += 1 } }
                total += argument.hasSuffix(".csv") ? max(0, count - 1) : count
            } else {
                total += 1
            }
        }
        return total
    }

    static func one(_ unit: InputUnit) -> AnyIterator<InputUnit> {
        var pending: InputUnit? = unit
        return AnyIterator { defer { pending = nil }; return pending }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}

/// The input units of a list of arguments, read lazily.
public struct InputUnits: Sequence {
    let collector: InputCollector
    let arguments: [String]

    public func makeIterator() -> AnyIterator<InputUnit> {
        var remaining = arguments.makeIterator()
        var current: AnyIterator<InputUnit>?
        // Resolved when reading starts: the output folder exists by then.
        let skipping = collector.skipping.map { collector.world.realPath($0) }
        return AnyIterator {
            while true {
                if let unit = current?.next() { return unit }
                guard let argument = remaining.next() else { return nil }
                current = collector.units(of: argument, skipping: skipping)
            }
        }
    }
}
