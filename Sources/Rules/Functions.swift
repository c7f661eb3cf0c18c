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
        Signature(name: "present", parameters: [nil], result: .bool, summary: "whether an optional fact was given"),
        Signature(name: "coalesce", parameters: [nil, nil], result: .null, summary: "the first argument if given, else the second"),
        Signature(name: "add_months", parameters: [.date, .integer], result: .date, summary: "calendar months later (negative: earlier), day clamped"),
        Signature(name: "add_days", parameters: [.date, .integer], result: .date, summary: "days later (negative: earlier)"),
        Signature(name: "workdays_before", parameters: [.date, .integer], result: .date, summary: "n Monday–Friday working days before a date"),
        Signature(name: "count", parameters: [nil], result: .integer, summary: "number of items in a list"),
        Signature(name: "latest", parameters: [nil, .string(allowed: nil)], result: .string(allowed: nil),
                  summary: "latest(list, \"key\"): that key of the list's last entry (case lists are oldest first)"),
        Signature(name: "mission", parameters: [.string(allowed: nil)], result: .string(allowed: nil),
                  summary: "id of the Vietnamese mission whose district holds a state, or \"unknown\" (Rules/jurisdictions)"),
        Signature(name: "county_clerk", parameters: [.string(allowed: nil)], result: .string(allowed: ["required", "not-required", "unknown"]),
                  summary: "whether a state wants the county clerk to certify its notaries before the Secretary of State (Rules/jurisdictions)"),
    ]

    static func apply(_ name: String, _ args: [RuleValue], jurisdictions: Jurisdictions) -> RuleValue {
        let a = args.first ?? .null
        let b = args.count > 1 ? args[1] : .null
        switch (name, a, b) {
        case ("age", .date(let birth), .date(let on)): return .integer(birth.age(on: on))
        case ("birthday", .date(let birth), .integer(let n)): return .date(birth.birthday(n))
        case ("date", .string(let s), _): return CalendarDate(iso: s).map { .date($0) } ?? .null
        case ("present", _, _): return .bool(a != .null)
        case ("coalesce", _, _): return a == .null ? b : a
        case ("add_months", .date(let d), .integer(let n)): return .date(d.adding(months: n))
        case ("add_days", .date(let d), .integer(let n)): return .date(d.adding(days: n))
        case ("workdays_before", .date(let d), .integer(let n)): return .date(workdays(before: d, n))
        case ("count", .list(let l), _): return .integer(l.count)
        case ("mission", .string(let state), _): return .string(jurisdictions.mission(forState: state)?.id ?? "unknown")
        case ("county_clerk", .string(let state), _): return .string(jurisdictions.state(state)?.countyClerk.rawValue ?? "unknown")
        default: return .null
        }
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

    /// 0000-03-01 (day number 0) was a Wednesday.
    static func isWeekend(_ d: CalendarDate) -> Bool {
        let weekday = ((d.dayNumber % 7) + 7 + 2) % 7   // 0 = Monday
        return weekday >= 5
    }
}
