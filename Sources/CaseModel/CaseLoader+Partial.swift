import DossierCore

extension CaseLoader {
    /// Validates a case that may still be incomplete (a guided interview half-way): the facts that could be read,
    /// with every diagnostic the full load would report. Values that fail their check are kept as text, so the
    /// result never stands for a valid case; use `load` for that.
    public static func loadPartial(value: SourceValue, text: String, file: String, schema: CaseSchema) -> (caseFile: CaseFile, diagnostics: [Diagnostic]) {
        var validator = CaseValidator(schema: schema)
        let root = validator.validateRoot(value)
        return (CaseFile(source: file, text: text, root: root), validator.diagnostics.sortedByLocation)
    }
}
