import CaseModel
import DossierCore
import Rules

/// `manifest.json`: the resolved packets in the shape of the interface spec's `manifest.schema.json`.
enum Manifest {
    static func json(for caseFile: CaseFile, plans: [(plan: PacketPlan, files: [String])], languages: [String]) -> JSONValue {
        .object([
            ("dossier", .int(1)),
            ("case", .string(caseFile.id)),
            ("prepared_on", .string((caseFile.preparedOn ?? plans.first?.plan.evaluatedOn)?.iso ?? "")),
            ("languages", .array(languages.map(JSONValue.string))),
            ("packets", .array(plans.map { packet($0.plan, files: $0.files, languages: languages) })),
        ])
    }

    static func packet(_ plan: PacketPlan, files: [String], languages: [String]) -> JSONValue {
        .object([
            ("procedure", .string(plan.procedure)),
            ("title", text(plan.title, languages)),
            ("evaluated_on", .string(plan.evaluatedOn.iso)),
            ("verdict", .string(plan.verdict.rawValue)),
            ("reasons", .array(plan.reasons.map { r in
                .object([("rule", .string(r.rule)), ("message", text(r.message, languages)), ("citation", citation(r.citation))])
            })),
            ("documents", .array(plan.documents.map { document($0, languages) })),
            ("fees", .array(plan.fees.map { fee($0, languages) })),
            ("deadlines", .array(plan.deadlines.map { d in
                .object([("id", .string(d.id)), ("title", text(d.title, languages)), ("date", .string(d.date.iso)),
                         ("because", because(d.because))])
            })),
            ("warnings", .array(plan.notices.filter { $0.kind != .instruction }.map { notice($0, languages) })),
            ("instructions", .array(plan.notices.filter { $0.kind == .instruction }.map { notice($0, languages) })),
            ("files", .array(files.map(JSONValue.string))),
        ])
    }

    static func document(_ d: PlannedDocument, _ languages: [String]) -> JSONValue {
        .object([
            ("id", .string(d.id)),
            ("number", d.number.map(JSONValue.int)),
            ("title", text(d.title, languages)),
            ("required", .bool(d.required)),
            ("enclosed", d.enclosed ? nil : .bool(false)), ("sent_to_authority", d.sentToAuthority ? nil : .bool(false)),
            ("form", .string(d.form)),
            ("issuer", .string(d.issuer[languages.first ?? "en"] ?? d.issuer.entries.first?.text ?? "")),
            ("steps", .array(d.steps.map { s in
                .object([("kind", .string(s.kind)), ("state", s.state.map(JSONValue.string)),
                         ("to", s.to.map(JSONValue.string)), ("route", s.route.map(JSONValue.string)),
                         ("by", s.by.map { .string($0[languages.first ?? "en"] ?? $0.entries.first?.text ?? "") }),
                         ("note", text(s.text, languages))])
            })),
            ("valid", d.valid.map { v in
                .object([("issued_on_or_after", .string(v.issuedOnOrAfter.iso)), ("rule", .string(v.rule))])
            }),
            ("because", because(d.because)),
        ])
    }

    static func fee(_ f: PlannedFee, _ languages: [String]) -> JSONValue {
        .object([
            ("id", .string(f.id)), ("title", text(f.title, languages)), ("note", f.note.map { text($0, languages) }),
            ("amount", .string(f.amount.decimalString)),
            ("currency", .string(f.amount.currency)), ("quantity", .int(f.quantity)),
            ("unit_amount", .string(f.unitAmount.decimalString)), ("payable_to", f.payableTo.map(JSONValue.string)),
            ("effective", f.effective.map { .string($0.iso) }),
            ("superseded", f.superseded.isEmpty ? nil : .array(f.superseded.map { e in
                .object([("amount", .string(e.amount.decimalString)), ("effective", e.inForce.effective.map { .string($0.iso) }),
                         ("until", e.inForce.until.map { .string($0.iso) }), ("citation", citation(e.citation))])
            })),
            ("because", because(f.because)),
        ])
    }

    static func notice(_ n: PlannedNotice, _ languages: [String]) -> JSONValue {
        .object([("code", .string(n.code)), ("kind", .string(n.kind.rawValue)), ("message", text(n.message, languages)),
                 ("citation", citation(n.citation))])
    }

    static func because(_ items: [Because]) -> JSONValue {
        .array(items.map { b in
            .object([("rule", .string(b.rule)), ("facts", .array(b.facts.map { .string($0.path) })), ("citation", citation(b.citation))])
        })
    }

    static func citation(_ c: Citation) -> JSONValue {
        .object([("source", c.source.map(JSONValue.string)), ("section", c.section.map(JSONValue.string)),
                 ("quote", c.quote.map(JSONValue.string)), ("url", c.url.map(JSONValue.string)),
                 ("edition", c.edition.map(JSONValue.string))])
    }

    /// One entry per case language, in case-language order; a language the text lacks falls back to English.
    static func text(_ t: LocalizedText, _ languages: [String]) -> JSONValue {
        .object(languages.map { lang in JSONMember(lang, .string(t[lang] ?? t["en"] ?? t.entries.first?.text ?? "")) })
    }
}
