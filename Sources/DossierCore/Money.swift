/// An exact amount in minor units (cents) of an ISO 4217 currency. Never a Double.
public struct Money: Sendable, Hashable, Comparable {
    public var minorUnits: Int
    public var currency: String

    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses "470", "470.00" or "3.5" (two decimals at most).
    public init?(decimal text: String, currency: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int(parts[0]) else { return nil }
        var cents = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int(frac) else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        self.init(minorUnits: whole * 100 + cents, currency: currency)
    }

    /// "470.00": the manifest's decimal string.
    public var decimalString: String {
        let cents = minorUnits % 100
        return "\(minorUnits / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// "$1,385.00" for USD; "1,385.00 EUR" otherwise.
    public var display: String {
        var whole = String(minorUnits / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let cents = minorUnits % 100
        let number = whole + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
        return currency == "USD" ? "$" + number : number + " " + currency
    }

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }
}
