import Foundation

/// Paths in the repository and a way to run the built CLI; shared by every test target.
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The text of a file given relative to the repository root.
    public static func text(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path(relative)) ?? Data(), as: UTF8.self)
    }

    /// The `dossier` executable built from the current sources beside the tests (the test targets depend on it,
    /// so `swift test` builds it first), or `$DOSSIER_BIN`. Never a stale binary from elsewhere.
    public static var executable: String {
        if let bin = ProcessInfo.processInfo.environment["DOSSIER_BIN"] { return bin }
        var dir = Bundle.main.bundleURL
        // Bundle.main is the test runner: the products folder is where the .xctest bundle or the runner lives.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("dossier").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier").path
    }

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a program with arguments from the repository root.
    /// Runs a program in `directory` (the repository by default) with `environment` added and the variables in
    /// `removing` taken out of the inherited environment.
    public static func run(_ program: String, _ arguments: [String], in directory: String = root,
                           environment: [String: String] = [:], removing: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for name in removing { env[name] = nil }
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

    public static func dossier(_ arguments: [String]) throws -> Run { try run(executable, arguments) }

    /// A fresh temporary folder.
    public static func temporaryFolder(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "dossier-tests-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Good samples: every case file under Samples/ except Samples/bad/.
    public static var goodSamples: [String] {
        let enumerator = FileManager.default.enumerator(atPath: path("Samples"))
        var out: [String] = []
        while let rel = enumerator?.nextObject() as? String {
            if (rel.hasSuffix(".yaml") || rel.hasSuffix(".json")) && !rel.hasPrefix("bad/") { out.append("Samples/" + rel) }
        }
        return out.sorted()
    }

    public static func json(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Validates every `*/manifest.json` below `folder` against the interface's JSON Schema (Python's jsonschema);
    /// prints `checked N` and each problem.
    public static func validateManifests(in folder: String) throws -> Run {
        let script = """
        import json, sys, glob, jsonschema
        schema = json.load(open(sys.argv[1]))
        bad = 0
        for path in sorted(glob.glob(sys.argv[2] + '/*/manifest.json')):
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path))))
            for e in errors[:5]: print(path, list(e.path), e.message); bad += 1
        print('checked', len(glob.glob(sys.argv[2] + '/*/manifest.json')))
        sys.exit(1 if bad else 0)
        """
        return try run("/usr/bin/env", ["python3", "-c", script, path("Tests/DossierKitTests/manifest.schema.json"), folder])
    }
}
