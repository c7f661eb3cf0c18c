import CaseModel
import DossierCore

/// Turns `render`/`check` arguments into cases: a case file, a folder of them (recursively, sorted), a `.jsonl`
/// (one case per line) or a `.csv` (one case per row).
public struct InputCollector: Sendable {
    public let world: World
    /// The case schema (which CSV columns hold lists).
    public let schema: CaseSchema?

    public init(world: World, schema: CaseSchema? = nil) {
        self.world = world
        self.schema = schema
    }

    static let caseExtensions = [".yaml", ".yml", ".json"]

    public func collect(_ arguments: [String]) -> (cases: [CaseInput], problems: [Diagnostic]) {
        var cases: [CaseInput] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            do {
                if world.isDirectory(argument) {
                    let files = try world.list(argument).filter { path in Self.caseExtensions.contains { path.hasSuffix($0) } }
                    if files.isEmpty { problems.append(.error("CASE002", "no case files (.yaml, .yml, .json) in this folder", at: .file(argument))) }
                    for file in files { cases.append(try single(file)) }
                } else if argument.hasSuffix(".jsonl") {
                    cases += try jsonLines(argument)
                } else if argument.hasSuffix(".csv") {
                    let (rows, rowProblems) = try CSVCases(world: world, schema: schema).cases(in: argument)
                    cases += rows
                    problems += rowProblems
                } else {
                    cases.append(try single(argument))
                }
            } catch {
                problems.append(.error("CASE001", "cannot read: \(error)", at: .file(argument)))
            }
        }
        return (cases, problems)
    }

    func single(_ path: String) throws -> CaseInput {
        CaseInput(name: path, text: try world.readText(path), folder: Self.folder(of: path))
    }

    /// Each line becomes a case whose text keeps the line at its own line number, so positions point into the file.
    func jsonLines(_ path: String) throws -> [CaseInput] {
        let text = try world.readText(path)
        var out: [CaseInput] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            var input = CaseInput(name: path, text: String(repeating: "\n", count: index) + line, folder: Self.folder(of: path),
                                  firstLine: index + 1)
            input.isRow = true
            out.append(input)
        }
        return out
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
