import TestSupport
import Compose
import DossierCore
import Testing

/// Arbitrary input must give a result or diagnostics, never a trap.
@Suite struct FuzzTests {
    static let alphabet = Array("<>/{}\"'&;=!?.t: \n\u{00E9}\u{0323}#x".utf8)

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            guard !out.isEmpty else { break }
            let i = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[i] = alphabet.randomElement(using: &rng)!
            case 1: out.remove(at: i)
            case 2: out.insert(alphabet.randomElement(using: &rng)!, at: i)
            default: out = Array(out[..<i])
            }
        }
        return out
    }

    @Test func mutatedTemplatesNeverTrap() throws {
        let original = try Fixtures.load("checklist.xhtml")
        var rng = SplitMix64(state: 2027)
        var parsed = 0, rejected = 0
        for _ in 0..<400 {
            let bytes = Self.mutate(original, &rng)
            do {
                let t = try Template(file: "fuzz.xhtml", bytes: bytes)
                parsed += 1
                do {
                    _ = try t.compose(Fixtures.packet, strings: Fixtures.strings, options: Fixtures.bilingual)
                } catch {
                    #expect(!error.diagnostics.isEmpty)
                    #expect(error.diagnostics.allSatisfy { ($0.location?.line ?? 1) >= 1 && ($0.location?.column ?? 1) >= 1 })
                }
            } catch {
                rejected += 1
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.code.hasPrefix("TPL") && ($0.location?.line ?? 1) >= 1 })
            }
        }
        #expect(parsed + rejected == 400)
    }

    @Test func mutatedCatalogsNeverTrap() throws {
        let original = try Fixtures.load("strings/vi.yaml")
        var rng = SplitMix64(state: 14)
        for _ in 0..<300 {
            let bytes = Self.mutate(original, &rng)
            do {
                _ = try StringCatalog(sources: [.init(language: "vi", file: "vi.yaml", bytes: bytes)])
            } catch {
                #expect(!error.diagnostics.isEmpty)
            }
        }
    }

    @Test func arbitraryPathsAndValuesNeverTrap() throws {
        var rng = SplitMix64(state: 7)
        let pieces = ["doc", "case", ".", "0", "1", "-", "_", "?", "!", "{", "}", " ", "é", "packet", "documents"]
        for _ in 0..<300 {
            let path = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let markup = Fixtures.page("""
            <t:for each="packet.documents" as="doc"><p title="{\(path)}"><t:if test="\(path)"><t:value of="\(path)"/></t:if></p></t:for>
            """)
            do {
                let t = try Template(file: "p.xhtml", text: markup)
                _ = try? t.compose(Fixtures.packet, strings: Fixtures.strings, options: Fixtures.bilingual)
            } catch {
                #expect(!error.diagnostics.isEmpty)
            }
        }
    }
}
