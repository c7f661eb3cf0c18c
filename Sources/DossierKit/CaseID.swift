import DossierCore

/// A case id names its output folder, `out/<id>/`: it must be one ordinary folder name that cannot reach outside
/// `out`, hide, or take the place of the run's own files, on any file system (compared case-insensitively, as macOS
/// and Windows do).
enum CaseID {
    /// The run's own files and folders in `out`, which no case may be named after.
    static let reservedNames = ["report.json", "report.csv", "report.html", "index.html"]

    /// The longest id in UTF-8 bytes: the folder is built beside under a longer temporary name, and a name has at
    /// most 255 bytes.
    static let maxBytes = 200

    /// Why `id` cannot name a folder, or nil when it can.
    static func problem(_ id: String) -> String? {
        if id.isEmpty { return "it is empty" }
        if id == "." || id == ".." { return "`\(id)` names the output folder itself or its parent" }
        if id.contains("/") || id.contains("\\") { return "it contains a path separator (`/` or `\\`)" }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return "it contains a control character"
        }
        if id.hasPrefix(".") { return "it starts with `.`: hidden, and kept for Dossier's own files" }
        if id.hasPrefix("-") { return "it starts with `-`, which commands read as an option" }
        if id.hasSuffix(" ") || id.hasSuffix(".") { return "it ends with a space or a `.`, which some file systems drop" }
        if id.utf8.count > maxBytes { return "it is longer than \(maxBytes) bytes" }
        if reservedNames.contains(key(id)) { return "it is the name of one of the run's own files in the output folder" }
        return nil
    }

    /// Two ids with the same key name the same folder on a case-insensitive file system (`Case-1` and `case-1`).
    static func key(_ id: String) -> String { id.lowercased() }

    /// The error for a case whose id cannot name its folder.
    static func diagnostic(_ id: String, why: String, at location: SourceLocation) -> Diagnostic {
        .error("CASE066", "the case id `\(id)` cannot name an output folder: \(why)", at: location,
               hint: "use letters, digits, `.`, `_` and `-`, starting with a letter or digit (e.g. 2026-0142)")
    }
}
