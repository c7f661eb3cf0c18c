import TestSupport
import DossierKit
import Foundation
import Testing

/// Replays the fuzz corpus (`Fuzz/corpus/<kind>/`, seeds and every crasher found so far) through the entry points the
/// libFuzzer target uses, plus a short seeded mutation pass: nothing traps and each input gives one summary.
@Suite struct FuzzCorpusTests {
    static let entry: FuzzEntry? = try? FuzzEntry(resources: Repository.root)

    static func corpus(_ kind: FuzzEntry.Kind) -> [(name: String, bytes: [UInt8])] {
        let folder = Repository.path("Fuzz/corpus/\(kind.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, [UInt8]($0)) }
        }
    }

    @Test(arguments: FuzzEntry.Kind.allCases)
    func corpusReplaysWithoutTrapAndDeterministically(kind: FuzzEntry.Kind) throws {
        let entry = try #require(Self.entry)
        let files = Self.corpus(kind)
        #expect(!files.isEmpty, "Fuzz/corpus/\(kind.rawValue) has seeds")
        for file in files {
            let first = entry.run(kind, file.bytes)
            #expect(entry.run(kind, file.bytes) == first, "\(kind.rawValue)/\(file.name) gives the same result twice")
        }
    }

    /// Bytes that matter to YAML, CSV, XML and CSS, plus control, invisible and non-UTF-8 bytes.
    static let alphabet: [[UInt8]] = ["&a ", "*a", "!!binary ", "{", "}", "[", "]", ":", ",", "\"", "'", "\n", "\r\n",
                                      "\t", "-", "0", "9", "1e308pt", "0001-01-01", "9999-12-31", "<", ">", "/", ";",
                                      "\u{1B}", "\u{2028}", "\u{202E}", "\u{200B}", "\\ud83d\\ude00"].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0x00]]

    @Test(arguments: FuzzEntry.Kind.allCases)
    func seededMutantsNeverTrap(kind: FuzzEntry.Kind) throws {
        let entry = try #require(Self.entry)
        var rng = SplitMix64(state: 15)
        for seed in Self.corpus(kind).prefix(3) {
            for _ in 0..<12 {
                var bytes = seed.bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    let piece = Self.alphabet.randomElement(using: &rng)!
                    if Bool.random(using: &rng) { bytes.replaceSubrange(i..<min(bytes.count, i + piece.count), with: piece) }
                    else { bytes.insert(contentsOf: piece, at: i) }
                }
                #expect(entry.run(kind, bytes) == entry.run(kind, bytes))
            }
        }
    }
}
