import DossierCore

/// Checks a parsed case against `CaseSchema` and builds typed facts; reports every problem, not just the first.
struct CaseValidator {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func validateRoot(_ value: SourceValue) -> Fact {
        let fact = validate(value, as: .object(CaseSchema.root), path: "")
        // A version that is not a whole number was already reported as CASE012; say it once.
        if let version = fact["dossier"], let number = version.integer, number != CaseSchema.formatVersion {
            diagnostics.append(.error("CASE015", "unsupported format version; this Dossier reads `dossier: 1`", at: version.location))
        }
        diagnostics += EnvelopeChecks.procedures(in: fact)
        if let languages = fact.lookup("case.languages")?.list {
            var seen: [String] = []
            for lang in languages {
                guard let code = lang.string else { continue }
                if seen.contains(code) {
                    diagnostics.append(.error("CASE016", "language `\(code)` is listed twice", at: lang.location))
                }
                seen.append(code)
            }
        }
        return fact
    }

    private mutating func validate(_ value: SourceValue, as type: FieldType, path: String) -> Fact {
        let at = value.location
        switch type {
        case .object(let fields):
            guard case .map(let entries, _) = value else { return mismatch(value, type, path) }
            return Fact(.object(validateEntries(entries, fields: fields, path: path, at: at)), at: at)
        case .list(let itemType):
            guard case .list(let items, _) = value else { return mismatch(value, type, path) }
            let facts = items.enumerated().map { validate($1, as: itemType, path: "\(path)[\($0)]") }
            return Fact(.list(facts), at: at)
        default:
            guard case .scalar(let text, let plain, _) = value else { return mismatch(value, type, path) }
            return validateScalar(text, plain: plain, as: type, path: path, at: at) ?? mismatch(value, type, path)
        }
    }

    private mutating func validateEntries(_ entries: [SourceEntry], fields: [FieldSpec], path: String,
                                          at: SourceLocation) -> [(key: String, fact: Fact)] {
        var result: [(key: String, fact: Fact)] = []
        for entry in entries {
            let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            guard let spec = fields.first(where: { $0.name == entry.key }) else {
                let suggestion = Suggestion.closest(to: entry.key, in: fields.map(\.name))
                let known = fields.map(\.name).joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, "CASE010", "unknown key `\(entry.key)`\(path.isEmpty ? "" : " in `\(path)`")",
                                              at: entry.keyLocation, notes: ["expected one of: \(known)"],
                                              hint: suggestion.map { "did you mean `\($0)`?" }))
                continue
            }
            if case .null = entry.value {
                if spec.required {
                    diagnostics.append(.error("CASE011", "`\(childPath)` is required but empty", at: entry.value.location,
                                              hint: "give \(spec.type.expectation): \(spec.summary)"))
                }
                continue
            }
            result.append((entry.key, validate(entry.value, as: spec.type, path: childPath)))
        }
        for spec in fields where spec.required && !entries.contains(where: { $0.key == spec.name }) {
            let childPath = path.isEmpty ? spec.name : "\(path).\(spec.name)"
            diagnostics.append(.error("CASE011", "missing required `\(childPath)`", at: at,
                                      hint: "add `\(spec.name):` (\(spec.summary.lowercasedFirst), \(spec.type.expectation))"))
        }
        return result
    }

    private mutating func validateScalar(_ text: String, plain: Bool, as type: FieldType, path: String,
                                         at: SourceLocation) -> Fact? {
        switch type {
        case .string:
            return Fact(.string(text), at: at)
        case .identifier:
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }) else { return nil }
            return Fact(.string(text), at: at)
        case .bool:
            guard plain, text == "true" || text == "false" else { return nil }
            return Fact(.bool(text == "true"), at: at)
        case .integer:
            guard plain, let n = Int(text) else { return nil }
            return Fact(.integer(n), at: at)
        case .date:
            return validateDate(text, path: path, at: at)
        case .oneOf(let values):
            guard values.contains(text) else {
                diagnostics.append(.error("CASE014", "`\(path)` cannot be `\(text)`; expected \(type.expectation)", at: at,
                                          hint: Suggestion.closest(to: text, in: values).map { "did you mean `\($0)`?" }))
                return Fact(.string(text), at: at)
            }
            return Fact(.string(text), at: at)
        case .country:
            guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
            return Fact(.string(text), at: at)
        case .usState:
            guard USStates.codes.contains(text) else {
                diagnostics.append(.error("CASE014", "`\(path)`: `\(text)` is not a US state code", at: at,
                                          hint: Suggestion.closest(to: text, in: USStates.codes).map { "did you mean `\($0)`?" } ?? "use the two-letter postal code, e.g. CA"))
                return Fact(.string(text), at: at)
            }
            return Fact(.string(text), at: at)
        case .language:
            guard ["en", "vi"].contains(text) else {
                diagnostics.append(.error("CASE014", "`\(path)`: Dossier renders `en` and `vi`, not `\(text)`", at: at))
                return Fact(.string(text), at: at)
            }
            return Fact(.string(text), at: at)
        case .list, .object:
            return nil
        }
    }

    private mutating func validateDate(_ text: String, path: String, at: SourceLocation) -> Fact? {
        if let date = CalendarDate(iso: text) {
            if let problem = CaseDateRange.problem(year: date.year, text: text, path: path, at: at) { diagnostics.append(problem) }
            return Fact(.date(date), at: at)
        }
        let parts = text.split(separator: "-")
        if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4 {
            if let problem = CaseDateRange.problem(year: y, text: text, path: path, at: at) {
                diagnostics.append(problem)
                return Fact(.string(text), at: at)
            }
            let why: String
            if !(1...12).contains(m) {
                why = "there is no month \(m)"
            } else {
                why = "\(Self.monthNames[m - 1]) \(y) has \(CalendarDate.daysIn(month: m, year: y)) days, not \(d)"
            }
            diagnostics.append(.error("CASE013", "`\(path)`: \(text) is not a real date: \(why)", at: at,
                                      hint: "dates are written YYYY-MM-DD"))
            return Fact(.string(text), at: at)
        }
        return nil
    }

    private mutating func mismatch(_ value: SourceValue, _ type: FieldType, _ path: String) -> Fact {
        diagnostics.append(.error("CASE012", "`\(path)` expects \(type.expectation), found \(value.kindDescription)",
                                  at: value.location, hint: Self.mismatchHint(value, type)))
        return Fact(.string(""), at: value.location)
    }

    /// How to write the value the schema wants, for the two mistakes people make most: one value where a list is
    /// expected, and yes/no where true/false is.
    static func mismatchHint(_ value: SourceValue, _ type: FieldType) -> String? {
        guard case .scalar(let text, _, _) = value else { return nil }
        switch type {
        case .list: return "write a list, even of one item: [\(text)]"
        case .bool: return text == "true" || text == "false" ? "write \(text) without quotes" : "write `true` or `false`"
        default: return nil
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
