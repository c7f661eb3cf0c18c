import DocumentModel
import DossierCore
import HTMLExport

/// The four forms of a `dossier diff` result: a terminal table, CSV, JSON and a standalone HTML page to send a client.
public enum ImpactReport {
    static let header = ["case", "input", "procedure", "change", "item", "title", "old", "new"]

    static func rows(_ impacts: [RuleChangeImpact.CaseImpact]) -> [[String]] {
        impacts.flatMap { impact -> [[String]] in
            if !impact.diagnostics.isEmpty {
                return [[impact.caseID, impact.input, "", "error", impact.diagnostics.first?.code ?? "", impact.diagnostics.first?.message ?? "", "", ""]]
            }
            return impact.packets.flatMap { p in
                p.changes.map { [impact.caseID, impact.input, p.procedure, $0.kind.rawValue, $0.item, $0.title, $0.old, $0.new] }
            }
        }
    }

    public static func text(_ impacts: [RuleChangeImpact.CaseImpact], old: String, new: String) -> String {
        let changed = impacts.filter(\.changed)
        var out = "\(old) → \(new): \(changed.count) of \(impacts.count) case(s) change\n"
        for impact in impacts where impact.changed || !impact.diagnostics.isEmpty {
            out += "\n\(impact.caseID.isEmpty ? impact.input : impact.caseID)  (\(impact.input))\n"
            for d in impact.diagnostics { out += "  error \(d.headline)\n" }
            for p in impact.packets where !p.changes.isEmpty {
                for c in p.changes {
                    let arrow = c.old.isEmpty ? "+ \(c.new)" : c.new.isEmpty ? "− \(c.old)" : "\(c.old) → \(c.new)"
                    let what = c.title.isEmpty ? c.item : c.title
                    out += "  \(p.procedure)  \(c.kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(what.isEmpty ? "" : what + ": ")\(arrow)\n"
                }
            }
        }
        return out
    }

    public static func csv(_ impacts: [RuleChangeImpact.CaseImpact]) -> String {
        ([header] + rows(impacts)).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func cell(_ s: String) -> String {
        // A cell starting with = + - @ is text, not a formula, when the CSV is opened in a spreadsheet.
        let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
        return safe.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + safe.replacingAll("\"", with: "\"\"") + "\"" : safe
    }

    public static func json(_ impacts: [RuleChangeImpact.CaseImpact], old: String, new: String) -> JSONValue {
        .object([
            ("old", .string(old)), ("new", .string(new)),
            ("cases", .array(impacts.map { i in
                .object([
                    ("case", .string(i.caseID)), ("input", .string(i.input)), ("changed", .bool(i.changed)),
                    ("errors", i.diagnostics.isEmpty ? nil : .array(i.diagnostics.map { .string($0.headline) })),
                    ("packets", .array(i.packets.map { p in
                        .object([("procedure", .string(p.procedure)), ("changes", .array(p.changes.map { c in
                            .object([("change", .string(c.kind.rawValue)), ("item", .string(c.item)), ("title", .string(c.title)),
                                     ("old", .string(c.old)), ("new", .string(c.new))])
                        }))])
                    })),
                ])
            })),
        ])
    }

    /// A page a consultancy can send: which clients' packets change, and how, one table per case.
    public static func html(_ impacts: [RuleChangeImpact.CaseImpact], old: String, new: String, stylesheet: String) -> String {
        func el(_ name: String, _ attrs: [Attribute] = [], _ children: [Node]) -> Node { .element(Element(name, attrs, children)) }
        func text(_ s: String) -> Node { .text(s) }
        let changed = impacts.filter(\.changed)
        var body: [Node] = [
            el("h1", [], [text("What changes: \(old) → \(new)")]),
            el("p", [Attribute("class", "meta")], [text("\(changed.count) of \(impacts.count) case(s) change.")]),
        ]
        for impact in impacts where impact.changed || !impact.diagnostics.isEmpty {
            body.append(el("h2", [], [text(impact.caseID.isEmpty ? impact.input : "\(impact.caseID) — \(impact.input)")]))
            for d in impact.diagnostics { body.append(el("p", [Attribute("class", "warning")], [text(d.headline)])) }
            for p in impact.packets where !p.changes.isEmpty {
                var rows: [Node] = [el("tr", [], ["Change", "What", "Before", "After"].map { el("th", [], [text($0)]) })]
                for c in p.changes {
                    rows.append(el("tr", [], [c.kind.rawValue, c.title.isEmpty ? c.item : c.title, c.old, c.new].map { el("td", [], [text($0)]) }))
                }
                body.append(el("h3", [], [text(p.procedure)]))
                body.append(el("table", [Attribute("class", "fees")], [el("tbody", [], rows)]))
            }
        }
        let document = Document(name: "diff", title: "Dossier — \(old) → \(new)", language: "en", runningHeader: "\(old) → \(new)",
                                body: Element("body", [Attribute("class", "checklist")], body))
        return HTMLExporter().html(for: document, stylesheet: stylesheet)
    }
}
