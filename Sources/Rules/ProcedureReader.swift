import CaseModel
import DossierCore

/// Reads one procedure's folder into `ProcedureRules`, type-checking every condition against the case schema.
struct ProcedureReader {
    let sources: [SourceInfo]
    let jurisdictions: Jurisdictions
    var diagnostics: [Diagnostic] = []
    private var scope = TypeScope()
    private var chains: [String: [StepRule]] = [:]
    private var windows: [String: ValidityRule] = [:]

    static let stepKinds = ["obtain", "certified-copy", "certified-translation", "notarize", "county-clerk",
                            "secretary-of-state", "apostille", "us-department-of-state", "consular-legalization",
                            "sign", "photocopy", "seal", "other"]
    static let forms = ["original", "certified-copy", "copy", "notarized-copy"]

    init(sources: [SourceInfo], jurisdictions: Jurisdictions) {
        self.sources = sources
        self.jurisdictions = jurisdictions
    }

    mutating func read(procedure value: SourceValue, file: RuleFile, documents: [SourceValue], notices: [SourceValue],
                       deadlines: [SourceValue], fees: [SourceValue]) -> ProcedureRules? {
        guard var r = RecordReader(value, what: "a procedure", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true),
              let authority = r.localized("authority", required: true) else { return nil }
        if CaseSchema.section(for: id) == nil {
            r.diagnostics.append(.error("RULE017", "unknown procedure id `\(id)`", at: r.location))
        }
        let procedureSources = r.strings("sources")
        let derived = r.list("derived").compactMap { readDerived($0) }
        let needs = r.list("needs").compactMap { readNeed($0) }
        let verdicts = r.list("verdicts").compactMap { readVerdict($0) }
        if let chainMap = r.value("chains") {
            if case .map(let entries, _) = chainMap {
                for entry in entries {
                    guard case .list(let steps, _) = entry.value else { continue }
                    chains[entry.key] = steps.flatMap { readSteps($0, scope: scope) }
                }
            }
        }
        if case .map(let entries, _)? = r.value("windows") {
            for entry in entries { if let w = readWindow(entry.value, scope: scope) { windows[entry.key] = w } }
        }
        return ProcedureRules(
            id: id, title: title, authority: authority, sources: procedureSources, derived: derived, needs: needs,
            verdicts: verdicts, documents: documents.compactMap { readDocument($0) },
            notices: notices.compactMap { readNotice($0) }, deadlines: deadlines.compactMap { readDeadline($0) },
            fees: fees.compactMap { readFee($0) })
    }

