import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// `dossier render INPUT... --out DIR`: render packets, one folder per case, plus report.json/report.csv.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render packets (HTML, PDF, manifest.json) into one folder per case.",
        discussion: """
        Cases are read, rendered and written one at a time, each case folder whole or not at all (built beside, \
        then swapped in; an existing folder of that id is replaced whole; the folder of a case that no longer \
        renders is removed). Running the same command again skips cases whose input, rules, templates, fonts, \
        formats and date are unchanged; --force renders them all. One run at a time writes into an output folder: \
        a second one waits for it.
        """)
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output folder (never read as input).") var out: String
    @Option(name: .long, help: "What to write: html, pdf (each document's PDF and packet.pdf), packet (packet.pdf only); e.g. html,packet.")
    var format = "html,pdf"
    @Flag(name: .long, help: "Do not write packet.pdf.") var noPacket = false
    @Flag(name: .long, help: "Render every case, even those whose folder is already up to date.") var force = false
    @Option(name: .long, help: "Cases rendered in parallel.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "Render only shard K of N (e.g. 2/4).") var shard: String?
    @Option(name: .long, help: "Apply the rules in force on this date (YYYY-MM-DD).") var date: EvaluationDate?
    @Argument(help: "Case files, folders, .csv or .jsonl.") var inputs: [String]

    func validate() throws {
        guard let formats = formats() else { throw ValidationError("--format takes html, pdf, packet or a list of them, e.g. html,pdf") }
        guard formats.html || formats.anyPDF else { throw ValidationError("nothing to write: --no-packet leaves --format \(format) nothing") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, parsedShard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 1/4") }
    }

    func formats() -> OutputFormats? {
        guard var formats = OutputFormats(list: format) else { return nil }
        if noPacket { formats.packet = false }
        return formats
    }

    func parsedShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k, n)
    }

    func run() throws {
        let formats = formats()!
        let dossier = try common.dossier(pdf: formats.anyPDF)
        Terminal.printDiagnostics(dossier.resourceWarnings, sources: [:], json: common.json)
        let collector = InputCollector(world: dossier.world, schema: dossier.book.schema, skipping: [out])
        var units = AnySequence(collector.units(inputs))
        var total: Int?
        let progress = Terminal.stderrIsTerminal && !common.json ? ProgressBar() : nil
        if progress != nil { total = collector.estimatedCount(inputs) }
        if let shard, let (k, n) = parsedShard(shard) {
            units = AnySequence(BatchRunner.shard(units, k: k, n: n))
            total = total.map { ($0 + n - k) / n }
        }
        let fingerprint = RenderFingerprint(world: dossier.world, resources: common.resourceFolder(), templates: common.templates,
                                            pdf: formats.anyPDF, engine: Self.engineIdentity())
        let runner = BatchRunner(dossier: dossier, formats: formats, date: date?.date, jobs: jobs, resume: fingerprint, force: force)
        let printer = OutcomePrinter(out: out, json: common.json, progress: progress, total: total)
        let summary: BatchRunner.Summary
        do {
            summary = try runner.run(units, out: out, waiting: {
                Terminal.error("waiting for another dossier run that writes into \(out)/ to finish …")
            }, observe: printer.print)
        } catch {
            progress?.clear()
            Terminal.error("error: cannot write into \(out)/: \(error)")
            throw ExitCode(1)
        }
        printer.finish(summary)
        // The run's page to read: every case's status, verdicts, deadlines and files (index.html beside report.json).
        do { try RunReportPage.write(folder: out, world: dossier.world) } catch {
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: common.json)
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }

    /// Identifies this build of the program (its size and modification time), so a new Dossier renders again.
    static func engineIdentity() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        #if os(Linux)
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
        return "\(info.st_size)-\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
    }
}

/// Prints each finished unit as the batch reports it (in input order): diagnostics on stderr, one line per case on
/// stdout (or one JSON object per case in a JSON array), and the progress bar on a terminal.
final class OutcomePrinter: @unchecked Sendable {
    let out: String
    let json: Bool
    let progress: ProgressBar?
    let total: Int?
    private var done = 0

    init(out: String, json: Bool, progress: ProgressBar?, total: Int?) {
        self.out = out
        self.json = json
        self.progress = progress
        self.total = total
        if json { Terminal.out("[") }
    }

    /// Called by the batch, one unit at a time.
    func print(_ outcome: CaseOutcome) {
        progress?.clear()
        Terminal.printDiagnostics(outcome.diagnostics, sources: outcome.sources, firstLines: outcome.firstLines, json: json)
        if json {
            let entry = JSONValue.object([("input", .string(outcome.input)), ("case", outcome.caseID.map(JSONValue.string)),
                                          ("status", .string(outcome.status.rawValue)),
                                          ("unchanged", outcome.unchanged ? .bool(true) : nil)]).compact()
            Terminal.out((done == 0 ? "\n  " : ",\n  ") + entry)
        } else if outcome.status == .ok, let id = outcome.caseID {
            let verdicts = outcome.packets.map { "\($0.procedure): \($0.verdict)" }.joined(separator: ", ")
            let what = outcome.unchanged ? "unchanged" : "\(outcome.files.count) files"
            Terminal.out("\(outcome.input) → \(out)/\(id)/ (\(what); \(verdicts))\n")
        }
        done += 1
        progress?.update(done: done, total: total)
    }

    func finish(_ summary: BatchRunner.Summary) {
        progress?.clear()
        if json {
            Terminal.out(done == 0 ? "]\n" : "\n]\n")
        } else {
            let unchanged = summary.unchanged > 0 ? " (\(summary.unchanged) unchanged)" : ""
            Terminal.out("\(summary.ok) of \(summary.units) case(s) rendered into \(out)/\(unchanged)\n")
        }
    }
}
