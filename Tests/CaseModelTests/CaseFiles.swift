import TestSupport
import CaseModel
import DossierCore
import Foundation

/// The case files these tests read — the repository's samples and this folder's fixtures — found from this file's
/// location, and loaded the way the CLI loads them.
enum CaseFiles {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The text of a file given relative to the repository root (`Samples/bad/mistakes.yaml`).
    static func text(_ relative: String) -> String {
        let data = FileManager.default.contents(atPath: repository.appendingPathComponent(relative).path) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of `Tests/CaseModelTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> String { text("Tests/CaseModelTests/Fixtures/" + name) }

    /// Loads `text` under the display name `file`; the diagnostics, or none when it loaded.
    static func diagnostics(_ text: String, file: String) -> [Diagnostic] {
        switch CaseLoader.load(text: text, file: file, schema: RuleBookFixture.schema) {
        case .success: return []
        case .failure(let error): return error.diagnostics
        }
    }

    /// The diagnostics of a fixture, reported under its bare name.
    static func fixtureDiagnostics(_ name: String) -> [Diagnostic] { diagnostics(fixture(name), file: name) }

    /// The case files directly in `Samples/` (the good ones; the broken ones live in `Samples/bad/`).
    static func samples(in folder: String = "Samples") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }
}

extension Diagnostic {
    /// `line:column code`, the part of the headline a reader looks at first.
    var place: String { "\(location?.line ?? 0):\(location?.column ?? 0) \(code)" }

    /// The source text from the diagnostic's column to the end of its line.
    func quoted(in text: String) -> String {
        guard let location else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line - 1 < lines.count else { return "" }
        return String(lines[location.line - 1].dropFirst(location.column - 1))
    }
}
