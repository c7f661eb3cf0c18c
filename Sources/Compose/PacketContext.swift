import CaseModel
import DossierCore
import Rules

/// Builds what the templates read from a case and its resolved plan. Nothing here knows a procedure: the case's
/// facts (every declared field, `null` when not given), the derived facts, the words a form prints and the plan.
/// Words that are labels come from the string catalogs (`labels`), so every language has them.
public struct PacketContext: Sendable {
    public var caseFile: CaseFile
    public var plan: PacketPlan
    public var strings: StringCatalog
    /// The languages the packet is written in (the case's), primary first.
    public var languages: [String]
    public var book: RuleBook

    public init(caseFile: CaseFile, plan: PacketPlan, strings: StringCatalog, languages: [String], book: RuleBook) {
        self.caseFile = caseFile
        self.plan = plan
        self.strings = strings
        self.languages = languages
        self.book = book
    }

    /// The whole context: `case`, `preparer`, `applicant`, `facts`, `derived`, `words`, `packet`.
    public func value() -> TemplateValue {
        .object([
            ("case", caseValue),
            ("preparer", preparer),
            ("applicant", person(caseFile.fact("applicant"), fields: CaseSchema.withID(book.schema.person))),
            ("facts", facts),
            ("derived", derived),
            ("words", words),
            ("packet", packet),
        ])
    }

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

    /// The procedure's section as written, every declared field present (`null` when not given).
    var facts: TemplateValue {
        guard let section = book.schema.procedure(plan.procedure) else { return .object([]) }
        return .object([(section.section, object(caseFile.fact(section.section), fields: section.fields))])
    }

    /// Every declared field; an absent one reads as its literal default (`default:`), else null.
    func object(_ fact: Fact?, fields: [FieldSpec]) -> TemplateValue {
        .object(fields.map { spec in
            (spec.name, value(fact?[spec.name] ?? spec.defaultValue.map { Fact($0, at: fact?.location ?? .file("")) }, type: spec.type))
        })
    }

    func value(_ fact: Fact?, type: FieldType) -> TemplateValue {
        guard let fact else { return .null }
        switch type {
        case .person: return person(fact, fields: CaseSchema.withID(book.schema.person))
        case .object(let fields): return object(fact, fields: fields)
        case .list(let item): return .list((fact.list ?? []).map { value($0, type: item) })
        case .dictionary(let item):
            guard case .object(let entries) = fact.value else { return .null }
            return .object(entries.map { ($0.key, value($0.fact, type: item)) })
        case .bool: return .bool(fact.bool ?? false)
        case .integer: return .number(fact.integer ?? 0)
        case .date: return fact.date.map(TemplateValue.date) ?? .null
        case .oneOf: return .string(fact.string ?? "")
        case .country:
            guard let code = fact.string else { return .null }
            return countryName(code).map { .named(code: code, name: $0) } ?? .string(code)
        default: return .string(fact.string ?? "")
        }
    }

    /// A country's name in every language of the rule book's country table (`country_names`), if it has the code.
    func countryName(_ code: String) -> LocalizedText? {
        book.schema.countryNames.flatMap { book.tables.name(of: $0, key: code, on: plan.evaluatedOn) }
    }

    /// An address's country by name, in English where the table has it: an address line is printed once, and
    /// post and the authorities' forms read the country line in English.
    func countryInAddress(_ code: String) -> String {
        guard let name = countryName(code) else { return code }
        return name["en"] ?? languages.first.flatMap { name[$0] } ?? code
    }

