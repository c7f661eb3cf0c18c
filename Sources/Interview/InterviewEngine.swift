import CaseModel
import DossierCore
import Rules

/// The guided interview: for the chosen procedures and the answers so far, which pages have been answered, which
/// page comes next, what is wrong with an answer, and — once nothing is missing — the case file. Stateless: every
/// call walks the answers from the start, so going back and changing an answer re-decides everything after it, and
/// answers to questions that no longer matter are left out of the case.
public struct InterviewEngine: Sendable {
    public static let applicantID = "applicant"

    public let book: RuleBook
    public let strings: InterviewStrings
    /// The language the applicant reads (labels fall back to English where the rule book has none in it).
    public let language: String
    /// The day of the interview: the case's `prepared_on` and the day the rules are applied for.
    public let date: CalendarDate
    /// Procedures fixed in advance (`--procedure`); nil lets the applicant choose them.
    public let procedures: [String]?

    public init(book: RuleBook, strings: InterviewStrings, language: String, date: CalendarDate, procedures: [String]? = nil) {
        self.book = book
        self.strings = strings
        self.language = language
        self.date = date
        self.procedures = procedures
    }

    /// Walks the answers: each page in order is checked with the real case loader (its answers built into a case
    /// with the pages before it) and the procedures' `needs` are evaluated on that case to decide what comes next.
    public func walk(_ answers: Answers) -> InterviewState {
        var included: [String] = []
        var plan: [Page] = []
        var people: [String: String] = [:]
        var built = build([], answers: answers, pages: [], people: people)
        var current: Page?
        for _ in 0..<2000 {
            var planner = Planner(engine: self, answers: answers, needed: neededIndex(built.caseFile))
            plan = planner.pages()
            people = Dictionary(planner.created.map { ($0.question, $0.id) }, uniquingKeysWith: { a, _ in a })
            let kept = included.filter { id in plan.contains { $0.id == id } }
            if kept != included {
                included = kept
                built = build(included, answers: answers, pages: plan, people: people)
                continue
            }
            if let bad = included.first(where: { id in built.problems.contains { $0.page == id } }) {
                current = plan.first { $0.id == bad }
                break
            }
            // Every answered page from here to the first unanswered one is taken at once; the next round drops
            // those that no longer matter and brings up pages that now do, as one page at a time would.
            let batch = plan.filter { !included.contains($0.id) }.prefix { isAnswered($0, answers) }.map(\.id)
            if batch.isEmpty {
                current = plan.first { !included.contains($0.id) }
                break
            }
            included += batch
            built = build(included, answers: answers, pages: plan, people: people)
        }
        // In the order the pages come in the interview (not the order the walk took them in).
        let pages = plan.filter { included.contains($0.id) }
        var state = InterviewState(engine: self, pages: pages, current: current, problems: built.problems.map(\.problem),
                                   caseFile: built.caseFile, tree: built.tree)
        if current == nil { state.completion = complete(built.tree) }
        return state
    }

    /// A page counts as answered once submitted, or when every question on it has an answer.
    func isAnswered(_ page: Page, _ answers: Answers) -> Bool {
        answers.submitted.contains(page.id) || page.questions.allSatisfy { answers.given($0.id) != nil }
    }

    // MARK: building the case

    struct Built {
        var tree: CaseTree
        var caseFile: CaseFile
        var problems: [(page: String, problem: AnswerProblem)]
    }

