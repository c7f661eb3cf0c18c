import Compose
import Foundation
import HTMLExport
import Testing

/// Prints the exported HTML with headless Chromium and reads the PDF back: the margin boxes must carry the case id
/// and "Page X of Y". Runs only where both tools are installed (`chromium`, `pdftotext`).
@Suite struct ChromiumPrintTests {
    static let chromium = "/usr/bin/chromium"
    static let pdftotext = "/usr/bin/pdftotext"
    static let available = FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: pdftotext)

    @Test(.enabled(if: available), .timeLimit(.minutes(1)))
    func printedPagesShowTheCaseIdAndPageXOfY() throws {
        var context = Fixtures.packet
        // Enough documents for several pages.
        if case .object(var top) = context, let i = top.firstIndex(where: { $0.key == "packet" }),
           case .object(var packet) = top[i].value, let j = packet.firstIndex(where: { $0.key == "documents" }),
           case .list(let docs) = packet[j].value {
            packet[j].value = .list(Array(repeating: docs, count: 10).flatMap { $0 })
            top[i].value = .object(packet)
            context = .object(top)
        }
        let template = try Template(file: "checklist.xhtml", bytes: Fixtures.load("checklist.xhtml"))
        let doc = try template.compose(context, strings: Fixtures.strings, options: Fixtures.bilingual)
        let html = HTMLExporter().html(for: doc, stylesheet: Fixtures.text("test.css"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let htmlURL = dir.appendingPathComponent("checklist.html"), pdfURL = dir.appendingPathComponent("checklist.pdf")
        try Data(html.utf8).write(to: htmlURL)
        try run(Self.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                "--user-data-dir=\(dir.path)/profile", "--print-to-pdf=\(pdfURL.path)", htmlURL.absoluteString])
        let text = try run(Self.pdftotext, ["-layout", pdfURL.path, "-"])
        let headers = text.split(separator: "\n").filter { $0.contains("Page ") && $0.contains("VN-2027-014") }
        #expect(headers.count >= 2)
        let total = headers.count
        for (index, line) in headers.enumerated() {
            #expect(line.hasSuffix("Page \(index + 1) of \(total)"))
        }
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
