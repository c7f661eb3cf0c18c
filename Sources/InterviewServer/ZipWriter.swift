import Foundation
import ZIPFoundation

/// A ZIP archive made in memory, the same entries always giving the same bytes (a fixed date on every entry).
enum ZipWriter {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the earliest ZIP date

    static func zip(_ entries: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }
}
