import CaseModel
import DossierCore

extension Dossier {
    /// `load` for an input: its already parsed value when the reader built one, else its text.
    public func loadCase(_ input: CaseInput) -> Result<CaseFile, DiagnosticError> {
        guard let value = input.value else { return loadCase(text: input.text, file: input.name) }
        return CaseLoader.load(value: value, text: input.text, file: input.name, schema: book.schema)
    }

    /// Parses a case file's text into a located value (the one place batch reading calls the parser).
    static func parseCase(_ text: String, file: String) -> Result<SourceValue, DiagnosticError> {
        SourceParser.parse(text, file: file)
    }
}
