import CaseModel
import DossierCore
import Foundation
import Rules

/// Lays out the pages the interview would ask, in order, for the answers so far: the envelope, the applicant, each
/// procedure's section (a person the section names right after the question that names them), the last details.
/// A field is asked when the case format requires it or a procedure `needs` it now; a section's other facts are
/// offered together on one page of optional questions. Everything it says comes from the schema and the rule book.
struct Planner {
    let engine: InterviewEngine
    let answers: Answers
    /// Written path (`people.applicant.passport`) → the needs that ask for it now.
    let needed: [String: [NeededFact]]

    var schema: CaseSchema { engine.book.schema }
    var strings: InterviewStrings { engine.strings }

    /// People created so far in this layout, in order: (id, the question that created them).
    private(set) var created: [(id: String, question: String)] = []

    init(engine: InterviewEngine, answers: Answers, needed: [String: [NeededFact]]) {
        self.engine = engine
        self.answers = answers
        self.needed = needed
    }

    /// The chosen procedures: fixed by the caller, else the envelope's answer (known ids only, in the book's order).
    var procedures: [String] {
        if let fixed = engine.procedures { return fixed }
        let choices = engine.book.procedures.map { Choice(value: $0.id, label: $0.title) }
        guard case .list(let chosen, _)? = AnswerParser.parse(.choices(choices), answers.given("case.procedures") ?? "", strings: strings) else { return [] }
        return engine.book.procedures.map(\.id).filter { chosen.contains($0) }
    }

    mutating func pages() -> [Page] {
        created = []
        var pages = [envelopePage()]
        let procedures = self.procedures
        guard !procedures.isEmpty else { return pages }
        pages += personPages(InterviewEngine.applicantID, context: strings.localized("role.you"))
        for id in procedures {
            guard let section = schema.procedure(id) else { continue }
            pages += sectionPages(section)
        }
        pages.append(finishPage())
        return pages
    }

    // MARK: envelope

    func envelopePage() -> Page {
        var questions: [Question] = []
        if engine.procedures == nil {
            let choices = engine.book.procedures.map { Choice(value: $0.id, label: $0.title) }
            questions.append(Question(id: "case.procedures", path: ["case", "procedures"], kind: .choices(choices),
                                      label: strings.localized("envelope.procedures"), help: strings.localized("envelope.procedures_help"),
                                      required: true, defaultAnswer: nil, reasons: []))
        }
        let languages = packetLanguages
        let primary = languages.contains(engine.language) ? engine.language : languages.first ?? "en"
        let names = languages.map { Choice(value: $0, label: strings.localized("language.\($0)")) }
        questions.append(Question(id: "case.languages#1", path: ["case", "languages"], kind: .choice(names),
                                  label: strings.localized("envelope.primary_language"), help: strings.localized("envelope.primary_language_help"),
                                  required: true, defaultAnswer: primary, reasons: []))
        let second = languages.first { $0 != primary }
        questions.append(Question(id: "case.languages#2", path: ["case", "languages"],
                                  kind: .choice(names + [Choice(value: "-", label: strings.localized("envelope.second_language_none"))]),
                                  label: strings.localized("envelope.second_language"), help: strings.localized("envelope.second_language_help"),
                                  required: false, defaultAnswer: second ?? "-", reasons: []))
        return Page(id: "case", role: .envelope, context: strings.localized("page.packet"), title: strings.localized("page.packet_title"),
                    help: nil, questions: questions, reasons: [])
    }

    /// The languages every chosen procedure is written in (all of the book's before procedures are chosen).
    var packetLanguages: [String] {
        let chosen = procedures.compactMap { engine.book.procedure($0) }
        guard let first = chosen.first else { return schema.languages }
        return first.languages.filter { lang in chosen.allSatisfy { $0.languages.contains(lang) } }
    }

    func finishPage() -> Page {
        let questions = [
            Question(id: "case.id", path: ["case", "id"], kind: .text, label: strings.localized("envelope.case_id"),
                     help: strings.localized("envelope.case_id_help"), required: true, defaultAnswer: defaultCaseID(), reasons: []),
            Question(id: "case.paper", path: ["case", "paper"],
                     kind: .choice(["a4", "letter"].map { Choice(value: $0, label: strings.localized("envelope.paper_\($0)")) }),
                     label: strings.localized("envelope.paper"), help: nil, required: false, defaultAnswer: "a4", reasons: []),
        ]
        return Page(id: "case#finish", role: .finish, context: strings.localized("page.packet"), title: strings.localized("page.finish"),
                    help: nil, questions: questions, reasons: [])
    }

    /// `nguyen-2026-11-22`: the applicant's family name without marks, and the interview's date.
    func defaultCaseID() -> String {
        let family = answers.given("people.\(InterviewEngine.applicantID).name.family") ?? ""
        let folded = family.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingAll("đ", with: "d")
        var id = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { id.unicodeScalars.append(scalar) }
            else if !id.isEmpty, !id.hasSuffix("-") { id += "-" }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return (id.isEmpty ? "case" : id) + "-" + engine.date.iso
    }

