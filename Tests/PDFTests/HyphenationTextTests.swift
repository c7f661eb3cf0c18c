import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// A hyphen drawn at a line break is not part of the text: copy and search give the word whole.
@Suite struct HyphenationTextTests {
    typealias S = SampleDocuments

    @Test func hyphenatedWordsExtractWhole() throws {
        let css = TestEnvironment.css + "\n@page { size: A4; margin: 50pt 200pt; } p { text-align: justify; hyphens: auto; }"
        let text = "The government is unable to verify this information, but on the legal basis there is no reason "
            + "why this permanent resident cannot marry a Vietnamese citizen according to the law of the United States."
        let doc = Document(name: "h", title: "h", language: "en", runningHeader: "",
                           body: Element("body", [], [S.el("p", ["lang": "en"], [S.txt(text)])]))
        let pdf = TestEnvironment.renderer(css: css).render(doc)
        let url = try TestEnvironment.write(pdf.bytes)
        let extracted = try TestEnvironment.run("pdftotext", [url.path, "-"])
        let raw = try TestEnvironment.run("pdftotext", ["-raw", url.path, "-"])
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," }).map(String.init))
        // The layout hyphenated a word (the raw text shows a line ending in a hyphen) …
        #expect(raw.split(separator: "\n").contains { $0.hasSuffix("-") }, "\(raw)")
        // … and the extracted text has every word whole, no piece of one.
        let separators: Set<Character> = [" ", ".", ",", "\n", "\u{0C}"]
        let body = extracted.split(separator: "\n").filter { !$0.hasPrefix("Page ") }.joined(separator: "\n")
        let got: [String] = body.split(whereSeparator: { separators.contains($0) }).map(String.init)
        #expect(Set(got) == words, "\(Set(got).symmetricDifference(words))")
    }
}
