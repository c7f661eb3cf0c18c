import DossierCore

/// `resolve`'s output for one procedure: what the packet holds and why. Immutable; rendered by Compose and the manifest.
public struct PacketPlan: Sendable, Hashable {
    public var procedure: String
    public var title: LocalizedText
    public var authority: LocalizedText
    /// The day the rules were applied for.
    public var evaluatedOn: CalendarDate
    public var verdict: VerdictRule.Verdict
    public var reasons: [PlannedReason]
    public var documents: [PlannedDocument]
    public var fees: [PlannedFee]
    public var deadlines: [PlannedDeadline]
    public var notices: [PlannedNotice]
    /// Every document rule looked at, in or out, for `dossier explain`.
    public var considered: [Consideration]
    /// Derived facts and their values, for `explain` and the templates.
    public var derived: [(name: String, value: RuleValue)]
    /// Who the cover letter is addressed to.
    public var recipient: PlannedRecipient
    /// The checklist's header lines.
    public var summary: [PlannedLine]
    /// Words fixed-language forms print, by name: the catalog key chosen by the case.
    public var words: [PlannedWord]
    /// What to render, in filing order.
    public var outputs: [PlannedOutput]
    /// Why each cited derived fact has its value: the facts it read and its citation, for `explain`.
    public var derivedBecause: [Because] = []

    public static func == (a: PacketPlan, b: PacketPlan) -> Bool {
        a.procedure == b.procedure && a.evaluatedOn == b.evaluatedOn && a.verdict == b.verdict && a.reasons == b.reasons
            && a.documents == b.documents && a.fees == b.fees && a.deadlines == b.deadlines && a.notices == b.notices
            && a.considered == b.considered && a.derived.map(\.name) == b.derived.map(\.name) && a.derived.map(\.value) == b.derived.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(procedure)
        hasher.combine(documents)
    }
}

public struct PlannedRecipient: Sendable, Hashable {
    public var name: LocalizedText?
    public var address: String?
}

public struct PlannedLine: Sendable, Hashable {
    public var label: LocalizedText
    public var value: LocalizedText
}

public struct PlannedWord: Sendable, Hashable {
    public var name: String
    /// The catalog key, `<key>.<value>`.
    public var key: String
}

public struct PlannedOutput: Sendable, Hashable {
    public var id: String
    public var template: String
}

/// A fact a rule read, with the value it had.
public struct FactUse: Sendable, Hashable {
    public var path: String
    public var value: String
}

/// Why something is in the packet: the rule, the facts that triggered it, the source.
public struct Because: Sendable, Hashable {
    public var rule: String
    public var facts: [FactUse]
    public var citation: Citation
}

public struct PlannedReason: Sendable, Hashable {
    public var rule: String
    public var verdict: VerdictRule.Verdict
    public var message: LocalizedText
    public var citation: Citation
}

public struct PlannedStep: Sendable, Hashable {
    public var kind: String
    public var state: String?
    public var stateName: String?
    /// Who performs it (a mission's or authority's name), when known.
    public var by: LocalizedText?
    public var to: String?
    public var text: LocalizedText
    public var note: LocalizedText?
    /// Steps with the same group share one certificate.
    public var group: String?
    /// The alternative route the step belongs to; nil: common to every route.
    public var route: String?
}

public struct PlannedValidity: Sendable, Hashable {
    public var issuedOnOrAfter: CalendarDate
    /// The date the window counts back from (e.g. the filing date).
    public var anchor: CalendarDate
    public var months: Int
    /// Set for a window counted in days.
    public var days: Int?
    public var rule: String
    public var citation: Citation
}

public struct PlannedDocument: Sendable, Hashable {
    public var id: String
    public var number: Int?
    public var title: LocalizedText
    public var required: Bool
    /// False for a paper the authority issues on request: the cover letter asks for it instead of enclosing it.
    public var enclosed: Bool
    public var form: String
    /// The paper's key across procedures (`shared_as`), and the other packets of the case that use it.
    public var sharedAs: String?
    public var sharedWith: [LocalizedText] = []
    public var issuer: LocalizedText
    public var obtain: LocalizedText
    public var why: LocalizedText
    public var steps: [PlannedStep]
    public var valid: PlannedValidity?
    public var because: [Because]
    /// False: not enclosed in (nor requested by) the letter to the authority; the applicant files it directly.
    public var sentToAuthority: Bool = true
    /// The rule's `tags`.
    public var tags: [String] = []
}

public struct PlannedFee: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    /// A caveat of the fee edition ("$26 in person; verify").
    public var note: LocalizedText?
    public var amount: Money
    public var quantity: Int
    public var unitAmount: Money
    public var payableTo: String?
    public var effective: CalendarDate?
    public var superseded: [FeeEdition]
    public var because: [Because]
}

public struct PlannedDeadline: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var date: CalendarDate
    public var note: LocalizedText?
    public var because: [Because]
}

public struct PlannedNotice: Sendable, Hashable {
    public var code: String
    public var kind: NoticeRule.Kind
    public var title: LocalizedText?
    public var message: LocalizedText
    public var citation: Citation
    public var facts: [FactUse]
}

/// One rule `explain` reports on: whether it applied, and the facts and citation behind the answer.
public struct Consideration: Sendable, Hashable {
    public var rule: String
    public var included: Bool
    public var condition: String
    public var facts: [FactUse]
    public var reason: String
    public var citation: Citation
}
