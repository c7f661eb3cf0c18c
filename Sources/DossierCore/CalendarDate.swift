/// A calendar date with no time or zone: what forms, rules and deadlines speak in.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (no 2027-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first date the type can hold (0001-01-01); arithmetic saturates here instead of trapping.
    public static let earliest = CalendarDate(uncheckedYear: 1, month: 1, day: 1)
    /// The last date the type can hold (9999-12-31); arithmetic saturates here instead of trapping.
    public static let latest = CalendarDate(uncheckedYear: 9999, month: 12, day: 31)

    /// The dates a case file may give (`1800-01-01` to `2200-12-31`): no living person was born before 1800 and no
    /// filing, validity window or deadline lies after 2200, so anything outside is a placeholder (`0001-01-01`,
    /// `9999-12-31`) or a typo. Inside it, every rule offset (months, years) stays far from `earliest`/`latest`.
    public static let caseRange = CalendarDate(uncheckedYear: 1800, month: 1, day: 1)...CalendarDate(uncheckedYear: 2200, month: 12, day: 31)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Calendar month arithmetic; the day is clamped to the end of a shorter month (2027-08-31 − 6 months = 2027-02-28).
    /// Saturates at `earliest`/`latest` (and never overflows, whatever `months` is).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + Swift.min(Swift.max(months, -120_000), 120_000)
        guard index >= 12 else { return .earliest }
        guard index < 10000 * 12 else { return .latest }
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(uncheckedYear: y, month: m, day: Swift.min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    public func adding(years: Int) -> CalendarDate { adding(months: Swift.min(Swift.max(years, -10_000), 10_000) * 12) }

    /// Day arithmetic, saturating at `earliest`/`latest`.
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + Swift.min(Swift.max(days, -4_000_000), 4_000_000))
    }

    /// The day someone born on `self` turns `years` old: the same day and month, and 1 March for a 29 February
    /// birth in a common year (consistent with `age(on:)`). Saturates at `earliest`/`latest`.
    public func birthday(_ years: Int) -> CalendarDate {
        let y = year + Swift.min(Swift.max(years, -10_000), 10_000)
        guard y >= 1 else { return .earliest }
        guard y <= 9999 else { return .latest }
        if month == 2 && day == 29 && !CalendarDate.isLeap(y) { return CalendarDate(uncheckedYear: y, month: 3, day: 1) }
        return CalendarDate(uncheckedYear: y, month: month, day: day)
    }

    /// Whole years from `self` (a birth date) to `date`: the age on that day. Born 29 Feb: a year completes on 1 Mar.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (for differences and day arithmetic).
    public var dayNumber: Int {
        let m = (month + 9) % 12
        let y = year - m / 10
        return 365 * y + y / 4 - y / 100 + y / 400 + (m * 306 + 5) / 10 + (day - 1)
    }

    /// The date of a day number; saturates at `earliest`/`latest`.
    public init(dayNumber number: Int) {
        let g = Swift.min(Swift.max(number, CalendarDate.earliest.dayNumber), CalendarDate.latest.dayNumber)
        var y = (10000 * g + 14780) / 3652425
        var ddd = g - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 {
            y -= 1
            ddd = g - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * ddd + 52) / 3060
        let mm = (mi + 2) % 12 + 1
        y += (mi + 2) / 12
        let dd = ddd - (mi * 306 + 5) / 10 + 1
        self.init(uncheckedYear: y, month: mm, day: dd)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
