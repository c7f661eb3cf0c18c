import CaseModel
import DossierCore

/// Applies one procedure's rules to one case; the steps of `resolve` in the order the packet is read.
struct PlanBuilder {
    let book: RuleBook
    let procedure: ProcedureRules
    var evaluator: Evaluator
    let date: CalendarDate
    private var considered: [Consideration] = []
    private var notices: [PlannedNotice] = []

    init(book: RuleBook, procedure: ProcedureRules, evaluator: Evaluator, date: CalendarDate) {
        self.book = book
        self.procedure = procedure
        self.evaluator = evaluator
        self.date = date
    }

    mutating func build() -> PacketPlan {
        let (verdict, reasons) = verdict()
        let documents = procedure.documents.flatMap { plan($0) }
        let fees = self.fees(for: documents)
        // In date order, as a reader acts on them; rules of the same day keep the rule book's order.
        let deadlines = procedure.deadlines.compactMap { plan($0) }.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        for rule in procedure.notices { plan(rule) }
        let recipient = PlannedRecipient(name: procedure.recipient?.name.flatMap { localized(evaluator.evaluate($0.expression)) },
                                         address: procedure.recipient?.address.flatMap { text(evaluator.evaluate($0.expression)) })
        let summary = procedure.summary.compactMap { line -> PlannedLine? in
            let v = evaluator.evaluate(line.value.expression)
            guard v != .null else { return nil }
            let path: String? = { if case .path(let p) = line.value.expression { return p } else { return nil } }()
            return PlannedLine(label: line.label, value: LocalizedText(procedure.languages.map { ($0, display(v, path: path, lang: $0)) }))
        }
        let words = procedure.words.compactMap { w -> PlannedWord? in
            guard case .string(let value) = evaluator.evaluate(w.value.expression).comparable else { return nil }
            return PlannedWord(name: w.name, key: "\(w.key).\(value)")
        }
        var outputEvaluator = evaluator
        outputEvaluator.words["verdict"] = .string(verdict.rawValue)
        let outputs = procedure.outputs.filter { outputEvaluator.evaluate($0.when.expression).isTruthy }
            .map { PlannedOutput(id: $0.id, template: $0.template) }
        return PacketPlan(procedure: procedure.id, title: procedure.title, authority: procedure.authority, evaluatedOn: date,
                          verdict: verdict, reasons: reasons, documents: documents, fees: fees, deadlines: deadlines,
                          notices: notices, considered: considered,
                          derived: procedure.derived.map { ($0.name, evaluator.derived[$0.name] ?? .null) },
                          recipient: recipient, summary: summary, words: words, outputs: outputs)
    }

    /// A value as text in every language (a row's name, a localized text, or the value itself).
    private func localized(_ v: RuleValue) -> LocalizedText? {
        v == .null ? nil : LocalizedText(procedure.languages.map { ($0, display(v, lang: $0)) })
    }

    private func text(_ v: RuleValue) -> String? {
        v == .null ? nil : display(v, lang: procedure.languages.first ?? "en")
    }

    private func verdict() -> (VerdictRule.Verdict, [PlannedReason]) {
        var verdict = VerdictRule.Verdict.eligible
        var reasons: [PlannedReason] = []
        for rule in procedure.verdicts where rule.inForce.contains(date) && evaluator.evaluate(rule.when.expression).isTruthy {
            verdict = max(verdict, rule.verdict)
            reasons.append(PlannedReason(rule: rule.id, verdict: rule.verdict, message: fill(rule.message), citation: rule.citation))
        }
        return (verdict, reasons)
    }

