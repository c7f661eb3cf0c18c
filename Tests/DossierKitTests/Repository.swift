import Foundation

/// Paths in the repository and a way to run the built CLI.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The `dossier` executable `swift test` built beside the tests (or `$DOSSIER_BIN`).
    static var executable: String {
        if let bin = ProcessInfo.processInfo.environment["DOSSIER_BIN"] { return bin }
        let tests = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier").path
        return FileManager.default.isExecutableFile(atPath: tests) ? tests : path(".build/debug/dossier")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program with arguments from the repository root.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func dossier(_ arguments: [String]) throws -> Run { try run(executable, arguments) }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "dossier-tests-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Good samples: every case file under Samples/ except Samples/bad/.
    static var goodSamples: [String] {
        let enumerator = FileManager.default.enumerator(atPath: path("Samples"))
        var out: [String] = []
        while let rel = enumerator?.nextObject() as? String {
            if (rel.hasSuffix(".yaml") || rel.hasSuffix(".json")) && !rel.hasPrefix("bad/") { out.append("Samples/" + rel) }
        }
        return out.sorted()
    }

    static func json(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
