import ArgumentParser
import DossierCore
import Foundation
import InterviewServer

/// `dossier serve`: the guided interview and batch uploads as a local web app.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the guided interview (and uploads of case files, CSV, JSONL) as a local web app.",
        discussion: "Listens on 127.0.0.1 unless --host says otherwise. Answers stay in memory (sessions expire) unless --save-to is given.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Port to listen on (0: any free port).") var port = 8080
    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "The day interviews are held for (their prepared_on), YYYY-MM-DD; default today.") var date: EvaluationDate?
    @Option(name: .long, help: "Forget a session this many minutes after its last request.") var sessionMinutes = 30
    @Option(name: .long, help: "Largest upload accepted, in kilobytes.") var maxUploadKb = 2048
    @Option(name: .long, help: "Also write finished case files and packets into this folder.") var saveTo: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
        guard sessionMinutes >= 1 else { throw ValidationError("--session-minutes must be at least 1") }
        guard maxUploadKb >= 1 else { throw ValidationError("--max-upload-kb must be at least 1") }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.date = date?.date
        options.sessionMinutes = sessionMinutes
        options.maxUploadBytes = maxUploadKb * 1024
        options.saveFolder = saveTo
        let server: InterviewServer
        do {
            server = try InterviewServer(resources: common.resourceFolder(), rules: common.rules, templates: common.templates, options: options)
        } catch {
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: common.json)
            throw ExitCode(3)
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run { url in Terminal.out("Dossier is listening on \(url)\n") }
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.get() {
            FileHandle.standardError.write(Data("dossier serve: \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// The server task's error, read once it ends.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.lock(); message = m; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
}
