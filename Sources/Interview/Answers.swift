import DossierCore
import Yams

/// Everything typed so far, by question id, as typed (answers are parsed and checked each time the interview is
/// walked, so going back and changing one answer re-decides what is asked after it). Also which pages were
/// submitted, so a page of optional questions left empty counts as answered.
public struct Answers: Sendable, Hashable {
    public private(set) var values: [String: String] = [:]
    public private(set) var submitted: Set<String> = []

    public init() {}

    public subscript(id: String) -> String? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// Records a page's answers at once: every question on it gets the posted text, a blank for those not posted.
    public mutating func submit(_ page: Page, _ posted: [String: String]) {
        for q in page.questions { values[q.id] = posted[q.id] ?? "" }
        submitted.insert(page.id)
    }

    public mutating func markSubmitted(_ pageID: String) { submitted.insert(pageID) }

    /// A non-blank answer, trimmed.
    public func given(_ id: String) -> String? {
        guard let v = values[id]?.trimmingWhitespace, !v.isEmpty else { return nil }
        return v
    }
}

/// A half-finished interview saved to disk (`case.yaml.partial`) and read back: its settings and every answer.
public struct SavedInterview: Sendable, Hashable {
    public static let marker = "dossier_interview"

    public var language: String
    public var date: CalendarDate
    public var procedures: [String]?
    /// The page the applicant was on.
    public var page: String?
    public var answers: Answers

    public init(language: String, date: CalendarDate, procedures: [String]?, page: String?, answers: Answers) {
        self.language = language
        self.date = date
        self.procedures = procedures
        self.page = page
        self.answers = answers
    }

    /// YAML with sorted keys: the same answers always give the same file.
    public func yaml() -> String {
        func str(_ s: String) -> Node { .scalar(.init(s, .implicit, .doubleQuoted)) }
        func plain(_ s: String) -> Node { .scalar(.init(s, .implicit, .plain)) }
        var pairs: [(Node, Node)] = [
            (plain(Self.marker), plain("1")),
            (plain("language"), plain(language)),
            (plain("date"), plain(date.iso)),
        ]
        if let procedures { pairs.append((plain("procedures"), .sequence(.init(procedures.map(plain), .implicit, .flow)))) }
        if let page { pairs.append((plain("page"), str(page))) }
        pairs.append((plain("submitted"), .sequence(.init(answers.submitted.sorted().map(str), .implicit, .block))))
        pairs.append((plain("answers"), .mapping(.init(answers.values.keys.sorted().map { (str($0), str(answers.values[$0]!)) }, .implicit, .block))))
        let body = (try? Yams.serialize(node: .mapping(.init(pairs, .implicit, .block)), width: -1, allowUnicode: true)) ?? ""
        return "# A half-finished Dossier interview: run the same `dossier interview` command again to go on.\n" + body
    }

    /// Reads a saved interview; nil when the text is not one.
    public static func read(_ text: String) -> SavedInterview? {
        guard let node = try? Yams.compose(yaml: text), node[marker]?.string == "1",
              let language = node["language"]?.string, let date = node["date"]?.string.flatMap(CalendarDate.init(iso:)) else { return nil }
        var answers = Answers()
        if let map = node["answers"]?.mapping {
            for (k, v) in map { if let key = k.string, let value = v.string { answers[key] = value } }
        }
        for s in node["submitted"]?.sequence ?? [] { if let id = s.string { answers.markSubmitted(id) } }
        let procedures = node["procedures"]?.sequence?.compactMap(\.string)
        return SavedInterview(language: language, date: date, procedures: procedures, page: node["page"]?.string, answers: answers)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
