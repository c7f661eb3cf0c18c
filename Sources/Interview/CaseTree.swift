import CaseModel
import DossierCore
import Yams

/// The case being built from answers: a tree of mappings, lists and scalars, each scalar remembering the question
/// it answers. It becomes a located `SourceValue` for the real case loader (so a diagnostic's line names the
/// question) and, once complete, the YAML case file.
struct CaseTree {
    indirect enum Node {
        case map([(key: String, node: Node)])
        case list([Node])
        case scalar(String, plain: Bool, owner: String)
        case scalars([String], plain: Bool, owner: String)

        var entries: [(key: String, node: Node)] {
            if case .map(let e) = self { return e }
            return []
        }
    }

    static let file = "interview"

    private(set) var root: Node = .map([])

    /// Sets a value at a path of keys (a number is a list index), making the mappings and lists on the way.
    mutating func set(_ path: [String], _ value: Node) {
        root = Self.setting(root, path[...], value)
    }

    /// Makes sure a mapping exists at the path (a person referred to before any of their facts is known).
    mutating func ensureMap(_ path: [String]) {
        if get(path) == nil { set(path, .map([])) }
    }

    func get(_ path: [String]) -> Node? {
        var node: Node? = root
        for key in path {
            switch node {
            case .map(let entries)?: node = entries.first { $0.key == key }?.node
            case .list(let items)?: node = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return node
    }

    private static func setting(_ node: Node, _ path: ArraySlice<String>, _ value: Node) -> Node {
        guard let key = path.first else { return value }
        let rest = path.dropFirst()
        if let index = Int(key) {
            var items: [Node] = []
            if case .list(let existing) = node { items = existing }
            while items.count <= index { items.append(.map([])) }
            items[index] = setting(items[index], rest, value)
            return .list(items)
        }
        var entries = node.entries
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].node = setting(entries[i].node, rest, value)
        } else {
            let child: Node = rest.first.map { Int($0) != nil ? .list([]) : .map([]) } ?? .map([])
            entries.append((key, setting(child, rest, value)))
        }
        return .map(entries)
    }

    // MARK: to the loader

    /// Owners of each line: line N of the synthetic source is the question (or mapping) `owners[N - 1]`.
    struct Located {
        var value: SourceValue
        var owners: [String]

        func owner(of location: SourceLocation?) -> String? {
            guard let location, location.file == CaseTree.file, owners.indices.contains(location.line - 1) else { return nil }
            return owners[location.line - 1]
        }
    }

    func located() -> Located {
        var owners: [String] = []
        func at(_ owner: String, column: Int = 1) -> SourceLocation {
            owners.append(owner)
            return SourceLocation(file: Self.file, line: owners.count, column: column)
        }
        func convert(_ node: Node, path: String) -> SourceValue {
            switch node {
            case .map(let entries):
                let loc = at(path)
                return .map(entries.map { e in
                    let child = path.isEmpty ? e.key : path + "." + e.key
                    let value = convert(e.node, path: child)
                    return SourceEntry(key: e.key, keyLocation: value.location, value: value)
                }, at: loc)
            case .list(let items):
                let loc = at(path)
                return .list(items.enumerated().map { convert($1, path: path + "." + String($0)) }, at: loc)
            case .scalar(let text, let plain, let owner):
                return .scalar(text, plain: plain, at: at(owner))
            case .scalars(let texts, let plain, let owner):
                let loc = at(owner)
                return .list(texts.enumerated().map { .scalar($1, plain: plain, at: SourceLocation(file: Self.file, line: loc.line, column: $0 + 2)) }, at: loc)
            }
        }
        let value = convert(root, path: "")
        return Located(value: value, owners: owners)
    }

    // MARK: to YAML

    /// The case file: keys in the schema's order (people in the order they were named), free text double-quoted,
    /// codes, dates and numbers plain, lists of values in flow style.
    func yaml(schema: CaseSchema) -> String {
        /// The declared fields of the mapping at a path (nil: keep the order written, as for `people:`).
        func fields(at path: [String]) -> [FieldSpec]? {
            if path.isEmpty { return schema.root }
            if path == ["people"] { return nil }
            guard let spec = schema.field(at: path.filter { Int($0) == nil }) else { return nil }
            return CaseSchema.children(of: spec.type, person: schema.person)
        }
        func node(_ n: Node, path: [String]) -> Yams.Node {
            switch n {
            case .map(let entries):
                var ordered = entries
                if let order = fields(at: path)?.map(\.name) {
                    ordered = entries.enumerated().sorted { a, b in
                        (order.firstIndex(of: a.element.key) ?? order.count + a.offset, a.offset)
                            < (order.firstIndex(of: b.element.key) ?? order.count + b.offset, b.offset)
                    }.map(\.element)
                }
                return .mapping(.init(ordered.map { (.scalar(.init($0.key, .implicit, .plain)), node($0.node, path: path + [$0.key])) }, .implicit, .block))
            case .list(let items):
                return .sequence(.init(items.enumerated().map { node($1, path: path + [String($0)]) }, .implicit, .block))
            case .scalar(let text, let plain, _):
                return .scalar(.init(text, .implicit, plain ? .plain : .doubleQuoted))
            case .scalars(let texts, let plain, _):
                return .sequence(.init(texts.map { .scalar(.init($0, .implicit, plain ? .plain : .doubleQuoted)) }, .implicit, .flow))
            }
        }
        return (try? Yams.serialize(node: node(root, path: []), width: -1, allowUnicode: true)) ?? ""
    }
}
