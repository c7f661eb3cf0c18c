import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// `dossier render INPUT... --out DIR`: render packets, one folder per case, plus report.json/report.csv.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render packets (HTML, PDF, manifest.json) into one folder per case.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output folder.") var out: String
    @Option(name: .long, help: "Formats: html, pdf or html,pdf.") var format = "html,pdf"
    @Option(name: .long, help: "Cases rendered in parallel.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "Render only shard K of N (e.g. 2/4).") var shard: String?
    @Option(name: .long, help: "Apply the rules in force on this date (YYYY-MM-DD).") var date: EvaluationDate?
    @Argument(help: "Case files, folders, .csv or .jsonl.") var inputs: [String]

    func validate() throws {
        guard OutputFormats(list: format) != nil else { throw ValidationError("--format takes html, pdf or html,pdf") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, parsedShard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 1/4") }
    }

    func parsedShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k, n)
    }

    func run() throws {
        let formats = OutputFormats(list: format)!
        let dossier = try common.dossier(pdf: formats.pdf)
        Terminal.printDiagnostics(dossier.resourceWarnings, sources: [:], json: common.json)
        let (collected, problems) = InputCollector(world: dossier.world, schema: dossier.book.schema).collect(inputs)
        Terminal.printDiagnostics(problems, sources: [:], json: common.json)
        var cases = collected
        if let shard, let (k, n) = parsedShard(shard) { cases = BatchRunner.shard(cases, k: k, n: n) }
        let runner = BatchRunner(dossier: dossier, formats: formats, date: date?.date, jobs: jobs)
        let showProgress = Terminal.stdoutIsTerminal && !common.json
        let results = runner.run(cases, out: out) { done, total, name in
            if showProgress { Terminal.progress("[\(done)/\(total)] \(name)") }
        }
        if showProgress { Terminal.progress("") }
        do { try RunReportPage.write(folder: out, world: dossier.world) } catch { Terminal.printDiagnostics(error.diagnostics, sources: [:], json: common.json) }
        var failed = !problems.filter { $0.severity == .error }.isEmpty
        var summary: [JSONValue] = []
        for r in results {
            Terminal.printDiagnostics(r.diagnostics, sources: r.sources, json: common.json)
            if r.status == .error { failed = true }
            summary.append(.object([("input", .string(r.input)), ("case", r.caseID.map(JSONValue.string)),
                                    ("status", .string(r.status.rawValue))]))
            if !common.json, r.status == .ok, let id = r.caseID {
                let verdicts = r.packets.map { "\($0.procedure): \($0.verdict)" }.joined(separator: ", ")
                Terminal.out("\(r.input) → \(out)/\(id)/ (\(r.files.count) files; \(verdicts))\n")
            }
        }
        if common.json { Terminal.out(JSONValue.array(summary).serialized()) }
        else {
            let ok = results.filter { $0.status == .ok }.count
            Terminal.out("\(ok) of \(results.count) case(s) rendered into \(out)/\n")
        }
        if failed { throw ExitCode(1) }
    }
}
