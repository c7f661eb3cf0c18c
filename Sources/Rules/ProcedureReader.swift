import CaseModel
import DossierCore

/// Reads one procedure's folder into `ProcedureRules`, type-checking every condition and every text placeholder
/// against the case schema, and every text against the procedure's languages.
struct ProcedureReader {
    let sources: [SourceInfo]
    let languages: [String]
    var diagnostics: [Diagnostic] = []
    private var scope: TypeScope
    /// Chains as written, read anew at each use with its parameters bound.
    private var chains: [String: (parameters: [(name: String, value: String)], steps: [SourceValue])] = [:]
    private var windows: [String: ValidityRule] = [:]

    static let stepKinds = ["obtain", "certified-copy", "certified-translation", "notarize", "county-clerk",
                            "secretary-of-state", "apostille", "us-department-of-state", "consular-legalization",
                            "sign", "photocopy", "seal", "other"]
    static let forms = ["original", "certified-copy", "copy", "notarized-copy"]

    init(sources: [SourceInfo], languages: [String], schema: CaseSchema, tables: RuleTables) {
        self.sources = sources
        self.languages = languages
        self.scope = TypeScope(schema: schema, tables: tables)
    }

    mutating func read(procedure value: SourceValue, folder: String, documents: [SourceValue], notices: [SourceValue],
                       deadlines: [SourceValue], fees: [SourceValue]) -> ProcedureRules? {
        guard var r = RecordReader(value, what: "a procedure", languages: languages, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true),
              let authority = r.localized("authority", required: true) else { return nil }
        _ = r.strings("languages")
        if id != folder {
            r.diagnostics.append(.error("RULE017", "procedure `\(id)` must be in a folder named \(id)", at: r.location))
        }
        let procedureSources = r.strings("sources")
        for s in procedureSources where !sources.contains(where: { $0.file == s }) {
            r.diagnostics.append(.error("RULE015", "unknown source `\(s)` (not in Rules/sources.yaml)", at: r.location))
        }
        let derived = r.list("derived").compactMap { readDerived($0) }
        let needs = r.list("needs").compactMap { readNeed($0) }
        let verdicts = r.list("verdicts").compactMap { readVerdict($0) }
        if case .map(let entries, _)? = r.value("chains") { for entry in entries { readChain(entry) } }
        if case .map(let entries, _)? = r.value("windows") {
            for entry in entries { if let w = readWindow(entry.value, scope: scope) { windows[entry.key] = w } }
        }
        let words = readWords(r.value("words"))
        let summary = r.list("summary").compactMap { readSummary($0) }
        let recipient = r.value("recipient").flatMap { readRecipient($0) }
        var outputScope = scope
        outputScope.verdictReadable = true
        let outputs = r.list("outputs").compactMap { readOutput($0, scope: outputScope) }
        if outputs.isEmpty { r.diagnostics.append(.error("RULE011", "a procedure needs `outputs` (what it renders)", at: r.location)) }
        let procedure = ProcedureRules(
            id: id, title: title, authority: authority, languages: languages, sources: procedureSources, outputs: outputs,
            summary: summary, recipient: recipient, words: words, derived: derived, needs: needs,
            verdicts: verdicts, documents: documents.compactMap { readDocument($0) },
            notices: notices.compactMap { readNotice($0) }, deadlines: deadlines.compactMap { readDeadline($0) },
            fees: fees.compactMap { readFee($0) })
        diagnostics += EditionCheck.overlaps(in: procedure)
        return procedure
    }

    /// `name: [steps]`, or `name: {parameters: {p: default}, steps: [...]}`.
    private mutating func readChain(_ entry: SourceEntry) {
        switch entry.value {
        case .list(let steps, _):
            chains[entry.key] = ([], steps)
        case .map:
            guard var r = RecordReader(entry.value, what: "a chain", diagnostics: &diagnostics) else { return }
            var parameters: [(String, String)] = []
            if case .map(let ps, _)? = r.value("parameters") {
                for p in ps { parameters.append((p.key, p.value.scalarText ?? "")) }
            }
            chains[entry.key] = (parameters, r.list("steps"))
            r.finish()
            diagnostics += r.diagnostics
        default:
            diagnostics.append(.error("RULE012", "chain `\(entry.key)` must be a list of steps or {parameters, steps}", at: entry.value.location))
        }
    }

    private mutating func readWords(_ value: SourceValue?) -> [WordRule] {
        guard let value else { return [] }
        guard case .map(let entries, _) = value else {
            diagnostics.append(.error("RULE012", "`words` must map names to {value, key}", at: value.location))
            return []
        }
        return entries.compactMap { entry in
            guard var r = RecordReader(entry.value, what: "a word", diagnostics: &diagnostics) else { return nil }
            defer { r.finish(); diagnostics += r.diagnostics }
            guard let v = r.condition("value", scope: scope, expect: .string(allowed: nil), required: true),
                  let key = r.string("key", required: true) else { return nil }
            return WordRule(name: entry.key, value: v, key: key)
        }
    }