    /// The case made of the included pages' answers, loaded with the real loader; problems mapped to questions.
    func build(_ included: [String], answers: Answers, pages plan: [Page], people: [String: String]) -> Built {
        var tree = CaseTree()
        tree.set(["dossier"], .scalar(String(CaseSchema.formatVersion), plain: true, owner: ""))
        tree.set(["case", "prepared_on"], .scalar(date.iso, plain: true, owner: ""))
        if let procedures { tree.set(["case", "procedures"], .scalars(procedures, plain: true, owner: "")) }
        var problems: [(page: String, problem: AnswerProblem)] = []
        var pageOf: [String: String] = [:]
        // In the order the pages come in the interview (not the order the walk took them in).
        let pages = plan.filter { included.contains($0.id) }
        for page in pages {
            var languages: [String] = []
            for q in page.questions {
                pageOf[q.id] = page.id
                let parsed = AnswerParser.parse(q, answers[q.id], strings: strings)
                if let problem = check(q, parsed, answers) { problems.append((page.id, problem)); continue }
                guard let parsed else { continue }
                switch q.kind {
                case .count, .gate:
                    continue
                case .person:
                    if case .scalar(let value, _) = parsed {
                        guard let id = value == AnswerParser.newPerson ? people[q.id] : value else { continue }
                        tree.ensureMap(["people", id])
                        tree.set(q.path, .scalar(id, plain: true, owner: q.id))
                    }
                    continue
                default:
                    break
                }
                if q.id.hasPrefix("case.languages#") {
                    if case .scalar(let lang, _) = parsed, lang != "-" { languages.append(lang) }
                    continue
                }
                if !q.required, let d = q.defaultAnswer, parsed == AnswerParser.parse(q.kind, d, strings: strings) { continue }
                switch parsed {
                case .scalar(let text, let plain): tree.set(q.path, .scalar(text, plain: plain, owner: q.id))
                case .list(let items, let plain): tree.set(q.path, .scalars(items, plain: plain, owner: q.id))
                }
            }
            if !languages.isEmpty {
                tree.set(["case", "languages"], .scalars(languages, plain: true, owner: "case.languages#1"))
            }
        }
        let located = tree.located()
        let (caseFile, diagnostics) = CaseLoader.loadPartial(value: located.value, text: "", file: CaseTree.file, schema: book.schema)
        for d in diagnostics where d.severity == .error && d.code != "CASE011" {
            guard let owner = located.owner(of: d.location), !owner.isEmpty else { continue }
            if let page = pageOf[owner] {
                problems.append((page, AnswerProblem(question: owner, diagnostic: d)))
            } else if included.contains(owner) {
                problems.append((owner, AnswerProblem(question: owner, diagnostic: d)))
            }
        }
        return Built(tree: tree, caseFile: caseFile, problems: problems)
    }

    /// What the loader cannot see: a required or needed answer left blank, a count or a person out of range.
    func check(_ q: Question, _ parsed: AnswerParser.Parsed?, _ answers: Answers) -> AnswerProblem? {
        let path = q.pathText
        guard let parsed else {
            guard q.required else { return nil }
            if let need = q.reasons.first {
                return AnswerProblem(question: q.id, diagnostic: .error("CASE020", "`\(need.procedure)` needs `\(path)`: \(need.whyInEnglish)"))
            }
            return AnswerProblem(question: q.id, diagnostic: .error("CASE011", "missing required `\(path)`"))
        }
        switch q.kind {
        case .count:
            if AnswerParser.count(answers[q.id]) == nil {
                return AnswerProblem(question: q.id, diagnostic: .error("ASK010", "`\(path)`: give how many, a whole number from 1 to \(AnswerParser.maxCount)"))
            }
        case .gate:
            if AnswerParser.bool(answers[q.id], strings: strings) == nil {
                return AnswerProblem(question: q.id, diagnostic: .error("CASE012", "`\(path)` expects true or false, found a text value \"\(answers[q.id] ?? "")\""))
            }
        case .person(let choices):
            if case .scalar(let v, _) = parsed, !choices.contains(where: { $0.value == v }) {
                return AnswerProblem(question: q.id, diagnostic: .error("ASK011", "`\(path)`: `\(v)` is none of the people in this case",
                                                                        hint: "choose one of the people listed, or someone new"))
            }
        case .choice(let choices) where q.id.hasPrefix("case."):
            if case .scalar(let v, _) = parsed, !choices.contains(where: { $0.value == v }) {
                return AnswerProblem(question: q.id, diagnostic: .error("CASE014", "`\(path)` cannot be `\(v)`; expected one of \(choices.map { "`\($0.value)`" }.joined(separator: ", "))"))
            }
        default:
            break
        }
        return nil
    }

