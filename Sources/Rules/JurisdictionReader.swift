import CaseModel
import DossierCore

/// Reads `Rules/jurisdictions/` records.
enum JurisdictionReader {
    static func state(_ value: SourceValue, sources: [SourceInfo], diagnostics: inout [Diagnostic]) -> StateRule? {
        guard var r = RecordReader(value, what: "a state", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let code = r.string("code", required: true), let name = r.string("name", required: true) else { return nil }
        let clerkText = r.string("county_clerk") ?? "unknown"
        guard let clerk = StateRule.CountyClerk(rawValue: clerkText) else {
            r.diagnostics.append(.error("RULE012", "`county_clerk` is required, not-required or unknown", at: r.location))
            return nil
        }
        let sosFees = r.list("secretary_of_state_fees").compactMap { fee($0, sources: sources, diagnostics: &r.diagnostics) }
        let clerkFees = r.list("county_clerk_fees").compactMap { fee($0, sources: sources, diagnostics: &r.diagnostics) }
        guard let citation = r.citation(sources: sources) else { return nil }
        return StateRule(code: code, name: name, countyClerk: clerk,
                         secretaryOfState: r.string("secretary_of_state") ?? "\(name) Secretary of State",
                         secretaryOfStateFees: sosFees, countyClerkFees: clerkFees, note: r.localized("note"), citation: citation)
    }

    static func mission(_ value: SourceValue, sources: [SourceInfo], diagnostics: inout [Diagnostic]) -> MissionRule? {
        guard var r = RecordReader(value, what: "a mission", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let name = r.localized("name", required: true),
              let citation = r.citation(sources: sources) else { return nil }
        return MissionRule(id: id, name: name, address: r.string("address") ?? "", states: r.strings("states"), citation: citation)
    }

    static func fee(_ value: SourceValue, sources: [SourceInfo], diagnostics: inout [Diagnostic]) -> FeeEdition? {
        guard var r = RecordReader(value, what: "a fee edition", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        let currency = r.string("currency") ?? "USD"
        guard let text = r.string("amount", required: true) else { return nil }
        guard let amount = Money(decimal: text, currency: currency) else {
            r.diagnostics.append(.error("RULE012", "`amount` must be a decimal like \"10.00\"", at: r.location))
            return nil
        }
        let inForce = r.inForce()
        guard let citation = r.citation(sources: sources) else { return nil }
        return FeeEdition(amount: amount, inForce: inForce, note: r.localized("note"), citation: citation)
    }
}
