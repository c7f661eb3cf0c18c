import CaseModel
import Compose
import DocumentModel
import DossierCore
import Rules

/// `compose`: one plan → the documents its procedure renders (its `outputs`), in filing order.
struct PacketComposer {
    let templates: TemplateSet
    let book: RuleBook

    struct Composed {
        var procedure: String
        var documents: [Document]
    }

    func compose(_ caseFile: CaseFile, plan: PacketPlan, logoName: String?) throws(DiagnosticError) -> Composed {
        let languages = caseFile.languages
        var context = PacketContext(caseFile: caseFile, plan: plan, strings: templates.strings, languages: languages, book: book).value()
        if let logoName, case .object(var pairs) = context, let i = pairs.firstIndex(where: { $0.key == "preparer" }),
           case .object(var preparer) = pairs[i].value, let j = preparer.firstIndex(where: { $0.key == "logo" }) {
            preparer[j].value = .string(logoName)
            pairs[i].value = .object(preparer)
            context = .object(pairs)
        }
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        for output in plan.outputs {
            let options = ComposeOptions(languages: languages, name: "\(plan.procedure)-\(output.id)", runningHeader: caseFile.id)
            do {
                var document = try templates.compose(output.template, context: context, options: options)
                if let label = templates.strings.string("page.counter", language: languages.first ?? "en") {
                    document.pageLabel = label
                }
                documents.append(document)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        return Composed(procedure: plan.procedure, documents: documents)
    }
}
