import CaseModel
import DossierCore
import Rules

/// The one JSON encoding of a resolved plan: `manifest.json` (with the packet's files), `check --json` and
/// `explain --json` (with the derived facts and every rule considered) all print it, so they never drift apart.
/// The shape is `Tests/DossierKitTests/manifest.schema.json`.
public enum Manifest {
    static func json(for caseFile: CaseFile, plans: [(plan: PacketPlan, files: [String])], languages: [String],
                     summary: [String] = []) -> JSONValue {
        .object([
            ("dossier", .int(1)),
            ("case", .string(caseFile.id)),
            ("prepared_on", .string((caseFile.preparedOn ?? plans.first?.plan.evaluatedOn)?.iso ?? "")),
            ("languages", .array(languages.map(JSONValue.string))),
            ("packets", .array(plans.map { packet($0.plan, files: $0.files, languages: languages) })),
            // A combined case's summary (every verdict, dates in order, fees by payee, shared papers).
            ("summary_files", summary.isEmpty ? nil : .array(summary.map(JSONValue.string))),
            ("calendar", .string("calendar.ics")),
        ])
    }

    /// A plan in the case's languages; `explain` adds the derived facts and every rule considered, in or out.
    public static func packet(_ plan: PacketPlan, files: [String]?, languages: [String], explain: Bool = false) -> JSONValue {
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
            ("summary", .array(plan.summary.map { .object([("label", text($0.label, languages)), ("value", text($0.value, languages))]) })),
            ("outputs", .array(plan.outputs.map { .string($0.id) })),
            ("files", files.map { .array($0.map(JSONValue.string)) }),
            ("derived", explain ? .object(plan.derived.map { JSONMember($0.name, .string($0.value.description)) }) : nil),
            ("considered", explain ? .array(plan.considered.map { c in
                .object([("rule", .string(c.rule)), ("included", .bool(c.included)), ("reason", .string(c.reason)),
                         ("condition", .string(c.condition)),
                         ("facts", .array(c.facts.map { .object([("path", .string($0.path)), ("value", .string($0.value))]) })),
                         ("citation", citation(c.citation))])
            }) : nil),
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
