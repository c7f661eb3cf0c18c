import ArgumentParser
import DossierCore
import DossierKit
import Foundation
import Interview

/// `dossier interview --out case.yaml`: the guided interview in the terminal. Asks only what the chosen procedures
/// need, checks each answer at once, saves a half-finished interview beside the case file (`case.yaml.partial`) and
/// goes on from there next time; at the end writes the case file, prints each packet's verdict and checklist, and
/// offers to render the packet.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Answer questions in the terminal; get a checked case file and, if you like, the packet.",
        discussion: "Type < to go back, ? to see why a question is asked, :save to save and stop. Run the same command again to go on.")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Prepare this procedure (repeat for several); default: choose in the interview.") var procedure: [String] = []
    @Option(name: .long, help: "Language of the questions (en, vi, es); default: en, or the saved interview's.") var lang: String?
    @Option(name: .long, help: "The case file to write (YAML).") var out: String
    @Option(name: .long, help: "The day of the interview (the case's prepared_on), YYYY-MM-DD; default today.") var date: EvaluationDate?
    @Option(name: .long, help: "Render the packet at the end without asking (yes) or not at all (no).") var render: YesNo?

    enum YesNo: String, ExpressibleByArgument { case yes, no }

    func run() throws {
        let dossier = try common.dossier(pdf: false)
        let resources = common.resourceFolder()
        let builtIn = resources == "." ? "Templates" : resources + "/Templates"
        // A consultancy's own templates may leave out the interview's words: the built-in ones are used then.
        let templateDir = common.templates.map { dossier.world.isDirectory($0 + "/interview/strings") ? $0 : builtIn } ?? builtIn
        let strings = try Self.strings(world: dossier.world, templates: templateDir)
        for p in procedure where dossier.book.procedure(p) == nil {
            throw ValidationError("unknown procedure `\(p)`; available: \(dossier.book.procedures.map(\.id).joined(separator: ", "))")
        }
        if let lang, !strings.languages.contains(lang) {
            throw ValidationError("--lang takes one of: \(strings.languages.joined(separator: ", "))")
        }
        let partial = out + ".partial"
        let editor = LineEditor()
        var saved: SavedInterview?
        if FileManager.default.fileExists(atPath: partial) {
            guard let text = try? String(contentsOfFile: partial, encoding: .utf8), let s = SavedInterview.read(text) else {
                throw ValidationError("\(partial) is not a saved interview; move it away to start again")
            }
            let language = lang ?? s.language
            editor.write(strings.text("terminal.resume", language, ["file": partial]) + " [\(strings.text("answer.yes", language))/\(strings.text("answer.no", language))]\n")
            let reply = editor.readLine(prompt: "> ") ?? ""
            if reply.trimmingCharacters(in: .whitespaces).isEmpty || Self.yes(reply, strings) == true { saved = s }
        }
        let language = lang ?? saved?.language ?? "en"
        let day = saved?.date ?? date?.date ?? dossier.world.today()
        let fixed = saved?.procedures ?? (procedure.isEmpty ? nil : procedure)
        let engine = InterviewEngine(book: dossier.book, strings: strings, language: language, date: day, procedures: fixed)
        var session = TerminalInterview(engine: engine, editor: editor, answers: saved?.answers ?? Answers(), partialFile: partial)
        if !editor.interactive { editor.write(strings.text("terminal.not_tty", language) + "\n") }
        editor.write(strings.text("app.title", language) + "\n" + strings.text("terminal.help", language) + "\n")
        guard let completion = session.run(resumeAt: saved?.page) else { return }
        if !completion.diagnostics.isEmpty {
            Terminal.printDiagnostics(completion.diagnostics, sources: ["case.yaml": completion.yaml], json: false)
            throw ExitCode(1)
        }
        try completion.yaml.write(toFile: out, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: partial)
        editor.write("\n" + strings.text("terminal.written", language, ["file": out]) + "\n")
        let caseLanguage = completion.plans.first.flatMap { plan in plan.title[language] != nil ? language : nil } ?? "en"
        for plan in completion.plans {
            editor.write(Summary.text(plan, language: caseLanguage))
        }
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
        var doRender = render == .yes
        if render == nil {
            editor.write(strings.text("terminal.render_offer", language, ["folder": folder]) + " [\(strings.text("answer.yes", language))/\(strings.text("answer.no", language))]\n")
            let reply = editor.readLine(prompt: "> ") ?? strings.text("answer.no", language)
            doRender = reply.trimmingCharacters(in: .whitespaces).isEmpty || Self.yes(reply, strings) == true
        }
        if doRender {
            let renderer = try common.dossier(pdf: true)
            let input = CaseInput(name: out, text: completion.yaml, folder: folder)
            let result = renderer.render(input, formats: OutputFormats(list: "html,pdf")!, date: nil)
            Terminal.printDiagnostics(result.diagnostics, sources: result.sources, json: false)
            guard result.status == .ok, let id = result.caseID else { throw ExitCode(1) }
            let target = folder + "/" + id
            try renderer.world.createDirectory(target)
            for file in result.files { try renderer.world.write(file.bytes, to: target + "/" + file.name) }
            editor.write(strings.text("terminal.rendered", language, ["folder": target]) + "\n")
        }
    }

    static func yes(_ reply: String, _ strings: InterviewStrings) -> Bool? { strings.yesNo(reply) }

    /// The interview's catalogs: every `<lang>.yaml` in `<templates>/interview/strings/`, English first.
    static func strings(world: World, templates: String) throws -> InterviewStrings {
        let folder = templates + "/interview/strings"
        let files = (try? world.list(folder)) ?? []
        var languages = files.compactMap { path -> String? in
            let name = String(path.split(separator: "/").last ?? "")
            return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : nil
        }.sorted()
        if let en = languages.firstIndex(of: "en") { languages.insert(languages.remove(at: en), at: 0) }
        if languages.isEmpty { languages = ["en"] }
        do {
            return try InterviewStrings.load(languages: languages) { try world.readText(folder + "/\($0).yaml") }
        } catch {
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: false)
            throw ExitCode(3)
        }
    }
}
