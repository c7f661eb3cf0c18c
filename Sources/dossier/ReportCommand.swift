import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// `dossier report html|merge`: the run report as a page to read, and the reports of a sharded run joined into one.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Work with a run's report.json: write its index.html, or merge the reports of shards.",
        subcommands: [ReportHTMLCommand.self, ReportMergeCommand.self])
}

/// `dossier report html OUT_DIR`: (re)writes `OUT_DIR/index.html` from `OUT_DIR/report.json` and the case manifests.
struct ReportHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html", abstract: "Write OUT_DIR/index.html from OUT_DIR/report.json (sortable, searchable, no server needed).")
    @Flag(name: .long, help: "Machine-readable JSON on stdout and stderr instead of text.") var json = false
    @Argument(help: "A folder written by `dossier render --out` (or by `dossier report merge --out`).") var folder: String

    func run() throws {
        do {
            try RunReportPage.write(folder: folder, world: FileSystemWorld())
        } catch {
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: json)
            throw ExitCode(1)
        }
        let path = folder.hasSuffix("/") ? folder + "index.html" : folder + "/index.html"
        Terminal.out(json ? JSONValue.object([("written", .string(path))]).serialized() : "wrote \(path)\n")
    }
}

/// `dossier report merge REPORT... --out DIR`: one report.json/report.csv for a run spread over shards.
struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Join the report.json and report.csv of the shards of one run (--shard K/N) into DIR.",
        discussion: "Cases come out in input order, each once; a case in two shards or a missing shard is an error.\n"
            + "Example: dossier report merge out-1 out-2 out-3 --out out && dossier report html out")
    @Flag(name: .long, help: "Machine-readable JSON on stdout and stderr instead of text.") var json = false
    @Option(name: .long, help: "Folder for the merged report.json and report.csv.") var out: String
    @Argument(help: "Each shard's output folder (or its report.json).") var reports: [String]

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("give the shards' output folders to merge") }
    }

    func run() throws {
        let world = FileSystemWorld()
        let merged: RunReportMerge.Merged
        switch RunReportMerge.load(reports, world: world).flatMap({ $0.merge() }) {
        case .failure(let error):
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: json)
            throw ExitCode(1)
        case .success(let m): merged = m
        }
        Terminal.printDiagnostics(merged.notes, sources: [:], json: json)
        do {
            try world.createDirectory(out)
            try world.write(Array(merged.json.utf8), to: out + "/report.json")
            if let csv = merged.csv { try world.write(Array(csv.utf8), to: out + "/report.csv") }
        } catch {
            Terminal.printDiagnostics([.error("IO001", "cannot write the merged report: \(error)", at: .file(out))], sources: [:], json: json)
            throw ExitCode(1)
        }
        let files = ["report.json"] + (merged.csv == nil ? [] : ["report.csv"])
        if json {
            Terminal.out(JSONValue.object([("written", .array(files.map { .string(out + "/" + $0) }))]).serialized())
        } else {
            Terminal.out("merged \(reports.count) report(s) into \(files.map { out + "/" + $0 }.joined(separator: " and "))\n")
        }
    }
}
