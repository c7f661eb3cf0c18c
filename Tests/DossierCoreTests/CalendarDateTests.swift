import DossierCore
import Testing

/// Calendar dates as forms and rules use them: no time, no zone, month arithmetic that clamps to the month's end.
@Suite struct CalendarDateTests {
    func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test(arguments: [
        ("2027-08-31", -6, "2027-02-28"),   // the 6-month window from an end-of-month filing date
        ("2028-08-31", -6, "2028-02-29"),   // … in a leap year
        ("2027-03-31", -6, "2026-09-30"),
        ("2027-05-10", -6, "2026-11-10"),
        ("2027-01-31", 1, "2027-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2027-03-31", -1, "2027-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2027-01-15", -13, "2025-12-15"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2027-06-30", 0, "2027-06-30"),
        ("2008-02-29", 216, "2026-02-28"),  // 18 years after a leap-day birth, by months
    ])
    func addingMonthsClampsTheDayToTheMonthsEnd(_ start: String, _ months: Int, _ expected: String) {
        #expect(date(start).adding(months: months).iso == expected)
    }

    @Test func addingYearsIsTwelveMonths() {
        #expect(date("2024-02-29").adding(years: 1).iso == "2025-02-28")
        #expect(date("1995-04-03").adding(years: 20).iso == "2015-04-03")
    }

    @Test(arguments: [(2000, true), (1900, false), (2024, true), (2027, false), (2100, false), (2400, true)])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(CalendarDate.isLeap(year) == leap)
        #expect(CalendarDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test func daysInEachMonth() {
        #expect((1...12).map { CalendarDate.daysIn(month: $0, year: 2027) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test func ageOnTheBirthdayAndTheDayBefore() {
        let birth = date("2007-03-15")
        #expect(birth.age(on: date("2027-03-14")) == 19)
        #expect(birth.age(on: date("2027-03-15")) == 20)
        #expect(birth.age(on: date("2027-12-31")) == 20)
        #expect(birth.age(on: birth) == 0)
    }

    @Test func someoneBornOn29FebruaryCompletesAYearOn1MarchInOtherYears() {
        let birth = date("2008-02-29")
        #expect(birth.age(on: date("2026-02-28")) == 17)
        #expect(birth.age(on: date("2026-03-01")) == 18)
        #expect(birth.age(on: date("2028-02-28")) == 19)
        #expect(birth.age(on: date("2028-02-29")) == 20)
    }

    @Test(arguments: ["2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-4-3", "27-04-03",
                      "2027-04-03T00:00", "2027/04/03", "", "2027-04-0x", "０２０２７-04-03", "0000-01-01"])
    func onlyRealDatesWrittenYYYYMMDDParse(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func isoTextRoundTripsWithZeroPadding() {
        #expect(date("2027-01-05").iso == "2027-01-05")
        #expect(CalendarDate(year: 987, month: 3, day: 4)?.iso == "0987-03-04")
        #expect(CalendarDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2027, month: 1, day: 0) == nil)
    }

    @Test func dayNumbersCountConsecutiveDaysAndRoundTrip() {
        var day = date("1899-12-25")
        var number = day.dayNumber
        while day < date("2101-01-10") {
            #expect(CalendarDate(dayNumber: number) == day)
            let next = day.adding(days: 1)
            #expect(next.dayNumber == number + 1)
            #expect(next > day)
            day = next
            number += 1
        }
    }

    @Test func dayArithmeticAcrossMonthAndYearEnds() {
        #expect(date("2027-02-28").adding(days: 1).iso == "2027-03-01")
        #expect(date("2028-02-28").adding(days: 1).iso == "2028-02-29")
        #expect(date("2027-01-01").adding(days: -1).iso == "2026-12-31")
        #expect(date("2028-03-01").dayNumber - date("2028-02-28").dayNumber == 2)
        #expect(date("2027-12-31").dayNumber - date("2027-01-01").dayNumber == 364)
        #expect(date("2028-12-31").dayNumber - date("2028-01-01").dayNumber == 365)
    }

    @Test func datesOrderByYearThenMonthThenDay() {
        let sorted = ["2027-05-10", "2026-12-31", "2027-01-09", "2027-01-10"].map(date).sorted()
        #expect(sorted.map(\.iso) == ["2026-12-31", "2027-01-09", "2027-01-10", "2027-05-10"])
    }

    /// Placeholder dates at the ends of the calendar (issue 15: `0001-01-01 − 6 months` and a birth in 9980 + 20
    /// years trapped): arithmetic saturates at the first and last representable dates, for any offset.
    @Test func arithmeticAtTheEndsOfTheCalendarSaturatesInsteadOfTrapping() {
        #expect(date("0001-01-01").adding(months: -6) == .earliest)
        #expect(date("0001-03-31").adding(months: -2).iso == "0001-01-31")
        #expect(date("9999-12-31").adding(months: 1) == .latest)
        #expect(date("9980-06-15").birthday(20) == .latest)
        #expect(date("9980-06-15").birthday(18).iso == "9998-06-15")
        #expect(date("0004-02-29").birthday(-10) == .earliest)
        #expect(date("0001-01-01").adding(days: -1) == .earliest)
        #expect(date("9999-12-31").adding(days: 1) == .latest)
        #expect(date("2027-05-10").adding(months: .max) == .latest)
        #expect(date("2027-05-10").adding(months: .min) == .earliest)
        #expect(date("2027-05-10").adding(years: .max) == .latest)
        #expect(date("2027-05-10").adding(days: .min) == .earliest)
        #expect(date("2027-05-10").birthday(.max) == .latest)
        #expect(CalendarDate(dayNumber: .max) == .latest)
        #expect(date("9980-01-01").age(on: date("0001-01-01")) == -9979)
    }

    @Test func theCaseRangeIs1800To2200() {
        #expect(CalendarDate.caseRange.lowerBound.iso == "1800-01-01")
        #expect(CalendarDate.caseRange.upperBound.iso == "2200-12-31")
        #expect(!CalendarDate.caseRange.contains(date("0001-01-01")))
        #expect(!CalendarDate.caseRange.contains(date("9980-03-14")))
    }
}
