/// One problem found in the input or in our own data: stable code, message, where, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    /// Stable code: `CASE…`, `RULE…`, `TPL…`, `LAYOUT…`, `PDF…`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [String]
    public var hint: String?

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation? = nil,
                notes: [String] = [], hint: String? = nil) {
        // Messages quote input: a control or bidi character in it is spelled out (`\u{1B}`), so no report,
        // CSV, JSON or terminal ever receives it raw.
        self.severity = severity
        self.code = code
        self.message = TextHygiene.escapedForTerminal(message)
        self.location = location
        self.notes = notes.map(TextHygiene.escapedForTerminal)
        self.hint = hint.map(TextHygiene.escapedForTerminal)
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation? = nil,
                             hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation? = nil,
                               hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    /// `file:line:col: error[CODE]: message`, the first line of the human rendering.
    public var headline: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue)[\(code)]: \(message)"
    }
}

/// Diagnostics that stop a stage: thrown when at least one error was found; carries all of them.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.headline).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then code, so reports are stable.
    public var sortedByLocation: [Diagnostic] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            return (la.file, la.line, la.column, a.code) < (lb.file, lb.line, lb.column, b.code)
        }
    }
}

/// How many diagnostics one file reports before the rest are summed up in one note: enough to fix a file in one pass,
/// few enough that a file of garbage (50,000 problems) prints in a moment.
public enum DiagnosticLimit {
    public static let perFile = 200
}

extension Array where Element == Diagnostic {
    /// The first `limit` diagnostics, then one note (`code`) saying how many more were found and not shown.
    public func capped(_ limit: Int = DiagnosticLimit.perFile, code: String = "CASE009") -> [Diagnostic] {
        guard count > limit else { return self }
        let file = self[limit].location?.file
        return Array(prefix(limit)) + [Diagnostic(.note, code, "and \(count - limit) more problems in this file, not shown",
                                                  at: file.map(SourceLocation.file),
                                                  hint: "fix the ones above and check again")]
    }
}
