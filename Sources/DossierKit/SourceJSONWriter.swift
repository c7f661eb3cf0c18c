import CaseModel
import DossierCore

/// Writes a `SourceValue` read from JSON back as JSON, laid out exactly as `JSONValue.serialized()` lays it out, so a
/// report read and written again is byte-identical; numbers keep their written form (a `1.25` stays `1.25`).
enum SourceJSONWriter {
    static func serialized(_ value: SourceValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0)
        return out + "\n"
    }

    static func write(_ value: SourceValue, into out: inout String, indent: Int) {
        switch value {
        case .null: out += "null"
        case .scalar(let s, let plain, _):
            out += plain && isLiteral(s) ? s : JSONValue.string(s).compact()
        case .list(let items, _):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i > 0 ? "," : "") + "\n" + String(repeating: "  ", count: indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "]"
        case .map(let entries, _):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            for (i, entry) in entries.enumerated() {
                out += (i > 0 ? "," : "") + "\n" + String(repeating: "  ", count: indent + 1)
                out += JSONValue.string(entry.key).compact() + ": "
                write(entry.value, into: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    /// `true`, `false` or a JSON number: written as is. Anything else plain (a report hand-edited as YAML) is quoted.
    static func isLiteral(_ s: String) -> Bool {
        if s == "true" || s == "false" { return true }
        var rest = Substring(s)
        if rest.first == "-" { rest = rest.dropFirst() }
        func digits() -> Int {
            let n = rest.prefix { ("0"..."9").contains($0) }.count
            rest = rest.dropFirst(n)
            return n
        }
        let whole = rest
        guard digits() > 0, !(whole.first == "0" && whole.count > 1 && ("0"..."9").contains(whole.dropFirst().first!)) else { return false }
        if rest.first == "." { rest = rest.dropFirst(); guard digits() > 0 else { return false } }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
