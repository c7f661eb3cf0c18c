import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// Whole HTML documents of one sample against reviewed goldens. Re-record with `DOSSIER_RECORD=1 swift test`.
@Suite struct GoldenHTMLTests {
    static let sample = "Samples/divorced-texas-power-of-attorney.yaml"

    @Test func texasSampleDocumentsMatchTheirGoldens() throws {
        let world = FileSystemWorld()
        let dossier = try Dossier(world: world, resources: Repository.root, pdf: false)
        let path = Repository.path(Self.sample)
        let input = CaseInput(name: Self.sample, text: try world.readText(path), folder: Repository.path("Samples"))
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        #expect(result.status == .ok, "\(result.diagnostics.map(\.headline))")
        let record = ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1"
        for file in result.files where file.name.hasSuffix(".html") || file.name == "manifest.json" {
            let golden = Repository.path("Tests/DossierKitTests/Golden/\(file.name)")
            var actual = String(decoding: file.bytes, as: UTF8.self)
            if file.name.hasSuffix(".html") { actual = try Self.withoutStylesheet(actual) }
            if record {
                try FileManager.default.createDirectory(atPath: Repository.path("Tests/DossierKitTests/Golden"), withIntermediateDirectories: true)
                try actual.write(toFile: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try #require(try? String(contentsOfFile: golden, encoding: .utf8), "no golden \(file.name); run DOSSIER_RECORD=1 swift test")
            #expect(actual == expected, "\(file.name) differs from its golden:\n\(Self.diff(expected, actual))")
        }
    }

    /// The page with its inline copy of `Templates/dossier.css` replaced by a marker, after checking that the copy is
    /// the file: a stylesheet change then re-records no golden, and the goldens show only what the templates wrote.
    static func withoutStylesheet(_ html: String) throws -> String {
        let css = try String(contentsOfFile: Repository.path("Templates/dossier.css"), encoding: .utf8)
        let inline = "<style>\n" + css.replacingOccurrences(of: "</", with: "<\\/") + (css.hasSuffix("\n") ? "" : "\n")
            + "</style>\n"
        guard let range = html.range(of: inline) else {
            Issue.record("the page does not hold Templates/dossier.css inline")
            return html
        }
        return html.replacingCharacters(in: range, with: "<style>/* Templates/dossier.css, checked and left out */</style>\n")
    }

    /// The first differing lines, numbered, for a readable failure.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 24 {
            let x = i < a.count ? String(a[i]) : "<none>"
            let y = i < b.count ? String(b[i]) : "<none>"
            if x != y { out.append("line \(i + 1):\n  - \(x)\n  + \(y)") }
        }
        return out.joined(separator: "\n")
    }
}
