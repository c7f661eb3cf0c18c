import DossierCore

/// `dossier schema`: the case-file format as JSON Schema 2020-12, all of it or what one procedure reads.
public struct JSONSchemaWriter {
    let languages: [String]
    let tableKeys: [String: [String]]

    public static func schema(_ caseSchema: CaseSchema, procedure: String? = nil) -> JSONValue {
        var fields = caseSchema.root
        if let procedure, let section = caseSchema.procedure(procedure)?.section {
            fields = fields.filter { f in !caseSchema.procedures.contains { $0.section == f.name } || f.name == section }
        }
        let writer = JSONSchemaWriter(languages: caseSchema.languages, tableKeys: caseSchema.tableKeys)
        var root = writer.object(fields)
        if case .object(var members) = root {
            members.insert(JSONMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
            members.insert(JSONMember("$id", .string("dossier/case/\(CaseSchema.formatVersion)" + (procedure.map { "/" + $0 } ?? ""))), at: 1)
            members.insert(JSONMember("title", .string("Dossier case file (format \(CaseSchema.formatVersion))" + (procedure.map { " — \($0)" } ?? ""))), at: 2)
            root = .object(members)
        }
        return root
    }

    func object(_ fields: [FieldSpec]) -> JSONValue {
        .object([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", fields.contains { $0.required } ? .array(fields.filter(\.required).map { .string($0.name) }) : nil),
            ("properties", .object(fields.map { JSONMember($0.name, property($0)) })),
        ])
    }

    func property(_ field: FieldSpec) -> JSONValue {
        var schema = type(field.type)
        if case .object(var members) = schema {
            var description = field.summary
            if let d = field.defaultDescription { description += " (default: \(d))" }
            members.insert(JSONMember("description", .string(description)), at: 0)
            schema = .object(members)
        }
        return schema
    }

    func type(_ t: FieldType) -> JSONValue {
        switch t {
        case .string: return .object([("type", .string("string"))])
        case .date: return .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        case .bool: return .object([("type", .string("boolean"))])
        case .integer: return .object([("type", .string("integer"))])
        case .oneOf(let values): return .object([("enum", .array(values.map(JSONValue.string)))])
        case .country: return .object([("type", .string("string")), ("pattern", .string("^[A-Z]{2}$"))])
        case .usState: return .object([("enum", .array(USStates.codes.map(JSONValue.string)))])
        case .language: return .object([("enum", .array(languages.map(JSONValue.string)))])
        case .money: return .object([("type", .string("string")), ("pattern", .string("^[0-9]+(\\.[0-9]{2})?$"))])
        case .person: return .object([("type", .string("string")), ("pattern", .string("^[A-Za-z0-9._-]+$")), ("$comment", .string("the id of a person under people"))])
        case .row(let table): return .object([("enum", .array((tableKeys[table] ?? []).map(JSONValue.string)))])
        case .dictionary(let item): return .object([("type", .string("object")), ("additionalProperties", type(item))])
        case .identifier: return .object([("type", .string("string")), ("pattern", .string("^[A-Za-z0-9._-]+$"))])
        case .list(let item): return .object([("type", .string("array")), ("items", type(item))])
        case .object(let fields): return object(fields)
        }
    }
}
