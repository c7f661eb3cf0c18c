import CaseModel
import DossierCore
import Foundation
import Rules

/// The repository's real rule book, loaded once for all tests, or any rule-book folder.
public enum RuleBookFixture {
    public static let book: Result<RuleBook, DiagnosticError> = load(Repository.path("Rules"), as: "Rules/")

    /// The real book's case schema (tests of the case loader need one).
    public static var schema: CaseSchema {
        guard case .success(let b) = book else { fatalError("the repository's rule book does not load: \(book)") }
        return b.schema
    }

    /// Loads every `.yaml` below `folder`, naming the files `prefix + relative path` in diagnostics.
    public static func load(_ folder: String, as prefix: String) -> Result<RuleBook, DiagnosticError> {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [RuleFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            files.append(RuleFile(path: prefix + relative, text: String(decoding: data, as: UTF8.self)))
        }
        return RuleBookLoader.load(files.sorted { $0.path < $1.path })
    }
}
