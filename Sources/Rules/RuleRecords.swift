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
    public var why: String
    public var location: SourceLocation
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
    /// Who does it: an expression; a Vietnamese-mission id is shown with the mission's name.
    public var by: Condition?
    /// Target language of a translation.
    public var to: String?
    /// Steps whose group evaluates equal share one certificate (one SoS certificate for one notary).
    public var group: Condition?
    public var text: LocalizedText
    public var note: LocalizedText?
    public var citation: Citation?
}

/// "Issued or certified no more than N months before" a date.
public struct ValidityRule: Sendable, Hashable {
    public var months: Int
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
    public var issuer: LocalizedText
    public var obtain: LocalizedText
    public var why: LocalizedText
    public var steps: [StepRule]
    public var valid: ValidityRule?
    public var citation: Citation
    public var inForce: InForce
    public var location: SourceLocation
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
}

/// A fixed fee of a procedure (amount by edition).
public struct FeeRule: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var when: Condition
    public var payableTo: String?
    /// Fixed amounts by edition (empty when `per` takes the amount from the state tables).
    public var editions: [FeeEdition]
    /// `secretary-of-state` or `county-clerk`: one fee per certificate of that kind, at the state's rate; the title may
    /// use `{state}`, `{count}` and `{unit}`.
    public var per: String?
    /// Shown as a "verify" notice when `per` finds no rate for a state.
    public var unknownRate: LocalizedText?
    public var citation: Citation?
}

/// A procedure's whole rule set, in filing order.
public struct ProcedureRules: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var authority: LocalizedText
    public var sources: [String]
    public var derived: [DerivedRule]
    public var needs: [NeedRule]
    public var verdicts: [VerdictRule]
    public var documents: [DocumentRule]
    public var notices: [NoticeRule]
    public var deadlines: [DeadlineRule]
    public var fees: [FeeRule]
}
