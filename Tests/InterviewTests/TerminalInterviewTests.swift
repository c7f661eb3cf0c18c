import Foundation
import TestSupport
import XCTest

/// `dossier interview` driven through a pseudo-terminal: Vietnamese questions, line editing, an impossible date
/// asked again, "why?", going back, saving half-way and going on, and a case file `dossier check` accepts.
final class TerminalInterviewTests: XCTestCase {
    func testAnApplicantAnswersInVietnameseStopsHalfWayGoesOnAndGetsACaseFileCheckAccepts() throws {
        let folder = Repository.temporaryFolder("terminal-interview")
        let out = folder + "/case.yaml"
        let arguments = ["interview", "--resources", Repository.root, "--procedure", "vn-single-status", "--lang", "vi",
                         "--out", out, "--date", "2026-11-22"]
        var term = try PseudoTerminal(Repository.executable, arguments, directory: folder)
        try term.expect("Ngôn ngữ chính của bộ hồ sơ")
        try term.expect("> ")
        term.line("2")                        // Vietnamese first
        try term.expect("Ngôn ngữ thứ hai")
        try term.expect("> ")
        term.line("")                         // the default: English
        try term.expect("Tên  (bắt buộc)")
        try term.expect("> ")
        // Line editing: "Michal", one step left, "e" → "Michael".
        term.type("Michal" + PseudoTerminal.left + "e")
        term.line("")
        try term.expect("Tên đệm")
        try term.expect("> ")
        term.line("<")                        // back: the given name again, prefilled; Enter keeps it
        try term.expect("Tên  (bắt buộc)")
        try term.expect("> Michael")
        term.line("")
        try term.expect("Tên đệm")
        try term.expect("> ")
        term.line("")
        try term.expect("Họ  (bắt buộc)")
        try term.expect("> ")
        term.line("Turner")
        try term.expect("Thứ tự viết tên")
        try term.expect("> ")
        term.line("")
        try term.expect("Giới tính")
        try term.expect("> ")
        term.line("1")
        try term.expect("Ngày sinh")
        try term.expect("> ")
        term.line("1986-02-30")               // no such day: asked again with the loader's diagnostic
        try term.expect("Ngày này không có thật.")
        try term.expect("February 1986 has 28 days, not 30")
        try term.expect("> ")
        term.type(String(repeating: PseudoTerminal.backspace, count: 10))
        term.line("1986-03-14")
        try term.expect("Nơi sinh")
        try term.expect("> ")
        term.line("Austin, Texas, USA")
        try term.expect("Quốc gia nơi sinh")
        try term.expect("> ")
        term.line("us")                       // a code typed in lower case: written upper-case
        try term.expect("Tình trạng cư trú tại Hoa Kỳ")
        try term.expect("> ")
        term.line("1")
        try term.expect("Số hộ chiếu")
        try term.expect("> ")
        term.line("567123498")
        for label in ["Quốc gia cấp", "Ngày cấp", "Ngày hết hạn"] {
            try term.expect(label)
            try term.expect("> ")
            term.line("")
        }
        try term.expect("Tình trạng hôn nhân hiện tại")
        try term.expect("> ")
        term.line("?")                        // why: the procedure's rule and where it is written
        try term.expect("cần phán quyết ly hôn hay giấy chứng tử là tùy vào tình trạng hôn nhân")  // the reason in Vietnamese
        try term.expect("Quy tắc: Rules/vn-single-status/procedure.yaml, dòng")
        try term.expect("> ")
        term.line("1")
        try term.expect("Người dự định kết hôn")
        try term.expect("> ")
        term.line(":save")
        try term.expect("Đã lưu vào \(out).partial")
        XCTAssertEqual(term.wait(), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + ".partial"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))

        // The same command again: go on where it stopped.
        term = try PseudoTerminal(Repository.executable, arguments, directory: folder)
        try term.expect("Tìm thấy một cuộc phỏng vấn chưa xong")
        try term.expect("> ")
        term.line("")
        try term.expect("Người dự định kết hôn")
        try term.expect("Người khác (người mới)")
        try term.expect("> ")
        term.line("1")
        let answers: [(String, String)] = [
            ("Tên  (bắt buộc)", "Thị Thu Hà"), ("Tên đệm", ""), ("Họ  (bắt buộc)", "Nguyễn"), ("Thứ tự viết tên", ""),
            ("Giới tính", "2"), ("Ngày sinh", "1992-08-21"), ("Nơi sinh", "Đà Nẵng"), ("Quốc gia nơi sinh", ""),
            ("Quốc tịch", "vn"),
            ("Ngày dự kiến nộp hồ sơ tại Việt Nam", "2027-05-10"), ("Ai nộp hồ sơ tại Việt Nam", "2"), ("Tỉnh/thành phố tại Việt Nam", ""),
            ("Cách gửi hồ sơ đến Tổng Lãnh sự quán", "2"),
            ("Tiểu bang hoặc lãnh thổ nơi ký trước công chứng viên", "tx"),
            ("Đề nghị xử lý khẩn", ""), ("Một công chứng viên cho mọi giấy tờ", "có"), ("Đương sự là người Việt Nam định cư", ""),
            ("Ngày xuất cảnh khỏi Việt Nam", ""), ("Ngày bắt đầu định cư tại Hoa Kỳ", ""),
            ("Số ngày từ Tổng Lãnh sự quán đến nơi nộp hồ sơ", ""), ("Mã hồ sơ", ""), ("Khổ giấy", "2"),
        ]
        for (label, answer) in answers {
            try term.expect(label)
            try term.expect("> ")
            term.line(answer)
        }
        try term.expect("Đã ghi tệp hồ sơ: \(out)")
        try term.expect("vn-single-status: eligible")
        try term.expect("Tạo bộ hồ sơ ngay vào")
        try term.expect("> ")
        term.line("không")
        XCTAssertEqual(term.wait(), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + ".partial"))

        let text = try String(contentsOfFile: out, encoding: .utf8)
        for expected in ["languages: [vi, en]", "given: \"Michael\"", "date: 1986-03-14", "given: \"Thị Thu Hà\"", "citizenship: [VN]",
                         "notary_state: TX", "single_notary: true", "paper: letter", "id: \"turner-2026-11-22\""] {
            XCTAssertTrue(text.contains(expected), "\(expected) not in\n\(text)")
        }
        let check = try Repository.dossier(["check", "--resources", Repository.root, out])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("vn-single-status: eligible"), check.stdout)
    }
}
