import CaseModel
import DossierCore

extension SourceValue {
    /// The same value with every location moved down `lines` lines: a JSONL line parsed alone, placed in its file.
    func movedDown(_ lines: Int) -> SourceValue {
        guard lines != 0 else { return self }
        switch self {
        case .scalar(let text, let plain, let at): return .scalar(text, plain: plain, at: at.movedDown(lines))
        case .null(let at): return .null(at: at.movedDown(lines))
        case .list(let items, let at): return .list(items.map { $0.movedDown(lines) }, at: at.movedDown(lines))
        case .map(let entries, let at):
            return .map(entries.map { SourceEntry(key: $0.key, keyLocation: $0.keyLocation.movedDown(lines), value: $0.value.movedDown(lines)) },
                        at: at.movedDown(lines))
        }
    }
}

extension SourceLocation {
    func movedDown(_ lines: Int) -> SourceLocation { SourceLocation(file: file, line: line + lines, column: column) }
}

extension Diagnostic {
    func movedDown(_ lines: Int, in file: String) -> Diagnostic {
        guard lines != 0, let location, location.file == file else { return self }
        var d = self
        d.location = location.movedDown(lines)
        return d
    }
}
