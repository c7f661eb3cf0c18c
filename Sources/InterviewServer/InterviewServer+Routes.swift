import DocumentModel
import DossierCore
import DossierKit
import Foundation
import HTTPTypes
import Hummingbird
import Interview
import NIOCore

extension InterviewServer {
    // MARK: the interview

    func start(_ request: Request) async throws -> Reply {
        let (s, isNew) = await session(request)
        await store.save(s)
        return startPage(s, isNew: isNew)
    }

    /// The start page: Start, go on with a saved interview, the uploads for consultancies.
    func startPage(_ s: Session, isNew: Bool, message: String? = nil, status: HTTPResponse.Status = .ok) -> Reply {
        let l = layout(s)
        var main: [Node] = [
            H.el("h1", [], l.t("app.title")),
            H.el("p", [("class", "intro")], l.t("app.intro")),
        ]
        if let message { main.append(H.el("div", [("class", "problems"), ("role", "alert")], [H.el("p", [], message)])) }
        main += [
            H.el("form", [("method", "post"), ("action", "/start")], [
                H.hidden("csrf", s.csrf),
                H.el("div", [("class", "actions")], [H.el("button", [("type", "submit"), ("class", "primary")], l.t("app.start"))]),
            ]),
        ]
        if !s.answers.values.isEmpty { main.append(H.el("p", [], [H.link("/interview", l.t("nav.next") + " →")])) }
        main.append(H.el("form", [("method", "post"), ("action", "/resume"), ("enctype", "multipart/form-data"), ("class", "resume")], [
            H.hidden("csrf", s.csrf),
            H.el("div", [("class", "question")], [
                H.el("label", [("for", "saved")], l.t("app.resume")),
                H.el("p", [("class", "help"), ("id", "saved-help")], l.t("app.resume_help")),
                H.el("input", [("type", "file"), ("id", "saved"), ("name", "file"), ("aria-describedby", "saved-help")]),
            ]),
            H.el("div", [("class", "actions")], [H.el("button", [("type", "submit"), ("class", "secondary")], l.t("app.resume_submit"))]),
        ]))
        main.append(H.el("p", [("class", "upload-link")], [H.link("/upload", l.t("upload.title"))]))
        var reply = Reply.html(l.page(title: l.t("app.title"), path: "/", main: main), status: status)
        if isNew { reply.cookie = s.id }
        return reply
    }

    /// The answers so far as a file (the terminal's `.partial` format), to go on later here or in the terminal.
    func saveAnswers(_ request: Request) async throws -> Reply {
        let (s, _) = await session(request)
        let state = engine(for: s).walk(s.answers)
        let asked: String? = request.uri.queryParameters.get("page")
        let page = asked ?? state.current?.id
        let saved = SavedInterview(language: s.language, date: s.date, procedures: nil, page: page, answers: s.answers)
        return .file(Array(saved.yaml().utf8), name: "answers.partial.yaml", type: "application/yaml; charset=utf-8")
    }

    /// Goes on with a saved interview (from this app or the terminal's `case.yaml.partial`).
    func resume(_ request: Request) async throws -> Reply {
        var (s, isNew) = await session(request)
        let bytes = try await body(request, limit: options.maxUploadBytes, session: s)
        let parsed = FormData.multipart(bytes, contentType: request.headers[.contentType] ?? "")
        try checkToken(parsed?.form ?? FormData(), s, isNew: isNew)
        guard let file = parsed?.file, let text = String(validating: file.bytes, as: UTF8.self), let saved = SavedInterview.read(text) else {
            return startPage(s, isNew: false, message: layout(s).t("app.resume_bad"), status: .badRequest)
        }
        s.answers = saved.answers
        if let procedures = saved.procedures, saved.answers.given("case.procedures") == nil {
            s.answers["case.procedures"] = procedures.joined(separator: ", ")
        }
        if strings.languages.contains(saved.language) { s.language = saved.language }
        s.date = saved.date
        s.rendered = nil
        s.renderedFrom = nil
        await store.save(s)
        return .redirect("/interview" + (saved.page.map { "?page=" + H.query($0) } ?? ""))
    }

    /// Starts over: the answers are forgotten.
    func restart(_ request: Request) async throws -> Reply {
        var (s, isNew) = await session(request)
        let form = FormData.urlEncoded(String(decoding: try await body(request, limit: options.maxFormBytes, session: s).readableBytesView, as: UTF8.self))
        try checkToken(form, s, isNew: isNew)
        s.answers = Answers()
        s.rendered = nil
        s.renderedFrom = nil
        await store.save(s)
        return .redirect("/interview")
    }

