import DossierCore
import DossierKit
import Rules

/// Loads and resolves cases for `check` and `explain` one at a time, printing located diagnostics for the ones that
/// fail; the input is streamed, so a 100,000-row CSV is never held whole.
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

    /// Calls `body` with each good case, in input order; `failed` is set when any input had errors.
    func forEach(_ arguments: [String], failed: inout Bool, _ body: (Loaded) throws -> Void) rethrows {
        for unit in InputCollector(world: dossier.world, schema: dossier.book.schema).units(arguments) {
            let input: CaseInput
            switch unit {
            case .problem(let problem):
                failed = true
                Terminal.printDiagnostics(problem.diagnostics, sources: problem.sources, firstLines: problem.firstLines, json: json)
                continue
            case .case(let i):
                input = i
            }
            switch dossier.loadCase(input) {
            case .failure(let error):
                failed = true
                Terminal.printDiagnostics(error.diagnostics, sources: input.sources, firstLines: input.firstLines, json: json)
            case .success(let caseFile):
                if !caseFile.warnings.isEmpty {
                    Terminal.printDiagnostics(caseFile.warnings, sources: input.sources, firstLines: input.firstLines, json: json)
                }
                switch dossier.resolve(caseFile, on: dossier.evaluationDate(for: caseFile, override: date)) {
                case .failure(let error):
                    failed = true
                    Terminal.printDiagnostics(error.diagnostics, sources: input.sources, firstLines: input.firstLines, json: json)
                case .success(let plans):
                    try body(Loaded(input: input, caseID: caseFile.id, language: caseFile.languages.first ?? "en", languages: caseFile.languages, plans: plans))
                }
            }
        }
    }
}
