import TestSupport
import CaseModel
import DossierCore

/// Edits a parsed case the way rule-test cases say: `set` a dotted path to a value, `remove` a path.
enum SourceValueEditing {
    static func setting(_ path: [String], to newValue: SourceValue, in value: SourceValue) -> SourceValue {
        guard let head = path.first else { return newValue }
        guard case .map(var entries, let at) = value else {
            return setting(path, to: newValue, in: .map([], at: value.location))
        }
        if let i = entries.firstIndex(where: { $0.key == head }) {
            entries[i].value = setting(Array(path.dropFirst()), to: newValue, in: entries[i].value)
        } else {
            entries.append(SourceEntry(key: head, keyLocation: at,
                                       value: setting(Array(path.dropFirst()), to: newValue, in: .map([], at: at))))
        }
        return .map(entries, at: at)
    }

    static func removing(_ path: [String], from value: SourceValue) -> SourceValue {
        guard let head = path.first, case .map(var entries, let at) = value else { return value }
        if path.count == 1 {
            entries.removeAll { $0.key == head }
        } else if let i = entries.firstIndex(where: { $0.key == head }) {
            entries[i].value = removing(Array(path.dropFirst()), from: entries[i].value)
        }
        return .map(entries, at: at)
    }
}
