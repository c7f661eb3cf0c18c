import Foundation
@testable import InterviewServer
import TestSupport
import XCTest

/// `dossier serve` over HTTP on 127.0.0.1: sessions and their tokens, answers checked with the case loader's
/// messages (never a 500), every value escaped, size limits, uploads with located diagnostics, a report and a ZIP,
/// and a log without personal data.
final class ServerTests: XCTestCase {
    nonisolated(unsafe) static var server: ServerProcess!

    override class func setUp() {
        super.setUp()
        server = try? ServerProcess()
    }

    override class func tearDown() {
        server?.stop()
        super.tearDown()
    }

    func client() throws -> HTTP {
        let server = try XCTUnwrap(Self.server, "dossier serve did not start")
        return HTTP(port: server.port)
    }

    /// Starts an interview: the start page, then Start; returns the first page.
    func started(_ http: inout HTTP, language: String = "en") throws -> HTTP.Reply {
        let start = try http.get("/?lang=\(language)")
        XCTAssertEqual(start.status, 200)
        let go = try http.post("/start", form: [("csrf", try XCTUnwrap(start.csrf))])
        XCTAssertEqual(go.status, 303)
        return try http.get("/interview")
    }

    /// Posts the page shown with these answers; follows the redirect to the next page.
    func answer(_ http: inout HTTP, _ page: HTTP.Reply, _ fields: [(String, String)]) throws -> HTTP.Reply {
        let posted = try http.post("/interview", form: [("csrf", try XCTUnwrap(page.csrf)), ("page", try XCTUnwrap(page.page)), ("action", "next")] + fields)
        XCTAssertNotEqual(posted.status, 500)
        guard posted.status == 303, let location = posted.header("Location") else { return posted }
        return try http.get(location)
    }

