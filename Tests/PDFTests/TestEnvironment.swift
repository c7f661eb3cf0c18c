import DocumentModel
import DossierCore
import Foundation
import PDF
import Testing
import Typesetting

/// Fonts, the real stylesheet and command-line tools for the PDF tests; everything is read from the repository.
enum TestEnvironment {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fonts: FontLibrary = {
        do {
            return try FontLibrary { name in
                Array(try Data(contentsOf: root.appendingPathComponent("Fonts").appendingPathComponent(name)))
            }
        } catch {
            fatalError("cannot load Fonts/: \(error)")
        }
    }()

    static let css: String = {
        (try? String(contentsOf: root.appendingPathComponent("Templates/dossier.css"), encoding: .utf8)) ?? ""
    }()

    static let stylesheet: Stylesheet = Stylesheet.parse(css, file: "Templates/dossier.css").0

    static func renderer(css: String? = nil, images: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) -> PDFRenderer {
        let sheet = css.map { Stylesheet.parse($0, file: "test.css").0 } ?? stylesheet
        return PDFRenderer(stylesheet: sheet, fonts: fonts, images: images)
    }

    /// Writes `bytes` to a fresh temporary file.
    static func write(_ bytes: [UInt8], name: String = "test.pdf") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a command-line tool; a missing tool is a failure (CI installs poppler-utils and qpdf), never a skip.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], expectStatus: Int32? = 0) throws -> String {
        let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ToolFailure(description: "\(tool) is not installed: apt-get install -y poppler-utils qpdf")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if let expected = expectStatus, process.terminationStatus != expected {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) exited with "
                              + "\(process.terminationStatus): \(text)\(String(decoding: errors, as: UTF8.self))")
        }
        return text
    }

    /// The file with every stream decompressed (qpdf QDF mode), for looking at content streams.
    static func uncompressed(_ url: URL) throws -> String {
        let out = url.deletingLastPathComponent().appendingPathComponent("qdf.pdf")
        try run("qpdf", ["--qdf", "--object-streams=disable", url.path, out.path])
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }
}

extension String {
    /// Unicode scalars, for comparisons that must tell NFC from NFD (`==` on String does not).
    var scalars: [UInt32] { unicodeScalars.map(\.value) }
}

/// Reads `pdfinfo` output.
enum PDFInfo {
    /// The value after `name:`, trimmed.
    static func field(_ name: String, in info: String) -> String? {
        for line in info.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
