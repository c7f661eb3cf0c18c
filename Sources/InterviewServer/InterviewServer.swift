import DocumentModel
import DossierCore
import DossierKit
import Foundation
import HTTPTypes
import Hummingbird
import Interview
import Logging
import NIOCore

/// `dossier serve`: the guided interview as web pages that work without JavaScript, and batch uploads for
/// consultancies. Everything a visitor gives stays in memory (sessions expire) unless a save folder is set;
/// forms carry a per-session token; every value is escaped by the page writer; requests are size-limited; the log
/// names methods, paths and statuses only.
public struct InterviewServer: Sendable {
    let dossier: Dossier
    let strings: InterviewStrings
    let stylesheet: String
    let options: ServerOptions
    let store: SessionStore

    static let cookie = "dossier_session"

    /// Loads the resources into memory (rule book, templates, fonts) and checks them.
    public init(resources: String, rules: String? = nil, templates: String? = nil, options: ServerOptions) throws(DiagnosticError) {
        let world: ResourceWorld
        do { world = try ResourceWorld(resources: resources, rules: rules, templates: templates, day: options.date) } catch {
            throw DiagnosticError([.error("IO001", "cannot read the resources: \(error)", at: .file(resources))])
        }
        dossier = try Dossier(world: world, resources: ".", pdf: true)
        let languages = ["en"] + ((try? world.list("Templates/interview/strings")) ?? [])
            .compactMap { $0.split(separator: "/").last.map(String.init) }.filter { $0.hasSuffix(".yaml") && $0 != "en.yaml" }
            .map { String($0.dropLast(5)) }.sorted()
        strings = try InterviewStrings.load(languages: languages) { try world.readText("Templates/interview/strings/\($0).yaml") }
        do { stylesheet = try world.readText("Templates/interview/interview.css") } catch {
            throw DiagnosticError([.error("TPL002", "cannot read Templates/interview/interview.css: \(error)", at: .file("Templates/interview/interview.css"))])
        }
        self.options = options
        store = SessionStore(ttl: TimeInterval(options.sessionMinutes * 60), capacity: options.maxSessions)
    }

