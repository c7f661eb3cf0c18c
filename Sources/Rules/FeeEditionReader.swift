import CaseModel
import DossierCore

/// Reads one edition of a fee: `{amount: "470.00", currency?, effective?, until?, note?, citation}`.
enum FeeEditionReader {
    static func read(_ value: SourceValue, languages: [String], sources: [SourceInfo], diagnostics: inout [Diagnostic]) -> FeeEdition? {
        guard var r = RecordReader(value, what: "a fee edition", languages: languages, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        let currency = r.string("currency") ?? "USD"
        guard let text = r.string("amount", required: true) else { return nil }
        guard let amount = Money(decimal: text, currency: currency) else {
            r.diagnostics.append(.error("RULE012", "`amount` must be a decimal like \"10.00\"", at: r.location))
            return nil
        }
        let inForce = r.inForce()
        guard let citation = r.citation(sources: sources) else { return nil }
        return FeeEdition(amount: amount, inForce: inForce, note: r.localized("note"), citation: citation, location: r.location)
    }
}
