import CaseModel
import DocumentModel
import DossierCore
import HTMLExport

/// `index.html` of a run: one row per case with its status, verdicts, deadlines (from its `manifest.json`), links to
/// its files and, for a bad case, its errors with file, line (or CSV row) and column. Built as a document tree and
/// written by `HTMLExporter`, so every piece of user text is escaped by construction; a small script of ours makes
/// the table sortable and searchable, and the page reads the same without it.
public struct RunReportPage: Sendable {
    /// A dated step of a case, from its manifest.
    public struct Deadline: Sendable, Hashable {
        public var date: String
        public var title: String
        public var procedure: String
    }

    /// What the page shows of a case beyond `report.json`.
    public struct CaseDetails: Sendable, Hashable {
        public var deadlines: [Deadline] = []
        /// Why the manifest could not be read, if it could not.
        public var problem: String?
    }

    public var report: RunReportFile
    /// By case id (looked up, never iterated).
    public var details: [String: CaseDetails]

    /// The page of `report`, with each good case's details. The page does not name its folder, so the same run
    /// written into two folders gives the same bytes.
    public init(report: RunReportFile, details: [String: CaseDetails]) {
        self.report = report
        self.details = details
    }

    /// Reads `folder/report.json` and each good case's `folder/<id>/manifest.json`, and writes `folder/index.html`.
    /// A case whose manifest is missing or unreadable is still listed, with a note saying so.
    public static func write(folder: String, world: World) throws(DiagnosticError) {
        let reportPath = Dossier.join(folder, "report.json")
        let bytes: [UInt8]
        do { bytes = try world.read(reportPath) } catch {
            throw DiagnosticError([.error("REPORT001", "cannot read the run report: \(error)", at: .file(reportPath),
                                          hint: "give the folder that `dossier render --out DIR` wrote")])
        }
        var report: RunReportFile
        if let decoded = RunReportDecoding.report(bytes, path: reportPath) {
            report = decoded
        } else {
            // Not what the fast decoder expects: read it with positions, for an error that says where.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DiagnosticError([.error("REPORT001", "the run report is not UTF-8 text", at: .file(reportPath))])
            }
            switch RunReportFile.parse(text, path: reportPath) {
            case .failure(let error): throw error
            case .success(let r): report = r
            }
        }
        var details: [String: CaseDetails] = [:]
        for c in report.cases where c.status == "ok" {
            guard let id = c.id, details[id] == nil else { continue }
            details[id] = Self.details(manifest: Dossier.join(Dossier.join(folder, id), "manifest.json"), world: world)
        }
        let page = RunReportPage(report: report, details: details)
        do { try world.write(Array(page.html().utf8), to: Dossier.join(folder, "index.html")) } catch {
            throw DiagnosticError([.error("IO001", "cannot write index.html: \(error)", at: .file(Dossier.join(folder, "index.html")))])
        }
    }

    /// A case's deadlines from its manifest (titles in the case's first language), in date order.
    static func details(manifest path: String, world: World) -> CaseDetails {
        guard world.exists(path) else { return CaseDetails(problem: "no manifest.json in the case folder") }
        let bytes: [UInt8]
        do { bytes = try world.read(path) } catch { return CaseDetails(problem: "cannot read manifest.json: \(error)") }
        do { return CaseDetails(deadlines: try RunReportDecoding.deadlines(manifest: bytes)) } catch {
            // Say where, when the manifest is not JSON at all.
            if case .failure(let syntax) = SourceParser.parse(String(decoding: bytes, as: UTF8.self), file: path, codePrefix: "REPORT"),
               let first = syntax.diagnostics.first {
                return CaseDetails(problem: first.headline)
            }
            return CaseDetails(problem: "manifest.json does not have the shape of a Dossier manifest")
        }
    }

    /// The whole page; the same report and manifests always give the same bytes.
    public func html() -> String {
        var exporter = HTMLExporter()
        exporter.viewport = true
        exporter.script = RunReportAssets.script
        return exporter.html(for: document(), stylesheet: RunReportAssets.stylesheet)
    }

    /// The page as a document tree.
    public func document() -> Document {
        let cases = report.cases
        let failed = cases.filter { $0.status != "ok" }.count
        let warned = cases.filter { !$0.warnings.isEmpty }.count
        var counts = ["\(cases.count) case\(cases.count == 1 ? "" : "s")", "\(cases.count - failed) rendered", "\(failed) with errors"]
        if warned > 0 { counts.append("\(warned) with warnings") }
        if let shard = report.shard { counts.append("shard \(shard)") }
        let header = ["Case", "Status", "Result", "Deadlines", "Files"]
        let body: [Node] = [
            el("h1", [], [text("Run report")]),
            el("p", [("class", "meta")], [text(counts.joined(separator: " · "))]),
            el("p", [("class", "controls")], [
                el("input", [("type", "search"), ("id", "search"), ("hidden", "hidden"), ("aria-label", "Search the cases"),
                             ("placeholder", "Search: case, verdict, error, date…")], []),
                text(" "), el("span", [("id", "shown"), ("aria-live", "polite")], []),
            ]),
            el("table", [("id", "cases")], [
                el("thead", [], [el("tr", [], header.map { el("th", [("scope", "col")], [text($0)]) })]),
                el("tbody", [], cases.map(row)),
            ]),
        ]
        return Document(name: "index", title: "Dossier run report", language: "en", runningHeader: "Dossier run report",
                        body: Element("body", [Attribute("class", "run-report")], body))
    }

    func row(_ c: RunReportFile.Case) -> Node {
        let ok = c.status == "ok"
        let detail = ok ? c.id.flatMap { details[$0] } : nil
        // The case: its id (or, for a case that never got one, its input) and where it came from.
        var caseCell: [Node] = [el("strong", [], [text(c.id ?? "(no id)")])]
        caseCell += [el("br", [], []), el("span", [("class", "input")], [text(c.input)])]
        // Status, with the number of problems.
        var statusCell: [Node] = [el("span", [("class", "status \(ok ? "ok" : "error")")], [text(ok ? "ok" : "error")])]
        if !c.errors.isEmpty { statusCell.append(el("span", [("class", "count")], [text(" \(c.errors.count) error\(c.errors.count == 1 ? "" : "s")")])) }
        if !c.warnings.isEmpty { statusCell.append(el("span", [("class", "count")], [text(" \(c.warnings.count) warning\(c.warnings.count == 1 ? "" : "s")")])) }
        // Verdicts, then errors and warnings.
        var result: [Node] = []
        if !c.packets.isEmpty {
            result.append(el("ul", [("class", "verdicts")], c.packets.map { p in
                el("li", [], [text(p.procedure + ": "), el("span", [("class", "verdict \(Self.token(p.verdict))")], [text(p.verdict)])])
            }))
        }
        if !c.errors.isEmpty { result.append(el("ul", [("class", "problems errors")], c.errors.map(problem))) }
        if !c.warnings.isEmpty { result.append(el("ul", [("class", "problems warnings")], c.warnings.map(problem))) }
        if result.isEmpty { result.append(text("—")) }
        // Deadlines in date order; sorted by the earliest, cases without any last.
        var deadlineCell: [Node] = []
        if let problem = detail?.problem { deadlineCell.append(el("span", [("class", "note")], [text(problem)])) }
        if let deadlines = detail?.deadlines, !deadlines.isEmpty {
            let several = Set(deadlines.map(\.procedure)).count > 1
            deadlineCell.append(el("ul", [("class", "deadlines")], deadlines.map { d in
                el("li", [], [el("time", [("datetime", d.date)], [text(d.date)]), text(" " + (several ? "\(d.procedure): " : "") + d.title)])
            }))
        }
        if deadlineCell.isEmpty { deadlineCell.append(text("—")) }
        // Links to the case's files, relative to the run folder.
        var fileCell: [Node] = [text("—")]
        if ok, let id = c.id, !c.files.isEmpty {
            fileCell = [el("ul", [("class", "files")], c.files.map { file in
                el("li", [], [el("a", [("href", Self.href(id, file))], [text(file)])])
            })]
        }
        return el("tr", [("class", ok ? "ok" : "error")], [
            el("td", [("data-label", "Case"), ("data-sort", c.id ?? c.input)], caseCell),
            el("td", [("data-label", "Status"), ("data-sort", "\(ok ? "1" : "0")-\(Self.padded(c.errors.count))-\(Self.padded(c.warnings.count))")], statusCell),
            el("td", [("data-label", "Result"), ("data-sort", c.packets.map { "\($0.procedure): \($0.verdict)" }.joined(separator: ", "))], result),
            el("td", [("data-label", "Deadlines"), ("data-sort", detail?.deadlines.first?.date ?? "9999-99-99")], deadlineCell),
            el("td", [("data-label", "Files"), ("data-sort", String(c.files.count))], fileCell),
        ])
    }

    /// `CASE012 Samples/bad/x.yaml line 19, column 18: message (hint)`; a CSV's position is its row and column.
    func problem(_ p: RunReportFile.Problem) -> Node {
        var children: [Node] = [el("code", [], [text(p.code)]), text(" ")]
        if let file = p.file {
            var place = file
            if let line = p.line {
                place += file.hasSuffix(".csv") ? " row \(line)" : " line \(line)"
                if let column = p.column { place += ", column \(column)" }
            }
            children.append(el("span", [("class", "where")], [text(place)]))
            children.append(text(": "))
        }
        children.append(text(p.message))
        if let hint = p.hint { children.append(el("span", [("class", "hint")], [text(" (\(hint))")])) }
        return el("li", [("class", p.severity)], children)
    }

    /// A relative link `id/file` with each part percent-encoded, so no id can become a scheme (`javascript:`),
    /// a query or a fragment.
    static func href(_ id: String, _ file: String) -> String {
        "./" + percentEncoded(id) + "/" + percentEncoded(file)
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// A class-name-safe form of a verdict (`not-eligible`).
    static func token(_ s: String) -> String {
        String(s.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }.map(Character.init))
    }

    /// Fixed-width numbers so text order is number order.
    static func padded(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    func el(_ name: String, _ attributes: [(String, String)], _ children: [Node]) -> Node {
        .element(Element(name, attributes.map { Attribute($0.0, $0.1) }, children))
    }

    func text(_ s: String) -> Node { .text(s) }
}
