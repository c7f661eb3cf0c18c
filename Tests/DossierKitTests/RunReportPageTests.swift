import DossierCore
import DossierKit
import Foundation
import Testing
import TestSupport

/// `index.html` of a run: every case with status, verdicts, deadlines, links and errors; escaped; works without a
/// server and without scripts.
@Suite struct RunReportPageTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    static func world(_ files: [String: String]) -> MemoryWorld {
        MemoryWorld(files: files.mapValues { Array($0.utf8) }, today: today)
    }

    static func page(_ files: [String: String]) throws -> String {
        let world = Self.world(files)
        try RunReportPage.write(folder: "out", world: world)
        return String(decoding: try world.read("out/index.html"), as: UTF8.self)
    }

    /// A report as `dossier render` writes it: a good case with a manifest and a bad CSV row.
    static let report = """
    {
      "dossier": 1,
      "cases": [
        {"id": "csv-001", "input": "in/clients.csv:2", "status": "ok",
         "packets": [{"procedure": "vn-single-status", "verdict": "eligible"}, {"procedure": "us-embassy-notarial", "verdict": "needs-review"}],
         "files": ["vn-single-status-checklist.html", "manifest.json"], "errors": [],
         "warnings": [{"severity": "warning", "code": "RULE050", "message": "check the fee", "file": "in/clients.csv", "line": 2, "column": 4}]},
        {"id": null, "input": "in/clients.csv:3", "status": "error", "packets": [], "files": [],
         "errors": [{"severity": "error", "code": "CASE014", "message": "`people.applicant.marital_status` cannot be `never-maried`",
                     "file": "in/clients.csv", "line": 3, "column": 84, "hint": "did you mean `never-married`?"}], "warnings": []},
        {"id": "2027-Y1", "input": "Samples/y.yaml", "status": "error", "packets": [], "files": [],
         "errors": [{"severity": "error", "code": "CASE013", "message": "not a real date", "file": "Samples/y.yaml", "line": 7, "column": 11}],
         "warnings": []}
      ]
    }
    """

    static let manifest = """
    {"dossier": 1, "case": "csv-001", "languages": ["vi", "en"], "packets": [
      {"procedure": "vn-single-status", "deadlines": [{"id": "b", "title": {"vi": "Nộp hồ sơ", "en": "File"}, "date": "2027-03-01"},
                                                     {"id": "a", "title": {"vi": "Xin giấy", "en": "Obtain"}, "date": "2027-01-15"}]},
      {"procedure": "us-embassy-notarial", "deadlines": [{"id": "c", "title": {"vi": "Hẹn", "en": "Appointment"}, "date": "2027-02-01"}]}
    ]}
    """

    @Test func everyCaseWithStatusVerdictsDeadlinesLinksAndErrors() throws {
        let html = try Self.page(["out/report.json": Self.report, "out/csv-001/manifest.json": Self.manifest])
        #expect(html.components(separatedBy: "<tr class=").count - 1 == 3, "one row per case, in the markup")
        #expect(html.contains("3 cases · 1 rendered · 2 with errors · 1 with warnings"))
        // Verdicts of both packets.
        #expect(html.contains(#"vn-single-status: <span class="verdict eligible">eligible</span>"#))
        #expect(html.contains(#"us-embassy-notarial: <span class="verdict needs-review">needs-review</span>"#))
        // Deadlines from the manifest, in the case's first language, in date order, each with its procedure.
        let obtain = try #require(html.range(of: "2027-01-15</time> vn-single-status: Xin giấy"))
        let appointment = try #require(html.range(of: "2027-02-01</time> us-embassy-notarial: Hẹn"))
        let file = try #require(html.range(of: "2027-03-01</time> vn-single-status: Nộp hồ sơ"))
        #expect(obtain.lowerBound < appointment.lowerBound && appointment.lowerBound < file.lowerBound)
        #expect(html.contains(#"data-label="Deadlines" data-sort="2027-01-15""#))
        // Links relative to the run folder.
        #expect(html.contains(#"<a href="./csv-001/vn-single-status-checklist.html">vn-single-status-checklist.html</a>"#))
        #expect(html.contains(#"<a href="./csv-001/manifest.json">"#))
        // A CSV error names the row and the column; a YAML error the line and column; hints shown.
        #expect(html.contains(#"<code>CASE014</code> <span class="where">in/clients.csv row 3, column 84</span>"#))
        #expect(html.contains("did you mean `never-married`?"))
        #expect(html.contains(#"<span class="where">Samples/y.yaml line 7, column 11</span>: not a real date"#))
        #expect(html.contains(#"<span class="where">in/clients.csv row 2, column 4</span>: check the fee"#))
        // A bad case has no links to files it does not have.
        #expect(!html.contains("./2027-Y1/"))
    }

    @Test func responsiveSortableSearchableAndReadableWithoutScripts() throws {
        let html = try Self.page(["out/report.json": Self.report, "out/csv-001/manifest.json": Self.manifest])
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        #expect(html.contains("@media (max-width: 700px)"))
        // The search box shows only when the script runs; the table is complete without it.
        #expect(html.contains(#"<input type="search" id="search" hidden="hidden""#))
        let head = try #require(html.range(of: "</head>"))
        let script = try #require(html.range(of: "<script>"))
        #expect(script.lowerBound < head.lowerBound)
        let scriptText = html[script.upperBound..<html.range(of: "</script>")!.lowerBound]
        #expect(!scriptText.contains("</") && !scriptText.contains("<!--"))
        #expect(html.contains("data-sort="))
    }

    @Test func userTextIsEscapedAndLinksStayRelative() throws {
        let report = """
        {"dossier": 1, "cases": [
          {"id": "javascript:alert(1)", "input": "in/<b>x</b>.yaml", "status": "ok",
           "packets": [{"procedure": "p\\"><script>alert(2)</script>", "verdict": "eligible"}],
           "files": ["a b&c.html", "../../etc/passwd"], "errors": [], "warnings": []},
          {"id": "<img src=x onerror=alert(3)>", "input": "z.yaml", "status": "error", "packets": [], "files": [],
           "errors": [{"severity": "error", "code": "CASE001", "message": "</td></tr><script>alert(4)</script>", "file": "z&.yaml", "line": 1, "column": 1}],
           "warnings": []}
        ]}
        """
        let html = try Self.page(["out/report.json": report])
        for raw in ["<script>alert", "<img src=x", "<b>x</b>", "href=\"javascript:", "\"><script>"] {
            #expect(!html.contains(raw), "\(raw) must not appear unescaped")
        }
        #expect(html.contains("in/&lt;b&gt;x&lt;/b&gt;.yaml"))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(4)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(3)&gt;"))
        #expect(html.contains(#"href="./javascript%3Aalert%281%29/a%20b%26c.html""#))
        #expect(html.contains(#"href="./javascript%3Aalert%281%29/..%2F..%2Fetc%2Fpasswd""#))
        #expect(html.contains("no manifest.json in the case folder"))
    }

    @Test func sameRunSameBytesInAnyFolder() throws {
        let files = ["out/report.json": Self.report, "out/csv-001/manifest.json": Self.manifest,
                     "elsewhere/run-2/report.json": Self.report, "elsewhere/run-2/csv-001/manifest.json": Self.manifest]
        let world = Self.world(files)
        try RunReportPage.write(folder: "out", world: world)
        try RunReportPage.write(folder: "elsewhere/run-2", world: world)
        let a = try world.read("out/index.html"), b = try world.read("elsewhere/run-2/index.html")
        #expect(a == b)
        #expect(try Self.page(files) == String(decoding: a, as: UTF8.self))
    }

    @Test func aBrokenReportIsAnErrorWithItsPosition() throws {
        let world = Self.world(["out/report.json": "{\"dossier\": 1, \"cases\": [\n  {\"id\": \"x\", \"status\": \"ok\"}\n]}\n"])
        #expect(throws: DiagnosticError.self) { try RunReportPage.write(folder: "out", world: world) }
        do { try RunReportPage.write(folder: "out", world: world) } catch {
            #expect(error.diagnostics.first?.code == "REPORT002")
            #expect(error.diagnostics.first?.location == SourceLocation(file: "out/report.json", line: 2, column: 3))
        }
        #expect(!world.exists("out/index.html"))
        let syntax = Self.world(["out/report.json": "{\"cases\": [\n  {\"input\": \"a\",,}\n]}"])
        do { try RunReportPage.write(folder: "out", world: syntax); Issue.record("a syntax error must be reported") } catch {
            #expect(error.diagnostics.first?.location?.file == "out/report.json")
            #expect(error.diagnostics.first?.location?.line == 2)
        }
    }

    /// The command on a real run: every case of report.json is on the page, with each manifest's deadlines.
    @Test func reportHTMLCommandRewritesTheIndexOfARun() throws {
        let out = Repository.temporaryFolder("report-html")
        let render = try Repository.dossier(["render", "Samples/n-600", "Samples/bad", "--out", out, "--format", "html", "--date", "2026-12-01"])
        #expect(render.status == 1, "the bad sample fails, the rest render")
        try? FileManager.default.removeItem(atPath: out + "/index.html")
        let run = try Repository.dossier(["report", "html", out])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let report = try Repository.json(out + "/report.json")
        let cases = report["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 7)
        for c in cases {
            #expect(html.contains(c["input"] as? String ?? "?"))
            guard let id = c["id"] as? String, c["status"] as? String == "ok" else { continue }
            for file in c["files"] as? [String] ?? [] { #expect(html.contains("href=\"./\(id)/\(file)\"")) }
            let manifest = try Repository.json("\(out)/\(id)/manifest.json")
            for packet in manifest["packets"] as? [[String: Any]] ?? [] {
                #expect(html.contains("\(packet["procedure"] as? String ?? ""): <span class=\"verdict"))
                for d in packet["deadlines"] as? [[String: Any]] ?? [] {
                    let title = (d["title"] as? [String: String])?["en"] ?? "?"
                    #expect(html.contains("\(d["date"] as? String ?? "?")</time> \(title)"), "\(id): \(title)")
                }
            }
        }
        let bad = try #require(cases.first { $0["status"] as? String == "error" })
        for e in bad["errors"] as? [[String: Any]] ?? [] {
            #expect(html.contains("\(e["file"] as? String ?? "?") line \(e["line"] as? Int ?? 0), column \(e["column"] as? Int ?? 0)"))
        }
        let missing = try Repository.dossier(["report", "html", out + "/nothing-here"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("REPORT001"))
    }

    static let chromium = "/usr/bin/chromium"

    /// In a browser: a header click sorts, typing filters; with scripts off every case is still shown.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: chromium)), .timeLimit(.minutes(2)))
    func sortsAndFiltersInABrowser() throws {
        let html = try Self.page(["out/report.json": Self.report, "out/csv-001/manifest.json": Self.manifest])
        let probe = """
        <script>
        document.addEventListener("DOMContentLoaded", function () { setTimeout(function () {
          document.querySelectorAll("#cases thead th button")[0].click();
          var order = Array.prototype.map.call(document.querySelectorAll("#cases tbody tr"), function (r) { return r.cells[0].getAttribute("data-sort"); });
          var search = document.getElementById("search"); search.value = "never-maried"; search.dispatchEvent(new Event("input"));
          var visible = Array.prototype.filter.call(document.querySelectorAll("#cases tbody tr"), function (r) { return !r.hidden; });
          document.body.setAttribute("data-probe", order.join(",") + ";" + visible.length + ";" + document.getElementById("shown").textContent);
        }, 0); });
        </script>
        </body>
        """
        let dir = Repository.temporaryFolder("report-browser")
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: dir + "/probe.html", atomically: true, encoding: .utf8)
        // Scripts off: the same page without its script (headless Chromium ignores the flags that turn scripts off).
        let start = try #require(html.range(of: "<script>")), end = try #require(html.range(of: "</script>"))
        var noScript = html
        noScript.removeSubrange(start.lowerBound..<end.upperBound)
        try noScript.write(toFile: dir + "/index.html", atomically: true, encoding: .utf8)
        let scripted = try Repository.run(Self.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir)/profile",
                                                          "--dump-dom", "file://\(dir)/probe.html"])
        #expect(scripted.stdout.contains(#"data-probe="2027-Y1,csv-001,in/clients.csv:3;1;1 of 3 cases shown""#), "\(scripted.stdout.suffix(400))")
        let plain = try Repository.run(Self.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir)/profile",
                                                       "--dump-dom", "file://\(dir)/index.html"])
        #expect(plain.stdout.components(separatedBy: "<tr class=").count - 1 == 3)
        #expect(plain.stdout.contains("2027-01-15</time> vn-single-status: Xin giấy"))
        #expect(plain.stdout.contains("in/clients.csv row 3, column 84"))
        #expect(plain.stdout.contains(#"id="search" hidden="#), "no search box that cannot work")
    }
}
