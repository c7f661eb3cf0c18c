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
    /// The first mission a step's `by` named.
    private var missionOfSteps: MissionRule?

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
        stateNotes(for: documents)
        let deadlines = procedure.deadlines.compactMap { plan($0) }
        for rule in procedure.notices { plan(rule) }
        return PacketPlan(procedure: procedure.id, title: procedure.title, authority: procedure.authority, evaluatedOn: date,
                          verdict: verdict, reasons: reasons, documents: documents, fees: fees, deadlines: deadlines,
                          notices: notices, considered: considered,
                          derived: procedure.derived.map { ($0.name, evaluator.derived[$0.name]?.description ?? "(not given)") },
                          mission: missionOfSteps)
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
            valid = PlannedValidity(issuedOnOrAfter: anchor.adding(months: -v.months), anchor: anchor, months: v.months,
                                    rule: v.rule, citation: v.citation)
            because.append(Because(rule: v.rule, facts: uses(v.before.expression), citation: v.citation))
        }
        let steps = rule.steps.compactMap { plan($0, documentID: rule.id + idSuffix) }
        return PlannedDocument(id: rule.id + idSuffix, number: rule.number, title: fill(rule.title), required: rule.required,
                               enclosed: rule.enclosed,
                               form: rule.form, issuer: fill(rule.issuer), obtain: fill(rule.obtain), why: fill(rule.why),
                               steps: steps, valid: valid, because: because)
    }

    private mutating func plan(_ step: StepRule, documentID: String) -> PlannedStep? {
        guard evaluator.evaluate(step.when.expression).isTruthy else { return nil }
        var state: String?
        if let s = step.state, case .string(let code) = evaluator.evaluate(s.expression) { state = code }
        var by: LocalizedText?
        if let b = step.by, case .string(let who) = evaluator.evaluate(b.expression) {
            let mission = book.jurisdictions.mission(who)
            if missionOfSteps == nil { missionOfSteps = mission }
            by = mission?.name ?? LocalizedText(RuleBook.languages.map { ($0, who) })
        }
        var group: String?
        if let g = step.group, case .string(let key) = evaluator.evaluate(g.expression), !key.isEmpty { group = key }
        let stateName = state.flatMap { book.jurisdictions.state($0)?.name ?? USStates.name($0) } ?? state
        var values: [String: String] = ["state": stateName ?? ""]
        if let by { values["by"] = by.entries.first?.text ?? "" }
        return PlannedStep(kind: step.kind, state: state, stateName: stateName, by: by, to: step.to,
                           text: fill(step.text, extra: values, perLanguage: by),
                           note: step.note.map { fill($0, extra: values, perLanguage: by) }, group: group)
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

    /// A state's own caveat (Rules/jurisdictions) for every state a step happens in, once, in first-use order.
    private mutating func stateNotes(for documents: [PlannedDocument]) {
        var seen: [String] = []
        for state in documents.flatMap({ $0.steps.compactMap(\.state) }) where !seen.contains(state) {
            seen.append(state)
            guard let rule = book.jurisdictions.state(state), let note = rule.note else { continue }
            notices.append(PlannedNotice(code: "state-\(state.lowercased())", kind: .verify, title: nil, message: note,
                                         citation: rule.citation, facts: []))
        }
    }

    /// Fixed fees, and per-certificate fees counted from the planned steps (one certificate per group).
    private mutating func fees(for documents: [PlannedDocument]) -> [PlannedFee] {
        var out: [PlannedFee] = []
        for rule in procedure.fees where evaluator.evaluate(rule.when.expression).isTruthy {
            if let per = rule.per {
                out += perCertificateFees(rule, kind: per, documents: documents)
            } else if let current = rule.editions.first(where: { $0.inForce.contains(date) }) {
                out.append(PlannedFee(id: rule.id, title: fill(rule.title), note: current.note, amount: current.amount, quantity: 1, unitAmount: current.amount,
                                      payableTo: rule.payableTo, effective: current.inForce.effective,
                                      superseded: rule.editions.filter { $0 != current && ($0.inForce.until.map { $0 < date } ?? false) },
                                      because: [Because(rule: rule.id, facts: uses(rule.when.expression), citation: current.citation)]))
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
            let stateRule = book.jurisdictions.state(state)
            let editions = kind == "secretary-of-state" ? stateRule?.secretaryOfStateFees ?? [] : stateRule?.countyClerkFees ?? []
            guard let current = editions.first(where: { $0.inForce.contains(date) }) else {
                if let note = rule.unknownRate {
                    notices.append(PlannedNotice(code: "\(rule.id)-\(state.lowercased())-unknown", kind: .verify, title: nil,
                                                 message: note.substituting(["state": stateRule?.name ?? USStates.name(state) ?? state, "count": String(count)]),
                                                 citation: rule.citation ?? stateRule?.citation ?? Citation(source: nil, url: ""),
                                                 facts: []))
                }
                continue
            }
            let total = Money(minorUnits: current.amount.minorUnits * count, currency: current.amount.currency)
            let title = fill(rule.title).substituting(["state": stateRule?.name ?? USStates.name(state) ?? state, "count": String(count),
                                                       "unit": current.amount.display])
            out.append(PlannedFee(id: "\(rule.id)-\(state.lowercased())", title: title, note: current.note, amount: total, quantity: count,
                                  unitAmount: current.amount, payableTo: rule.payableTo, effective: current.inForce.effective,
                                  superseded: editions.filter { $0 != current && ($0.inForce.until.map { $0 < date } ?? false) },
                                  because: [Because(rule: rule.id, facts: [FactUse(path: "steps.\(kind).\(state)", value: "\(count) certificate(s)")],
                                                    citation: current.citation)]))
        }
        return out
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

    /// Fills `{path}` placeholders from the case and derived facts; `{by}` per language when a localized name is given.
    private func fill(_ text: LocalizedText, extra: [String: String] = [:], perLanguage: LocalizedText? = nil) -> LocalizedText {
        LocalizedText(text.entries.map { entry in
            var s = entry.text
            var values = extra
            if let byText = perLanguage?[entry.lang] { values["by"] = byText }
            for (key, value) in values.sorted(by: { $0.key < $1.key }) { s = s.replacingAll("{\(key)}", with: value) }
            return (entry.lang, fillPaths(s, lang: entry.lang))
        })
    }

    private func fillPaths(_ s: String, lang: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let path = String(rest[rest.index(after: open)..<close])
            if path.contains(".") { out += display(evaluator.value(at: path), path: path, lang: lang) }
            else { out += "{\(path)}" }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// How a fact reads inside a sentence: names joined from their parts, mission ids as the mission's name.
    private func display(_ v: RuleValue, path: String, lang: String) -> String {
        if v == .null, let fact = evaluator.caseFile.fact(path), case .object = fact.value {
            // A name object: printed in the person's name order, which depends on the person (`…name` → its parent).
            if path.hasSuffix(".name"), let person = evaluator.caseFile.fact(String(path.dropLast(5))) { return PersonName.display(person) }
            return ""
        }
        if case .string(let s) = v, let mission = book.jurisdictions.mission(s) { return mission.name[lang] ?? s }
        return v.description
    }
}
