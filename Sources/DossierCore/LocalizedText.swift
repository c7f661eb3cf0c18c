/// Text in several languages, in a fixed order (the order the languages were given).
public struct LocalizedText: Sendable, Hashable {
    public private(set) var entries: [(lang: String, text: String)]

    public init(_ entries: [(lang: String, text: String)] = []) { self.entries = entries }

    public subscript(lang: String) -> String? {
        get { entries.first { $0.lang == lang }?.text }
        set {
            if let i = entries.firstIndex(where: { $0.lang == lang }) {
                if let newValue { entries[i].text = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((lang, newValue))
            }
        }
    }

    public var languages: [String] { entries.map(\.lang) }
    public var isEmpty: Bool { entries.isEmpty }

    /// Replaces `{name}` placeholders in every language.
    public func substituting(_ values: [String: String]) -> LocalizedText {
        LocalizedText(entries.map { entry in
            var text = entry.text
            for (key, value) in values.sorted(by: { $0.key < $1.key }) { text = text.replacingAll("{\(key)}", with: value) }
            return (entry.lang, text)
        })
    }

    public static func == (a: LocalizedText, b: LocalizedText) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.lang == $1.lang && $0.text == $1.text }
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries { hasher.combine(e.lang); hasher.combine(e.text) }
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