    /// One document rule → zero, one, or (with `repeat_for`) several planned documents.
    private mutating func plan(_ rule: DocumentRule) -> [PlannedDocument] {
        guard rule.inForce.contains(date) else {
            considered.append(Consideration(rule: rule.id, included: false, condition: rule.when.text, facts: [],
                                            reason: "not in force on \(date.iso)", citation: rule.citation))
            return []
        }
        guard let listPath = rule.repeatFor else { return planOne(rule, idSuffix: "").map { [$0] } ?? [] }
        let items = evaluator.caseFile.fact(listPath)?.list ?? []
        if items.isEmpty {
            considered.append(Consideration(rule: rule.id, included: false, condition: rule.when.text,
                                            facts: [FactUse(path: listPath, value: "(none)")],
                                            reason: "no entries in `\(listPath)`", citation: rule.citation))
        }
        var out: [PlannedDocument] = []
        let saved = evaluator
        // Ids get a number only when the rule yields several documents (two divorces → divorce-decree-1, -2).
        let matching = items.indices.filter { index in
            evaluator.item = items[index]
            return evaluator.evaluate(rule.when.expression).isTruthy
        }
        for (index, item) in items.enumerated() {
            evaluator.item = item
            evaluator.itemPath = "\(listPath)[\(index)]"
            let ordinal = matching.firstIndex(of: index).map { $0 + 1 }
            // An entry the rule leaves out is named by its place in the list, for `explain`.
            let suffix = ordinal.map { matching.count > 1 ? "-\($0)" : "" } ?? (items.count > 1 ? "-entry-\(index + 1)" : "")
            if let doc = planOne(rule, idSuffix: suffix) { out.append(doc) }
        }
        evaluator = saved
        return out
    }

    private mutating func planOne(_ rule: DocumentRule, idSuffix: String) -> PlannedDocument? {
        let facts = uses(rule.when.expression)
        let included = evaluator.evaluate(rule.when.expression).isTruthy
        considered.append(Consideration(rule: rule.id + idSuffix, included: included, condition: rule.when.text, facts: facts,
                                        reason: included ? "condition holds" : "condition does not hold", citation: rule.citation))
        guard included else { return nil }
        var because = [Because(rule: rule.id, facts: facts, citation: rule.citation)]
        var valid: PlannedValidity?
        if let v = rule.valid, case .date(let anchor) = evaluator.evaluate(v.before.expression) {
            let start = v.days.map { anchor.adding(days: -$0) } ?? Functions.earliestIssue(before: anchor, months: v.months)
            valid = PlannedValidity(issuedOnOrAfter: start, anchor: anchor, months: v.months, days: v.days,
                                    rule: v.rule, citation: v.citation)
            because.append(Because(rule: v.rule, facts: uses(v.before.expression), citation: v.citation))
        }
        let steps = rule.steps.compactMap { plan($0, documentID: rule.id + idSuffix) }
        var document = PlannedDocument(id: rule.id + idSuffix, number: rule.number, title: fill(rule.title), required: rule.required,
                               enclosed: rule.enclosed,
                               form: rule.form, sharedAs: rule.sharedAs, issuer: fill(rule.issuer), obtain: fill(rule.obtain), why: fill(rule.why),
                               steps: steps, valid: valid, because: because)
        document.sentToAuthority = rule.sentToAuthority.map { evaluator.evaluate($0.expression).isTruthy } ?? true
        document.tags = rule.tags
        return document
    }

    private mutating func plan(_ step: StepRule, documentID: String) -> PlannedStep? {
        let saved = evaluator.words
        defer { evaluator.words = saved }
        for (name, value) in step.parameters { evaluator.words[name] = .string(value) }
        guard evaluator.evaluate(step.when.expression).isTruthy else { return nil }
        var state: String?
        if let s = step.state, let code = RuleTables.keyText(evaluator.evaluate(s.expression)) { state = code }
        let by = step.by.flatMap { localized(evaluator.evaluate($0.expression)) }
        var group: String?
        if let g = step.group, case .string(let key) = evaluator.evaluate(g.expression), !key.isEmpty { group = key }
        let stateName = state.map { USStates.name($0) ?? $0 }
        evaluator.words["state"] = stateName.map(RuleValue.string) ?? .null
        evaluator.words["by"] = by.map(RuleValue.localized) ?? .null
        return PlannedStep(kind: step.kind, state: state, stateName: stateName, by: by, to: step.to,
                           text: fill(step.text), note: step.note.map { fill($0) }, group: group, route: step.route)
    }

