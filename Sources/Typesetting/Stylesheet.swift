import DossierCore

/// A parsed stylesheet of the supported CSS subset (README "CSS subset"), for print media.
public struct Stylesheet: Sendable {
    struct Rule: Sendable {
        var selector: Selector
        var specificity: Int
        var order: Int
        var declarations: [Declaration]
    }

    /// The file the rules came from, for diagnostics.
    public let file: String
    /// Page size and margins from `@page` (A4 with 1 in margins when absent).
    public internal(set) var page: PageSetup
    let rules: [Rule]
    /// Rules by what their last compound requires (its first class, else its type), so an element is only matched
    /// against rules that can apply to it.
    private let rulesByClass: [String: [Int]]
    private let rulesByType: [String: [Int]]
    private let universalRules: [Int]

    init(file: String, page: PageSetup, rules: [Rule]) {
        self.file = file
        self.page = page
        self.rules = rules
        var byClass: [String: [Int]] = [:]
        var byType: [String: [Int]] = [:]
        var universal: [Int] = []
        for (i, rule) in rules.enumerated() {
            let last = rule.selector.compounds.last
            if let first = last?.classes.first {
                byClass[first, default: []].append(i)
            } else if let type = last?.type {
                byType[type, default: []].append(i)
            } else {
                universal.append(i)
            }
        }
        rulesByClass = byClass
        rulesByType = byType
        universalRules = universal
    }

    /// Parses `css`; problems (unsupported properties, selectors, values, at-rules) come back as `LAYOUT…` warnings
    /// with `file:line:column`. `@media screen` blocks are skipped: the PDF uses print media.
    public static func parse(_ css: String, file: String) -> (Stylesheet, [Diagnostic]) {
        var parser = StylesheetParser(css, file: file)
        return parser.parse()
    }

    /// The browser defaults the PDF needs to look like a browser's print (headings, lists, tables, links).
    static let userAgent: Stylesheet = {
        let css = """
            h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0; }
            h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0; }
            h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0; }
            p { margin: 1em 0; }
            ul, ol { margin: 1em 0; padding-left: 30pt; }
            ul { list-style-type: disc; }
            ol { list-style-type: decimal; }
            li ul, li ol { margin: 0; }
            strong { font-weight: bold; }
            em { font-style: italic; }
            a { text-decoration: underline; color: #0000ee; }
            th { font-weight: bold; text-align: center; padding: 0.75pt; }
            td { padding: 0.75pt; }
            tbody, thead, tr, td, th { vertical-align: middle; }
            hr { border-top: 0.75pt solid #9a9a9a; margin: 6pt 0; }
            """
        return parse(css, file: "<user-agent>").0
    }()

    /// The declarations that apply to the last element of `path`, lowest priority first.
    func declarations(for path: [ElementKey]) -> [Declaration] {
        guard let element = path.last else { return [] }
        var candidates = universalRules + (rulesByType[element.name] ?? [])
        for c in element.classes { candidates += rulesByClass[c] ?? [] }
        var matched: [Rule] = []
        for i in candidates where rules[i].selector.matches(path) { matched.append(rules[i]) }
        if matched.count > 1 {
            // Candidates may repeat (an element with two classes a rule needs) and come unordered.
            matched.sort { ($0.specificity, $0.order) < ($1.specificity, $1.order) }
            var unique: [Rule] = []
            for rule in matched where unique.last?.order != rule.order { unique.append(rule) }
            matched = unique
        }
        return matched.flatMap(\.declarations)
    }
}