    // MARK: needs

    /// The needs that hold on this case, by the path they are written at (`applicant.passport` →
    /// `people.applicant.passport`); a need met only by its declared default asks nothing.
    func neededIndex(_ caseFile: CaseFile) -> [String: [NeededFact]] {
        var index: [String: [NeededFact]] = [:]
        for need in Resolver(book: book).neededFacts(caseFile, on: date) {
            if need.satisfied && caseFile.fact(need.path) == nil { continue }
            guard let written = writtenPath(need.path, in: caseFile) else { continue }
            index[written.joined(separator: "."), default: []].append(need)
        }
        return index
    }

    /// A rule's path as written in the case file: `applicant.` is the applicant under `people:`, a person fact of a
    /// section reads through to the person it names. Nil while that person is not chosen yet.
    func writtenPath(_ rulePath: String, in caseFile: CaseFile) -> [String]? {
        let parts = rulePath.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        if first == "applicant" {
            let id = caseFile.fact("case.applicant")?.string ?? Self.applicantID
            return ["people", id] + parts.dropFirst()
        }
        var written: [String] = []
        for (i, part) in parts.enumerated() {
            written.append(part)
            guard i < parts.count - 1, case .person? = book.schema.fieldType(at: Array(parts[...i])) else { continue }
            guard let id = caseFile.fact(parts[...i].joined(separator: "."))?["id"]?.string else { return nil }
            written = ["people", id]
        }
        return written
    }

    // MARK: the result

    /// The finished case file, loaded and resolved as `dossier check` would.
    func complete(_ tree: CaseTree) -> InterviewCompletion {
        let yaml = "# Written by the Dossier interview (case file format 2): `dossier check` it, `dossier render` it.\n" + tree.yaml(schema: book.schema)
        switch CaseLoader.load(text: yaml, file: "case.yaml", schema: book.schema) {
        case .failure(let error):
            return InterviewCompletion(yaml: yaml, plans: [], diagnostics: error.diagnostics)
        case .success(let caseFile):
            switch Resolver(book: book).plan(caseFile, on: caseFile.preparedOn ?? date) {
            case .failure(let error): return InterviewCompletion(yaml: yaml, plans: [], diagnostics: error.diagnostics)
            case .success(let plans): return InterviewCompletion(yaml: yaml, plans: plans, diagnostics: [])
            }
        }
    }
}

/// Where an interview stands: the pages answered, the page to ask, the problems with answers, and the case.
public struct InterviewState: Sendable {
    public let engine: InterviewEngine
    /// The answered pages, in the interview's order.
    public var pages: [Page]
    /// The page to ask now (it may carry problems); nil when the interview is complete.
    public var current: Page?
    public var problems: [AnswerProblem]
    /// The case as far as it is answered (facts may be missing).
    public var caseFile: CaseFile
    var tree: CaseTree
    /// Set when nothing is missing: the case file and its plans (or what `check` would say about it).
    public var completion: InterviewCompletion?

    /// Every page in order: the answered ones, then the current one.
    public var allPages: [Page] { pages + (current.map { [$0] } ?? []) }

    public func page(_ id: String) -> Page? { allPages.first { $0.id == id } }

    public func problems(for question: String) -> [AnswerProblem] { problems.filter { $0.question == question } }

    /// The page before `id` in the order asked (to go back to).
    public func page(before id: String?) -> Page? {
        guard let id, let i = allPages.firstIndex(where: { $0.id == id }) else { return pages.last }
        return i > 0 ? allPages[i - 1] : nil
    }

    /// The page after `id`: the next answered one (to review), else the current one.
    public func page(after id: String) -> Page? {
        guard let i = allPages.firstIndex(where: { $0.id == id }), i + 1 < allPages.count else { return current }
        return allPages[i + 1]
    }
}

/// A finished interview: the case file's text and its packets' plans, or the diagnostics that stop it.
public struct InterviewCompletion: Sendable {
    public var yaml: String
    public var plans: [PacketPlan]
    public var diagnostics: [Diagnostic]
}
