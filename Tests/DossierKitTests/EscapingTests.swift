import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// User text reaches HTML only as escaped text and reaches the PDF as the same characters, never as markup.
@Suite struct EscapingTests {
    @Test func markupInANameIsShownAsTextEverywhere() throws {
        let sample = try String(contentsOfFile: Repository.path("Samples/never-married-california-in-person.yaml"), encoding: .utf8)
        let hostile = #"<script>alert(1)</script> & \"Dan\" <b>"#
        let text = sample.replacingOccurrences(of: "given: Daniel", with: "given: \"\(hostile)\"")
        #expect(text != sample)
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: true)
        let result = dossier.render(CaseInput(name: "x.yaml", text: text, folder: "."), formats: OutputFormats(), date: nil)
        #expect(result.status == .ok)
        for file in result.files where file.name.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<script>"), "\(file.name)")
            #expect(!html.contains("<b>"), "\(file.name)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Dan\" &lt;b&gt;"), "\(file.name)")
        }
        let statement = try #require(result.files.first { $0.name == "vn-single-status-statement-of-non-impediment.pdf" })
        let path = NSTemporaryDirectory() + "escaping-\(ProcessInfo.processInfo.processIdentifier).pdf"
        try Data(statement.bytes).write(to: URL(fileURLWithPath: path))
        let extracted = try Repository.run("/usr/bin/pdftotext", ["-layout", path, "-"]).stdout
        #expect(extracted.contains("<script>alert(1)</script> & \"Dan\" <b>"))
    }
}
