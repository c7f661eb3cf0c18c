import CaseModel
import DossierCore

/// Loads `Rules/`: `sources.yaml`, `people.yaml` (the person model), `tables/*.yaml`, and one folder per procedure
/// (`procedure.yaml`, `facts.yaml`, `documents.yaml`, `notices.yaml`, `deadlines.yaml`, `fees.yaml`). The procedures
/// are the folders: no procedure is known to the engine. Every record is checked: unknown keys, texts in the wrong
/// languages, unknown sources, conditions and placeholders that do not type-check, overlapping editions.
public enum RuleBookLoader {
    public static func load(_ files: [RuleFile]) -> Result<RuleBook, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        func parsed(_ path: String) -> SourceValue? {
            guard let file = files.first(where: { $0.path == path || $0.path.hasSuffix("/" + path) }) else { return nil }
            switch SourceParser.parse(file.text, file: file.path, codePrefix: "RULE") {
            case .success(let v): return v
            case .failure(let e): diagnostics += e.diagnostics; return nil
            }
        }
        func items(_ value: SourceValue?, _ key: String, _ path: String) -> [SourceValue] {
            guard let value else { return [] }
            guard case .list(let list, _)? = value[key] else {
                diagnostics.append(.error("RULE010", "\(path) must hold a list under `\(key):`", at: value.location))
                return []
            }
            return list
        }
        let root = Self.root(of: files)
        let relative = files.map { (String($0.path.dropFirst(root.count)), $0) }

        var sources: [SourceInfo] = []
        for item in items(parsed(root + "sources.yaml"), "sources", "sources.yaml") {
            guard var r = RecordReader(item, what: "a source", diagnostics: &diagnostics) else { continue }
            if let f = r.string("file", required: true), let t = r.string("title", required: true) {
                sources.append(SourceInfo(file: f, title: t, edition: r.string("edition"), url: r.string("url")))
            }
            r.finish()
            diagnostics += r.diagnostics
        }

        // Tables: names first, so a column may refer to another table's rows.
        let tableFiles = relative.filter { $0.0.hasPrefix("tables/") && $0.0.hasSuffix(".yaml") }.sorted { $0.0 < $1.0 }
        let tableNames = tableFiles.map { String($0.0.dropFirst("tables/".count).dropLast(".yaml".count)) }
        var tableReader = TableReader(sources: sources)
        var tables: [RuleTable] = []
        for (_, file) in tableFiles {
            guard let value = parsed(file.path) else { continue }
            if let t = tableReader.read(value, file: file.path, knownTables: tableNames) { tables.append(t) }
        }
        diagnostics += tableReader.diagnostics
        let ruleTables = RuleTables(tables)
        var tableKeys: [String: [String]] = [:]
        for t in tables { tableKeys[t.name] = t.keys }

        // The person model, in every language of the book.
        var person: [FieldSpec] = []
        var familyNameFirst: [String] = []
        var countryNames: String?
        if let people = parsed(root + "people.yaml") {
            var r = RecordReader(people, what: "the people model", diagnostics: &diagnostics)
            let languages = r?.strings("languages") ?? []
            familyNameFirst = r?.strings("family_name_first") ?? []
            countryNames = r?.string("country_names")
            var reader = FactsReader(languages: languages, tableKeys: tableKeys)
            person = reader.fields(r?.list("fields") ?? [])
            r?.finish()
            diagnostics += (r?.diagnostics ?? []) + reader.diagnostics
        } else {
            diagnostics.append(.error("RULE010", "the rule book has no people.yaml (the person model)", at: .file(root + "people.yaml")))
        }

        // Procedures: every folder with a procedure.yaml, in name order.
        let folders = relative.compactMap { path, _ -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 2 && parts[1] == "procedure.yaml" ? String(parts[0]) : nil
        }.sorted()
        var sections: [ProcedureSection] = []
        var headers: [(folder: String, value: SourceValue, languages: [String])] = []
        for folder in folders {
            guard let value = parsed(root + folder + "/procedure.yaml") else { continue }
            var languages: [String] = []
            if case .list(let ls, let at)? = value["languages"] {
                languages = ls.compactMap(\.scalarText)
                if languages.isEmpty { diagnostics.append(.error("RULE011", "`languages` lists no language", at: at)) }
            } else {
                diagnostics.append(.error("RULE011", "a procedure lacks `languages` (the languages its texts are written in)", at: value.location))
            }
            var factsReader = FactsReader(languages: languages, tableKeys: tableKeys)
            let fields = factsReader.fields(items(parsed(root + folder + "/facts.yaml"), "facts", folder + "/facts.yaml"))
            diagnostics += factsReader.diagnostics
            sections.append(ProcedureSection(id: folder, languages: languages, fields: fields))
            headers.append((folder, value, languages))
        }
        var schema = CaseSchema(person: person, procedures: sections, tableKeys: tableKeys, familyNameFirst: familyNameFirst)
        if let countryNames {
            if tableKeys[countryNames] == nil {
                diagnostics.append(.error("RULE018", "`country_names` names no table: `\(countryNames)`", at: .file(root + "people.yaml")))
            } else {
                schema.countryNames = countryNames
            }
        }

        var procedures: [ProcedureRules] = []
        for (folder, value, languages) in headers {
            let part = { (name: String, key: String) in items(parsed(root + folder + "/" + name), key, folder + "/" + name) }
            var reader = ProcedureReader(sources: sources, languages: languages, schema: schema, tables: ruleTables)
            if let procedure = reader.read(procedure: value, folder: folder,
                                           documents: part("documents.yaml", "documents"), notices: part("notices.yaml", "notices"),
                                           deadlines: part("deadlines.yaml", "deadlines"), fees: part("fees.yaml", "fees")) {
                procedures.append(procedure)
            }
            diagnostics += reader.diagnostics
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation)) }
        return .success(RuleBook(sources: sources, tables: ruleTables, schema: schema, procedures: procedures))
    }

    /// The folder the rule files share (`Rules/`), with its trailing slash.
    static func root(of files: [RuleFile]) -> String {
        guard let sources = files.first(where: { $0.path.hasSuffix("sources.yaml") || $0.path.hasSuffix("people.yaml") }) else { return "" }
        let path = sources.path
        return String(path.dropLast(path.hasSuffix("sources.yaml") ? "sources.yaml".count : "people.yaml".count))
    }
}
