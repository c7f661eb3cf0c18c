import DossierCore

/// Where a rule comes from, so a user can check it: a source file and section (with a short quote), or a URL.
public struct Citation: Sendable, Hashable {
    public var source: String?
    public var section: String?
    public var quote: String?
    public var url: String?
    /// Edition or date of the source text, filled from `Rules/sources.yaml` when not given.
    public var edition: String?

    public init(source: String? = nil, section: String? = nil, quote: String? = nil, url: String? = nil, edition: String? = nil) {
        self.source = source
        self.section = section
        self.quote = quote
        self.url = url
        self.edition = edition
    }

    /// One line for a checklist footnote: `uscis-n-600-certificate-of-citizenship.txt, Fee (2018-12-31)`.
    public var short: String {
        var parts: [String] = []
        if let source { parts.append(source) }
        if let section { parts.append(section) }
        var line = parts.joined(separator: ", ")
        if let edition { line += line.isEmpty ? edition : " (\(edition))" }
        if let url { line += line.isEmpty ? url : " — \(url)" }
        return line
    }
}

/// The dates a rule is in force: from `effective` (inclusive) to `until` (inclusive); open ends allowed.
public struct InForce: Sendable, Hashable {
    public var effective: CalendarDate?
    public var until: CalendarDate?

    public init(effective: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.effective = effective
        self.until = until
    }

    /// Whether two date ranges share a day (two editions of one record must not).
    public func overlaps(_ other: InForce) -> Bool {
        let startsBeforeOtherEnds = effective.flatMap { e in other.until.map { e <= $0 } } ?? true
        let otherStartsBeforeThisEnds = other.effective.flatMap { e in until.map { e <= $0 } } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// `from 2024-04-01 until 2025-10-27`, for messages.
    public var text: String {
        switch (effective, until) {
        case (nil, nil): return "always"
        case (let e?, nil): return "from \(e.iso)"
        case (nil, let u?): return "until \(u.iso)"
        case (let e?, let u?): return "from \(e.iso) until \(u.iso)"
        }
    }

    public func contains(_ date: CalendarDate) -> Bool {
        if let effective, date < effective { return false }
        if let until, date > until { return false }
        return true
    }
}
