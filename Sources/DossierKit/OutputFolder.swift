import DossierCore
import Foundation

/// The output folder of a run, and the one way a case reaches it: whole or not at all. The folder is locked for
/// the run; a case's folder is built beside, under a hidden temporary name, each file written once, then renamed
/// into place (an existing folder is renamed away first and deleted after). Temporary folders left by a killed run
/// are deleted when the next run starts. The report is appended as units finish (`report.csv` and a journal), and
/// `report.json` is written from the journal when the run ends.
final class OutputFolder: @unchecked Sendable {
    static let lockName = ".dossier.lock"
    static let journalName = ".dossier-journal.jsonl"
    static let temporaryPrefixes = [".tmp-", ".old-", ".dat.nosync"]

    let world: World
    let path: String
    private let lock: FolderLock
    private let suffix = "-\(ProcessInfo.processInfo.processIdentifier)"

    private init(world: World, path: String, lock: FolderLock) {
        self.world = world
        self.path = path
        self.lock = lock
    }

    /// Creates and locks the folder (waiting while another run holds it), clears what a killed run left and starts
    /// the report.
    static func open(_ path: String, world: World, waiting: () -> Void) throws -> OutputFolder {
        if world.exists(path), !world.isDirectory(path) { throw WorldError.writeFailed(path, "it is a file, not a folder") }
        try world.createDirectory(path)
        let lock = try world.lock(Dossier.join(path, lockName), waiting: waiting)
        let folder = OutputFolder(world: world, path: path, lock: lock)
        do {
            try folder.clearLeftovers()
            try world.remove(folder.file("report.json"))
            try world.remove(folder.file(journalName))
            try world.write(Array(RunReport.csvHeader.utf8), to: folder.file("report.csv"))
            try world.create([], at: folder.file(journalName))
        } catch {
            lock.release()
            throw error
        }
        return folder
    }

    func file(_ name: String) -> String { Dossier.join(path, name) }

    /// Deletes the temporary folders and files a killed run (of any version) left at the top of the folder.
    func clearLeftovers() throws {
        for name in try world.entries(path) where Self.temporaryPrefixes.contains(where: name.hasPrefix) {
            try world.remove(file(name))
        }
    }

    /// The marker of the case folder `id`, if it has a readable one.
    func marker(of id: String) -> CaseMarker? {
        guard let bytes = try? world.read(Dossier.join(file(id), CaseMarker.fileName)) else { return nil }
        return CaseMarker.parse(bytes)
    }

    /// True when every file the marker lists is in the folder at its recorded size (a crash of the machine can
    /// leave renamed files without their data).
    func isIntact(_ id: String, _ marker: CaseMarker) -> Bool {
        marker.files.allSatisfy { world.fileSize(Dossier.join(file(id), $0.name)) == $0.size }
    }

    /// Writes the case folder `id` whole: built beside, then renamed into place, replacing any folder of that name.
    func writeCase(_ id: String, files: [(name: String, bytes: [UInt8])], marker: CaseMarker) throws {
        let temporary = file(".tmp-" + id + suffix)
        try world.remove(temporary)
        do {
            try world.createDirectory(temporary)
            for f in files {
                guard !f.name.isEmpty, !f.name.contains("/"), !f.name.hasPrefix(".") else {
                    throw WorldError.writeFailed(f.name, "not a plain file name")
                }
                try world.create(f.bytes, at: Dossier.join(temporary, f.name))
            }
            try world.create(marker.serialized(), at: Dossier.join(temporary, CaseMarker.fileName))
            let final = file(id)
            if world.exists(final) {
                let old = file(".old-" + id + suffix)
                try world.remove(old)
                try world.rename(final, to: old)
                try world.rename(temporary, to: final)
                try world.remove(old)
            } else {
                try world.rename(temporary, to: final)
            }
            world.sync(path)
        } catch {
            try? world.remove(temporary)
            throw error
        }
    }

    /// Removes the folder of a case that no longer renders: a valid-looking packet must not outlive its case.
    func removeCase(_ id: String) throws {
        guard world.exists(file(id)) else { return }
        let old = file(".old-" + id + suffix)
        try world.remove(old)
        try world.rename(file(id), to: old)
        try world.remove(old)
    }

    /// Adds a finished unit to the report, in input order.
    func append(_ outcome: CaseOutcome) throws {
        try world.append(Array((outcome.record + "\n").utf8), to: file(Self.journalName))
        try world.append(Array(outcome.csvRow.utf8), to: file("report.csv"))
    }

    /// Writes `report.json` from the journal (streamed, one case per line), removes the journal, releases the lock.
    func finish() throws {
        defer { lock.release() }
        let temporary = file(".tmp-report.json" + suffix)
        try world.remove(temporary)
        try world.create(Array(RunReport.jsonHead.utf8), at: temporary)
        var lines = LineReader(stream: try world.open(file(Self.journalName)))
        var chunk: [UInt8] = []
        var first = true
        while let line = try lines.next() {
            if !first { chunk += RunReport.jsonSeparator.utf8 }
            first = false
            chunk += RunReport.jsonIndent.utf8
            chunk += line.bytes
            if chunk.count > 1 << 20 { try world.append(chunk, to: temporary); chunk = [] }
        }
        chunk += (first ? "  ]\n}\n" : RunReport.jsonTail).utf8
        try world.append(chunk, to: temporary)
        try world.rename(temporary, to: file("report.json"))
        try world.remove(file(Self.journalName))
    }

    /// Lets go of the folder without finishing the report (the run failed).
    func release() { lock.release() }
}