    func showPage(_ request: Request) async throws -> Reply {
        let (s, isNew) = await session(request)
        await store.save(s)
        let engine = engine(for: s)
        let state = engine.walk(s.answers)
        let asked: String? = request.uri.queryParameters.get("page")
        guard let page = asked.flatMap({ state.page($0) }) ?? state.current else {
            var r = Reply.redirect("/done")
            if isNew { r.cookie = s.id }
            return r
        }
        var reply = Reply.html(InterviewPage(layout: layout(s), engine: engine, state: state, answers: s.answers, csrf: s.csrf).html(page))
        if isNew { reply.cookie = s.id }
        return reply
    }

    /// A page's answers: checked at once; the page again with the problems, or on to the next page.
    func submitPage(_ request: Request) async throws -> Reply {
        var (s, isNew) = await session(request)
        let form = FormData.urlEncoded(String(decoding: try await body(request, limit: options.maxFormBytes, session: s).readableBytesView, as: UTF8.self))
        try checkToken(form, s, isNew: isNew)
        let engine = engine(for: s)
        let state = engine.walk(s.answers)
        guard let pageID = form["page"], let page = state.page(pageID) else { return .redirect("/interview") }
        if form["action"] == "back" {
            return .redirect("/interview" + (state.page(before: pageID).map { "?page=" + H.query($0.id) } ?? ""))
        }
        var posted: [String: String] = [:]
        for q in page.questions { posted[q.id] = form.joined(q.id) ?? "" }
        s.answers.submit(page, posted)
        s.rendered = nil
        s.renderedFrom = nil
        await store.save(s)
        let after = engine.walk(s.answers)
        if let shown = after.page(pageID), after.problems.contains(where: { p in shown.questions.contains { $0.id == p.question } || p.question == pageID }) {
            return .html(InterviewPage(layout: layout(s), engine: engine, state: after, answers: s.answers, csrf: s.csrf).html(shown))
        }
        if let next = after.page(after: pageID), after.pages.contains(where: { $0.id == next.id }) {
            return .redirect("/interview?page=" + H.query(next.id))
        }
        return .redirect(after.current == nil ? "/done" : "/interview")
    }

    // MARK: the result

    /// Renders the finished case once (kept in the session until an answer changes).
    func finished(_ s: inout Session) -> (InterviewCompletion, RenderedCase?)? {
        let state = engine(for: s).walk(s.answers)
        guard state.current == nil, let completion = state.completion else { return nil }
        guard completion.diagnostics.isEmpty else { return (completion, nil) }
        if s.renderedFrom != completion.yaml || s.rendered == nil {
            s.rendered = dossier.render(CaseInput(name: "case.yaml", text: completion.yaml, folder: "."), formats: OutputFormats(), date: nil)
            s.renderedFrom = completion.yaml
            if let folder = options.saveFolder, let rendered = s.rendered, rendered.status == .ok, let id = rendered.caseID {
                let disk = FileSystemWorld()
                try? disk.createDirectory(folder + "/" + id)
                try? disk.write(Array(completion.yaml.utf8), to: folder + "/" + id + "/case.yaml")
                for file in rendered.files { try? disk.write(file.bytes, to: folder + "/" + id + "/" + file.name) }
            }
        }
        return (completion, s.rendered)
    }

    func done(_ request: Request) async throws -> Reply {
        var (s, isNew) = await session(request)
        guard let (completion, rendered) = finished(&s) else {
            await store.save(s)
            var r = Reply.redirect("/interview")
            if isNew { r.cookie = s.id }
            return r
        }
        await store.save(s)
        return .html(ResultPages(layout: layout(s)).done(completion, rendered: rendered))
    }

