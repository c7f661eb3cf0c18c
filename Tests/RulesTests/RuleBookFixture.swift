import DossierCore
import Foundation
import Rules

/// The repository's real rule book, loaded once for all rule tests.
enum RuleBookFixture {
    static let book: Result<RuleBook, DiagnosticError> = {
        let folder = RepositoryPaths.path("Rules")
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [RuleFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            files.append(RuleFile(path: "Rules/" + relative, text: String(decoding: data, as: UTF8.self)))
        }
        return RuleBookLoader.load(files.sorted { $0.path < $1.path })
    }()
}
