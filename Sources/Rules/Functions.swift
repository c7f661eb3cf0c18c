import DossierCore

/// The functions conditions may call. Pure: they read their arguments and the rule book's tables only.
enum Functions {
    struct Signature {
        var name: String
        /// `nil` accepts any type.
        var parameters: [ValueType?]
        var result: ValueType
        var summary: String
    }

    static let signatures: [Signature] = [
        Signature(name: "age", parameters: [.date, .date], result: .integer, summary: "whole years from a birth date to a date"),
        Signature(name: "birthday", parameters: [.date, .integer], result: .date, summary: "the day a person born on a date turns n (29 Feb → 1 Mar in common years)"),
        Signature(name: "date", parameters: [.string(allowed: nil)], result: .date, summary: "a date literal: date(\"2026-09-11\")"),
        Signature(name: "present", parameters: [nil], result: .bool, summary: "whether a fact or lookup has a value (also written `x is given`)"),
        Signature(name: "coalesce", parameters: [nil, nil], result: .null, summary: "the first argument if given, else the second"),
        Signature(name: "add_months", parameters: [.date, .integer], result: .date, summary: "calendar months later (negative: earlier), day clamped"),
        Signature(name: "add_days", parameters: [.date, .integer], result: .date, summary: "days later (negative: earlier)"),
        Signature(name: "workdays_before", parameters: [.date, .integer], result: .date, summary: "n Monday–Friday working days before a date"),
        Signature(name: "workdays_after", parameters: [.date, .integer], result: .date, summary: "n Monday–Friday working days after a date (Friday, 1 → Monday)"),
        Signature(name: "count", parameters: [nil], result: .integer,
                  summary: "count(list): number of items; count(list, condition): items for which the condition on `item` holds"),
        Signature(name: "sum", parameters: [nil, nil], result: .integer,
                  summary: "sum(list, expression): total of a whole-number expression on `item` over the list's items"),
        Signature(name: "latest", parameters: [nil, .string(allowed: nil)], result: .string(allowed: nil),
                  summary: "latest(list, \"key\"): that key of the list's last entry (case lists are oldest first)"),
        Signature(name: "days_between", parameters: [.date, .date], result: .integer, summary: "days from the first date to the second (negative when earlier)"),
        Signature(name: "earliest_issue", parameters: [.date, .integer], result: .date,
                  summary: "the first day a paper may be dated to be at most n months old on a date (counted forward: 2027-08-31, 6 → 2027-03-01)"),
        Signature(name: "lookup", parameters: [.string(allowed: nil), nil, .string(allowed: nil)], result: .null,
                  summary: "lookup(\"table\", key, \"column\"[, date]): a cell of the row in force on the evaluation date (or the date given)"),
        Signature(name: "in_table", parameters: [.string(allowed: nil), nil], result: .bool,
                  summary: "in_table(\"table\", key[, date]): whether the table has a row for the key in force"),
    ] + holidaySignatures

    static func apply(_ name: String, _ args: [RuleValue], tables: RuleTables, date: CalendarDate?) -> RuleValue {
        let a = args.first ?? .null
        let b = args.count > 1 ? args[1] : .null
        switch (name, a, b) {
        case ("age", .date(let birth), .date(let on)): return .integer(birth.age(on: on))
        case ("birthday", .date(let birth), .integer(let n)): return .date(birth.birthday(n))
        case ("date", .string(let s), _): return CalendarDate(iso: s).map { .date($0) } ?? .null
        case ("present", _, _): return .bool(a != .null)
        case ("days_between", .date(let x), .date(let y)): return .integer(y.dayNumber - x.dayNumber)
        case ("earliest_issue", .date(let d), .integer(let n)): return .date(earliestIssue(before: d, months: n))
        case ("lookup", .string(let table), _):
            guard args.count >= 3, case .string(let column) = args[2] else { return .null }
            var on = date
            if args.count == 4 { guard case .date(let d) = args[3] else { return .null }; on = d }
            return tables.lookup(table, b, column, on: on)
        case ("in_table", .string(let table), _):
            var on = date
            if args.count == 3 { guard case .date(let d) = args[2] else { return .bool(false) }; on = d }
            return .bool(tables.contains(table, b, on: on))
        case ("coalesce", _, _): return a == .null ? b : a
        case ("add_months", .date(let d), .integer(let n)): return .date(d.adding(months: n))
        case ("add_days", .date(let d), .integer(let n)): return .date(d.adding(days: n))
        case ("workdays_before", .date(let d), .integer(let n)): return .date(workdays(before: d, n))
        case ("workdays_after", .date(let d), .integer(let n)): return .date(workdays(after: d, n))
        case ("count", .list(let l), _): return .integer(l.count)
        default: return applyHolidayFunction(name, args, tables: tables) ?? .null
        }
    }

    /// The first day D such that D plus `months` calendar months is on or after `date`: a paper dated D is then no
    /// more than `months` old on `date`. Counting back and clamping (2027-08-31 − 6 months = 2027-02-28) would
    /// accept a paper that is, counted forward, already too old.
    static func earliestIssue(before date: CalendarDate, months: Int) -> CalendarDate {
        var d = date.adding(months: -months)
        while d.adding(months: months) < date { d = d.adding(days: 1) }
        return d
    }

    /// Steps back over Saturdays and Sundays (public holidays are not modelled; the note says so).
    static func workdays(before date: CalendarDate, _ n: Int) -> CalendarDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if !isWeekend(d) { left -= 1 }
        }
        return d
    }

    /// Steps forward over Saturdays and Sundays (public holidays are not modelled).
    static func workdays(after date: CalendarDate, _ n: Int) -> CalendarDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if !isWeekend(d) { left -= 1 }
        }
        return d
    }

    /// 0000-03-01 (day number 0) was a Wednesday.
    static func isWeekend(_ d: CalendarDate) -> Bool {
        let weekday = ((d.dayNumber % 7) + 7 + 2) % 7   // 0 = Monday
        return weekday >= 5
    }
}
