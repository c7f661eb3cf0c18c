import DocumentModel
import DossierCore
import DossierKit
import Interview
import Rules

/// The end of an interview (verdicts, checklist, downloads) and an upload's run report.
struct ResultPages {
    let layout: Layout
    var lang: String { layout.lang }
    func t(_ key: String, _ values: [String: String] = [:]) -> String { layout.t(key, values) }

    func done(_ completion: InterviewCompletion, rendered: RenderedCase?) -> String {
        var main: [Node] = [H.el("p", [("class", "context")], t("page.packet"))]
        let ok = completion.diagnostics.isEmpty && rendered?.status == .ok
        main.append(H.el("h1", [], t(ok ? "page.done" : "page.not_done")))
        let diagnostics = completion.diagnostics + (rendered?.diagnostics.filter { $0.severity == .error } ?? [])
        if !diagnostics.isEmpty {
            main.append(diagnosticList(diagnostics, sources: ["case.yaml": completion.yaml]))
        }
        for plan in completion.plans { main += packet(plan) }
        if ok, let rendered {
            var links: [Node] = []
            if rendered.files.contains(where: { $0.name == "packet.pdf" }) {
                links.append(H.el("li", [], [H.link("/download/packet.pdf", t("result.pdf"), [("download", "packet.pdf")])]))
            }
            for file in rendered.files where file.name.hasSuffix(".html") {
                links.append(H.el("li", [], [H.link("/download/" + file.name, t("result.html", ["name": file.name]), [("download", file.name)])]))
            }
            links.append(H.el("li", [], [H.link("/download/case.yaml", t("result.case_file"), [("download", "case.yaml")])]))
            links.append(H.el("li", [], [H.link("/download/packet.zip", t("result.zip"), [("download", "packet.zip")])]))
            main.append(H.el("section", [("aria-labelledby", "downloads-h")], [H.el("h2", [("id", "downloads-h")], t("result.downloads")),
                                                                             H.el("ul", [("class", "downloads")], links)]))
        }
        main.append(H.el("p", [], [H.link("/interview?page=case", t("result.check_again"))]))
        return layout.page(title: t(ok ? "page.done" : "page.not_done"), path: "/done", main: main)
    }

    /// A packet's verdict, reasons, documents, fees and dates, in the reader's language where the rules have it.
    func packet(_ plan: PacketPlan) -> [Node] {
        var nodes: [Node] = [
            H.el("h2", [], [H.localized(plan.title, lang)]),
            H.el("p", [("class", "verdict " + plan.verdict.rawValue)], [H.text(t("result.verdict") + ": "),
                                                                       H.el("strong", [], t("verdict." + plan.verdict.rawValue))]),
        ]
        if !plan.reasons.isEmpty {
            nodes.append(H.el("ul", [("class", "reasons")], plan.reasons.map { H.el("li", [], [H.localized($0.message, lang)]) }))
        }
        nodes.append(H.el("h3", [], t("result.documents")))
        // The list's own numbers 1…n are the checklist's.
        nodes.append(H.el("ol", [("class", "documents")], plan.documents.map { d in H.el("li", [], [H.localized(d.title, lang)]) }))
        if !plan.fees.isEmpty {
            nodes.append(H.el("h3", [], t("result.fees")))
            nodes.append(H.el("ul", [], plan.fees.map { f in H.el("li", [], [H.text(f.amount.display + " — "), H.localized(f.title, lang)]) }))
        }
        if !plan.deadlines.isEmpty {
            nodes.append(H.el("h3", [], t("result.deadlines")))
            nodes.append(H.el("ul", [], plan.deadlines.map { d in H.el("li", [], [H.text(d.date.iso + " — "), H.localized(d.title, lang)]) }))
        }
        return nodes
    }

    /// Diagnostics as `dossier check` prints them: file, line, column, the line quoted and a caret.
    func diagnosticList(_ diagnostics: [Diagnostic], sources: [String: String]) -> Node {
        let renderer = DiagnosticRenderer(sources: sources)
        return H.el("div", [("class", "problems"), ("role", "alert")], [
            H.el("h2", [], t("upload.problems")),
            H.el("pre", [("class", "diagnostics"), ("lang", "en")], diagnostics.map(renderer.render).joined(separator: "\n\n")),
        ])
    }

    // MARK: uploads

    func uploadForm(csrf: String, message: String? = nil, result: UploadResult? = nil) -> String {
        var main: [Node] = [H.el("h1", [], t("upload.title")), H.el("p", [], t("upload.help"))]
        if let message { main.append(H.el("div", [("class", "problems"), ("role", "alert")], [H.el("p", [], message)])) }
        if let result { main += report(result) }
        main.append(H.el("form", [("method", "post"), ("action", "/upload"), ("enctype", "multipart/form-data")], [
            H.hidden("csrf", csrf),
            H.el("div", [("class", "question")], [
                H.el("label", [("for", "file")], t("upload.file")),
                H.el("input", [("type", "file"), ("id", "file"), ("name", "file"), ("accept", ".yaml,.yml,.json,.csv,.jsonl")]),
            ]),
            H.el("div", [("class", "actions")], [H.el("button", [("type", "submit"), ("class", "primary")], t("upload.submit"))]),
        ]))
        return layout.page(title: t("upload.title"), path: "/upload", main: main)
    }

    func report(_ result: UploadResult) -> [Node] {
        let ok = result.output.results.filter { $0.status == .ok }.count
        var nodes: [Node] = [
            H.el("h2", [], t("upload.report") + " — " + result.fileName),
            H.el("p", [("class", "summary")], t("upload.rendered", ["ok": String(ok), "total": String(result.output.results.count)])),
        ]
        var rows: [Node] = [H.el("tr", [], ["id", "input", "status", "packets"].map { H.el("th", [("scope", "col")], $0) })]
        for r in result.output.results {
            rows.append(H.el("tr", [], [
                H.el("td", [], r.caseID ?? "—"), H.el("td", [], r.input), H.el("td", [("class", r.status.rawValue)], r.status.rawValue),
                H.el("td", [], r.packets.map { "\($0.procedure): \(t("verdict." + $0.verdict))" }.joined(separator: "; ")),
            ]))
        }
        nodes.append(H.el("table", [("class", "report")], rows))
        let diagnostics = result.problems + result.output.results.flatMap(\.diagnostics).filter { $0.severity == .error }
        if !diagnostics.isEmpty { nodes.append(diagnosticList(diagnostics, sources: result.sources)) }
        nodes.append(H.el("ul", [("class", "downloads")], [
            H.el("li", [], [H.link("/upload/packets.zip", t("upload.zip"), [("download", "packets.zip")])]),
            H.el("li", [], [H.link("/upload/report.json", "report.json", [("download", "report.json")])]),
            H.el("li", [], [H.link("/upload/report.csv", "report.csv", [("download", "report.csv")])]),
        ]))
        return nodes
    }
}
