import DossierCore

/// The case-file format (version 1): the envelope, the shared person model and one section per procedure.
public enum CaseSchema {
    public static let formatVersion = 1

    /// Procedure ids and the case-file section each one reads.
    public static let procedures: [(id: String, section: String)] = [
        ("vn-single-status", "vn_single_status"), ("us-embassy-notarial", "us_embassy_notarial"),
        ("n-600", "n_600"), ("i-824", "i_824"), ("i-539", "i_539"), ("i-693", "i_693"),
        ("mx-visa-stamping", "mx_visa_stamping"), ("b-visa", "b_visa"), ("mx-bcc", "mx_bcc"),
    ]

    public static func section(for procedure: String) -> String? {
        procedures.first { $0.id == procedure }?.section
    }

    static let personName: FieldType = .object([
        .required("given", .string, "Given name(s) as in the passport"),
        .optional("middle", .string, "Middle name(s)"),
        .required("family", .string, "Family name (surname) as in the passport"),
        .optional("order", .oneOf(["given-first", "family-first"]), "How the name is written",
                  default: "family-first when the only citizenship is VN, else given-first"),
    ])

    static let birth: FieldType = .object([
        .required("date", .date, "Date of birth"),
        .optional("place", .string, "Place of birth as in the passport: city, state or province, country"),
    ])

    static let address: FieldType = .object([
        .optional("street", .string, "Street address"),
        .optional("city", .string, "City"),
        .optional("state", .usState, "US state (for a US address)"),
        .optional("province", .string, "Province or region (outside the US)"),
        .optional("postal_code", .string, "ZIP or postal code"),
        .optional("country", .country, "Country", default: "US"),
    ])

    static let passport: FieldType = .object([
        .required("number", .string, "Passport number"),
        .optional("country", .country, "Issuing country"),
        .optional("issued_on", .date, "Date of issue"),
        .optional("expires_on", .date, "Date of expiry"),
    ])

    static let marriage: FieldType = .object([
        .optional("spouse", .string, "Former spouse's full name"),
        .optional("married_on", .date, "Date of the marriage"),
        .required("ended_by", .oneOf(["divorce", "death", "annulment"]), "How the marriage ended"),
        .required("ended_on", .date, "Date the divorce became final, or of the spouse's death"),
        .optional("state", .usState, "US state whose court granted the divorce, or where the death was registered"),
        .optional("country", .country, "Country where the divorce was granted or the death registered", default: "US"),
        .optional("authority", .string, "Court or registrar (e.g. \"Superior Court of California, County of Orange\")"),
    ])

    /// Every person in a case (applicant, intended spouse, parents …) has this shape.
    public static let person: [FieldSpec] = [
        .required("name", personName, "Full legal name"),
        .optional("title", .oneOf(["mr", "ms", "mrs", "miss"]), "Form of address", default: "from sex: mr or ms"),
        .optional("sex", .oneOf(["male", "female"]), "Sex as in the passport"),
        .optional("birth", birth, "Birth"),
        .optional("citizenship", .list(.country), "Citizenships (ISO codes), e.g. [US] or [US, VN]"),
        .optional("us_status", .oneOf(["citizen", "permanent-resident", "nonimmigrant", "none"]), "Status in the United States"),
        .optional("residence", address, "Current home address"),
        .optional("passport", passport, "Passport"),
        .optional("green_card", .object([
            .required("number", .string, "Permanent Resident Card (USCIS) number"),
            .optional("expires_on", .date, "Card expiry date"),
        ]), "Permanent Resident Card"),
        .optional("id_number", .string, "National ID number (e.g. Vietnamese CCCD)"),
        .optional("email", .string, "Email address"),
        .optional("phone", .string, "Phone number"),
        .optional("marital_status", .oneOf(["never-married", "married", "divorced", "widowed"]), "Current marital status"),
        .optional("marital_history", .list(marriage), "Earlier marriages, oldest first"),
        .optional("overseas_vietnamese", .bool, "A Vietnamese person settled abroad (người Việt Nam định cư ở nước ngoài)", default: "false"),
        .optional("settled_in_us_on", .date, "Date the person began to live in the United States (emigration)"),
    ]

    static let envelopeCase: FieldType = .object([
        .required("id", .identifier, "Case id; names the output folder"),
        .optional("prepared_on", .date, "Date the rules are applied for", default: "today (or --date)"),
        .optional("languages", .list(.language), "Output languages, primary first; two make bilingual documents", default: "[en]"),
        .optional("paper", .oneOf(["a4", "letter"]), "Paper size of the PDFs", default: "a4"),
        .required("procedures", .list(.oneOf(procedures.map(\.id))), "Procedures to prepare"),
        .optional("preparer", .object([
            .required("name", .string, "Preparer or firm name"),
            .optional("address", .string, "Postal address"),
            .optional("phone", .string, "Phone"),
            .optional("email", .string, "Email"),
            .optional("logo", .string, "PNG or JPEG logo, relative to the case file"),
        ]), "Letterhead of the person or firm preparing the packet"),
    ])

    /// Sections per procedure. Procedures without a section here take no procedure-specific facts yet.
    public static let sections: [String: [FieldSpec]] = [
        "vn_single_status": [
            .required("intended_spouse", .object(person), "The fiancé(e) in Vietnam"),
            .required("filing_in_vietnam", .object([
                .required("date", .date, "Planned date of filing the marriage registration in Vietnam"),
                .required("by", .oneOf(["in-person", "power-of-attorney"]), "Whether the applicant files in person or through the fiancé(e) with a power of attorney"),
                .optional("province", .string, "Province or city in Vietnam where the marriage is registered"),
            ]), "Filing in Vietnam"),
            .required("consulate_submission", .oneOf(["in-person", "mail"]), "How the dossier reaches the Vietnamese consulate"),
            .optional("urgent", .bool, "Ask the consulate for urgent processing", default: "false"),
            .optional("notary_state", .usState, "State where the documents are notarized", default: "applicant.residence.state"),
            .optional("single_notary", .bool, "One notary notarizes every applicant-signed document", default: "false"),
        ],
    ]

    /// The whole file: envelope, applicant and every procedure section.
    public static var root: [FieldSpec] {
        var fields: [FieldSpec] = [
            .required("dossier", .integer, "Format version; must be 1"),
            .required("case", envelopeCase, "The case envelope"),
            .required("applicant", .object(person), "The person the packet is for"),
        ]
        for (_, section) in procedures {
            let sectionFields = sections[section] ?? []
            fields.append(.optional(section, .object(sectionFields), "Facts for \(section.replacingAll("_", with: "-"))"))
        }
        return fields
    }
}

extension CaseSchema {
    /// The type of the field at a path of keys (`["applicant", "citizenship"]`), or nil when there is none.
    public static func fieldType(at path: [String]) -> FieldType? {
        var fields = root
        var type: FieldType?
        for key in path {
            guard let spec = fields.first(where: { $0.name == key }) else { return nil }
            type = spec.type
            if case .object(let children) = spec.type { fields = children } else { fields = [] }
        }
        return type
    }
}