    private mutating func readSummary(_ value: SourceValue) -> SummaryRule? {
        guard var r = RecordReader(value, what: "a summary line", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let label = r.localized("label", required: true), let v = r.condition("value", scope: scope, expect: nil, required: true) else { return nil }
        return SummaryRule(label: label, value: v)
    }

    private mutating func readRecipient(_ value: SourceValue) -> RecipientRule? {
        guard var r = RecordReader(value, what: "a recipient", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        return RecipientRule(name: r.condition("name", scope: scope, expect: nil), address: r.condition("address", scope: scope, expect: nil))
    }

    private mutating func readOutput(_ value: SourceValue, scope: TypeScope) -> OutputRule? {
        guard var r = RecordReader(value, what: "an output", diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let template = r.string("template", required: true) else { return nil }
        return OutputRule(id: id, template: template, when: r.condition("when", scope: scope) ?? .always(at: r.location))
    }

    private mutating func readDerived(_ value: SourceValue) -> DerivedRule? {
        guard var r = RecordReader(value, what: "a derived fact", languages: languages, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let name = r.string("name", required: true),
              let expr = r.condition("value", scope: scope, expect: nil, required: true),
              case .success(let type) = TypeChecker(scope: scope).check(expr.expression) else { return nil }
        scope.derived.append((name, type))
        return DerivedRule(name: name, value: expr, type: type, citation: r.citation(sources: sources, required: false))
    }

    private mutating func readNeed(_ value: SourceValue) -> NeedRule? {
        guard var r = RecordReader(value, what: "a needed fact", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let path = r.string("path", required: true) else { return nil }
        if case .failure(let message) = scope.type(of: path) {
            r.diagnostics.append(.error("RULE021", "`path`: \(message)", at: r.location))
        }
        let when = r.condition("when", scope: scope) ?? .always(at: r.location)
        return NeedRule(path: path, when: when, why: r.localized("why", required: true) ?? LocalizedText(), location: r.location)
    }

    private mutating func readVerdict(_ value: SourceValue) -> VerdictRule? {
        guard var r = RecordReader(value, what: "a verdict rule", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
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

    /// A step map, or `{chain: NAME, with?: {parameter: value}}` standing for a named list of steps.
    private mutating func readSteps(_ value: SourceValue, scope: TypeScope, parameters: [String: String] = [:]) -> [StepRule] {
        if let name = value["chain"]?.scalarText {
            guard let chain = chains[name] else {
                let hint = Suggestion.closest(to: name, in: chains.keys.sorted()).map { "did you mean `\($0)`?" }
                diagnostics.append(.error("RULE018", "unknown chain `\(name)`", at: value.location, hint: hint))
                return []
            }
            var bound = parameters
            for p in chain.parameters { bound[p.name] = parameters[p.name] ?? p.value }
            if case .map(let given, _)? = value["with"] {
                for g in given {
                    guard chain.parameters.contains(where: { $0.name == g.key }) else {
                        diagnostics.append(.error("RULE016", "chain `\(name)` has no parameter `\(g.key)`", at: g.keyLocation,
                                                  hint: chain.parameters.isEmpty ? "it takes none" : "it takes \(chain.parameters.map(\.name).joined(separator: ", "))"))
                        continue
                    }
                    bound[g.key] = g.value.scalarText ?? ""
                }
            }
            for key in (value.mapKeys ?? []) where key.key != "chain" && key.key != "with" {
                diagnostics.append(.error("RULE016", "unknown key `\(key.key)` in a chain use", at: key.keyLocation, hint: "a chain use is {chain, with}"))
            }
            var chainScope = scope
            chainScope.words += bound.keys.sorted()
            return chain.steps.flatMap { readSteps($0, scope: chainScope, parameters: bound) }
        }
        var textScope = scope
        textScope.words += ["state", "by"] + parameters.keys.sorted()
        guard var r = RecordReader(value, what: "a step", languages: languages, textScope: textScope, diagnostics: &diagnostics) else { return [] }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let kind = r.string("kind", required: true), let text = r.localized("text", required: true) else { return [] }
        if !Self.stepKinds.contains(kind) {
            r.diagnostics.append(.error("RULE012", "unknown step kind `\(kind)`", at: r.location,
                                        hint: Suggestion.closest(to: kind, in: Self.stepKinds).map { "did you mean `\($0)`?" }))
        }
        var step = StepRule(kind: kind, when: r.condition("when", scope: textScope) ?? .always(at: r.location),
                         state: r.condition("state", scope: textScope, expect: .string(allowed: nil)),
                         by: r.condition("by", scope: textScope, expect: nil), to: r.string("to"),
                         group: r.condition("group", scope: textScope, expect: .string(allowed: nil)), text: text,
                         note: r.localized("note"), citation: r.citation(sources: sources, required: false), parameters: parameters)
        step.route = r.string("route")
        return [step]
    }

    private mutating func readDocument(_ value: SourceValue) -> DocumentRule? {
        var docScope = scope
        if let repeatFor = value["repeat_for"]?.scalarText {
            if case .success(.list(let itemType)) = scope.type(of: repeatFor) {
                docScope.item = itemType
            } else {
                diagnostics.append(.error("RULE021", "`repeat_for` must name a list", at: value["repeat_for"]?.location ?? value.location))
            }
        }
        guard var r = RecordReader(value, what: "a document", languages: languages, textScope: docScope, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        let repeatFor = r.string("repeat_for")
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
        var document = DocumentRule(id: id, number: r.int("number"), title: title,
                            when: r.condition("when", scope: docScope) ?? .always(at: r.location), repeatFor: repeatFor,
                            required: r.bool("required", default: true), enclosed: r.bool("enclosed", default: true), form: form,
                            sharedAs: r.string("shared_as"), issuer: issuer, obtain: obtain, why: why,
                            steps: steps, valid: validity, citation: citation, inForce: r.inForce(), location: r.location)
        document.sentToAuthority = r.condition("sent_to_authority", scope: docScope)
        document.tags = r.strings("tags")
        for tag in document.tags where tag.isEmpty || !tag.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
            r.diagnostics.append(.error("RULE012", "a tag is lower-case letters, digits and `_` (templates read `doc.tags.\(tag)`)", at: r.location))
        }
        return document
    }

    /// `{months, before, rule, citation}`: issued no more than `months` before the `before` date.
    private mutating func readWindow(_ value: SourceValue, scope: TypeScope) -> ValidityRule? {
        guard var r = RecordReader(value, what: "a validity window", languages: languages, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        let months = r.int("months"), days = r.int("days")
        guard (months == nil) != (days == nil) else {
            r.diagnostics.append(.error("RULE011", "a validity window gives `months` or `days` (one of them)", at: r.location))
            return nil
        }
        guard let before = r.condition("before", scope: scope, expect: .date, required: true),
              let rule = r.string("rule", required: true), let c = r.citation(sources: sources) else { return nil }
        return ValidityRule(months: months ?? 0, days: days, before: before, rule: rule, citation: c)
    }

    private mutating func readNotice(_ value: SourceValue) -> NoticeRule? {
        guard var r = RecordReader(value, what: "a notice", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
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
        guard var r = RecordReader(value, what: "a deadline", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true),
              let date = r.condition("date", scope: scope, expect: .date, required: true),
              let citation = r.citation(sources: sources) else { return nil }
        return DeadlineRule(id: id, title: title, when: r.condition("when", scope: scope) ?? .always(at: r.location),
                            date: date, note: r.localized("note"), citation: citation, inForce: r.inForce())
    }

    private mutating func readFee(_ value: SourceValue) -> FeeRule? {
        guard var r = RecordReader(value, what: "a fee", languages: languages, textScope: scope, diagnostics: &diagnostics) else { return nil }
        defer { r.finish(); diagnostics += r.diagnostics }
        guard let id = r.string("id", required: true), let title = r.localized("title", required: true, words: ["state", "count", "unit"]) else { return nil }
        let editions = r.list("editions").compactMap { FeeEditionReader.read($0, languages: languages, sources: sources, diagnostics: &r.diagnostics) }
        let per = r.string("per")
        if let per, !Self.stepKinds.contains(per) {
            r.diagnostics.append(.error("RULE012", "`per` is a step kind (\(Self.stepKinds.joined(separator: ", ")))", at: r.location))
        }
        var rate: RateRule?
        if let rateValue = r.value("rate") {
            if var rr = RecordReader(rateValue, what: "a rate", diagnostics: &r.diagnostics) {
                if let table = rr.string("table", required: true), let column = rr.string("column", required: true) {
                    let note = rr.string("note")
                    if let t = scope.tables[table] {
                        for c in [column] + (note.map { [$0] } ?? []) where t.column(c) == nil {
                            rr.diagnostics.append(.error("RULE018", "no column `\(c)` in \(table)", at: rr.location,
                                                         hint: Suggestion.closest(to: c, in: t.columns.map(\.name)).map { "did you mean `\($0)`?" }))
                        }
                    } else {
                        rr.diagnostics.append(.error("RULE018", "unknown table `\(table)`", at: rr.location))
                    }
                    rate = RateRule(table: table, column: column, note: note)
                }
                rr.finish()
                r.diagnostics += rr.diagnostics
            }
        }
        if per != nil && rate == nil { r.diagnostics.append(.error("RULE011", "a fee `per` certificate needs its `rate` (table and column)", at: r.location)) }
        if per == nil && editions.isEmpty {
            r.diagnostics.append(.error("RULE011", "a fee needs `editions` (amounts with dates) or `per` with a `rate`", at: r.location))
        }
        return FeeRule(id: id, title: title, when: r.condition("when", scope: scope) ?? .always(at: r.location),
                       payableTo: r.string("payable_to"), editions: editions,
                       quantity: r.condition("quantity", scope: scope, expect: .integer), per: per, rate: rate,
                       unknownRate: r.localized("unknown_rate", words: ["state", "count"]), citation: r.citation(sources: sources, required: false))
    }
}
