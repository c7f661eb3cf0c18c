import CaseModel
import DossierCore
import Interview
import Rules
import XCTest

final class InterviewEngineTests: XCTestCase {
    func testTexasCaseAsksOnlyWhatMattersInOrderAndEndsWithACaseCheckAccepts() throws {
        var driver = InterviewDriver()
        let state = driver.run(texasScript)
        XCTAssertEqual(driver.shown, [
            "case",
            "people.applicant.name", "people.applicant.sex", "people.applicant.birth", "people.applicant.us_status",
            "people.applicant.passport", "people.applicant.marital_status",
            "people.applicant.marital_history#count", "people.applicant.marital_history.0",
            "vn_single_status.intended_spouse",
            "people.intended_spouse.name", "people.intended_spouse.sex", "people.intended_spouse.birth", "people.intended_spouse.citizenship",
            "vn_single_status.filing_in_vietnam", "vn_single_status.consulate_submission", "vn_single_status.notary_state",
            "vn_single_status#more", "case#finish",
        ])
        XCTAssertNil(state.current)
        XCTAssertEqual(state.problems.map(\.diagnostic.headline), [])
        let completion = try XCTUnwrap(state.completion)
        XCTAssertEqual(completion.diagnostics.map(\.headline), [])
        XCTAssertEqual(completion.plans.map(\.verdict.rawValue), ["eligible"])
        print(completion.yaml)
    }
}
