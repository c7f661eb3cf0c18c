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

final class InterviewQuestionTests: XCTestCase {
    func testPermanentResidentIsAskedForTheGreenCardNotThePassport() {
        var script = texasScript
        script["people.applicant.us_status"] = "permanent-resident"
        script["people.applicant.green_card.number"] = "SRC1234567890"
        var driver = InterviewDriver()
        let state = driver.run(script)
        XCTAssertTrue(driver.shown.contains("people.applicant.green_card"))
        XCTAssertFalse(driver.shown.contains("people.applicant.passport"))
        XCTAssertTrue(state.completion?.yaml.contains("green_card:") ?? false)
        XCTAssertEqual(state.completion?.diagnostics.map(\.headline), [])
    }

    func testChangingAnEarlierAnswerDropsTheQuestionsThatNoLongerMatter() throws {
        var driver = InterviewDriver()
        _ = driver.run(texasScript)
        XCTAssertTrue(driver.shown.contains("people.applicant.marital_history.0"))
        // Back to the marital status: never married. The earlier marriage is neither asked nor written any more.
        let page = try XCTUnwrap(driver.state.page("people.applicant.marital_status"))
        driver.answers.submit(page, ["people.applicant.marital_status": "never-married"])
        let state = driver.state
        XCTAssertNil(state.current)
        XCTAssertFalse(state.pages.contains { $0.id.hasPrefix("people.applicant.marital_history") })
        let yaml = try XCTUnwrap(state.completion?.yaml)
        XCTAssertFalse(yaml.contains("marital_history"), yaml)
        XCTAssertFalse(yaml.contains("Laura Beth Turner"), yaml)
        XCTAssertEqual(state.completion?.plans.first?.documents.contains { $0.id.hasPrefix("divorce-decree") }, false)
    }

    func testAWrongTypeAnImpossibleDateAndAnUnknownChoiceComeBackWithTheLoadersDiagnostics() throws {
        for (answer, code, words) in [("next spring", "CASE012", "expects a date YYYY-MM-DD"),
                                      ("1986-02-30", "CASE013", "February 1986 has 28 days, not 30")] {
            var script = texasScript
            script["people.applicant.birth.date"] = answer
            var driver = InterviewDriver()
            let state = driver.run(script)
            XCTAssertEqual(state.current?.id, "people.applicant.birth", answer)
            let problem = try XCTUnwrap(state.problems(for: "people.applicant.birth.date").first, answer)
            XCTAssertEqual(problem.diagnostic.code, code)
            XCTAssertTrue(problem.diagnostic.message.contains(words), problem.diagnostic.message)
            XCTAssertTrue(problem.diagnostic.message.contains("people.applicant.birth.date"), problem.diagnostic.message)
        }
        var script = texasScript
        script["people.applicant.marital_status"] = "divorcd"
        var driver = InterviewDriver()
        let state = driver.run(script)
        XCTAssertEqual(state.current?.id, "people.applicant.marital_status")
        let problem = try XCTUnwrap(state.problems.first)
        XCTAssertEqual(problem.diagnostic.code, "CASE014")
        XCTAssertEqual(problem.diagnostic.hint, "did you mean `divorced`?")
        // The page is asked again until the answer is right; then the interview goes on.
        driver.answerCurrent(["people.applicant.marital_status": "3"])
        XCTAssertEqual(driver.state.current?.id, "people.applicant.marital_history#count")
    }

    func testARequiredAnswerLeftBlankIsAskedAgain() {
        var script = texasScript
        script["people.applicant.name.family"] = ""
        var driver = InterviewDriver()
        let state = driver.run(script)
        XCTAssertEqual(state.current?.id, "people.applicant.name")
        XCTAssertEqual(state.problems.map(\.diagnostic.code), ["CASE011"])
        XCTAssertEqual(state.problems.first?.question, "people.applicant.name.family")
    }

