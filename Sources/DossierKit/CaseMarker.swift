import DossierCore
import Foundation

/// `.dossier-case.json`, written last into a case's folder: the fingerprint of everything the folder was rendered
/// from, its files with their sizes, and the case's report rows. A rerun whose fingerprint matches, and whose files
/// are all there at those sizes, skips the case and reuses the rows.
struct CaseMarker: Equatable {
    static let fileName = ".dossier-case.json"

    var fingerprint: String
    var files: [(name: String, size: Int)]
    var packets: [(procedure: String, verdict: String)]
    var record: String
    var csvRow: String

    static func == (a: CaseMarker, b: CaseMarker) -> Bool {
        a.fingerprint == b.fingerprint && a.files.elementsEqual(b.files, by: ==) && a.record == b.record && a.csvRow == b.csvRow
            && a.packets.elementsEqual(b.packets, by: ==)
    }

    func serialized() -> [UInt8] {
        let json = JSONValue.object([
            ("dossier-case", .int(1)),
            ("fingerprint", .string(fingerprint)),
            ("files", .array(files.map { .array([.string($0.name), .int($0.size)]) })),
            ("packets", .array(packets.map { .array([.string($0.procedure), .string($0.verdict)]) })),
            ("record", .string(record)),
            ("csv", .string(csvRow)),
        ])
        return Array((json.compact() + "\n").utf8)
    }

    /// The marker, or nil when the bytes are not one (a torn or foreign file: the case is rendered again).
    static func parse(_ bytes: [UInt8]) -> CaseMarker? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["dossier-case"] as? Int == 1,
              let fingerprint = object["fingerprint"] as? String,
              let files = object["files"] as? [[Any]],
              let packets = object["packets"] as? [[String]],
              let record = object["record"] as? String,
              let csvRow = object["csv"] as? String else { return nil }
        var named: [(name: String, size: Int)] = []
        for file in files {
            guard file.count == 2, let name = file[0] as? String, let size = file[1] as? Int else { return nil }
            named.append((name, size))
        }
        guard packets.allSatisfy({ $0.count == 2 }) else { return nil }
        return CaseMarker(fingerprint: fingerprint, files: named, packets: packets.map { ($0[0], $0[1]) }, record: record, csvRow: csvRow)
    }
}
