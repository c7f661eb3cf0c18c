import TestSupport
import CaseModel
import DossierCore
import Foundation
import Testing

/// Case files are data: anchors, aliases and tags are refused where they are written, an alias bomb is refused
/// without being expanded, sizes are bounded, and every position is the one an editor shows (issue 15, points 3, 7,
/// 10 and 12).
@Suite struct YAMLSafetyTests {
    static let base = CaseFiles.text("Samples/divorced-texas-power-of-attorney.yaml")

    static func places(_ text: String) -> [String] {
        CaseFiles.diagnostics(text, file: "t.yaml").map(\.place)
    }

    static func at(_ needle: String, _ text: String, after: String? = nil) -> String {
        TextPlaces.place(of: needle, in: text, after: after)
    }

    /// Every scalar of a parsed value, to find one without knowing the case format's paths.
    static func scalars(_ value: SourceValue) -> [String] {
        switch value {
        case .scalar(let s, _, _): return [s]
        case .null: return []
        case .list(let items, _): return items.flatMap(scalars)
        case .map(let entries, _): return entries.flatMap { scalars($0.value) }
        }
    }

    @Test func anAliasThatCopiesANameIsRefusedAtTheAnchorAndTheAlias() {
        let text = Self.base
            .replacingOccurrences(of: "family: Turner }", with: "family: &n Turner }")
            .replacingOccurrences(of: "spouse: Laura Beth Turner", with: "spouse: *n")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.map(\.place) == ["\(Self.at("&n", text)) CASE004", "\(Self.at("*n", text)) CASE004"])
        #expect(d.map(\.message) == ["YAML anchor `&n` is not supported in case files", "YAML alias `*n` is not supported in case files"])
    }

    @Test(arguments: [("sex: !!binary bWFsZQ==\n", "!!binary"), ("sex: !!python/object:os.system male\n", "!!python/object:os.system"),
                      ("sex: !male male\n", "!male"), ("sex: !<tag:yaml.org,2002:str> male\n", "!<tag:yaml.org,2002:str>"),
                      ("sex: ! male\n", "!")])
    func aTagIsRefusedWhereItIsWritten(line: String, tag: String) {
        let text = Self.base.replacingOccurrences(of: "sex: male\n", with: line)
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.map(\.place) == ["\(Self.at(tag + " ", text)) CASE004"])
        #expect(d.first?.message == "YAML tag `\(tag)` is not supported in case files")
    }

    @Test func aTaggedMappingAndAnAnchoredListItemAreRefusedToo() {
        #expect(Self.places("dossier: 1\ncase: !!map\n  id: x\n") == ["2:7 CASE004"])
        #expect(Self.places("dossier: 1\nlist:\n  - &first a\n  - b\n") == ["3:5 CASE004"])
        #expect(Self.places("{\"dossier\": 1, \"a\": &x [1], \"b\": *x}") == ["1:21 CASE004", "1:34 CASE004"])
    }

    /// Billion laughs in 430 bytes: nine levels of nine aliases would be 387 million strings.
    @Test func anAliasBombIsRefusedInMillisecondsWithoutExpansion() {
        var lines = ["dossier: 1", "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("? *i\n: x")
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count < 450)
        let clock = ContinuousClock()
        var d: [Diagnostic] = []
        let elapsed = clock.measure { d = CaseFiles.diagnostics(text, file: "bomb.yaml") }
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
        #expect(!d.isEmpty && d.allSatisfy { $0.code == "CASE004" || $0.code == "CASE009" })
        #expect(d.first?.place == "2:4 CASE004")
    }

    @Test func anUndefinedAliasIsRefusedWhereItIsWritten() {
        #expect(Self.places("dossier: 1\ncase: *nothing\n") == ["2:7 CASE004"])
    }

    @Test func anAsteriskInsideTextIsNotAnAlias() throws {
        let text = Self.base.replacingOccurrences(of: "place: \"Austin, Texas, USA\"", with: "place: \"Austin *TX*, *USA\"")
        #expect(CaseFiles.diagnostics(text, file: "t.yaml").isEmpty)
        #expect(Self.scalars(try SourceParser.parse(text, file: "t.yaml").get()).contains("Austin *TX*, *USA"))
    }

    @Test func ruleFilesRefuseThemToo() {
        let d: [Diagnostic]
        switch SourceParser.parse("a: &x 1\nb: *x\n", file: "r.yaml", codePrefix: "RULE") {
        case .success: d = []
        case .failure(let e): d = e.diagnostics
        }
        #expect(d.map(\.headline) == ["r.yaml:1:4: error[RULE004]: YAML anchor `&x` is not supported in rule files",
                                      "r.yaml:2:4: error[RULE004]: YAML alias `*x` is not supported in rule files"])
    }

    // MARK: Sizes

    @Test func aMegabyteNameIsALocatedErrorAndCheapToRefuse() {
        let text = Self.base.replacingOccurrences(of: "given: Michael,", with: "given: \(String(repeating: "M", count: 1_000_000)),")
        let clock = ContinuousClock()
        var d: [Diagnostic] = []
        let elapsed = clock.measure { d = CaseFiles.diagnostics(text, file: "t.yaml") }
        #expect(d.map(\.place) == ["\(Self.at("MMM", text)) CASE005"])
        #expect(d.first?.message == "this text is 1000000 characters long; the limit is 10000")
        #expect(elapsed < .seconds(10), "took \(elapsed)")  // under 1 s alone in a debug build
    }

    @Test func aFileOverFiveMegabytesIsRefusedBeforeParsing() {
        let text = Self.base + "# " + String(repeating: "x", count: 5_000_001) + "\n"
        #expect(CaseFiles.diagnostics(text, file: "big.yaml").map(\.headline).first?.hasPrefix("big.yaml:1:1: error[CASE005]: the file is ") == true)
    }

    @Test func thousandsOfProblemsStopAtTwoHundredAndANote() {
        let indent = TextPlaces.indentation(of: "sex: male", in: Self.base)
        let keys = (0..<5000).map { "\(indent)unknown_\($0): 1" }.joined(separator: "\n")
        let text = Self.base.replacingOccurrences(of: "sex: male\n", with: "sex: male\n" + keys + "\n")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.count == 201)
        #expect(d.last?.severity == .note)
        #expect(d.last?.message.hasPrefix("and ") == true && d.last?.message.contains("more problems in this file") == true)
    }

    // MARK: Positions

    @Test func aDuplicateKeyIsLocatedAtTheRepeatInItsOwnMapping() {
        // `date:` is also a key of the birth mapping above and of filing_in_vietnam: neither is the repeat.
        let indent = TextPlaces.indentation(of: "by: power-of-attorney", in: Self.base)
        let text = Self.base.replacingOccurrences(of: "by: power-of-attorney\n", with: "by: power-of-attorney\n\(indent)date: 2027-05-11\n")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.map(\.place) == ["\(Self.at("date: 2027-05-11", text)) CASE003"])
        #expect(d.first?.notes.first == "first given at t.yaml:\(Self.at("date: 2027-05-10", text))")
    }

    @Test func aDuplicateKeyInAFlowMappingIsLocatedOnItsLine() {
        let text = Self.base.replacingOccurrences(of: "birth: { date: 1986-03-14, place:", with: "birth: { date: 1986-03-14, date: 1986-03-15, place:")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.map(\.place) == ["\(Self.at("date: 1986-03-15", text)) CASE003"])
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func aLineSeparatorInAValueMovesNoLineNumber(_ separator: String) throws {
        let text = Self.base
            .replacingOccurrences(of: "\"Austin, Texas, USA\"", with: "\"Austin,\(separator) Texas, USA\"")
            .replacingOccurrences(of: "ended_by: divorce\n", with: "ended_by: divorcee\n")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        // The enum error comes lines after the separator: on its own line, by an editor's count.
        #expect(d.map(\.place) == ["\(Self.at("divorcee", text)) CASE014"])
    }

    @Test func aLineSeparatorIsKeptInTheValueForTheSanitiserToSee() throws {
        let text = Self.base.replacingOccurrences(of: "\"353rd District Court", with: "\"353rd\u{2028}District Court")
        let value = try SourceParser.parse(text, file: "t.yaml").get()
        #expect(Self.scalars(value).contains("353rd\u{2028}District Court, Travis County, Texas"))
    }

    @Test func aControlCharacterIsLocatedWhereItIs() {
        let text = Self.base.replacingOccurrences(of: "city: Austin,", with: "city: Aus\u{07}tin,")
        let d = CaseFiles.diagnostics(text, file: "t.yaml")
        #expect(d.map(\.place) == ["\(Self.at("\u{07}", text)) CASE001"])
        #expect(d.first?.message.contains("U+0007 (control character)") == true)
    }

    @Test func aJSONSurrogatePairEscapeIsAccepted() throws {
        let json = "{\"dossier\": 1, \"note\": \"smile \\ud83d\\ude00 here\", \"x\": \"\\uD83D\\uDE00\", \"y\": [1,} }"
        switch SourceParser.parse(json, file: "t.json") {
        case .success(let value):
            Issue.record("`[1,}` is not JSON, expected an error: \(value)")
        case .failure(let error):
            // The error after the rewritten escapes is still at its own column.
            #expect(error.diagnostics.map(\.place) == ["1:80 CASE001"])
        }
        let good = "{\"dossier\": 1, \"note\": \"smile \\ud83d\\ude00 here\", \"x\": \"\\uD83D\\uDE00\"}"
        let value = try SourceParser.parse(good, file: "t.json").get()
        #expect(value["note"]?.scalarText == "smile \u{1F600} here")
        #expect(value["x"]?.scalarText == "\u{1F600}")
        // Columns are the file's own: the escape rewritten for libyaml is two characters shorter.
        #expect(value["x"]?.location.column == 56)
    }

    @Test func aLoneSurrogateEscapeIsStillAnError() {
        let d = CaseFiles.diagnostics("{\"dossier\": 1, \"note\": \"\\ud83d alone\"}", file: "t.json")
        #expect(d.map(\.code) == ["CASE001"])
    }
}
