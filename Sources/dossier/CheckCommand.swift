import ArgumentParser
import DossierCore
import DossierKit
import Rules

/// `dossier check CASE...`: load and resolve; print each packet's verdict and checklist. Writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check cases and print each packet's verdict and checklist; write nothing.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Apply the rules in force on this date (YYYY-MM-DD).") var date: EvaluationDate?
    @Argument(help: "Case files, folders, .csv or .jsonl.") var cases: [String]

    func run() throws {
        let dossier = try common.dossier(pdf: false)
        var failed = false
        var count = 0
        if common.json { Terminal.out("[") }
        CaseLoading(dossier: dossier, json: common.json, date: date?.date).forEach(cases, failed: &failed) { l in
            if common.json {
                let entry = JSONValue.object([("case", .string(l.caseID)), ("input", .string(l.input.name)),
                                              ("packets", .array(l.plans.map { Manifest.packet($0, files: nil, languages: l.languages) }))]).compact()
                Terminal.out((count == 0 ? "\n  " : ",\n  ") + entry)
            } else {
                Terminal.out("\(l.input.displayName): case \(l.caseID)\n" + l.plans.map { Summary.text($0, language: l.language) }.joined())
            }
            count += 1
        }
        if common.json { Terminal.out(count == 0 ? "]\n" : "\n]\n") }
        if failed { throw ExitCode(1) }
    }
}

/// The short form of a plan `check` prints.
enum Summary {
    static func text(_ plan: PacketPlan, language: String) -> String {
        var lines = ["  \(plan.procedure): \(plan.verdict.rawValue) (rules as of \(plan.evaluatedOn.iso))"]
        for r in plan.reasons { lines.append("    ! \(r.message[language] ?? "")") }
        // Numbered 1…n as the checklist and the letter number them.
        for (index, d) in plan.documents.enumerated() {
            let valid = d.valid.map { " — issued on or after \($0.issuedOnOrAfter.iso)" } ?? ""
            lines.append("    [ ] \(index + 1). \(d.title[language] ?? d.id) (\(d.form), \(d.steps.count) steps)\(valid)")
        }
        for f in plan.fees { lines.append("    $ \(f.amount.display) \(f.title[language] ?? f.id)") }
        for d in plan.deadlines { lines.append("    @ \(d.date.iso) \(d.title[language] ?? d.id)") }
        for n in plan.notices where n.kind == .warning { lines.append("    ! \(n.message[language] ?? n.code)") }
        for n in plan.notices where n.kind == .verify { lines.append("    ? verify: \(n.message[language] ?? n.code)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