    // MARK: people

    mutating func personPages(_ id: String, context: LocalizedText) -> [Page] {
        let base = ["people", id]
        var pages: [Page] = []
        for field in schema.person {
            let path = base + [field.name]
            let reasons = needs(under: path)
            guard field.required || !reasons.isEmpty else { continue }
            pages += fieldPages(field, path: path, role: .person(id), context: context, reasons: reasons)
        }
        return pages
    }

    // MARK: sections

    mutating func sectionPages(_ section: ProcedureSection) -> [Page] {
        let context = engine.book.procedure(section.id)?.title ?? LocalizedText([("en", section.id)])
        let role = Page.Role.section(section.id)
        var main: [Page] = []
        var optional: [Question] = []
        var later: [Page] = []
        for field in section.fields {
            let path = [section.section, field.name]
            let reasons = needs(under: path)
            if field.required || !reasons.isEmpty {
                main += fieldPages(field, path: path, role: role, context: context, reasons: reasons)
                continue
            }
            switch field.type {
            case .object, .list(.object):
                let gate = Question(id: join(path) + "#add", path: path, kind: .gate,
                                    label: strings.localized("answer.add", ["label": "{label}"]).filling(label: field.label ?? name(field)),
                                    help: field.help, required: false, defaultAnswer: "false", reasons: [])
                optional.append(gate)
                if AnswerParser.bool(answers.given(gate.id), strings: strings) == true {
                    later += fieldPages(field, path: path, role: role, context: context, reasons: [])
                }
            case .person:
                let q = question(field, path: path, required: false, reasons: [])
                optional.append(q)
                later += createdPersonPages(q, context: field.label ?? name(field))
            default:
                optional.append(question(field, path: path, required: false, reasons: []))
            }
        }
        var pages = main
        if !optional.isEmpty {
            pages.append(Page(id: section.section + "#more", role: role, context: context,
                              title: strings.localized("page.optional"), help: nil, questions: optional, reasons: []))
        }
        return pages + later
    }

    // MARK: fields

    /// The pages one field of a person or section takes: a page of its own (a value, or an object's values),
    /// a count and one page per entry (a list of objects), and the people it names.
    mutating func fieldPages(_ field: FieldSpec, path: [String], role: Page.Role, context: LocalizedText, reasons: [NeededFact]) -> [Page] {
        let title = field.label ?? name(field)
        switch field.type {
        case .object(let fields):
            return objectPages(fields, path: path, role: role, context: context, title: title, help: field.help, reasons: reasons)
        case .list(.object(let fields)):
            let count = Question(id: join(path) + "#count", path: path, kind: .count,
                                 label: strings.localized("answer.count", ["label": "{label}"]).filling(label: title),
                                 help: field.help, required: true, defaultAnswer: nil, reasons: reasons)
            var pages = [Page(id: count.id, role: role, context: context, title: title, help: field.help, questions: [count], reasons: reasons)]
            let n = AnswerParser.count(answers.given(count.id)) ?? 0
            for i in 0..<n {
                let entryTitle = strings.localized("answer.entry", ["label": "{label}", "n": String(i + 1)]).filling(label: title)
                pages += objectPages(fields, path: path + [String(i)], role: role, context: context, title: entryTitle, help: field.help, reasons: reasons)
            }
            return pages
        default:
            let q = question(field, path: path, required: true, reasons: reasons)
            var pages = [Page(id: q.id, role: role, context: context, title: title, help: nil, questions: [q], reasons: reasons)]
            if case .person = field.type { pages += createdPersonPages(q, context: title) }
            return pages
        }
    }

    /// One page for an object's simple values (required and needed ones required, the others optional), then pages
    /// for the objects and lists inside it that are required or needed.
    mutating func objectPages(_ fields: [FieldSpec], path: [String], role: Page.Role, context: LocalizedText, title: LocalizedText,
                              help: LocalizedText?, reasons: [NeededFact]) -> [Page] {
        var questions: [Question] = []
        var inner: [Page] = []
        var people: [Question] = []
        for field in fields {
            let childPath = path + [field.name]
            let childReasons = needs(under: childPath)
            switch field.type {
            case .object, .list(.object):
                if field.required || !childReasons.isEmpty {
                    inner += fieldPages(field, path: childPath, role: role, context: context, reasons: childReasons)
                }
            default:
                let q = question(field, path: childPath, required: field.required || !childReasons.isEmpty, reasons: childReasons)
                questions.append(q)
                if case .person = field.type { people.append(q) }
            }
        }
        var pages: [Page] = []
        if !questions.isEmpty {
            pages.append(Page(id: join(path), role: role, context: context, title: title, help: help, questions: questions, reasons: reasons))
        }
        for q in people { pages += createdPersonPages(q, context: q.label) }
        return pages + inner
    }

