import DossierCore

/// The dates a case may give (`CalendarDate.caseRange`, whole years 1800–2200): a placeholder such as `0001-01-01`
/// or `9999-12-31` is an error at load, so no rule ever computes with it.
enum CaseDateRange {
    /// `CASE013` at the date when its year lies outside the range, else nil.
    static func problem(year: Int, text: String, path: String, at: SourceLocation) -> Diagnostic? {
        let range = CalendarDate.caseRange
        guard !(range.lowerBound.year...range.upperBound.year).contains(year) else { return nil }
        return .error("CASE013", "`\(path)`: \(text) is outside the dates a case can give (\(range.lowerBound.iso) to \(range.upperBound.iso))",
                      at: at, hint: "a placeholder date? give the real date, or leave the key out if it is optional")
    }
}
