import DossierCore

/// Calendar functions that read a table of closed days (public holidays), keyed by date.
extension Functions {
    static let holidaySignatures: [Signature] = [
        Signature(name: "workdays_before_skipping", parameters: [.date, .integer, .string(allowed: nil)], result: .date,
                  summary: "workdays_before_skipping(d, n, \"table\"): n working days before a date, skipping weekends and the dates that are keys of the table"),
    ]

    /// The holiday functions' values; nil for any other name.
    static func applyHolidayFunction(_ name: String, _ args: [RuleValue], tables: RuleTables) -> RuleValue? {
        guard args.count == 3, case .string(let table) = args[2] else { return nil }
        switch (name, args[0], args[1]) {
        case ("workdays_before_skipping", .date(let d), .integer(let n)):
            guard tables[table] != nil else { return .null }
            return .date(workdays(before: d, n) { tables.contains(table, .date($0), on: $0) })
        default:
            return nil
        }
    }

    /// Steps back over weekends and over the days `closed` says are closed.
    static func workdays(before date: CalendarDate, _ n: Int, closed: (CalendarDate) -> Bool) -> CalendarDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if !isWeekend(d) && !closed(d) { left -= 1 }
        }
        return d
    }
}
