import CaseModel
import DossierCore
import Rules

/// Builds what the templates read from a case and its resolved plan. Words that are labels come from the string
/// catalogs (`labels`), so every language has them; facts are shown as the case file wrote them.
public struct PacketContext: Sendable {
    public var caseFile: CaseFile
    public var plan: PacketPlan
    public var strings: StringCatalog
    /// The languages the packet is written in (the case's), primary first.
    public var languages: [String]

    public init(caseFile: CaseFile, plan: PacketPlan, strings: StringCatalog, languages: [String]) {
        self.caseFile = caseFile
        self.plan = plan
        self.strings = strings
        self.languages = languages
    }

    /// The whole context: `case`, `preparer`, `applicant`, `spouse`, `packet`.
    public func value(files: [String] = []) -> TemplateValue {
        .object([
            ("case", caseValue),
            ("preparer", preparer),
            ("applicant", person(caseFile.fact("applicant"))),
            ("spouse", person(caseFile.fact("\(section).intended_spouse"))),
            ("packet", packet),
            ("form", formWords),
        ])
    }

    /// The words a fixed bilingual form fills in, per form language whatever the case languages are
    /// (the statement's English half always reads English): `form.en.applicant_status`, `form.vi.…`.
    var formWords: TemplateValue {
        let applicant = caseFile.fact("applicant")
        let spouse = caseFile.fact("\(section).intended_spouse")
        func title(_ p: Fact?) -> String { p?["title"]?.string ?? (p?["sex"]?.string == "female" ? "ms" : "mr") }
        func nationality(_ p: Fact?) -> String {
            let c = p?["citizenship"]?.list?.compactMap(\.string) ?? []
            return c.contains("VN") ? "vn" : c.contains("US") ? "us" : "other"
        }
        let usesGreenCard = applicant.map(Self.usesGreenCard) ?? false
        let keys: [(String, String)] = [
            ("applicant_title", "title.\(title(applicant))"),
            ("applicant_status", "status.\(applicant?["us_status"]?.string ?? "none")"),
            ("pronoun", applicant?["sex"]?.string == "female" ? "pronoun.she" : "pronoun.he"),
            ("possessive", applicant?["sex"]?.string == "female" ? "possessive.she" : "possessive.he"),
            ("document_kind", usesGreenCard ? "document.green-card" : "document.passport"),
            ("spouse_title", "title.\(title(spouse))"),
            ("spouse_nationality", "nationality.\(nationality(spouse))"),
        ]
        return .object(strings.languages.map { lang in
            (lang, .object(keys.map { ($0.0, .string(strings.string("label.\($0.1)", language: lang) ?? "")) }))
        })
    }

    var section: String { CaseSchema.section(for: plan.procedure) ?? plan.procedure }

    var caseValue: TemplateValue {
        .object([
            ("id", .string(caseFile.id)),
            ("prepared_on", .date(caseFile.preparedOn ?? plan.evaluatedOn)),
            ("evaluated_on", .date(plan.evaluatedOn)),
        ])
    }

    var preparer: TemplateValue {
        guard let p = caseFile.fact("case.preparer") else { return .null }
        return .object([
            ("name", .string(p["name"]?.string ?? "")),
            ("address", .optional(p["address"]?.string.map(TemplateValue.string))),
            ("phone", .optional(p["phone"]?.string.map(TemplateValue.string))),
            ("email", .optional(p["email"]?.string.map(TemplateValue.string))),
            ("logo", .optional(p["logo"]?.string.map(TemplateValue.string))),
        ])
    }

