import TestSupport
import CaseModel
import DossierCore
import Foundation
import Testing

/// One YAML rule test: a sentence naming the behaviour, a date, edits to a base case, the expected plan.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var date: CalendarDate
    var caseValue: SourceValue
    var caseText: String
    var expect: SourceValue
    /// The procedure whose plan `expect` describes (default: the case's first).
    var procedure: String?
    /// Keys of the case or of its `expect` that the harness does not know: a misspelt expectation must fail.
    var unknownKeys: [String]

    var testDescription: String { name }

    /// Every case in `Tests/RulesTests/Cases/*.yaml`.
    static let all: [RuleCase] = {
        let folder = Repository.path("Tests/RulesTests/Cases")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.flatMap { load(folder + "/" + $0, display: "Tests/RulesTests/Cases/" + $0) }
    }()

    static let caseKeys = ["name", "date", "set", "remove", "expect", "procedure"]
    static let expectKeys = ["verdict", "reasons", "documents", "include", "exclude", "steps", "issued_on_or_after", "fees",
                             "derived", "deadlines", "deadline_order", "notices_include", "notices_exclude", "warnings", "errors", "outputs", "summary"]
        + RuleCaseTexts.keys

    static func load(_ path: String, display: String) -> [RuleCase] {
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        guard case .success(let suite) = SourceParser.parse(text, file: display),
              let basePath = suite["base"]?.scalarText,
              let baseData = FileManager.default.contents(atPath: Repository.path(basePath)),
              case .success(let base) = SourceParser.parse(String(decoding: baseData, as: UTF8.self), file: basePath),
              case .list(let cases, _)? = suite["cases"] else {
            fatalError("cannot read rule cases in \(display)")
        }
        let baseText = String(decoding: baseData, as: UTF8.self)
        return cases.map { item in
            var value = base
            if case .map(let edits, _)? = item["set"] {
                for edit in edits { value = SourceValueEditing.setting(edit.key.split(separator: ".").map(String.init), to: edit.value, in: value) }
            }
            if case .list(let removals, _)? = item["remove"] {
                for removal in removals {
                    value = SourceValueEditing.removing((removal.scalarText ?? "").split(separator: ".").map(String.init), from: value)
                }
            }
            var unknown = (item.mapKeys ?? []).map(\.key).filter { !caseKeys.contains($0) }
            unknown += (item["expect"]?.mapKeys ?? []).map(\.key).filter { !expectKeys.contains($0) }.map { "expect." + $0 }
            if item["expect"] == nil { unknown.append("(no expect)") }
            return RuleCase(name: item["name"]?.scalarText ?? "(unnamed)", file: display,
                            date: item["date"]?.scalarText.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(year: 2026, month: 11, day: 22)!,
                            caseValue: value, caseText: baseText, expect: item["expect"] ?? .null(at: item.location),
                            procedure: item["procedure"]?.scalarText, unknownKeys: unknown)
        }
    }
}
