import Foundation
import PDFFixtures
import Testing

/// Benchmarks/typst/checklist.typ is the benchmark checklist's twin for Typst: same words, same number of pages, so
/// pdf-bench.sh's Typst ratio is per identical document. Runs where Typst's Python binding is installed
/// (`pip install typst`, as the benchmark needs).
@Suite struct TypstTwinTests {
    static let python: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, typst; print(sys.executable)"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !path.isEmpty ? path : nil
    }()

    static func words(_ pdf: URL) throws -> [String] {
        try TestEnvironment.run("pdftotext", [pdf.path, "-"]).split(whereSeparator: { $0.isWhitespace }).map(String.init).sorted()
    }

    @Test(.enabled(if: python != nil), .timeLimit(.minutes(2)))
    func theTypstTwinHasTheChecklistsWordsAndPages() throws {
        let ours = TestEnvironment.renderer(css: TestEnvironment.css + "\n@page { size: A4; }\n")
            .render(SampleDocuments.checklist(items: 3, feeRows: 6))
        let oursURL = try TestEnvironment.write(ours.bytes, name: "ours.pdf")
        let typstURL = oursURL.deletingLastPathComponent().appendingPathComponent("typst.pdf")
        try TestEnvironment.run("env", ["python3", TestEnvironment.root.appendingPathComponent("Benchmarks/typst/typst-bench.py").path,
                                               "cold", TestEnvironment.root.path, typstURL.path])
        let pages = { (url: URL) in
            try TestEnvironment.run("pdfinfo", [url.path]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        }
        #expect(try pages(typstURL) == pages(oursURL))
        #expect(try pages(oursURL)?.hasSuffix(" 3") == true)
        let a = try Self.words(oursURL), b = try Self.words(typstURL)
        #expect(a.count > 600)
        let same = a == b
        #expect(same, "\(a.count) words in ours, \(b.count) in Typst's; words only ours has: \(Set(a).subtracting(b).sorted()); only Typst's: \(Set(b).subtracting(a).sorted())")
    }
}
