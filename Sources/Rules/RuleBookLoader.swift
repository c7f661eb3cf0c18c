import CaseModel
import DossierCore

/// Loads `Rules/`: `sources.yaml`, `jurisdictions/*.yaml`, and one folder per procedure with
/// `procedure.yaml`, `documents.yaml`, `notices.yaml`, `deadlines.yaml`, `fees.yaml`.
/// Every record is checked: unknown keys, missing texts, unknown sources, conditions that do not type-check.
public enum RuleBookLoader {
    public static func load(_ files: [RuleFile]) -> Result<RuleBook, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        func parsed(_ suffix: String) -> [(RuleFile, SourceValue)] {
            files.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }.compactMap { file in
                switch SourceParser.parse(file.text, file: file.path, codePrefix: "RULE") {
                case .success(let v): return (file, v)
                case .failure(let e): diagnostics += e.diagnostics; return nil
                }
            }
        }
        func items(_ value: SourceValue, _ key: String, _ file: RuleFile) -> [SourceValue] {
            guard case .list(let list, _)? = value[key] else {
                diagnostics.append(.error("RULE010", "\(file.path) must hold a list under `\(key):`", at: value.location))
                return []
            }
            return list
        }

        var sources: [SourceInfo] = []
        for (file, value) in parsed("sources.yaml") {
            for item in items(value, "sources", file) {
                guard var r = RecordReader(item, what: "a source", diagnostics: &diagnostics) else { continue }
                if let f = r.string("file", required: true), let t = r.string("title", required: true) {
                    sources.append(SourceInfo(file: f, title: t, edition: r.string("edition"), url: r.string("url")))
                }
                r.finish()
                diagnostics += r.diagnostics
            }
        }

        var jurisdictions = Jurisdictions()
        for (file, value) in parsed("jurisdictions/us-states.yaml") {
            jurisdictions.states += items(value, "states", file).compactMap { JurisdictionReader.state($0, sources: sources, diagnostics: &diagnostics) }
        }
        for (file, value) in parsed("jurisdictions/vn-missions.yaml") {
            jurisdictions.missions += items(value, "missions", file).compactMap { JurisdictionReader.mission($0, sources: sources, diagnostics: &diagnostics) }
        }

        var procedures: [ProcedureRules] = []
        for (file, value) in parsed("/procedure.yaml") {
            let folder = String(file.path.dropLast("procedure.yaml".count))
            let part = { (name: String, key: String) -> (RuleFile, [SourceValue])? in
                guard let (f, v) = parsed(folder + name).first(where: { $0.0.path == folder + name }) else { return nil }
                return (f, items(v, key, f))
            }
            var reader = ProcedureReader(sources: sources, jurisdictions: jurisdictions)
            if let procedure = reader.read(procedure: value, file: file,
                                           documents: part("documents.yaml", "documents")?.1 ?? [],
                                           notices: part("notices.yaml", "notices")?.1 ?? [],
                                           deadlines: part("deadlines.yaml", "deadlines")?.1 ?? [],
                                           fees: part("fees.yaml", "fees")?.1 ?? []) {
                procedures.append(procedure)
            }
            diagnostics += reader.diagnostics
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation)) }
        return .success(RuleBook(sources: sources, jurisdictions: jurisdictions, procedures: procedures))
    }
}
