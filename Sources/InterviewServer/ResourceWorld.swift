import DossierCore
import DossierKit
import Foundation

/// The rule book, templates and fonts read once into memory: rendering reads nothing else, so an uploaded case
/// cannot reach a file on the server (a logo path finds nothing). Today comes from the clock, or a fixed day.
final class ResourceWorld: World, @unchecked Sendable {
    private let files: MemoryWorld
    private let fixedDay: CalendarDate?

    /// Copies `Rules/`, `Templates/` and `Fonts/` of `resources` (and `templates`, when given, as `Templates/`).
    init(resources: String, rules: String?, templates: String?, day: CalendarDate?) throws {
        let disk = FileSystemWorld()
        var map: [String: [UInt8]] = [:]
        func copy(_ folder: String, as prefix: String) throws {
            for path in try disk.list(folder) {
                map[prefix + path.dropFirst(folder.count)] = try disk.read(path)
            }
        }
        let base = resources == "." ? "" : (resources.hasSuffix("/") ? resources : resources + "/")
        try copy(rules ?? base + "Rules", as: "Rules")
        try copy(templates ?? base + "Templates", as: "Templates")
        if templates != nil, !map.keys.contains(where: { $0.hasPrefix("Templates/interview/") }) {
            try copy(base + "Templates/interview", as: "Templates/interview")
        }
        try copy(base + "Fonts", as: "Fonts")
        files = MemoryWorld(files: map, today: day ?? disk.today())
        fixedDay = day
    }

    func read(_ path: String) throws -> [UInt8] { try files.read(path) }
    func list(_ folder: String) throws -> [String] { try files.list(folder) }
    func isDirectory(_ path: String) -> Bool { files.isDirectory(path) }
    func exists(_ path: String) -> Bool { files.exists(path) }
    /// Never writes: the server keeps what it makes in its sessions.
    func write(_ bytes: [UInt8], to path: String) throws { throw WorldError.writeFailed(path, "the web app writes nothing") }
    func createDirectory(_ path: String) throws {}
    func open(_ path: String) throws -> any ByteStream { try files.open(path) }
    func entries(_ folder: String) throws -> [String] { try files.entries(folder) }
    func fileSize(_ path: String) -> Int? { files.fileSize(path) }
    func realPath(_ path: String) -> String { files.realPath(path) }
    func create(_ bytes: [UInt8], at path: String) throws { throw WorldError.writeFailed(path, "the web app writes nothing") }
    func append(_ bytes: [UInt8], to path: String) throws { throw WorldError.writeFailed(path, "the web app writes nothing") }
    func rename(_ from: String, to: String) throws { throw WorldError.writeFailed(to, "the web app writes nothing") }
    func remove(_ path: String) throws {}
    func sync(_ folder: String) {}
    func lock(_ path: String, waiting: () -> Void) throws -> FolderLock { try files.lock(path, waiting: waiting) }
    func today() -> CalendarDate { fixedDay ?? FileSystemWorld().today() }
}