    /// A person's facts as the documents print them (the words a form fills in are in `formWords`).
    func person(_ fact: Fact?) -> TemplateValue {
        guard let fact else { return .null }
        let address = fact["residence"].map { r in
            [r["street"]?.string, [r["city"]?.string, r["state"]?.string, r["postal_code"]?.string].compactMap { $0 }.joined(separator: " "),
             r["province"]?.string, r["country"]?.string].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
        let documentNumber = Self.usesGreenCard(fact) ? fact.lookup("green_card.number")?.string
            : (fact.lookup("passport.number")?.string ?? fact["id_number"]?.string)
        return .object([
            ("name", .string(PersonName.display(fact))),
            ("birth_date", .optional(fact.lookup("birth.date")?.date.map(TemplateValue.date))),
            ("birth_place", .optional(fact.lookup("birth.place")?.string.map(TemplateValue.string))),
            ("document_number", .optional(documentNumber.map(TemplateValue.string))),
            ("address", .optional(address.map(TemplateValue.string))),
            ("email", .optional(fact["email"]?.string.map(TemplateValue.string))),
            ("phone", .optional(fact["phone"]?.string.map(TemplateValue.string))),
        ])
    }

    /// A permanent resident with a card is identified by it; everyone else by passport.
    static func usesGreenCard(_ person: Fact) -> Bool {
        person["us_status"]?.string == "permanent-resident" && person["green_card"] != nil
    }

    var packet: TemplateValue {
        let verifies = plan.notices.filter { $0.kind == .verify }
        let warnings = plan.notices.filter { $0.kind == .warning }
        let instructions = plan.notices.filter { $0.kind == .instruction }
        let total = plan.fees.reduce(0) { $0 + $1.amount.minorUnits }
        let documents = plan.documents.map { (planned: $0, value: document($0)) }
        let submission = caseFile.fact("\(section).consulate_submission")?.string
        return .object([
            ("procedure", .string(plan.procedure)),
            ("title", .localized(plan.title)),
            ("authority", .localized(plan.authority)),
            ("verdict", .string(plan.verdict.rawValue)),
            ("verdict_label", label("verdict.\(plan.verdict.rawValue)")),
            ("reasons", .list(plan.reasons.map { .object([("message", .localized($0.message)), ("citation", .string($0.citation.short))]) })),
            ("mission", mission),
            ("filing_date", .optional(caseFile.fact("\(section).filing_in_vietnam.date")?.date.map(TemplateValue.date))),
            ("by_mail", .bool(submission == "mail")),
            ("in_person", .bool(submission == "in-person")),
            ("documents", .list(documents.map(\.value))),
            ("enclosures", .list(documents.filter(\.planned.enclosed).map(\.value))),
            ("requests", .list(documents.filter { !$0.planned.enclosed }.map(\.value))),
            ("fees", .list(plan.fees.map(fee))),
            ("fees_total", .string(Money(minorUnits: total, currency: plan.fees.first?.amount.currency ?? "USD").display)),
            ("deadlines", .list(plan.deadlines.map { d in
                .object([("title", .localized(d.title)), ("date", .date(d.date)), ("note", d.note.map(TemplateValue.localized) ?? .null)])
            })),
            ("instructions", .list(instructions.map(notice))),
            ("warnings", .list(warnings.map(notice))),
            ("verifies", .list(verifies.map(notice))),
        ])
    }

    var mission: TemplateValue {
        let address = plan.mission?.address ?? ""
        return .object([("name", .localized(plan.mission?.name ?? plan.authority)),
                        ("address", address.isEmpty ? .null : .string(address))])
    }

    func document(_ d: PlannedDocument) -> TemplateValue {
        .object([
            ("id", .string(d.id)),
            ("number", d.number.map(TemplateValue.number) ?? .null),
            ("title", .localized(d.title)),
            ("form", label("form.\(d.form)")),
            ("issuer", .localized(d.issuer)),
            ("obtain", .localized(d.obtain)),
            ("why", .localized(d.why)),
            ("steps", .list(d.steps.map { s in .object([("text", .localized(s.text)), ("note", s.note.map(TemplateValue.localized) ?? .null)]) })),
            ("valid_from", d.valid.map { .date($0.issuedOnOrAfter) } ?? .null),
            ("valid_anchor", d.valid.map { .date($0.anchor) } ?? .null),
            ("valid_months", d.valid.map { .number($0.months) } ?? .null),
            ("citation", .string(d.because.first?.citation.short ?? "")),
            ("quote", .optional(d.because.first?.citation.quote.map(TemplateValue.string))),
        ])
    }

    func fee(_ f: PlannedFee) -> TemplateValue {
        .object([("title", .localized(f.title)), ("note", f.note.map(TemplateValue.localized) ?? .null), ("amount", .money(f.amount)),
                 ("payable_to", .optional(f.payableTo.map(TemplateValue.string))),
                 ("citation", .string(f.because.first?.citation.short ?? ""))])
    }

    func notice(_ n: PlannedNotice) -> TemplateValue {
        .object([("code", .string(n.code)), ("title", n.title.map(TemplateValue.localized) ?? .null),
                 ("message", .localized(n.message)), ("citation", .string(n.citation.short))])
    }

    /// A catalog label in every packet language (the catalogs are checked to have every key in every language).
    func label(_ key: String) -> TemplateValue {
        .localized(LocalizedText(languages.compactMap { lang in strings.string("label.\(key)", language: lang).map { (lang, $0) } }))
    }
}
