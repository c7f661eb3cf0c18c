import DossierCore

/// Checks a parsed case against `CaseSchema` and builds typed facts; reports every problem, not just the first.
struct CaseValidator {
    let schema: CaseSchema
    private(set) var diagnostics: [Diagnostic] = []
    /// The case's people, validated first so that references to them can be checked and read through.
    private var people: [(id: String, fact: Fact)] = []
    private var peopleValidated = false

    init(schema: CaseSchema) { self.schema = schema }

    mutating func validateRoot(_ value: SourceValue) -> Fact {
        if let version = value["dossier"], case .scalar(let text, true, let at) = version, let number = Int(text),
           number != CaseSchema.formatVersion {
            diagnostics.append(Self.versionError(number, at: at))
            return Fact(.object([]), at: value.location)
        }
        if let peopleValue = value["people"] {
            let peopleFact = validate(peopleValue, as: .dictionary(.object(schema.person)), path: "people")
            if case .object(let entries) = peopleFact.value { people = entries.map { ($0.key, Self.person($0.fact, id: $0.key)) } }
            peopleValidated = true
        }
        var fact = validate(value, as: .object(schema.root), path: "")
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
        checkLanguages(fact)
        // `applicant` at the root is the person `case.applicant` names (default `applicant`).
        let applicantRef = fact.lookup("case.applicant")
        let applicantID = applicantRef?.string ?? "applicant"
        if let person = people.first(where: { $0.id == applicantID })?.fact {
            if case .object(var entries) = fact.value {
                entries.insert((key: "applicant", fact: person), at: min(2, entries.count))
                fact = Fact(.object(entries), at: fact.location)
            }
        } else if value["people"] != nil {
            let ids = people.map(\.id)
            diagnostics.append(.error("CASE017", "no person `\(applicantID)` under `people:` to be the applicant",
                                      at: applicantRef?.location ?? fact["people"]?.location ?? value.location,
                                      hint: Suggestion.closest(to: applicantID, in: ids).map { "did you mean `\($0)`?" }
                                          ?? (applicantRef == nil ? "name the applicant `applicant:` under `people:`, or set `case.applicant`" : nil)))
        }
        return fact
    }

    /// Format 1 named the applicant at the top level and the intended spouse inside the procedure's section.
    static func versionError(_ number: Int, at: SourceLocation) -> Diagnostic {
        if number == 1 {
            return Diagnostic(.error, "CASE015", "this is a format 1 case file; this Dossier reads format 2", at: at,
                              notes: ["format 2 names every person once under `people:` (an id you choose, then the person's facts)",
                                      "the applicant is `people.applicant` (or the id `case.applicant` names); a section refers to a person by id",
                                      "facts only one procedure needs moved from the person into that procedure's section (README, \"Case files\")"],
                              hint: "write `dossier: 2`, move `applicant:` under `people:` and the intended spouse beside it (see README \"Case files\")")
        }
        return .error("CASE015", "unsupported format version \(number); this Dossier reads `dossier: \(CaseSchema.formatVersion)`", at: at)
    }

    /// Each case language must be one every listed procedure is written in.
    private mutating func checkLanguages(_ fact: Fact) {
        guard let languages = fact.lookup("case.languages")?.list else { return }
        let procedures = fact.lookup("case.procedures")?.list?.compactMap(\.string).compactMap { schema.procedure($0) } ?? []
        for lang in languages {
            guard let code = lang.string, schema.languages.contains(code) else { continue }
            for p in procedures where !p.languages.contains(code) {
                diagnostics.append(.error("CASE018", "`\(p.id)` is written in \(p.languages.joined(separator: ", ")), not `\(code)`",
                                          at: lang.location, hint: "choose languages from: \(p.languages.joined(separator: ", "))"))
            }
        }
    }

    /// A loaded person: its id first, then its facts.
    static func person(_ fact: Fact, id: String) -> Fact {
        guard case .object(let entries) = fact.value else { return fact }
        return Fact(.object([(key: "id", fact: Fact(.string(id), at: fact.location))] + entries), at: fact.location)
    }

    private mutating func validate(_ value: SourceValue, as type: FieldType, path: String) -> Fact {
        let at = value.location
        switch type {
        case .object(let fields):
            guard case .map(let entries, _) = value else { return mismatch(value, type, path) }
            return Fact(.object(validateEntries(entries, fields: fields, path: path, at: at)), at: at)
        case .dictionary(let itemType):
            guard case .map(let entries, _) = value else { return mismatch(value, type, path) }
            if path == "people", peopleValidated {
                // Validated once, first; the root keeps the same facts.
                return Fact(.object(people.map { (key: $0.id, fact: $0.fact) }), at: at)
            }
            var result: [(key: String, fact: Fact)] = []
            for entry in entries {
                if !Self.isIdentifier(entry.key) {
                    diagnostics.append(.error("CASE012", "`\(entry.key)` is not an id: use letters, digits, `.`, `_` or `-`", at: entry.keyLocation))
                    continue
                }
                result.append((entry.key, validate(entry.value, as: itemType, path: "\(path).\(entry.key)")))
            }
            return Fact(.object(result), at: at)
        case .list(let itemType):
            guard case .list(let items, _) = value else { return mismatch(value, type, path) }
            let facts = items.enumerated().map { validate($1, as: itemType, path: "\(path)[\($0)]") }
            return Fact(.list(facts), at: at)
        default:
            guard case .scalar(let text, let plain, _) = value else { return mismatch(value, type, path) }
            return validateScalar(text, plain: plain, as: type, path: path, at: at) ?? mismatch(value, type, path)
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
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
            guard Self.isIdentifier(text) else { return nil }
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
            guard schema.languages.contains(text) else {
                diagnostics.append(.error("CASE014", "`\(path)`: Dossier writes \(schema.languages.map { "`\($0)`" }.joined(separator: ", ")), not `\(text)`", at: at,
                                          hint: Suggestion.closest(to: text, in: schema.languages).map { "did you mean `\($0)`?" }))
                return Fact(.string(text), at: at)
            }
            return Fact(.string(text), at: at)
        case .money:
            guard Money(decimal: text, currency: "USD") != nil else { return nil }
            return Fact(.string(text), at: at)
        case .person:
            guard let person = people.first(where: { $0.id == text }) else {
                diagnostics.append(.error("CASE017", "`\(path)`: no person `\(text)` under `people:`", at: at,
                                          hint: Suggestion.closest(to: text, in: people.map(\.id)).map { "did you mean `\($0)`?" }
                                              ?? "add `\(text):` under `people:` with the person's facts"))
                return Fact(.string(text), at: at)
            }
            return person.fact
        case .row(let table):
            let keys = schema.tableKeys[table] ?? []
            guard keys.contains(text) else {
                diagnostics.append(.error("CASE014", "`\(path)`: `\(text)` is not in the \(table) table", at: at,
                                          hint: Suggestion.closest(to: text, in: keys).map { "did you mean `\($0)`?" } ?? "one of: \(keys.joined(separator: ", "))"))
                return Fact(.string(text), at: at)
            }
            return Fact(.string(text), at: at)
        case .list, .object, .dictionary:
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
