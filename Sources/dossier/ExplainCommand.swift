import ArgumentParser
import DossierCore
import DossierKit

/// `dossier explain CASE [--document ID]`: why each item is, or is not, in the packet.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show, for every item, the facts, rule and citation that put it in the packet or left it out.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Apply the rules in force on this date (YYYY-MM-DD).") var date: EvaluationDate?
    @Option(name: .long, help: "Only this document id.") var document: String?
    @Argument(help: "A case file.") var caseFile: String

    func run() throws {
        let dossier = try common.dossier(pdf: false)
        var failed = false
        try CaseLoading(dossier: dossier, json: common.json, date: date?.date).forEach([caseFile], failed: &failed) { l in
            if let document, !l.plans.contains(where: { $0.considered.contains { $0.rule == document || $0.rule.hasPrefix(document + "-") } }) {
                let ids = l.plans.flatMap { $0.considered.map(\.rule) }
                throw ValidationError("no document `\(document)`; known: \(ids.joined(separator: ", "))")
            }
            if common.json {
                Terminal.out(JSONValue.array(l.plans.map { Explanation.json($0, languages: l.languages) }).serialized())
            } else {
                Terminal.out(l.plans.map { Explanation.text($0, document: document, language: l.language) }.joined(separator: "\n"))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
