import Foundation
import TestSupport
import XCTest

/// The web interview in Debian's Chromium (headless, driven through chromium-driver by
/// `browser/interview_browser.py`): Vietnamese on a 390 px phone, English with the keyboard only. The packet the
/// browser downloads is byte for byte the one `dossier render` makes from the case file it downloads.
final class BrowserInterviewTests: XCTestCase {
    func testApplicantsFinishInterviewsInARealBrowserAndDownloadThePacketRenderWouldMake() throws {
        let missing = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter { !FileManager.default.isExecutableFile(atPath: $0) }
        let selenium = try Repository.run("/usr/bin/env", ["python3", "-c", "import selenium"])
        if !missing.isEmpty || selenium.status != 0 {
            let why = "browser tests need \(missing + (selenium.status != 0 ? ["python3 selenium"] : [])) (bash Scripts/setup installs them)"
            // CI runs Scripts/test, which installs them: there a missing browser is a failure, never a skip.
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(why); return }
            throw XCTSkip(why)
        }
        let server = try ServerProcess()
        defer { server.stop() }
        let out = Repository.temporaryFolder("browser")
        let script = Repository.path("Tests/InterviewServerTests/browser/interview_browser.py")
        let run = try Repository.run("/usr/bin/env", ["python3", script, server.url, out])
        print(run.stdout)
        XCTAssertEqual(run.status, 0, "browser checks failed:\n\(run.stdout)\n\(run.stderr.suffix(4000))")
        guard run.status == 0 else { return }

        // The case file the applicant downloaded renders, with `dossier render`, to the same packet.
        let downloaded = try Data(contentsOf: URL(fileURLWithPath: out + "/vi/packet.pdf"))
        let render = try Repository.dossier(["render", "--resources", Repository.root, out + "/vi/case.yaml", "--out", out + "/render"])
        XCTAssertEqual(render.status, 0, render.stderr)
        let caseText = try String(contentsOfFile: out + "/vi/case.yaml", encoding: .utf8)
        XCTAssertTrue(caseText.contains("languages: [vi, en]") && caseText.contains("prepared_on: 2026-11-22"), caseText)
        let rendered = try Data(contentsOf: URL(fileURLWithPath: out + "/render/turner-2026-11-22/packet.pdf"))
        XCTAssertEqual(rendered.count, downloaded.count)
        XCTAssertTrue(rendered == downloaded, "the downloaded packet.pdf differs from dossier render's")
        // Nothing the applicants typed reaches the server's log.
        for typed in ["Michael", "Turner", "Thị Thu Hà", "567123498", "Kowalski", "First Federal"] {
            XCTAssertFalse(server.log.contains(typed), "the log names \(typed)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/screens/interview-390.png"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/screens/interview-1280.png"))
    }
}
