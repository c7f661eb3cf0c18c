import DossierCore
import Testing

/// What a user sees in the terminal: the headline, the source line, a caret under the column, notes, the hint.
@Suite struct DiagnosticRendererTests {
    @Test func quotesTheLineAndPutsTheCaretUnderTheColumn() {
        let text = "dossier: 1\ncase:\n  prepared_on: 2026-02-30\n"
        let d = Diagnostic(.error, "CASE013", "not a real date", at: SourceLocation(file: "a.yaml", line: 3, column: 16),
                           notes: ["a note"], hint: "dates are written YYYY-MM-DD")
        #expect(DiagnosticRenderer(sources: ["a.yaml": text]).render(d) == """
            a.yaml:3:16: error[CASE013]: not a real date
              |
            3 |   prepared_on: 2026-02-30
              |                ^
              = note: a note
              = hint: dates are written YYYY-MM-DD
            """)
    }

    @Test func keepsTabsSoTheCaretLinesUp() {
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 1, column: 3))
        let lines = DiagnosticRenderer(sources: ["t": "\t\tvalue"]).render(d).split(separator: "\n")
        #expect(lines.last == "  | \t\t^")
    }

    @Test func quotesTheRightLineOfAFileWithWindowsLineEnds() {
        // In Swift "\r\n" is one Character, so splitting on the Character "\n" never splits such a file.
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 2, column: 1))
        let rendered = DiagnosticRenderer(sources: ["t": "a: 1\r\nb: 2\r\n"]).render(d)
        #expect(rendered.split(separator: "\n").dropFirst(2).first == "2 | b: 2")
    }

    @Test func widensTheGutterForLongFiles() {
        let text = Array(repeating: "x: 1", count: 120).joined(separator: "\n")
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 117, column: 4))
        #expect(DiagnosticRenderer(sources: ["t": text]).render(d).split(separator: "\n").dropFirst() == ["    |", "117 | x: 1", "    |    ^"])
    }

    @Test func withoutTheSourceOnlyTheHeadlineAndHint() {
        let d = Diagnostic.error("CASE020", "needs `applicant.sex`", at: SourceLocation(file: "gone.yaml", line: 4, column: 1), hint: "add `sex:`")
        #expect(DiagnosticRenderer().render(d) == "gone.yaml:4:1: error[CASE020]: needs `applicant.sex`\n  = hint: add `sex:`")
    }

    @Test func aLineBeyondTheEndOfTheTextIsNotQuoted() {
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 9, column: 1))
        #expect(DiagnosticRenderer(sources: ["t": "a: 1\n"]).render(d) == "t:9:1: error[X001]: m")
    }

    @Test func suggestionsFindNearMissesOnly() {
        #expect(Suggestion.closest(to: "marital_staus", in: ["marital_status", "marital_history"]) == "marital_status")
        #expect(Suggestion.closest(to: "mial", in: ["in-person", "mail"]) == "mail")
        #expect(Suggestion.closest(to: "xyz", in: ["in-person", "mail"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }

    /// Issue 15: 8,000 diagnostics took 8 s because each looked its line up from the start of the text.
    @Test func renderingThousandsOfDiagnosticsOfOneFileIsLinear() {
        let text = (1...8000).map { "key_\($0): value" }.joined(separator: "\n")
        let diagnostics = (1...8000).map { Diagnostic.error("X001", "m", at: SourceLocation(file: "big.yaml", line: $0, column: 3)) }
        let renderer = DiagnosticRenderer(sources: ["big.yaml": text])
        let clock = ContinuousClock()
        var total = 0
        let elapsed = clock.measure { total = diagnostics.map(renderer.render).reduce(0) { $0 + $1.utf8.count } }
        #expect(total > 8000 * 30)
        // About 2 s in a debug build on a busy 2-core machine; looking each line up from the start took minutes.
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(renderer.render(diagnostics[7998]).contains("7999 | key_7999: value"))
    }

    @Test func controlCharactersInTheQuotedLineAndMessageAreEscapedAndTheCaretStillLinesUp() {
        let text = "name: \"a\u{1B}[31mred\u{202E}x\"\n"
        let d = Diagnostic.error("X001", "bad `a\u{1B}[31mred`", at: SourceLocation(file: "t", line: 1, column: 18))
        let lines = DiagnosticRenderer(sources: ["t": text]).render(d).split(separator: "\n").map(String.init)
        #expect(lines[0] == "t:1:18: error[X001]: bad `a\\u{1B}[31mred`")
        #expect(lines[2] == "1 | name: \"a\\u{1B}[31mred\\u{202E}x\"")
        // Column 18 is the `x` after the override: the caret sits under it in the escaped line.
        let caret = lines[3].firstIndex(of: "^").map { lines[3].distance(from: lines[3].startIndex, to: $0) }
        let x = lines[2].lastIndex(of: "x").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        #expect(caret == x)
        #expect(!lines.joined().unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    @Test func aLoneCarriageReturnEndsALineAndALineSeparatorDoesNot() {
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 2, column: 1))
        #expect(DiagnosticRenderer(sources: ["t": "a: 1\rb: 2\u{2028}c\n"]).render(d).contains("2 | b: 2\\u{2028}c"))
    }

    @Test func aVeryLongLineIsQuotedAsAWindowAroundTheColumn() {
        let line = "name: " + String(repeating: "M", count: 1_000_000) + "X" + String(repeating: "m", count: 500)
        let d = Diagnostic.error("X001", "m", at: SourceLocation(file: "t", line: 1, column: 1_000_007))
        let lines = DiagnosticRenderer(sources: ["t": line]).render(d).split(separator: "\n").map(String.init)
        #expect(lines[2].count < 200)
        #expect(lines[2].hasPrefix("1 | …M") && lines[2].hasSuffix("m…"))
        let caret = lines[3].distance(from: lines[3].startIndex, to: lines[3].firstIndex(of: "^")!)
        #expect(caret == lines[2].distance(from: lines[2].startIndex, to: lines[2].firstIndex(of: "X")!))
    }
}
