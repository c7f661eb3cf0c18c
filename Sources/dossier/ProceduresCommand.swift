import ArgumentParser
import CaseModel
import DossierCore
import DossierKit
import Rules

/// `dossier procedures`: id, titles in each language, source editions.
struct ProceduresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "procedures", abstract: "List the procedures and the editions of their sources.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let dossier = try common.dossier(pdf: false)
        let book = dossier.book
        var rows: [JSONValue] = []
        var text = ""
        for p in book.procedures {
            let id = p.id, section = CaseSchema.sectionName(for: p.id)
            let sources = p.sources.map { file in (file, book.sources.first { $0.file == file }?.edition ?? "") }
            rows.append(.object([
                ("id", .string(id)), ("section", .string(section)), ("available", .bool(true)),
                ("languages", .array(p.languages.map(JSONValue.string))),
                ("title", .object(p.title.entries.map { JSONMember($0.lang, .string($0.text)) })),
                ("sources", .array(sources.map { .object([("file", .string($0.0)), ("edition", .string($0.1))]) })),
            ]))
            text += "\(id)  [\(p.languages.joined(separator: ", "))]\n"
            for entry in p.title.entries { text += "  \(entry.lang): \(entry.text)\n" }
            for (file, edition) in sources { text += "  source: \(file) (\(edition))\n" }
        }
        Terminal.out(common.json ? JSONValue.array(rows).serialized() : text)
    }
}
