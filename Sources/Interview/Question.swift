import DossierCore
import Rules

/// One answer an applicant gives: a fact of the case file (or a step the interview needs, such as how many earlier
/// marriages there are), with its words from the rule book.
public struct Question: Sendable, Hashable {
    /// The key the answer is stored under: the written path (`people.applicant.birth.date`), or the path with a
    /// suffix for the interview's own questions (`…marital_history#count`).
    public var id: String
    /// The case-file path the answer is written to (diagnostics about it map back to this question).
    public var path: [String]
    public var kind: AnswerKind
    public var label: LocalizedText
    public var help: LocalizedText?
    /// The interview cannot go on without it (the case format requires it, or a procedure needs it now).
    public var required: Bool
    /// The answer a blank stands for (a declared literal default), as the text one would type.
    public var defaultAnswer: String?
    /// The `needs` entries that ask for this fact (or for the object it belongs to).
    public var reasons: [NeededFact]

    public var pathText: String { path.joined(separator: ".") }
}

/// What kind of answer a question takes, and how it is written in the case file.
public indirect enum AnswerKind: Sendable, Hashable {
    case text
    case date
    case integer
    case money
    case bool
    /// A two-letter country code or US state code (typed in any case).
    case country
    case usState
    /// One value of a list of choices (an enum, a table's keys, a language).
    case choice([Choice])
    /// Several values of a list of choices (a list of an enum).
    case choices([Choice])
    /// A list of simple values, typed separated by commas.
    case list(AnswerKind)
    /// A person of the case: one of `choices` (people already named) or a new person.
    case person([Choice])
    /// How many entries a list of objects has (each is then asked on its own page).
    case count
    /// Whether to add an optional object or list at all.
    case gate

    /// The choices offered, if any.
    public var choices: [Choice] {
        switch self {
        case .choice(let c), .choices(let c), .person(let c): return c
        default: return []
        }
    }
}

/// One choice: the value written in the case file and its label in each language.
public struct Choice: Sendable, Hashable {
    public var value: String
    public var label: LocalizedText
    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}

/// One page of the interview: a group of questions answered together (an object of the case, such as a person's
/// birth, or one field).
public struct Page: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// The envelope: procedures and languages first, the case reference and paper last.
        case envelope, finish
        /// A person's facts; `person` is the id under `people:`.
        case person(String)
        /// A procedure's section (`procedure` is its id).
        case section(String)
    }

    public var id: String
    public var role: Role
    /// Whose or what this page is about ("You", "Your intended spouse", the procedure's title).
    public var context: LocalizedText
    public var title: LocalizedText
    public var help: LocalizedText?
    public var questions: [Question]
    /// The `needs` entries that bring this page up.
    public var reasons: [NeededFact]
}

/// A problem with an answer: the case-file diagnostic (same codes and texts as `dossier check`).
public struct AnswerProblem: Sendable, Hashable {
    public var question: String
    public var diagnostic: Diagnostic
}