    func testTheStartPageSpeaksTheBrowsersLanguageAndSetsAStrictSessionCookie() throws {
        var http = try client()
        let page = try http.get("/", headers: [("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")])
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<html lang=\"vi\">"))
        XCTAssertTrue(page.text.contains("Dossier — phỏng vấn hướng dẫn"))
        let cookie = try XCTUnwrap(page.header("Set-Cookie"))
        XCTAssertTrue(cookie.hasPrefix("dossier_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie)
        XCTAssertEqual(page.header("X-Content-Type-Options"), "nosniff")
        XCTAssertEqual(page.header("Cache-Control"), "no-store")
        XCTAssertTrue(page.header("Content-Security-Policy")?.contains("default-src 'none'") ?? false)
        XCTAssertFalse(page.text.contains("<script"))
    }

    func testAFormWithoutThisSessionsTokenIsRefusedAndChangesNothing() throws {
        var http = try client()
        let first = try started(&http)
        XCTAssertEqual(first.page, "case")
        let forged = try http.post("/interview", form: [("csrf", "0123456789abcdef0123456789abcdef"), ("page", "case"), ("action", "next"),
                                                        ("case.procedures", "vn-single-status")])
        XCTAssertEqual(forged.status, 403)
        let missing = try http.post("/interview", form: [("page", "case"), ("action", "next"), ("case.procedures", "vn-single-status")])
        XCTAssertEqual(missing.status, 403)
        var stranger = HTTP(port: http.port)
        let noSession = try stranger.post("/interview", form: [("csrf", try XCTUnwrap(first.csrf)), ("page", "case"), ("action", "next")])
        XCTAssertEqual(noSession.status, 403)
        XCTAssertEqual(try http.get("/interview").page, "case")
    }

    func testWrongAnswersComeBackWithTheLoadersMessageNeverA500() throws {
        var http = try client()
        var page = try started(&http)
        page = try answer(&http, page, [("case.procedures", "vn-single-status"), ("case.languages#1", "en"), ("case.languages#2", "vi")])
        XCTAssertEqual(page.page, "people.applicant.name")
        page = try answer(&http, page, [("people.applicant.name.given", "Ann"), ("people.applicant.name.family", "Lee")])
        XCTAssertEqual(page.page, "people.applicant.sex")
        // An unknown choice.
        var again = try answer(&http, page, [("people.applicant.sex", "robot")])
        XCTAssertEqual(again.status, 200)
        XCTAssertEqual(again.page, "people.applicant.sex")
        XCTAssertTrue(again.text.contains("This is not one of the choices."), again.text)
        XCTAssertTrue(again.text.contains("CASE014: `people.applicant.sex` cannot be `robot`"), again.text)
        page = try answer(&http, again, [("people.applicant.sex", "female")])
        XCTAssertEqual(page.page, "people.applicant.birth")
        // The wrong type, then a day that does not exist.
        again = try answer(&http, page, [("people.applicant.birth.date", "soon"), ("people.applicant.birth.place", "Hue")])
        XCTAssertEqual(again.status, 200)
        XCTAssertTrue(again.text.contains("CASE012: `people.applicant.birth.date` expects a date YYYY-MM-DD, found a text value"), again.text)
        XCTAssertTrue(again.text.contains("aria-invalid=\"true\""))
        again = try answer(&http, again, [("people.applicant.birth.date", "1990-13-01"), ("people.applicant.birth.place", "Hue")])
        XCTAssertTrue(again.text.contains("1990-13-01 is not a real date: there is no month 13"), again.text)
        XCTAssertTrue(again.text.contains("value=\"1990-13-01\""), "the answer is kept to correct it")
        page = try answer(&http, again, [("people.applicant.birth.date", "1990-12-01"), ("people.applicant.birth.place", "Hue")])
        XCTAssertEqual(page.page, "people.applicant.us_status")
        // A page of another session's shape, or none: never an error page.
        XCTAssertEqual(try http.post("/interview", form: [("csrf", try XCTUnwrap(page.csrf)), ("page", "nonsense"), ("action", "next")]).status, 303)
        XCTAssertEqual(try http.get("/interview?page=%3Cscript%3E").page, "people.applicant.us_status")
    }

    func testEveryAnswerIsEscapedWhereverItIsShown() throws {
        var http = try client()
        var page = try started(&http)
        page = try answer(&http, page, [("case.procedures", "vn-single-status"), ("case.languages#1", "en"), ("case.languages#2", "vi")])
        let name = "<script>alert(\"x\")</script> & Co"
        page = try answer(&http, page, [("people.applicant.name.given", name), ("people.applicant.name.family", "O'Brien \"Q\"")])
        XCTAssertEqual(page.page, "people.applicant.sex")
        XCTAssertFalse(page.text.contains("<script"), "a typed tag never becomes markup")
        XCTAssertTrue(page.text.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co"), page.text)
        let back = try http.get("/interview?page=people.applicant.name")
        // In an attribute value `&`, `"` and `<` are escaped (a `>` there cannot end anything).
        XCTAssertTrue(back.text.contains("value=\"&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; Co\""), back.text)
        XCTAssertTrue(back.text.contains("value=\"O'Brien &quot;Q&quot;\""))
    }

    func testARequestLargerThanTheLimitIsRefused() throws {
        var http = try client()
        let page = try started(&http)
        let big = try http.post("/interview", form: [("csrf", try XCTUnwrap(page.csrf)), ("page", "case"), ("action", "next"),
                                                     ("padding", String(repeating: "x", count: 100_000))])
        XCTAssertEqual(big.status, 413)
    }

    func testAMalformedUploadShowsItsLocatedDiagnostics() throws {
        var http = try client()
        let form = try http.get("/upload")
        let mistakes = Array(Repository.text("Samples/bad/mistakes.yaml").utf8)
        let reply = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "mistakes.yaml", content: mistakes)
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(reply.text.contains("0 of 1 case(s) rendered."), reply.text)
        XCTAssertTrue(reply.text.contains("upload/mistakes.yaml:23:5: error[CASE010]: unknown key `marital_staus` in `people.applicant`"), reply.text)
        XCTAssertTrue(reply.text.contains("23 |     marital_staus: never-married"), "the line is quoted")
        XCTAssertTrue(reply.text.contains("hint: did you mean `marital_status`?"))
        let syntax = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "broken.json", content: Array("{\"dossier\": 2,,}".utf8))
        XCTAssertEqual(syntax.status, 200)
        XCTAssertTrue(syntax.text.contains("upload/broken.json:1:"), syntax.text)
        let wrongKind = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "notes.txt", content: Array("hello".utf8))
        XCTAssertEqual(wrongKind.status, 400)
        let noToken = try http.upload("/upload", csrf: "nope", fileName: "a.yaml", content: Array("dossier: 2".utf8))
        XCTAssertEqual(noToken.status, 403)
    }

    func testAJSONLUploadGivesTheRunReportAndAZipOfThePackets() throws {
        var http = try client()
        let form = try http.get("/upload")
        let good = #"{"dossier":2,"case":{"id":"web-001","prepared_on":"2026-11-22","languages":["en","vi"],"procedures":["vn-single-status"]},"people":{"applicant":{"name":{"given":"Anna","family":"Lee"},"sex":"female","birth":{"date":"1990-01-02","place":"Portland","country":"US"},"us_status":"citizen","passport":{"number":"X1"},"marital_status":"never-married"},"spouse":{"name":{"given":"Nam","family":"Tran"},"sex":"male","birth":{"date":"1988-05-06","place":"Hue"},"citizenship":["VN"]}},"vn_single_status":{"intended_spouse":"spouse","filing_in_vietnam":{"date":"2027-03-01","by":"in-person"},"consulate_submission":"mail","notary_state":"OR"}}"#
        let bad = #"{"dossier":2,"case":{"id":"web-002","procedures":["vn-single-status"]},"people":{"applicant":{"name":{"given":"B","family":"C"},"sx":"male"}}}"#
        let reply = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "clients.jsonl", content: Array((good + "\n" + bad + "\n").utf8))
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(reply.text.contains("1 of 2 case(s) rendered."), reply.text)
        XCTAssertTrue(reply.text.contains("upload/clients.jsonl:2:"), reply.text)
        let zip = try http.get("/upload/packets.zip")
        XCTAssertEqual(zip.status, 200)
        XCTAssertEqual(zip.header("Content-Type"), "application/zip")
        XCTAssertEqual(Array(zip.body.prefix(2)), Array("PK".utf8))
        let file = Repository.temporaryFolder("upload-zip") + "/packets.zip"
        try Data(zip.body).write(to: URL(fileURLWithPath: file))
        let listing = try Repository.run("/usr/bin/unzip", ["-l", file])
        for entry in ["web-001/packet.pdf", "web-001/vn-single-status-checklist.html", "web-001/manifest.json", "report.json", "report.csv"] {
            XCTAssertTrue(listing.stdout.contains(entry), listing.stdout)
        }
        XCTAssertFalse(listing.stdout.contains("web-002/"))
        let report = try http.get("/upload/report.csv")
        XCTAssertTrue(report.text.contains("web-001,upload/clients.jsonl:1,ok,vn-single-status:eligible,0,"), report.text)
        XCTAssertTrue(report.text.contains(",upload/clients.jsonl:2,error,"), report.text)
        // The same upload gives the same ZIP.
        _ = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "clients.jsonl", content: Array((good + "\n" + bad + "\n").utf8))
        XCTAssertEqual(try http.get("/upload/packets.zip").body, zip.body)
    }

    func testACSVUploadRendersEachRowAndPointsAtTheBadCell() throws {
        var http = try client()
        let form = try http.get("/upload")
        let header = "dossier,case.id,case.prepared_on,case.languages,case.procedures,people.applicant.name.given,people.applicant.name.family,people.applicant.sex,people.applicant.birth.date,people.applicant.birth.place,people.applicant.birth.country,people.applicant.us_status,people.applicant.passport.number,people.applicant.marital_status,people.spouse.name.given,people.spouse.name.family,people.spouse.sex,people.spouse.birth.date,people.spouse.birth.place,people.spouse.citizenship,vn_single_status.intended_spouse,vn_single_status.filing_in_vietnam.date,vn_single_status.filing_in_vietnam.by,vn_single_status.consulate_submission,vn_single_status.notary_state"
        let good = "2,csv-001,2026-11-22,en|vi,vn-single-status,Anna,Lee,female,1990-01-02,Portland,US,citizen,X1,never-married,Nam,Tran,male,1988-05-06,Hue,VN,spouse,2027-03-01,in-person,mail,OR"
        let bad = "2,csv-002,2026-11-22,en|vi,vn-single-status,Bob,Ray,male,1990-01-02,Reno,US,citizen,X2,never-maried,Lan,Le,female,1995-02-28,Hue,VN,spouse,2027-03-01,in-person,mail,NV"
        let reply = try http.upload("/upload", csrf: try XCTUnwrap(form.csrf), fileName: "clients.csv", content: Array([header, good, bad, ""].joined(separator: "\n").utf8))
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(reply.text.contains("1 of 2 case(s) rendered."), reply.text)
        let column = bad.distance(from: bad.startIndex, to: bad.range(of: "never-maried")!.lowerBound) + 1
        XCTAssertTrue(reply.text.contains("upload/clients.csv:3:\(column): error[CASE014]"), reply.text)
    }

    func testAnInterviewSavedAsAFileGoesOnInAnotherSession() throws {
        var http = try client()
        var page = try started(&http, language: "vi")
        page = try answer(&http, page, [("case.procedures", "vn-single-status"), ("case.languages#1", "vi"), ("case.languages#2", "en")])
        page = try answer(&http, page, [("people.applicant.name.given", "Lan"), ("people.applicant.name.family", "Phạm")])
        XCTAssertEqual(page.page, "people.applicant.sex")
        let saved = try http.get("/save?page=people.applicant.sex")
        XCTAssertEqual(saved.status, 200)
        XCTAssertEqual(saved.header("Content-Disposition"), "attachment; filename=\"answers.partial.yaml\"")
        XCTAssertTrue(saved.text.contains("\"people.applicant.name.family\": \"Phạm\""), saved.text)

        var later = HTTP(port: http.port)
        let start = try later.get("/?lang=en")
        XCTAssertTrue(start.text.contains("Go on with a saved interview"))
        let resumed = try later.upload("/resume", csrf: try XCTUnwrap(start.csrf), fileName: "answers.partial.yaml", content: saved.body)
        XCTAssertEqual(resumed.status, 303)
        XCTAssertEqual(resumed.header("Location"), "/interview?page=people.applicant.sex")
        let again = try later.get("/interview?page=people.applicant.sex")
        XCTAssertEqual(again.page, "people.applicant.sex")
        XCTAssertTrue(again.text.contains("<html lang=\"vi\">"), "the saved language comes back")
        XCTAssertTrue(again.text.contains("Phạm"))
        let notSaved = try later.upload("/resume", csrf: try XCTUnwrap(start.csrf), fileName: "x.yaml", content: Array("dossier: 2\n".utf8))
        XCTAssertEqual(notSaved.status, 400)
        XCTAssertTrue(notSaved.text.contains("Tệp này không phải là một cuộc phỏng vấn đã lưu."), notSaved.text)
    }

    func testTheLogNamesNoAnswer() throws {
        var http = try client()
        var page = try started(&http)
        page = try answer(&http, page, [("case.procedures", "vn-single-status"), ("case.languages#1", "en"), ("case.languages#2", "vi")])
        _ = try answer(&http, page, [("people.applicant.name.given", "Zebulon"), ("people.applicant.name.family", "Quixwell")])
        let log = try XCTUnwrap(Self.server).log
        XCTAssertTrue(log.contains("POST /interview 303"), log)
        XCTAssertFalse(log.contains("Zebulon") || log.contains("Quixwell"), log)
    }

    func testSessionsAreForgottenAfterTheirTime() async {
        let store = SessionStore(ttl: 60, capacity: 2)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let s = await store.create(language: "en", date: .init(year: 2026, month: 11, day: 22)!, now: t0)
        let found = await store.session(s.id, now: t0.addingTimeInterval(59))
        XCTAssertNotNil(found)
        let kept = await store.session(s.id, now: t0.addingTimeInterval(59 + 59))
        XCTAssertNotNil(kept, "each request restarts the clock")
        let gone = await store.session(s.id, now: t0.addingTimeInterval(59 + 59 + 61))
        XCTAssertNil(gone)
        // At most `capacity` sessions: the least recently used goes first.
        let a = await store.create(language: "en", date: .init(year: 2026, month: 11, day: 22)!, now: t0)
        _ = await store.create(language: "en", date: .init(year: 2026, month: 11, day: 22)!, now: t0.addingTimeInterval(1))
        _ = await store.create(language: "en", date: .init(year: 2026, month: 11, day: 22)!, now: t0.addingTimeInterval(2))
        let evicted = await store.session(a.id, now: t0.addingTimeInterval(3))
        XCTAssertNil(evicted)
        let count = await store.count
        XCTAssertEqual(count, 2)
    }
}
