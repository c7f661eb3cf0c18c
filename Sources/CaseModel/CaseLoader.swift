import DossierCore

/// `load`: case text (YAML or JSON) → a type-checked `CaseFile`, or every problem found in it.
public enum CaseLoader {
    public static func load(text: String, file: String, schema: CaseSchema) -> Result<CaseFile, DiagnosticError> {
        switch SourceParser.parse(text, file: file) {
        case .failure(let error):
            return .failure(error)
        case .success(let value):
            return load(value: value, text: text, file: file, schema: schema)
        }
    }

    /// Validates an already parsed value (rule tests edit a base case before loading it).
    public static func load(value: SourceValue, text: String, file: String, schema: CaseSchema) -> Result<CaseFile, DiagnosticError> {
        guard case .map = value else {
            return .failure(DiagnosticError([.error("CASE012", "a case file is a mapping that starts with `dossier: \(CaseSchema.formatVersion)`",
                                                    at: value.location)]))
        }
        var validator = CaseValidator(schema: schema)
        let root = validator.validateRoot(value)
        if validator.diagnostics.hasErrors { return .failure(DiagnosticError(validator.diagnostics.sortedByLocation.capped())) }
        var warnings: [Diagnostic] = []
        var caseFile = CaseFile(source: file, text: text, root: TextSanitizer.clean(root, path: "", warnings: &warnings))
        if warnings.hasErrors { return .failure(DiagnosticError(warnings.sortedByLocation.capped())) }
        // A person appears in the tree where it is written and wherever a section refers to it: one warning each.
        var seen = Set<String>()
        caseFile.warnings = warnings.filter { seen.insert("\($0.code) \($0.location.map(\.description) ?? "")").inserted }.capped()
        return .success(caseFile)
    }
}
