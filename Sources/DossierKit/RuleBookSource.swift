import DossierCore
import Rules

/// Reads the rule book folder through the world.
enum RuleBookSource {
    static func load(from folder: String, world: World) -> Result<RuleBook, DiagnosticError> {
        do {
            let files = try world.list(folder).filter { $0.hasSuffix(".yaml") }.map { path in
                RuleFile(path: path, text: try world.readText(path))
            }
            return RuleBookLoader.load(files)
        } catch {
            return .failure(DiagnosticError([.error("RULE001", "cannot read the rule book: \(error)", at: .file(folder))]))
        }
    }
}
