import DossierCore
import DossierKit
import Rules

/// Loads and resolves cases for `check` and `explain`, printing located diagnostics for the ones that fail.
struct CaseLoading {
    let dossier: Dossier
    let json: Bool
    let date: CalendarDate?

    struct Loaded {
        var input: CaseInput
        var caseID: String
        /// The case's primary language, for text output.
        var language: String
        /// Every case language, for JSON output.
        var languages: [String]
        var plans: [PacketPlan]
    }

    /// The good cases; `failed` is set when any input had errors.
    func load(_ arguments: [String], failed: inout Bool) -> [Loaded] {
        let (inputs, problems) = InputCollector(world: dossier.world, schema: dossier.book.schema).collect(arguments)
        if !problems.isEmpty { failed = true; Terminal.printDiagnostics(problems, sources: [:], json: json) }
        var out: [Loaded] = []
        for input in inputs {
            let sources = [input.name: input.originalText ?? input.text]
            switch dossier.loadCase(text: input.text, file: input.name) {
            case .failure(let error):
                failed = true
                Terminal.printDiagnostics(error.diagnostics.map(input.mappedDiagnostic), sources: sources, json: json)
            case .success(let caseFile):
                Terminal.printDiagnostics(caseFile.warnings.map(input.mappedDiagnostic), sources: sources, json: json)
                switch dossier.resolve(caseFile, on: dossier.evaluationDate(for: caseFile, override: date)) {
                case .failure(let error):
                    failed = true
                    Terminal.printDiagnostics(error.diagnostics.map(input.mappedDiagnostic), sources: sources, json: json)
                case .success(let plans):
                    out.append(Loaded(input: input, caseID: caseFile.id, language: caseFile.languages.first ?? "en", languages: caseFile.languages, plans: plans))
                }
            }
        }
        return out
    }
}