    /// A question for one value of the case.
    func question(_ field: FieldSpec, path: [String], required: Bool, reasons: [NeededFact]) -> Question {
        Question(id: join(path), path: path, kind: kind(of: field), label: field.label ?? name(field), help: field.help,
                 required: required, defaultAnswer: field.defaultValue.flatMap(Self.answerText), reasons: reasons)
    }

    func kind(of field: FieldSpec) -> AnswerKind {
        kind(of: field.type, labels: field.choiceLabels)
    }

    func kind(of type: FieldType, labels: [String: LocalizedText]) -> AnswerKind {
        switch type {
        case .string, .identifier, .object, .dictionary: return .text
        case .date: return .date
        case .bool: return .bool
        case .integer: return .integer
        case .money: return .money
        case .country: return .country
        case .usState: return .usState
        case .language:
            return .choice(schema.languages.map { Choice(value: $0, label: strings.localized("language.\($0)")) })
        case .oneOf(let values):
            return .choice(values.map { Choice(value: $0, label: labels[$0] ?? LocalizedText([("en", $0)])) })
        case .row(let table):
            return .choice(tableChoices(table))
        case .person:
            return .person(peopleChoices())
        case .list(let item):
            switch kind(of: item, labels: labels) {
            case .choice(let choices): return .choices(choices)
            case let k: return .list(k)
            }
        }
    }

    /// A table's keys, labelled with each row's `name` (a localized column) in force on the interview's date.
    func tableChoices(_ table: String) -> [Choice] {
        let keys = schema.tableKeys[table] ?? []
        let rows = engine.book.tables[table]
        return keys.map { key in
            if case .localized(let name)? = rows?.row(key, on: engine.date)?.cells["name"] { return Choice(value: key, label: name) }
            if case .string(let name)? = rows?.row(key, on: engine.date)?.cells["name"] { return Choice(value: key, label: LocalizedText([("en", name)])) }
            return Choice(value: key, label: LocalizedText([("en", key)]))
        }
    }

    /// Someone new first, then the people named so far (the applicant, then the people the interview created).
    func peopleChoices() -> [Choice] {
        var choices = [Choice(value: AnswerParser.newPerson, label: strings.localized("answer.new_person"))]
        for id in [InterviewEngine.applicantID] + created.map(\.id) {
            choices.append(Choice(value: id, label: personLabel(id)))
        }
        return choices
    }

    /// A person as the applicant knows them: "Michael Turner (you)" or the name typed for them.
    func personLabel(_ id: String) -> LocalizedText {
        let given = answers.given("people.\(id).name.given") ?? ""
        let family = answers.given("people.\(id).name.family") ?? ""
        let name = [given, family].filter { !$0.isEmpty }.joined(separator: " ")
        if id == InterviewEngine.applicantID {
            return strings.localized("answer.you", ["name": name.isEmpty ? "…" : name])
        }
        return LocalizedText(strings.languages.map { ($0, name.isEmpty ? id : name) })
    }

    /// When a person question is answered "someone new": that person's pages, under a generated id.
    mutating func createdPersonPages(_ question: Question, context: LocalizedText) -> [Page] {
        guard let raw = answers.given(question.id), AnswerParser.choice(raw, question.kind.choices) == AnswerParser.newPerson else { return [] }
        let id = personID(for: question)
        created.append((id, question.id))
        return personPages(id, context: context)
    }

    /// `n_600.mother` → `mother`; `us_embassy_notarial.documents.0.signer` →
    /// `documents-1-signer`; never the applicant's id nor one given earlier.
    func personID(for question: Question) -> String {
        let parts = question.path.dropFirst().map { part in Int(part).map { String($0 + 1) } ?? part }
        var id = parts.joined(separator: "-")
        if id.isEmpty { id = "person" }
        var candidate = id, n = 2
        while candidate == InterviewEngine.applicantID || created.contains(where: { $0.id == candidate }) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        return candidate
    }

    /// The needs that ask for this path or something inside it.
    func needs(under path: [String]) -> [NeededFact] {
        let key = join(path)
        var out: [NeededFact] = []
        for (written, facts) in needed.sorted(by: { $0.key < $1.key }) where written == key || written.hasPrefix(key + ".") {
            out += facts
        }
        return out
    }

    func name(_ field: FieldSpec) -> LocalizedText { LocalizedText([("en", field.summary.isEmpty ? field.name : field.summary)]) }

    func join(_ path: [String]) -> String { path.joined(separator: ".") }

    /// A declared default as the text one would type for it.
    static func answerText(_ value: FactValue) -> String? {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .date(let d): return d.iso
        case .list, .object: return nil
        }
    }
}

extension LocalizedText {
    /// Fills `{label}` in each language with the label's text in that language.
    func filling(label: LocalizedText) -> LocalizedText {
        LocalizedText(entries.map { ($0.lang, $0.text.replacingAll("{label}", with: label.text($0.lang))) })
    }
}