    func testWhyNamesTheRuleThatNeedsTheFactAndWhereItIsWritten() throws {
        var driver = InterviewDriver()
        _ = driver.run(texasScript)
        let page = try XCTUnwrap(driver.state.page("people.applicant.passport"))
        let lines = driver.engine.why(page.questions[0], on: page, lang: "en")
        XCTAssertTrue(lines.contains { $0.contains("the passport copy (item 8) and the statement need the passport number") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Rule: Rules/vn-single-status/procedure.yaml, line ") }, "\(lines)")
        // A fact no rule asks for, but every case must give, says so.
        let name = try XCTUnwrap(driver.state.page("people.applicant.name"))
        XCTAssertEqual(driver.engine.why(name.questions[0], on: name, lang: "en").first, "Every case file must give this.")
    }

    func testWhyGivesTheReasonInTheInterviewsLanguage() throws {
        var driver = InterviewDriver(language: "vi")
        _ = driver.run(texasScript)
        let page = try XCTUnwrap(driver.state.page("people.applicant.passport"))
        let lines = driver.engine.why(page.questions[0], on: page, lang: "vi")
        XCTAssertTrue(lines.contains { $0.hasSuffix("cần thông tin này: bản sao hộ chiếu (mục 8) và bản xác nhận cần số hộ chiếu") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("passport number") }, "no English reason in a Vietnamese interview: \(lines)")
        // A language the procedure is not written in reads the English reason.
        let es = driver.engine.why(page.questions[0], on: page, lang: "es")
        XCTAssertTrue(es.contains { $0.hasSuffix(": the passport copy (item 8) and the statement need the passport number") }, "\(es)")
    }

    func testABlankNeededAnswerInAVietnameseInterviewIsCASE020WithTheEnglishReason() throws {
        var script = texasScript
        script["vn_single_status.settled_in_us_on"] = ""
        script["people.applicant.birth.place"] = "Huế"
        script["people.applicant.birth.country"] = "VN"
        script["vn_single_status.overseas_vietnamese"] = "có"
        script["vn_single_status.left_vietnam_on"] = "2009-09-01"
        var driver = InterviewDriver(language: "vi")
        _ = driver.run(script)
        let problem = try XCTUnwrap(driver.state.problems.first)
        XCTAssertEqual(problem.diagnostic.code, "CASE020")
        XCTAssertTrue(problem.diagnostic.message.hasSuffix("so the consulate’s confirmation (item 3) is declared from the start of your settlement in the US"),
                      "diagnostics stay English: \(problem.diagnostic.message)")
    }

    func testQuestionsAreInTheApplicantsLanguageFromTheRuleBook() throws {
        var driver = InterviewDriver(language: "vi")
        _ = driver.run(texasScript)
        let sex = try XCTUnwrap(driver.state.page("people.applicant.sex"))
        XCTAssertEqual(sex.title.text("vi"), "Giới tính")
        XCTAssertEqual(sex.questions[0].kind.choices.map { $0.label.text("vi") }, ["Nam", "Nữ"])
        let spouse = try XCTUnwrap(driver.state.page("vn_single_status.intended_spouse"))
        XCTAssertEqual(spouse.questions[0].label.text("vi"), "Người dự định kết hôn")
        XCTAssertEqual(spouse.questions[0].kind.choices.first?.label.text("vi"), "Người khác (người mới)")
        let byPage = try XCTUnwrap(driver.state.page("people.intended_spouse.name"))
        XCTAssertEqual(byPage.context.text("vi"), "Người dự định kết hôn")
        // Spanish: the people model speaks it; the procedure does not, so its questions fall back to English.
        let es = InterviewDriver(language: "es")
        var esDriver = es
        _ = esDriver.run(texasScript)
        XCTAssertEqual(esDriver.state.page("people.applicant.sex")?.title.text("es"), "Sexo")
        XCTAssertEqual(esDriver.state.page("vn_single_status.consulate_submission")?.title.text("es"),
                       "How your dossier reaches the consulate")
    }

    func testAnOverseasVietnameseIsAskedWhenTheySettledInTheUS() {
        var script = texasScript
        // Born in Vietnam, left it at 23 (past the marriage age of 20): the settlement in the US starts the declaration.
        script["people.applicant.birth.place"] = "Huế"
        script["people.applicant.birth.country"] = "VN"
        script["vn_single_status.overseas_vietnamese"] = "có"
        script["vn_single_status.left_vietnam_on"] = "2009-09-01"
        script["vn_single_status.settled_in_us_on"] = ""
        var driver = InterviewDriver()
        _ = driver.run(script)
        // Not needed until the optional page says yes; then asked on its
        // own page, required (left blank: asked again).
        XCTAssertEqual(Array(driver.shown.suffix(2)), ["vn_single_status#more", "vn_single_status.settled_in_us_on"])
        let q = driver.state.current?.questions.first
        XCTAssertEqual(q?.id, "vn_single_status.settled_in_us_on")
        XCTAssertEqual(q?.required, true)
        XCTAssertEqual(driver.state.problems.map(\.diagnostic.code), ["CASE020"])
        driver.answerCurrent(["vn_single_status.settled_in_us_on": "2004-06-01"])
        XCTAssertEqual(driver.state.current?.id, "case#finish")
    }

    func testASecondProcedureIsAskedFromItsOwnDataWithATablesRowsAsChoices() throws {
        var driver = InterviewDriver(procedures: ["us-embassy-notarial"], date: "2027-02-01")
        let script: [String: String] = [
            "case.languages#1": "en", "case.languages#2": "vi",
            "people.applicant.name.given": "Rachel", "people.applicant.name.family": "Kowalski",
            "us_embassy_notarial.post": "2",
            "us_embassy_notarial.documents#add": "yes",
            "us_embassy_notarial.documents#count": "1",
            "us_embassy_notarial.documents.0.title": "Power of attorney for First Federal Savings Bank",
            "us_embassy_notarial.documents.0.type": "power-of-attorney",
            "us_embassy_notarial.documents.0.signer": "applicant",
            "us_embassy_notarial.documents.0.for_use_in": "us",
        ]
        let state = driver.run(script)
        XCTAssertEqual(driver.shown, ["case", "people.applicant.name", "us_embassy_notarial.post", "us_embassy_notarial#more",
                                      "us_embassy_notarial.documents#count", "us_embassy_notarial.documents.0", "case#finish"])
        let post = try XCTUnwrap(state.page("us_embassy_notarial.post")?.questions.first)
        XCTAssertEqual(post.kind.choices.map(\.value), ["hanoi", "ho-chi-minh-city"])
        XCTAssertTrue(post.kind.choices[1].label.text("vi").hasPrefix("Tổng Lãnh sự quán Hoa Kỳ"))
        let completion = try XCTUnwrap(state.completion)
        XCTAssertEqual(completion.diagnostics.map(\.headline), [])
        XCTAssertTrue(completion.yaml.contains("for_use_in: US"), completion.yaml)
        XCTAssertTrue(completion.yaml.contains("post: ho-chi-minh-city"), completion.yaml)
        XCTAssertEqual(completion.plans.map(\.verdict.rawValue), ["eligible"])
    }

    func testAHalfFinishedInterviewSavesAndReadsBackTheSame() throws {
        var driver = InterviewDriver()
        for _ in 0..<5 { driver.answerCurrent(texasScript) }
        let saved = SavedInterview(language: "vi", date: CalendarDate(iso: "2026-11-22")!, procedures: ["vn-single-status"],
                                   page: driver.state.current?.id, answers: driver.answers)
        let text = saved.yaml()
        XCTAssertEqual(SavedInterview.read(text), saved)
        XCTAssertEqual(saved.yaml(), SavedInterview.read(text)?.yaml())
        XCTAssertNil(SavedInterview.read("dossier: 2\ncase: {}\n"))
    }
}

final class InterviewSpeedTests: XCTestCase {
    /// Prints how long one walk of a finished interview takes (each web request walks once or twice).
    func testWalkSpeed() {
        var driver = InterviewDriver()
        _ = driver.run(texasScript)
        let answers = driver.answers
        let clock = ContinuousClock()
        let n = 10
        var state: InterviewState?
        let elapsed = clock.measure { for _ in 0..<n { state = driver.engine.walk(answers) } }
        XCTAssertNil(state?.current)
        print("interview walk (19 pages, finished): \(elapsed / n) per walk")
    }
}

final class CombinedInterviewTests: XCTestCase {
    func testTwoProceduresChosenInTheInterviewMakeOneCombinedCase() throws {
        var driver = InterviewDriver(procedures: nil)
        var script = texasScript
        // By number, as typed in a terminal: the numbers the first page lists for the two procedures.
        let chooser = try XCTUnwrap(driver.state.current?.questions.first { $0.id == "case.procedures" })
        let numbers = try ["us-embassy-notarial", "vn-single-status"].map { id in
            try XCTUnwrap(chooser.kind.choices.firstIndex { $0.value == id }, "\(id) is not offered") + 1
        }
        script["case.procedures"] = numbers.map(String.init).joined(separator: ", ")
        script["us_embassy_notarial.post"] = "hanoi"
        script["us_embassy_notarial.documents#add"] = "no"
        script["us_embassy_notarial.single_status_items"] = "affidavit-of-single-status, power-of-attorney"
        script["people.applicant.citizenship"] = "US"
        let state = driver.run(script)
        let completion = try XCTUnwrap(state.completion, "stopped at \(state.current?.id ?? "-"): \(state.problems.map(\.diagnostic.headline))")
        XCTAssertEqual(completion.diagnostics.map(\.headline), [])
        XCTAssertEqual(completion.plans.map(\.procedure), ["us-embassy-notarial", "vn-single-status"])
        // The notarial section's need (single-status papers sworn at the post) brings up the applicant's citizenship.
        XCTAssertTrue(driver.shown.contains("people.applicant.citizenship"), "\(driver.shown)")
        XCTAssertTrue(completion.yaml.contains("procedures: [us-embassy-notarial, vn-single-status]"), completion.yaml)
        XCTAssertTrue(completion.yaml.contains("single_status_items: [affidavit-of-single-status, power-of-attorney]"), completion.yaml)
    }
}

final class InterviewCatalogTests: XCTestCase {
    func testEveryLanguageHasEveryWordAndAMissingOneIsNamed() throws {
        let strings = InterviewDriver.strings
        XCTAssertEqual(strings.languages, ["en", "vi", "es"])
        XCTAssertEqual(strings.text("nav.next", "vi"), "Tiếp")
        XCTAssertEqual(strings.text("page.step", "es", ["n": "3"]), "Paso 3")
        XCTAssertEqual(strings.yesNo("Có"), true)
        XCTAssertEqual(strings.yesNo("sí"), true)
        XCTAssertEqual(strings.yesNo("k"), false)
        XCTAssertNil(strings.yesNo("maybe"))
        do {
            _ = try InterviewStrings.load(languages: ["en", "vi"]) { lang in
                lang == "en" ? "nav:\n  next: Next\n  back: Back\n" : "nav:\n  next: Tiếp\n"
            }
            XCTFail("a missing translation must be an error")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.message), ["missing translation `nav.back` in vi"])
        }
    }
}
