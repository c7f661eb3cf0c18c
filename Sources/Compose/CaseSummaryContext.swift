import CaseModel
import DossierCore
import Rules

/// What the case summary of a combined case reads: every packet's verdict, what comes first, every deadline in date
/// order, the fees totalled by payee, and the papers several packets share (prepared once).
public struct CaseSummaryContext: Sendable {
    public var caseFile: CaseFile
    public var plans: [PacketPlan]
    public var strings: StringCatalog
    public var languages: [String]
    public var book: RuleBook

    public init(caseFile: CaseFile, plans: [PacketPlan], strings: StringCatalog, languages: [String], book: RuleBook) {
        self.caseFile = caseFile
        self.plans = plans
        self.strings = strings
        self.languages = languages
        self.book = book
    }

    public func value() -> TemplateValue {
        let one = plans.first.map { PacketContext(caseFile: caseFile, plan: $0, strings: strings, languages: languages, book: book) }
        let deadlines = plans.flatMap { plan in plan.deadlines.map { (plan, $0) } }
            .sorted { ($0.1.date, $0.0.procedure) < ($1.1.date, $1.0.procedure) }
        let evaluated = plans.first?.evaluatedOn
        let upcoming = deadlines.first { entry in evaluated.map { entry.1.date >= $0 } ?? true }
        return .object([
            ("case", one?.caseValue ?? .null),
            ("preparer", one?.preparer ?? .null),
            ("applicant", one?.person(caseFile.fact("applicant"), fields: CaseSchema.withID(book.schema.person)) ?? .null),
            ("packets", .list(plans.map(packet))),
            ("first", upcoming.map { d in
                .object([("date", .date(d.1.date)), ("title", .localized(d.1.title)), ("packet", .localized(d.0.title))])
            } ?? .null),
            ("deadlines", .list(deadlines.map { plan, d in
                .object([("date", .date(d.date)), ("title", .localized(d.title)), ("packet", .localized(plan.title))])
            })),
            ("fees", feesByPayee),
            ("shared", .list(shared)),
        ])
    }

    func packet(_ plan: PacketPlan) -> TemplateValue {
        let reasons: [TemplateValue] = plan.reasons.map { .object([("message", .localized($0.message))]) }
        return .object([
            ("procedure", .string(plan.procedure)),
            ("title", .localized(plan.title)),
            ("verdict", .string(plan.verdict.rawValue)),
            ("verdict_label", label("verdict.\(plan.verdict.rawValue)")),
            ("reasons", .list(reasons)),
            ("documents", .number(plan.documents.count)),
        ])
    }

    /// Totals per payee, in first-seen order, and the grand total (one currency, as every fee is today).
    var feesByPayee: TemplateValue {
        var order: [String] = []
        var totals: [String: Int] = [:]
        for fee in plans.flatMap(\.fees) {
            let payee = fee.payableTo ?? ""
            if totals[payee] == nil { order.append(payee) }
            totals[payee, default: 0] += fee.amount.minorUnits
        }
        let currency = plans.flatMap(\.fees).first?.amount.currency ?? "USD"
        return .object([
            ("by_payee", .list(order.map { payee in
                .object([("payee", payee.isEmpty ? .null : .string(payee)),
                         ("amount", .money(Money(minorUnits: totals[payee]!, currency: currency)))])
            })),
            ("total", .money(Money(minorUnits: totals.values.reduce(0, +), currency: currency))),
        ])
    }

    /// Each shared paper once, with the packets that use it.
    var shared: [TemplateValue] {
        var seen: [String] = []
        var out: [TemplateValue] = []
        for plan in plans {
            for document in plan.documents {
                guard let key = document.sharedAs, !document.sharedWith.isEmpty, !seen.contains(key) else { continue }
                seen.append(key)
                let users = [plan.title] + document.sharedWith
                out.append(.object([("title", .localized(document.title)),
                                    ("packets", .localized(LocalizedText(languages.map { lang in
                                        (lang, users.map { $0[lang] ?? $0.entries.first?.text ?? "" }.joined(separator: " · "))
                                    })))]))
            }
        }
        return out
    }

    func label(_ key: String) -> TemplateValue {
        .localized(LocalizedText(languages.compactMap { lang in strings.string("label.\(key)", language: lang).map { (lang, $0) } }))
    }
}
