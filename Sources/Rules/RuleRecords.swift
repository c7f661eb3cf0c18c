import DossierCore

/// A fact computed from others (`derived.marriage_age`), defined in a procedure's rule file.
public struct DerivedRule: Sendable, Hashable {
    public var name: String
    public var value: Condition
    public var type: ValueType
    public var citation: Citation?
}

/// A fact the procedure cannot do without; missing → a `CASE020` diagnostic naming the path.
public struct NeedRule: Sendable, Hashable {
    public var path: String
    public var when: Condition
    /// Why the fact is needed, in the procedure's languages (the interview shows it in the applicant's language).
    public var why: LocalizedText
    public var location: SourceLocation

    /// The reason as diagnostics give it: English (all diagnostics are English), else the first language written.
    public var whyInEnglish: String { why["en"] ?? why.entries.first?.text ?? "" }
}

/// Decides the packet's verdict when its condition holds.
public struct VerdictRule: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, Comparable {
        case eligible, needsReview = "needs-review", notEligible = "not-eligible"
        public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
        var rank: Int { self == .eligible ? 0 : self == .needsReview ? 1 : 2 }
    }
    public var id: String
    public var verdict: Verdict
    public var when: Condition
    public var message: LocalizedText
    public var citation: Citation
    public var inForce: InForce
}

/// One step in preparing a document: obtain, notarize, county clerk, Secretary of State, legalization …
public struct StepRule: Sendable, Hashable {
    public var kind: String
    public var when: Condition
    /// US state the step happens in (an expression giving a state code).
    public var state: Condition?
    /// Who does it: an expression; a table row (e.g. an office) is shown by its name.
    public var by: Condition?
    /// Target language of a translation.
    public var to: String?
    /// Steps whose group evaluates equal share one certificate (one SoS certificate for one notary).
    public var group: Condition?
    public var text: LocalizedText
    public var note: LocalizedText?
    public var citation: Citation?
    /// The values of the chain parameters this step was read with (`{notary}` in its texts).
    public var parameters: [String: String] = [:]
    /// The alternative route the step belongs to (e.g. `legalization` or `apostille`); nil: every route needs it.
    public var route: String?
}

/// "Issued or certified no more than N months (or N days) before" a date.
public struct ValidityRule: Sendable, Hashable {
    public var months: Int
    /// A window counted in days instead (`days: 30`): months is then 0.
    public var days: Int? = nil
    public var before: Condition
    public var rule: String
    public var citation: Citation
}

/// A document the packet may need.
public struct DocumentRule: Sendable, Hashable {
    public var id: String
    public var number: Int?
    public var title: LocalizedText
    public var when: Condition
    /// A list fact; the document is considered once per item, with `item` in scope.
    public var repeatFor: String?
    public var required: Bool
    /// False for a paper the authority itself issues on request (listed as a request, not an enclosure).
    public var enclosed: Bool
    public var form: String
    /// Documents of different procedures with the same key are one paper in a combined case, prepared once.
    public var sharedAs: String?
    public var issuer: LocalizedText
    public var obtain: LocalizedText
    public var why: LocalizedText
    public var steps: [StepRule]
    public var valid: ValidityRule?
    public var citation: Citation
    public var inForce: InForce
    public var location: SourceLocation
    /// Whether the paper goes to the packet's authority (enclosed or requested in its letter); false (per entry):
    /// the applicant files it directly where it is used. Nil: always.
    public var sentToAuthority: Condition?
    /// Names templates test (`doc.tags.<tag>`) to pick some documents out of a list.
    public var tags: [String] = []
}

/// A warning, a "verify" flag, or a how-to instruction shown with the packet.
public struct NoticeRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case warning, verify, instruction }
    public var code: String
    public var kind: Kind
    public var title: LocalizedText?
    public var when: Condition
    public var message: LocalizedText
    public var citation: Citation
    public var inForce: InForce
}

/// A date the applicant must act by (or not before).
public struct DeadlineRule: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var when: Condition
    public var date: Condition
    public var note: LocalizedText?
    public var citation: Citation
    public var inForce: InForce
}

/// One edition of a fee amount with the dates it applies.
public struct FeeEdition: Sendable, Hashable {
    public var amount: Money
    public var inForce: InForce
    public var note: LocalizedText?
    public var citation: Citation
    public var location: SourceLocation
}

/// A fixed fee of a procedure (amount by edition).
public struct FeeRule: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var when: Condition
    public var payableTo: String?
    /// Fixed amounts by edition (empty when `per` takes the amount from the state tables).
    public var editions: [FeeEdition]
    /// How many times the edition's amount is charged (an integer expression; 1 when absent), e.g. one seal per
    /// document notarized, one biometrics fee per person. The title may use `{count}` and `{unit}`.
    public var quantity: Condition?
    /// A step kind: one fee per certificate of that kind (steps sharing a group share one), at the rate a table
    /// gives for the step's state; the title may use `{state}`, `{count}` and `{unit}`.
    public var per: String?
    public var rate: RateRule?
    /// Shown as a "verify" notice when `per` finds no rate for a state.
    public var unknownRate: LocalizedText?
    public var citation: Citation?
}

/// Where a per-certificate fee's rate is: a money column of a table keyed by state (its rows are the editions).
public struct RateRule: Sendable, Hashable {
    public var table: String
    public var column: String
    /// A localized column with the rate's caveat, shown as the fee's note.
    public var note: String?
}

/// A document the procedure renders (a template), in filing order.
public struct OutputRule: Sendable, Hashable {
    public var id: String
    public var template: String
    public var when: Condition
}

/// A line of the checklist's header block: a label and a value.
public struct SummaryRule: Sendable, Hashable {
    public var label: LocalizedText
    public var value: Condition
}

/// A word a fixed-language form prints, chosen by a value: the catalog string `<key>.<value>` in each language.
public struct WordRule: Sendable, Hashable {
    public var name: String
    public var value: Condition
    public var key: String
}

/// Who the cover letter is addressed to.
public struct RecipientRule: Sendable, Hashable {
    public var name: Condition?
    public var address: Condition?
}

/// A procedure's whole rule set, in filing order.
public struct ProcedureRules: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var authority: LocalizedText
    public var languages: [String]
    public var sources: [String]
    public var outputs: [OutputRule]
    public var summary: [SummaryRule]
    public var recipient: RecipientRule?
    public var words: [WordRule]
    public var derived: [DerivedRule]
    public var needs: [NeedRule]
    public var verdicts: [VerdictRule]
    public var documents: [DocumentRule]
    public var notices: [NoticeRule]
    public var deadlines: [DeadlineRule]
    public var fees: [FeeRule]
}
