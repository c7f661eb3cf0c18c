import CaseModel
import Compose
import DocumentModel
import DossierCore
import Rules

/// `compose`: one plan → its documents in filing order (cover letter, filled statements, checklist).
struct PacketComposer {
    let templates: TemplateSet

    struct Composed {
        var procedure: String
        var documents: [Document]
    }

    func compose(_ caseFile: CaseFile, plan: PacketPlan, logoName: String?) throws(DiagnosticError) -> Composed {
        let languages = caseFile.languages
        var context = PacketContext(caseFile: caseFile, plan: plan, strings: templates.strings, languages: languages).value()
        if let logoName, case .object(var pairs) = context, let i = pairs.firstIndex(where: { $0.key == "preparer" }),
           case .object(var preparer) = pairs[i].value, let j = preparer.firstIndex(where: { $0.key == "logo" }) {
            preparer[j].value = .string(logoName)
            pairs[i].value = .object(preparer)
            context = .object(pairs)
        }
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        for name in templateNames(for: plan.procedure) {
            let stem = name.split(separator: "/").last.map { String($0.dropLast(".xhtml".count)) } ?? name
            let options = ComposeOptions(languages: languages, name: "\(plan.procedure)-\(stem)", runningHeader: caseFile.id)
            do {
                var document = try templates.compose(name, context: context, options: options)
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

    /// Filing order: the cover letter on top, the filled statements it encloses, then the applicant's checklist.
    func templateNames(for procedure: String) -> [String] {
        let own = templates.templates.map(\.file).filter { $0.contains("/\(procedure)/") }
            .compactMap { $0.split(separator: "/").suffix(2).joined(separator: "/") }
        let cover = own.filter { $0.hasSuffix("/cover-letter.xhtml") }
        let rest = own.filter { !$0.hasSuffix("/cover-letter.xhtml") }.sorted()
        return cover + rest + Dossier.commonTemplates
    }
}
