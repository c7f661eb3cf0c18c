import CaseModel
import DossierCore
import Foundation
import Interview
import Rules
import TestSupport

/// Answers an interview page by page from a script of answers by question id, as a person would: the questions a
/// script does not mention are left blank (or at their default), and every page shown is recorded.
struct InterviewDriver {
    let engine: InterviewEngine
    var answers = Answers()
    /// The ids of the pages shown, in order (a page shown again after a problem appears twice).
    var shown: [String] = []

    static let book: RuleBook = {
        guard case .success(let b) = RuleBookFixture.book else { fatalError("rule book does not load") }
        return b
    }()

    static let strings: InterviewStrings = {
        try! InterviewStrings.load(languages: ["en", "vi", "es"]) { lang in Repository.text("Templates/interview/strings/\(lang).yaml") }
    }()

    init(language: String = "en", procedures: [String]? = ["vn-single-status"], date: String = "2026-11-22") {
        engine = InterviewEngine(book: Self.book, strings: Self.strings, language: language, date: CalendarDate(iso: date)!, procedures: procedures)
    }

    var state: InterviewState { engine.walk(answers) }

    /// Submits the current page with the script's answers for its questions; returns the page answered.
    @discardableResult
    mutating func answerCurrent(_ script: [String: String]) -> Page? {
        guard let page = state.current else { return nil }
        shown.append(page.id)
        var posted: [String: String] = [:]
        for q in page.questions {
            posted[q.id] = script[q.id] ?? q.defaultAnswer ?? ""
        }
        answers.submit(page, posted)
        return page
    }

    /// Answers until the interview is complete or a page comes back with problems (at most `limit` pages).
    mutating func run(_ script: [String: String], limit: Int = 80) -> InterviewState {
        for _ in 0..<limit {
            let before = state
            guard let page = before.current else { return before }
            if !before.problems.isEmpty, shown.last == page.id { return before }
            answerCurrent(script)
        }
        return state
    }
}

/// The answers of a divorced US citizen in Texas marrying in Vietnam by power of attorney.
let texasScript: [String: String] = [
    "case.languages#1": "en", "case.languages#2": "vi",
    "people.applicant.name.given": "Michael", "people.applicant.name.middle": "James", "people.applicant.name.family": "Turner",
    "people.applicant.sex": "male",
    "people.applicant.birth.date": "1986-03-14", "people.applicant.birth.place": "Austin, Texas, USA", "people.applicant.birth.country": "US",
    "people.applicant.us_status": "citizen",
    "people.applicant.passport.number": "567123498",
    "people.applicant.marital_status": "divorced",
    "people.applicant.marital_history#count": "1",
    "people.applicant.marital_history.0.spouse": "Laura Beth Turner", "people.applicant.marital_history.0.ended_by": "divorce",
    "people.applicant.marital_history.0.ended_on": "2019-02-08", "people.applicant.marital_history.0.state": "TX",
    "vn_single_status.intended_spouse": "@new",
    "people.intended_spouse.name.given": "Thị Thu Hà", "people.intended_spouse.name.family": "Nguyễn",
    "people.intended_spouse.sex": "female",
    "people.intended_spouse.birth.date": "1992-08-21", "people.intended_spouse.birth.place": "Đà Nẵng",
    "people.intended_spouse.citizenship": "VN",
    "vn_single_status.filing_in_vietnam.date": "2027-05-10", "vn_single_status.filing_in_vietnam.by": "power-of-attorney",
    "vn_single_status.consulate_submission": "mail",
    "vn_single_status.notary_state": "TX",
]
