import DossierCore

/// A parsed YAML/JSON value that remembers where each part came from.
public indirect enum SourceValue: Sendable, Hashable {
    case scalar(String, plain: Bool, at: SourceLocation)
    case null(at: SourceLocation)
    case list([SourceValue], at: SourceLocation)
    case map([SourceEntry], at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let at), .null(let at), .list(_, let at), .map(_, let at): return at
        }
    }

    /// A short noun for error messages ("a list", "a mapping", …).
    public var kindDescription: String {
        switch self {
        case .scalar(let s, let plain, _):
            if plain, s == "true" || s == "false" { return "a boolean (\(s))" }
            return "a text value \"\(s)\""
        case .null: return "nothing (null)"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    public subscript(key: String) -> SourceValue? {
        guard case .map(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The entries of a mapping, or nil.
    public var mapKeys: [SourceEntry]? {
        if case .map(let entries, _) = self { return entries }
        return nil
    }

    public var scalarText: String? {
        if case .scalar(let s, _, _) = self { return s }
        return nil
    }
}

/// A key of a mapping with its own location (for "unknown key" errors) and its value.
public struct SourceEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: SourceValue

    public init(key: String, keyLocation: SourceLocation, value: SourceValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