    func download(_ request: Request, name: String) async throws -> Reply {
        var (s, _) = await session(request)
        guard let (completion, rendered) = finished(&s), let rendered, rendered.status == .ok else {
            await store.save(s)
            return .redirect("/interview")
        }
        await store.save(s)
        if name == "case.yaml" { return .file(Array(completion.yaml.utf8), name: "case.yaml", type: "application/yaml; charset=utf-8") }
        if name == "packet.zip" {
            let id = rendered.caseID ?? "case"
            let entries = rendered.files.map { (id + "/" + $0.name, $0.bytes) } + [(id + "/case.yaml", Array(completion.yaml.utf8))]
            return .file(try ZipWriter.zip(entries), name: "packet.zip", type: "application/zip")
        }
        guard let file = rendered.files.first(where: { $0.name == name }) else {
            return .html(layout(s).page(title: "404", path: "/done", main: [H.el("h1", [], "404")]), status: .notFound)
        }
        return .file(file.bytes, name: file.name, type: Self.contentType(file.name))
    }

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".pdf") { return "application/pdf" }
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".json") { return "application/json" }
        if name.hasSuffix(".csv") { return "text/csv; charset=utf-8" }
        if name.hasSuffix(".png") { return "image/png" }
        if name.hasSuffix(".jpg") { return "image/jpeg" }
        return "application/octet-stream"
    }

    // MARK: uploads

    func uploadForm(_ request: Request) async throws -> Reply {
        let (s, isNew) = await session(request)
        await store.save(s)
        var reply = Reply.html(ResultPages(layout: layout(s)).uploadForm(csrf: s.csrf, result: s.upload))
        if isNew { reply.cookie = s.id }
        return reply
    }

    /// A case file, CSV or JSONL: each case rendered in memory, the report shown, the packets zipped.
    func upload(_ request: Request) async throws -> Reply {
        var (s, isNew) = await session(request)
        let pages = ResultPages(layout: layout(s))
        let bytes = try await body(request, limit: options.maxUploadBytes, session: s)
        guard let (form, file) = FormData.multipart(bytes, contentType: request.headers[.contentType] ?? "") else {
            try checkToken(FormData(), s, isNew: isNew)
            return .html(pages.uploadForm(csrf: s.csrf, message: pages.t("upload.unsupported")), status: .badRequest)
        }
        try checkToken(form, s, isNew: isNew)
        guard let file, !file.bytes.isEmpty else {
            return .html(pages.uploadForm(csrf: s.csrf, message: pages.t("upload.empty")), status: .badRequest)
        }
        let name = Self.safeName(file.fileName)
        let extensions = [".yaml", ".yml", ".json", ".csv", ".jsonl"]
        guard extensions.contains(where: { name.lowercased().hasSuffix($0) }) else {
            return .html(pages.uploadForm(csrf: s.csrf, message: pages.t("upload.unsupported")), status: .badRequest)
        }
        let world = MemoryWorld(files: ["upload/" + name: file.bytes], today: options.date ?? dossier.world.today())
        var (cases, problems) = InputCollector(world: world, schema: dossier.book.schema).collect(["upload/" + name])
        if cases.count > options.maxUploadCases {
            problems.append(.error("CASE003", "only the first \(options.maxUploadCases) of \(cases.count) cases are rendered in one upload", at: .file("upload/" + name)))
            cases = Array(cases.prefix(options.maxUploadCases))
        }
        let output = BatchRunner(dossier: dossier, formats: OutputFormats(), date: options.date, jobs: 1).renderInMemory(cases)
        var sources: [String: String] = ["upload/" + name: String(decoding: file.bytes, as: UTF8.self)]
        for r in output.results { for (k, v) in r.sources { sources[k] = v } }
        var entries: [(String, [UInt8])] = []
        for r in output.results where r.status == .ok {
            for f in r.files { entries.append(((r.caseID ?? "case") + "/" + f.name, f.bytes)) }
        }
        entries.append(("report.json", Array(output.reportJSON.utf8)))
        entries.append(("report.csv", Array(output.reportCSV.utf8)))
        if let folder = options.saveFolder {
            let disk = FileSystemWorld()
            for (path, bytes) in entries {
                try? disk.createDirectory((folder + "/" + path).split(separator: "/").dropLast().joined(separator: "/"))
                try? disk.write(bytes, to: folder + "/" + path)
            }
        }
        s.upload = UploadResult(fileName: name, output: output, sources: sources, problems: problems, zip: try ZipWriter.zip(entries))
        await store.save(s)
        return .html(pages.uploadForm(csrf: s.csrf, result: s.upload))
    }

    func uploadDownload(_ request: Request, name: String) async throws -> Reply {
        let (s, _) = await session(request)
        guard let upload = s.upload else { return .redirect("/upload") }
        switch name {
        case "packets.zip": return .file(upload.zip, name: "packets.zip", type: "application/zip")
        case "report.json": return .file(Array(upload.output.reportJSON.utf8), name: "report.json", type: "application/json")
        case "report.csv": return .file(Array(upload.output.reportCSV.utf8), name: "report.csv", type: "text/csv; charset=utf-8")
        default: return .redirect("/upload")
        }
    }

    /// The uploaded file's own name without folders, in safe characters (it names the cases in reports).
    static func safeName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        let kept = base.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._-".unicodeScalars.contains(s)) ? Character(s) : "_"
        }
        let out = String(kept)
        return out.isEmpty || out.hasPrefix(".") ? "upload" + out : out
    }
}
