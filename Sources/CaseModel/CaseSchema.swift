import DossierCore

/// The case-file format (version 2): the envelope (here), the people model and one section per procedure (both
/// declared as data in the rule book: `Rules/people.yaml`, `Rules/<procedure>/facts.yaml`).
public struct CaseSchema: Sendable, Hashable {
    public static let formatVersion = 2

    /// The fields every person has (`people.<id>`).
    public var person: [FieldSpec]
    /// Each procedure's section, in the rule book's order.
    public var procedures: [ProcedureSection]
    /// The keys of each rule-book table, for `row` fields.
    public var tableKeys: [String: [String]]
    /// Every language some procedure is written in, in first-seen order.
    public var languages: [String]
    /// Countries whose names are written family name first (`Rules/people.yaml`).
    public var familyNameFirst: [String]
    /// The table that names countries (`country_names` in `Rules/people.yaml`): a country fact prints by name.
    public var countryNames: String?

    public init(person: [FieldSpec], procedures: [ProcedureSection], tableKeys: [String: [String]] = [:], familyNameFirst: [String] = []) {
        self.person = person
        self.familyNameFirst = familyNameFirst
        self.procedures = procedures
        self.tableKeys = tableKeys
        var languages: [String] = []
        for p in procedures { for l in p.languages where !languages.contains(l) { languages.append(l) } }
        self.languages = languages
    }

    public func procedure(_ id: String) -> ProcedureSection? { procedures.first { $0.id == id } }

    /// The case-file section of a procedure id: `n-600` → `n_600`.
    public static func sectionName(for procedure: String) -> String { procedure.replacingAll("-", with: "_") }

    var envelopeCase: FieldType {
        .object([
            .required("id", .identifier, "Case id; names the output folder"),
            .optional("prepared_on", .date, "Date the rules are applied for", default: "today (or --date)"),
            .optional("languages", .list(.language), "Output languages, primary first; two make bilingual documents", default: "[en]"),
            .optional("paper", .oneOf(["a4", "letter"]), "Paper size of the PDFs", default: "letter for a US residence, else a4"),
            .required("procedures", .list(.oneOf(procedures.map(\.id))), "Procedures to prepare"),
            .optional("applicant", .identifier, "Id of the applicant under `people:`", default: "applicant"),
            .optional("preparer", .object([
                .required("name", .string, "Preparer or firm name"),
                .optional("address", .string, "Postal address"),
                .optional("phone", .string, "Phone"),
                .optional("email", .string, "Email"),
                .optional("logo", .string, "PNG or JPEG logo, relative to the case file"),
            ]), "Letterhead of the person or firm preparing the packet"),
        ])
    }

    /// The whole file: envelope, people and every procedure section.
    public var root: [FieldSpec] {
        var fields: [FieldSpec] = [
            .required("dossier", .integer, "Format version; must be \(Self.formatVersion)"),
            .required("case", envelopeCase, "The case envelope"),
            .required("people", .dictionary(.object(person)), "Every person of the case, once, under an id you choose"),
        ]
        for p in procedures {
            fields.append(.optional(p.section, .object(p.fields), "Facts for \(p.id)"))
        }
        return fields
    }

    /// What rules and templates read from the root: the file's fields plus `applicant` (the applicant person).
    public var readable: [FieldSpec] {
        var fields = root
        fields.insert(.required("applicant", .object(Self.withID(person)), "The applicant (the person `case.applicant` names)"), at: 2)
        return fields
    }

    /// A loaded person carries its id beside its facts.
    public static func withID(_ person: [FieldSpec]) -> [FieldSpec] {
        [.required("id", .identifier, "The person's id under `people:`")] + person
    }

    /// The field at a path of keys (`["people", "applicant", "citizenship"]`), following people and person references.
    public func field(at path: [String]) -> FieldSpec? {
        var fields = readable
        var spec: FieldSpec?
        var type: FieldType?
        for key in path {
            if case .dictionary(let item)? = type {
                spec = FieldSpec(key, item, "")
            } else {
                guard let s = fields.first(where: { $0.name == key }) else { return nil }
                spec = s
            }
            type = spec?.type
            fields = Self.children(of: spec!.type, person: person)
        }
        return spec
    }

    public func fieldType(at path: [String]) -> FieldType? { field(at: path)?.type }

    /// The fields below a value of a type (a person reference reads as the person).
    public static func children(of type: FieldType, person: [FieldSpec]) -> [FieldSpec] {
        switch type {
        case .object(let f): return f
        case .person: return withID(person)
        case .list(let item): return children(of: item, person: person)
        case .dictionary(let item): return children(of: item, person: person)
        default: return []
        }
    }
}

/// A procedure's case-file section: the facts it reads, declared in `Rules/<id>/facts.yaml`.
public struct ProcedureSection: Sendable, Hashable {
    public var id: String
    public var section: String
    /// The languages its texts are written in; a case may choose among them.
    public var languages: [String]
    public var fields: [FieldSpec]

    public init(id: String, languages: [String], fields: [FieldSpec]) {
        self.id = id
        self.section = CaseSchema.sectionName(for: id)
        self.languages = languages
        self.fields = fields
    }
}
