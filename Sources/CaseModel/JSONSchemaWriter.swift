import DossierCore

/// `dossier schema`: the case-file format as JSON Schema 2020-12, all of it or what one procedure reads.
public enum JSONSchemaWriter {
    public static func schema(procedure: String? = nil) -> JSONValue {
        var fields = CaseSchema.root
        if let procedure, let section = CaseSchema.section(for: procedure) {
            fields = fields.filter { f in !CaseSchema.procedures.contains { $0.section == f.name } || f.name == section }
        }
        var root = object(fields)
        if case .object(var members) = root {
            members.insert(JSONMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
            members.insert(JSONMember("$id", .string("dossier/case/1" + (procedure.map { "/" + $0 } ?? ""))), at: 1)
            members.insert(JSONMember("title", .string("Dossier case file (format 1)" + (procedure.map { " — \($0)" } ?? ""))), at: 2)
            root = .object(members)
        }
        return root
    }

    static func object(_ fields: [FieldSpec]) -> JSONValue {
        .object([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", fields.contains { $0.required } ? .array(fields.filter(\.required).map { .string($0.name) }) : nil),
            ("properties", .object(fields.map { JSONMember($0.name, property($0)) })),
        ])
    }

    static func property(_ field: FieldSpec) -> JSONValue {
        var schema = type(field.type)
        if case .object(var members) = schema {
            var description = field.summary
            if let d = field.defaultDescription { description += " (default: \(d))" }
            members.insert(JSONMember("description", .string(description)), at: 0)
            schema = .object(members)
        }
        return schema
    }

    static func type(_ t: FieldType) -> JSONValue {
        switch t {
        case .string: return .object([("type", .string("string"))])
        case .date: return .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        case .bool: return .object([("type", .string("boolean"))])
        case .integer: return .object([("type", .string("integer"))])
        case .oneOf(let values): return .object([("enum", .array(values.map(JSONValue.string)))])
        case .country: return .object([("type", .string("string")), ("pattern", .string("^[A-Z]{2}$"))])
        case .usState: return .object([("enum", .array(USStates.codes.map(JSONValue.string)))])
        case .language: return .object([("enum", .array([.string("en"), .string("vi")]))])
        case .identifier: return .object([("type", .string("string")), ("pattern", .string("^[A-Za-z0-9._-]+$"))])
        case .list(let item): return .object([("type", .string("array")), ("items", type(item))])
        case .object(let fields): return object(fields)
        }
    }
}