    private mutating func readDerived(_ value: SourceValue) -> DerivedRule? {
        guard var r = RecordReader(value, what: "a derived fact", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let name = r.string("name", required: true),
              let expr = r.condition("value", scope: scope, expect: nil, required: true),
              case .success(let type) = TypeChecker(scope: scope).check(expr.expression) else { return nil }
        scope.derived.append((name, type))
        return DerivedRule(name: name, value: expr, type: type, citation: r.citation(sources: sources, required: false))
    }

    private mutating func readNeed(_ value: SourceValue) -> NeedRule? {
        guard var r = RecordReader(value, what: "a needed fact", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let path = r.string("path", required: true) else { return nil }
        if case .failure(let message) = scope.type(of: path) {
            r.diagnostics.append(.error("RULE021", "`path`: \(message)", at: r.location))
        }
        let when = r.condition("when", scope: scope) ?? .always(at: r.location)
        return NeedRule(path: path, when: when, why: r.string("why", required: true) ?? "", location: r.location)
    }

    private mutating func readVerdict(_ value: SourceValue) -> VerdictRule? {
        guard var r = RecordReader(value, what: "a verdict rule", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let text = r.string("verdict", required: true),
              let when = r.condition("when", scope: scope, required: true),
              let message = r.localized("message", required: true), let citation = r.citation(sources: sources) else { return nil }
        guard let verdict = VerdictRule.Verdict(rawValue: text) else {
            r.diagnostics.append(.error("RULE012", "`verdict` is eligible, needs-review or not-eligible", at: r.location))
            return nil
        }
        return VerdictRule(id: id, verdict: verdict, when: when, message: message, citation: citation, inForce: r.inForce())
    }

    /// A step map, or `{chain: NAME}` standing for a named list of steps.
    private mutating func readSteps(_ value: SourceValue, scope: TypeScope) -> [StepRule] {
        if let name = value["chain"]?.scalarText {
            guard let steps = chains[name] else {
                let hint = Suggestion.closest(to: name, in: chains.keys.sorted()).map { "did you mean `\($0)`?" }
                diagnostics.append(.error("RULE018", "unknown chain `\(name)`", at: value.location, hint: hint))
                return []
            }
            return steps
        }
        guard var r = RecordReader(value, what: "a step", diagnostics: &diagnostics) else { return [] }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let kind = r.string("kind", required: true), let text = r.localized("text", required: true) else { return [] }
        if !Self.stepKinds.contains(kind) {
            r.diagnostics.append(.error("RULE012", "unknown step kind `\(kind)`", at: r.location,
                                        hint: Suggestion.closest(to: kind, in: Self.stepKinds).map { "did you mean `\($0)`?" }))
        }
        return [StepRule(kind: kind, when: r.condition("when", scope: scope) ?? .always(at: r.location),
                         state: r.condition("state", scope: scope, expect: .string(allowed: nil)),
                         by: r.condition("by", scope: scope, expect: .string(allowed: nil)), to: r.string("to"),
                         group: r.condition("group", scope: scope, expect: .string(allowed: nil)), text: text,
                         note: r.localized("note"), citation: r.citation(sources: sources, required: false))]
    }

    private mutating func readDocument(_ value: SourceValue) -> DocumentRule? {
        guard var r = RecordReader(value, what: "a document", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        var docScope = scope
        let repeatFor = r.string("repeat_for")
        if let repeatFor {
            if case .success(.list(.object(let fields))) = scope.type(of: repeatFor) {
                docScope.item = fields
            } else {
                r.diagnostics.append(.error("RULE021", "`repeat_for` must name a list of objects", at: r.location))
            }
        }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true),
              let issuer = r.localized("issuer", required: true), let obtain = r.localized("obtain", required: true),
              let why = r.localized("why", required: true), let citation = r.citation(sources: sources) else { return nil }
        let form = r.string("form") ?? "original"
        if !Self.forms.contains(form) {
            r.diagnostics.append(.error("RULE012", "`form` is one of \(Self.forms.joined(separator: ", "))", at: r.location))
        }
        let steps = r.list("steps").flatMap { readSteps($0, scope: docScope) }
        var validity: ValidityRule?
        if let v = r.value("valid") {
            if let name = v.scalarText {
                validity = windows[name]
                if validity == nil {
                    r.diagnostics.append(.error("RULE018", "unknown window `\(name)`", at: v.location,
                                                hint: Suggestion.closest(to: name, in: windows.keys.sorted()).map { "did you mean `\($0)`?" }))
                }
            } else {
                validity = readWindow(v, scope: docScope)
            }
        }
        return DocumentRule(id: id, number: r.int("number"), title: title,
                            when: r.condition("when", scope: docScope) ?? .always(at: r.location), repeatFor: repeatFor,
                            required: r.bool("required", default: true), enclosed: r.bool("enclosed", default: true), form: form, issuer: issuer, obtain: obtain, why: why,
                            steps: steps, valid: validity, citation: citation, inForce: r.inForce(), location: r.location)
    }

    /// `{months, before, rule, citation}`: issued no more than `months` before the `before` date.
    private mutating func readWindow(_ value: SourceValue, scope: TypeScope) -> ValidityRule? {
        guard var r = RecordReader(value, what: "a validity window", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let months = r.int("months"), let before = r.condition("before", scope: scope, expect: .date, required: true),
              let rule = r.string("rule", required: true), let c = r.citation(sources: sources) else { return nil }
        return ValidityRule(months: months, before: before, rule: rule, citation: c)
    }

    private mutating func readNotice(_ value: SourceValue) -> NoticeRule? {
        guard var r = RecordReader(value, what: "a notice", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let code = r.string("code", required: true), let kindText = r.string("kind", required: true),
              let message = r.localized("message", required: true), let citation = r.citation(sources: sources) else { return nil }
        guard let kind = NoticeRule.Kind(rawValue: kindText) else {
            r.diagnostics.append(.error("RULE012", "`kind` is warning, verify or instruction", at: r.location))
            return nil
        }
        return NoticeRule(code: code, kind: kind, title: r.localized("title"),
                          when: r.condition("when", scope: scope) ?? .always(at: r.location), message: message,
                          citation: citation, inForce: r.inForce())
    }

    private mutating func readDeadline(_ value: SourceValue) -> DeadlineRule? {
        guard var r = RecordReader(value, what: "a deadline", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true),
              let date = r.condition("date", scope: scope, expect: .date, required: true),
              let citation = r.citation(sources: sources) else { return nil }
        return DeadlineRule(id: id, title: title, when: r.condition("when", scope: scope) ?? .always(at: r.location),
                            date: date, note: r.localized("note"), citation: citation, inForce: r.inForce())
    }

    private mutating func readFee(_ value: SourceValue) -> FeeRule? {
        guard var r = RecordReader(value, what: "a fee", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true) else { return nil }
        let editions = r.list("editions").compactMap { JurisdictionReader.fee($0, sources: sources, diagnostics: &r.diagnostics) }
        let per = r.string("per")
        if let per, !["secretary-of-state", "county-clerk"].contains(per) {
            r.diagnostics.append(.error("RULE012", "`per` is secretary-of-state or county-clerk", at: r.location))
        }
        if per == nil && editions.isEmpty {
            r.diagnostics.append(.error("RULE011", "a fee needs `editions` (amounts with dates) or `per`", at: r.location))
        }
        return FeeRule(id: id, title: title, when: r.condition("when", scope: scope) ?? .always(at: r.location),
                       payableTo: r.string("payable_to"), editions: editions, per: per,
                       unknownRate: r.localized("unknown_rate"), citation: r.citation(sources: sources, required: false))
    }
}