    /// The routes, for the server and for tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog())
        router.get("/") { request, _ in await self.respond(request) { try await self.start(request) } }
        router.post("/start") { request, _ in await self.respond(request) { try await self.restart(request) } }
        router.get("/interview") { request, _ in await self.respond(request) { try await self.showPage(request) } }
        router.post("/interview") { request, _ in await self.respond(request) { try await self.submitPage(request) } }
        router.get("/save") { request, _ in await self.respond(request) { try await self.saveAnswers(request) } }
        router.post("/resume") { request, _ in await self.respond(request) { try await self.resume(request) } }
        router.get("/done") { request, _ in await self.respond(request) { try await self.done(request) } }
        router.get("/download/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await self.respond(request) { try await self.download(request, name: name) }
        }
        router.get("/upload") { request, _ in await self.respond(request) { try await self.uploadForm(request) } }
        router.post("/upload") { request, _ in await self.respond(request) { try await self.upload(request) } }
        router.get("/upload/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await self.respond(request) { try await self.uploadDownload(request, name: name) }
        }
        return router
    }

    /// Listens until stopped (SIGINT, SIGTERM); `ready` gets the URL once the socket is bound.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .notice
        let app = Application(router: router(), configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? self.options.port
                                  ready("http://\(self.options.host):\(port)/")
                              }, logger: logger)
        try await app.runService()
    }

    // MARK: sessions

    /// The visitor's session, or a new one (then the response sets its cookie).
    func session(_ request: Request) async -> (Session, isNew: Bool) {
        if let s = await store.session(request.cookies[Self.cookie]?.value) {
            return (apply(language: request, to: s), false)
        }
        let lang = preferredLanguage(request)
        let s = await store.create(language: lang, date: options.date ?? dossier.world.today())
        return (apply(language: request, to: s), true)
    }

    /// `?lang=vi` switches the session's language.
    func apply(language request: Request, to session: Session) -> Session {
        var s = session
        if let lang = request.uri.queryParameters.get("lang"), strings.languages.contains(lang) { s.language = lang }
        return s
    }

    /// The first of the browser's languages the interview speaks, else English.
    func preferredLanguage(_ request: Request) -> String {
        let header = request.headers[.acceptLanguage] ?? ""
        for part in header.split(separator: ",") {
            let code = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).prefix(2).lowercased() } ?? ""
            if strings.languages.contains(code) { return code }
        }
        return "en"
    }

    func engine(for session: Session) -> InterviewEngine {
        InterviewEngine(book: dossier.book, strings: strings, language: session.language, date: session.date)
    }

    func layout(_ session: Session) -> Layout { Layout(strings: strings, stylesheet: stylesheet, lang: session.language) }

    // MARK: responses

    /// Runs a handler; any error becomes a page (bad input never gets a 500), and the session cookie is set.
    func respond(_ request: Request, _ body: () async throws -> Reply) async -> Response {
        let reply: Reply
        do { reply = try await body() } catch let e as ReplyError {
            reply = e.reply
        } catch {
            reply = Reply.html("<!DOCTYPE html><html lang=\"en\"><title>Error</title><p>Something went wrong on our side.</p></html>", status: .internalServerError)
        }
        return reply.response()
    }

    /// The body of a POST, at most `limit` bytes (413 beyond).
    func body(_ request: Request, limit: Int, session: Session) async throws -> ByteBuffer {
        do { return try await request.body.collect(upTo: limit) } catch {
            let page = layout(session).page(title: strings.text("upload.too_large", session.language), path: "/",
                                            main: [H.el("h1", [], strings.text("upload.too_large", session.language))])
            throw ReplyError(reply: .html(page, status: .contentTooLarge))
        }
    }

    /// A form not made for this session (no token, or another one): refused, and said so.
    func checkToken(_ form: FormData, _ session: Session, isNew: Bool) throws {
        guard !isNew, let token = form["csrf"], Self.constantTimeEqual(token, session.csrf) else {
            let l = layout(session)
            let key = isNew ? "session.expired" : "session.bad_form"
            let page = l.page(title: l.t(key), path: "/", main: [
                H.el("h1", [], l.t(key)), H.el("p", [], [H.link("/", l.t("nav.restart"))]),
            ])
            var reply = Reply.html(page, status: .forbidden)
            reply.cookie = session.id
            throw ReplyError(reply: reply)
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// What a handler answers: a page, a redirect or a download; the session cookie when one was made.
struct Reply: Sendable {
    var status: HTTPResponse.Status = .ok
    var contentType = "text/html; charset=utf-8"
    var body: [UInt8] = []
    var location: String?
    var download: String?
    var cookie: String?

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Reply {
        Reply(status: status, body: Array(text.utf8))
    }

    static func redirect(_ location: String) -> Reply {
        Reply(status: .seeOther, contentType: "text/plain; charset=utf-8", location: location)
    }

    static func file(_ bytes: [UInt8], name: String, type: String) -> Reply {
        Reply(contentType: type, body: bytes, download: name)
    }

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        if let location { headers[.location] = location }
        if let download { headers[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"\(download)\"" }
        if let cookie { headers.append(HTTPField(name: .setCookie, value: "\(InterviewServer.cookie)=\(cookie); Path=/; HttpOnly; SameSite=Strict")) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// A reply thrown from deep inside a handler (a refused form, a body too large).
struct ReplyError: Error {
    var reply: Reply
}

/// One line per request: method, path (never the query or the body), status and time. No personal data.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000 + (ContinuousClock.now - start).components.seconds * 1000
        context.logger.notice("\(request.method) \(Self.route(request.uri.path)) \(response.status.code) \(ms)ms")
        return response
    }

    /// The path without the parts a visitor chose (a download's file name is ours, but keep the log uniform).
    static func route(_ path: String) -> String {
        if path.hasPrefix("/download/") { return "/download/…" }
        if path.hasPrefix("/upload/") { return "/upload/…" }
        return path
    }
}
