import DocumentModel
import Foundation
import PDFFixtures
import Testing
@testable import Typesetting

/// The laid-out pages of small fixtures, compared with golden dumps in Golden/; `DOSSIER_RECORD=1 swift test`
/// re-records them. A change here is a visible change in the PDF: look at the rendering before re-recording.
@Suite struct LayoutGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
            #expect(throws: Never.self) { try Data(actual.utf8).write(to: url) }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("no golden \(name); DOSSIER_RECORD=1 swift test --filter LayoutGoldenTests records it")
            return
        }
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = zip(expected, got).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? (expected.count == got.count ? nil : min(expected.count, got.count)) else { return }
        var report = ["\(name) differs from its golden at line \(first + 1) (DOSSIER_RECORD=1 re-records):"]
        for i in max(0, first - 2)..<min(max(expected.count, got.count), first + 3) {
            if i < expected.count { report.append("- \(i + 1): \(expected[i])") }
            if i < got.count { report.append("+ \(i + 1): \(got[i])") }
        }
        Issue.record(Comment(rawValue: report.joined(separator: "\n")))
    }

    static func dump(_ document: Document) -> String {
        LayoutDump.text(Typesetter(stylesheet: Support.stylesheet, fonts: Support.fonts).layout(document),
                        fonts: Support.fonts)
    }

    @Test func statement() {
        Self.check(Self.dump(SampleDocuments.statement()), against: "statement.txt")
    }

    @Test func coverLetter() {
        Self.check(Self.dump(SampleDocuments.coverLetter()), against: "cover-letter.txt")
    }

    @Test func shortChecklist() {
        Self.check(Self.dump(SampleDocuments.checklist(items: 2, feeRows: 3)), against: "checklist.txt")
    }
}