    /// A person's facts as written, with `name` as printed (in the person's order) and the few lines documents print.
    func person(_ fact: Fact?, fields: [FieldSpec]) -> TemplateValue {
        guard let fact, case .object(var pairs) = object(fact, fields: fields) else { return .null }
        let address = fact["residence"].map { r in
            [r["street"]?.string, [r["city"]?.string, r["state"]?.string, r["postal_code"]?.string].compactMap { $0 }.joined(separator: " "),
             r["province"]?.string, r["country"]?.string.map(countryInAddress)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
        let usesGreenCard = fact["us_status"]?.string == "permanent-resident" && fact["green_card"] != nil
        let documentNumber = usesGreenCard ? fact.lookup("green_card.number")?.string
            : (fact.lookup("passport.number")?.string ?? fact["id_number"]?.string)
        if let i = pairs.firstIndex(where: { $0.key == "name" }) { pairs[i].value = .string(PersonName.display(fact, familyNameFirst: book.schema.familyNameFirst)) }
        pairs += [
            ("birth_date", .optional(fact.lookup("birth.date")?.date.map(TemplateValue.date))),
            ("birth_place", .optional(fact.lookup("birth.place")?.string.map(TemplateValue.string))),
            ("document_number", .optional(documentNumber.map(TemplateValue.string))),
            ("address", .optional(address.map(TemplateValue.string))),
        ]
        return .object(pairs)
    }

    /// Derived facts by name: flags for `t:if`, numbers, dates, and text in the packet's languages.
    var derived: TemplateValue {
        .object(plan.derived.map { d in
            switch d.value {
            case .bool(let b): return (d.name, .bool(b))
            case .integer(let i): return (d.name, .number(i))
            case .date(let date): return (d.name, .date(date))
            case .null: return (d.name, .null)
            case .string(let s): return (d.name, .string(s))
            default: return (d.name, .localized(LocalizedText(languages.map { ($0, d.value.text(in: $0, tables: book.tables, on: plan.evaluatedOn)) })))
            }
        })
    }

    /// The words a fixed bilingual form fills in, per catalog language whatever the case languages are
    /// (a statement's English half always reads English): `words.en.applicant_title`, `words.vi.…`.
    var words: TemplateValue {
        .object(strings.languages.map { lang in
            (lang, .object(plan.words.map { ($0.name, .string(strings.string($0.key, language: lang) ?? "")) }))
        })
    }

    var packet: TemplateValue {
        let verifies = plan.notices.filter { $0.kind == .verify }
        let warnings = plan.notices.filter { $0.kind == .warning }
        let instructions = plan.notices.filter { $0.kind == .instruction }
        let total = plan.fees.reduce(0) { $0 + $1.amount.minorUnits }
        // One numbering for the whole packet: 1…n in checklist order, so the letter's enclosures (the same values)
        // carry the checklist's numbers; the rule book's own item number is kept as `source_number`.
        let tags = declaredTags
        let documents = plan.documents.enumerated().map { (planned: $1, value: document($1, number: $0 + 1, tags: tags)) }
        return .object([
            ("procedure", .string(plan.procedure)),
            ("title", .localized(plan.title)),
            ("authority", .localized(plan.authority)),
            ("verdict", .string(plan.verdict.rawValue)),
            ("verdict_label", label("verdict.\(plan.verdict.rawValue)")),
            ("reasons", .list(plan.reasons.map { .object([("message", .localized($0.message)), ("citation", .string($0.citation.short))]) })),
            ("recipient", .object([("name", .localized(plan.recipient.name ?? plan.authority)),
                                   ("address", .optional(plan.recipient.address.map(TemplateValue.string)))])),
            ("summary", .list(plan.summary.map { .object([("label", .localized($0.label)), ("value", Self.once($0.value))]) })),
            ("documents", .list(documents.map(\.value))),
            ("document_count", .number(documents.count)),
            ("has_source_numbers", .bool(plan.documents.contains { $0.number != nil })),
            ("enclosures", .list(documents.filter { $0.planned.enclosed && $0.planned.sentToAuthority }.map(\.value))),
            ("requests", .list(documents.filter { !$0.planned.enclosed && $0.planned.sentToAuthority }.map(\.value))),
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

    /// Text that reads the same in every language (a date, a name) is shown once.
    static func once(_ text: LocalizedText) -> TemplateValue {
        Set(text.entries.map(\.text)).count == 1 ? .string(text.entries[0].text) : .localized(text)
    }

    /// Every tag the procedure's documents declare, sorted: each document's `doc.tags` has them all.
    var declaredTags: [String] {
        Set(book.procedure(plan.procedure)?.documents.flatMap(\.tags) ?? []).sorted()
    }

    /// A document as the templates read it; `number` is its place in the packet (1…n), `source_number` the item
    /// number of the authority's own list, when the rule book gives one.
    func document(_ d: PlannedDocument, number: Int, tags: [String]) -> TemplateValue {
        let months: TemplateValue = d.valid.flatMap { $0.days == nil ? TemplateValue.number($0.months) : nil } ?? .null
        let days: TemplateValue = d.valid?.days.map(TemplateValue.number) ?? .null
        return .object([
            ("id", .string(d.id)),
            ("number", .number(number)),
            ("source_number", d.number.map(TemplateValue.number) ?? .null),
            ("chain", chain(d)),
            // True for this document's own tags, so a template tests `doc.tags.<tag>` on any document and a
            // misspelt tag is an error.
            ("tags", .object(tags.map { ($0, .bool(d.tags.contains($0))) })),
            ("title", .localized(d.title)),
            ("form", label("form.\(d.form)")),
            ("issuer", .localized(d.issuer)),
            ("obtain", .localized(d.obtain)),
            ("why", .localized(d.why)),
            ("steps", .list(commonSteps(d).map(step))),
            ("routes", routes(d)),
            ("valid_from", d.valid.map { .date($0.issuedOnOrAfter) } ?? .null),
            ("valid_anchor", d.valid.map { .date($0.anchor) } ?? .null),
            ("valid_months", months),
            ("valid_days", days),
            ("citation", .string(d.because.first?.citation.short ?? "")),
            ("quote", .optional(d.because.first?.citation.quote.map(TemplateValue.string))),
            ("shared_with", d.sharedWith.isEmpty ? .null : .localized(LocalizedText(languages.map { lang in
                (lang, d.sharedWith.map { $0[lang] ?? $0.entries.first?.text ?? "" }.joined(separator: " · "))
            }))),
        ])
    }

    func fee(_ f: PlannedFee) -> TemplateValue {
        let superseded: [TemplateValue] = f.superseded.map { e in
            .object([("amount", .money(Money(minorUnits: e.amount.minorUnits * f.quantity, currency: e.amount.currency))),
                     ("effective", .optional(e.inForce.effective.map(TemplateValue.date))),
                     ("until", .optional(e.inForce.until.map(TemplateValue.date))),
                     ("citation", .string(e.citation.short))])
        }
        return .object([("title", .localized(f.title)), ("note", f.note.map(TemplateValue.localized) ?? .null), ("amount", .money(f.amount)),
                        ("payable_to", .optional(f.payableTo.map(TemplateValue.string))),
                        ("effective", .optional(f.effective.map(TemplateValue.date))),
                        ("superseded", .list(superseded)),
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