    private mutating func plan(_ rule: DeadlineRule) -> PlannedDeadline? {
        guard rule.inForce.contains(date), evaluator.evaluate(rule.when.expression).isTruthy,
              case .date(let d) = evaluator.evaluate(rule.date.expression) else { return nil }
        return PlannedDeadline(id: rule.id, title: fill(rule.title), date: d, note: rule.note.map { fill($0) },
                               because: [Because(rule: rule.id, facts: uses(rule.date.expression) + uses(rule.when.expression), citation: rule.citation)])
    }

    private mutating func plan(_ rule: NoticeRule) {
        guard rule.inForce.contains(date), evaluator.evaluate(rule.when.expression).isTruthy else { return }
        notices.append(PlannedNotice(code: rule.code, kind: rule.kind, title: rule.title.map { fill($0) }, message: fill(rule.message),
                                     citation: rule.citation, facts: uses(rule.when.expression)))
    }

    /// Fixed fees, and per-certificate fees counted from the planned steps (one certificate per group).
    private mutating func fees(for documents: [PlannedDocument]) -> [PlannedFee] {
        var out: [PlannedFee] = []
        for rule in procedure.fees where evaluator.evaluate(rule.when.expression).isTruthy {
            if let per = rule.per {
                out += perCertificateFees(rule, kind: per, documents: documents)
            } else if let current = rule.editions.first(where: { $0.inForce.contains(date) }) {
                var count = 1
                if let q = rule.quantity, case .integer(let n) = evaluator.evaluate(q.expression) { count = n }
                guard count > 0 else { continue }
                let total = Money(minorUnits: current.amount.minorUnits * count, currency: current.amount.currency)
                let facts = uses(rule.when.expression) + (rule.quantity.map { uses($0.expression) } ?? [])
                out.append(PlannedFee(id: rule.id, title: fill(rule.title, words: ["count": String(count), "unit": current.amount.display]),
                                      note: current.note, amount: total, quantity: count, unitAmount: current.amount,
                                      payableTo: rule.payableTo, effective: current.inForce.effective,
                                      superseded: rule.editions.filter { $0 != current && ($0.inForce.until.map { $0 < date } ?? false) },
                                      because: [Because(rule: rule.id, facts: facts, citation: current.citation)]))
            }
        }
        return out
    }

    private mutating func perCertificateFees(_ rule: FeeRule, kind: String, documents: [PlannedDocument]) -> [PlannedFee] {
        // Certificates per state, in first-seen order; steps sharing a group share a certificate.
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for doc in documents {
            for (i, step) in doc.steps.enumerated() where step.kind == kind {
                guard let state = step.state else { continue }
                if groups[state] == nil { order.append(state); groups[state] = [] }
                let key = step.group ?? "\(doc.id)#\(i)"
                if !groups[state]!.contains(key) { groups[state]!.append(key) }
            }
        }
        var out: [PlannedFee] = []
        for state in order {
            let count = groups[state]!.count
            let stateName = USStates.name(state) ?? state
            // The rate table's rows for the state are the rate's editions.
            let rows = rule.rate.flatMap { book.tables[$0.table] }?.rows.filter { $0.key == state } ?? []
            let editions: [FeeEdition] = rows.compactMap { row in
                guard let rate = rule.rate, case .string(let amount)? = row.cells[rate.column], let money = Money(decimal: amount, currency: "USD") else { return nil }
                var note: LocalizedText?
                if let n = rate.note, case .localized(let t)? = row.cells[n] { note = t }
                return FeeEdition(amount: money, inForce: row.inForce, note: note, citation: row.citation, location: row.location)
            }
            guard let current = editions.first(where: { $0.inForce.contains(date) }) else {
                if let note = rule.unknownRate {
                    notices.append(PlannedNotice(code: "\(rule.id)-\(state.lowercased())-unknown", kind: .verify, title: nil,
                                                 message: fill(note, words: ["state": stateName, "count": String(count)]),
                                                 citation: rule.citation ?? rows.first?.citation ?? Citation(source: nil, url: ""),
                                                 facts: []))
                }
                continue
            }
            let total = Money(minorUnits: current.amount.minorUnits * count, currency: current.amount.currency)
            let title = fill(rule.title, words: ["state": stateName, "count": String(count), "unit": current.amount.display])
            out.append(PlannedFee(id: "\(rule.id)-\(state.lowercased())", title: title, note: current.note, amount: total, quantity: count,
                                  unitAmount: current.amount, payableTo: rule.payableTo, effective: current.inForce.effective,
                                  superseded: editions.filter { $0 != current && ($0.inForce.until.map { $0 < date } ?? false) },
                                  because: [Because(rule: rule.id, facts: [FactUse(path: "steps.\(kind).\(state)", value: "\(count) certificate(s)")],
                                                    citation: current.citation)]))
        }
        return out
    }

