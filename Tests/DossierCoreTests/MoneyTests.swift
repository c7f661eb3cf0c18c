import DossierCore
import Testing

/// Exact amounts: parsed from the rule book's decimal strings, written back the same way, shown to people with $.
@Suite struct MoneyTests {
    @Test(arguments: [("470", 47000), ("470.00", 47000), ("3.5", 350), ("3.05", 305), ("0.99", 99), ("15.00", 1500), ("0", 0)])
    func parsesDecimalStringsToCents(_ text: String, _ cents: Int) {
        #expect(Money(decimal: text, currency: "USD") == Money(minorUnits: cents, currency: "USD"))
    }

    @Test(arguments: ["", ".5", "1.", "1.234", "1,000", "-5", "abc", "$15", "15 ", "1.2.3", "١٥"])
    func rejectsAnythingElse(_ text: String) {
        #expect(Money(decimal: text, currency: "USD") == nil)
    }

    @Test func decimalStringAlwaysHasTwoDecimals() {
        #expect(Money(minorUnits: 47000, currency: "USD").decimalString == "470.00")
        #expect(Money(minorUnits: 5, currency: "USD").decimalString == "0.05")
        #expect(Money(minorUnits: 350, currency: "USD").decimalString == "3.50")
        #expect(Money(decimal: "3.5", currency: "USD")?.decimalString == "3.50")
    }

    @Test func displayGroupsThousandsAndPutsTheDollarSignFirst() {
        #expect(Money(minorUnits: 138500, currency: "USD").display == "$1,385.00")
        #expect(Money(minorUnits: 100000000, currency: "USD").display == "$1,000,000.00")
        #expect(Money(minorUnits: 99900, currency: "USD").display == "$999.00")
        #expect(Money(minorUnits: 1250, currency: "EUR").display == "12.50 EUR")
    }

    @Test func amountsCompareByValueAndCurrencyMakesThemDifferent() {
        #expect(Money(minorUnits: 1500, currency: "USD") < Money(minorUnits: 2000, currency: "USD"))
        #expect(Money(minorUnits: 1500, currency: "USD") != Money(minorUnits: 1500, currency: "EUR"))
    }
}
