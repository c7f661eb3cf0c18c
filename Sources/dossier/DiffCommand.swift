import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// `dossier diff INPUT... (--date A --against-date B | --rules DIR --against-rules DIR)`: whose packets change, and how.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show whose packets change between two evaluation dates or two rule books, and how.",
        discussion: "Examples: dossier diff clients.csv --date 2024-03-31 --against-date 2024-04-01\n          dossier diff Samples --against-rules ../rules-2027/Rules --format html --output changes.html")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "The date of the old side (default: each case's prepared_on).") var date: EvaluationDate?
    @Option(name: .customLong("against-date"), help: "The date of the new side.") var againstDate: EvaluationDate?
    @Option(name: .customLong("against-rules"), help: "The rule-book folder of the new side (the old side is --rules or the built-in Rules/).") var againstRules: String?
    @Option(name: .long, help: "table, csv, json or html.") var format = "table"
    @Option(name: .long, help: "Write the report to this file instead of standard output.") var output: String?
    @Argument(help: "Case files, folders, .csv or .jsonl.") var inputs: [String]

    func validate() throws {
        guard ["table", "csv", "json", "html"].contains(format) else { throw ValidationError("--format takes table, csv, json or html") }
        guard againstDate != nil || againstRules != nil else {
            throw ValidationError("say what to compare: --against-date YYYY-MM-DD and/or --against-rules DIR")
        }
    }

    func run() throws {
        let oldDossier = try common.dossier(pdf: false)
        var newDossier = oldDossier
        if let againstRules {
            do {
                newDossier = try Dossier(world: FileSystemWorld(), resources: common.resourceFolder(), rules: againstRules, templates: common.templates, pdf: false)
            } catch {
                Terminal.printDiagnostics(error.diagnostics, sources: [:], json: common.json)
                throw ExitCode(2)
            }
        }
        let oldLabel = [common.rules ?? "Rules", date?.date.iso].compactMap { $0 }.joined(separator: " on ")
        let newLabel = [againstRules ?? common.rules ?? "Rules", (againstDate ?? date)?.date.iso].compactMap { $0 }.joined(separator: " on ")
        let (inputs, problems) = InputCollector(world: oldDossier.world, schema: oldDossier.book.schema).collect(self.inputs)
        Terminal.printDiagnostics(problems, sources: [:], json: common.json)
        let impact = RuleChangeImpact(old: .init(dossier: oldDossier, date: date?.date, label: oldLabel),
                                      new: .init(dossier: newDossier, date: againstDate?.date ?? date?.date, label: newLabel))
        let results = impact.compare(inputs)
        let report: String
        switch format {
        case "csv": report = ImpactReport.csv(results)
        case "json": report = ImpactReport.json(results, old: oldLabel, new: newLabel).serialized()
        case "html": report = ImpactReport.html(results, old: oldLabel, new: newLabel, stylesheet: oldDossier.stylesheet)
        default: report = ImpactReport.text(results, old: oldLabel, new: newLabel)
        }
        if let output {
            try Array(report.utf8).withUnsafeBufferPointer { try FileSystemWorld().write(Array($0), to: output) }
        } else {
            Terminal.out(report)
        }
        if !problems.isEmpty || results.contains(where: { !$0.diagnostics.isEmpty }) { throw ExitCode(1) }
    }
}