    /// The cited derived facts with the facts each was computed from, for `explain`.
    func derivedBecause() -> [Because] {
        procedure.derived.compactMap { rule in rule.citation.map { Because(rule: "derived." + rule.name, facts: uses(rule.value.expression), citation: $0) } }
    }

    /// The facts an expression read, with their values (paths made concrete for `item`).
    private func uses(_ e: Expression) -> [FactUse] {
        var out: [FactUse] = []
        var seen: [String] = []
        func add(_ paths: [String]) {
            for path in paths where !seen.contains(path) {
                seen.append(path)
                out.append(FactUse(path: evaluator.concretePath(path), value: evaluator.value(at: path).description))
                // A derived fact is explained by the case facts it was computed from.
                if path.hasPrefix("derived."), let rule = procedure.derived.first(where: { "derived." + $0.name == path }) {
                    add(rule.value.expression.paths)
                }
            }
        }
        add(e.paths)
        return out
    }

    /// Fills `{path}` placeholders (checked when the rule book loaded) from the case, derived facts and bare words.
    private func fill(_ text: LocalizedText, words: [String: String] = [:]) -> LocalizedText {
        var e = evaluator
        for (k, v) in words { e.words[k] = .string(v) }
        return LocalizedText(text.entries.map { entry in (entry.lang, fillPaths(entry.text, lang: entry.lang, evaluator: e)) })
    }

    private func fillPaths(_ s: String, lang: String, evaluator e: Evaluator) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let path = String(rest[rest.index(after: open)..<close])
            out += display(e.value(at: path), path: path, lang: lang, evaluator: e)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// How a value reads inside a sentence: names joined from their parts, rows by their name, text in the language.
    private func display(_ v: RuleValue, path: String? = nil, lang: String, evaluator e: Evaluator? = nil) -> String {
        let e = e ?? evaluator
        if v == .null, let path, path.hasSuffix(".name") {
            // A name object: printed in the person's name order, which depends on the person (`…name` → its parent).
            let personPath = String(path.dropLast(5))
            let person = personPath == "item" ? e.item : (personPath.hasPrefix("item.") ? e.item?.lookup(String(personPath.dropFirst(5))) : e.caseFile.fact(personPath))
            if let person { return PersonName.display(person, familyNameFirst: book.schema.familyNameFirst) }
        }
        // A choice prints its label in the language ("By mail"), not its value ("mail").
        if let path, !path.hasPrefix("derived."), let schemaPath = e.schemaPath(path), case .string(let s) = v,
           let label = book.schema.field(at: schemaPath.split(separator: ".").map(String.init))?.choiceLabels[s]?[lang] {
            return label
        }
        return v.text(in: lang, tables: book.tables, on: date)
    }
}
