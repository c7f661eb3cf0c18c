import TestSupport
import DossierCore
import Rules
import Testing

/// A translation says everything the English says: the Vietnamese text of every vn-single-status record has as
/// many sentences as its English (issue 7: the Vietnamese dropped "No personal checks…" and "Ask for a certificate
/// covering both").
@Suite struct TranslationParityTests {
    static let procedure = "vn-single-status"
    /// Abbreviations whose period ends no sentence.
    static let abbreviations = ["U.S.", "e.g.", "i.e.", "No.", "Mr.", "Ms.", "a.m.", "p.m.", "8.30", "2.30", "12.00", "4.30", "v.v."]

    /// Sentences: a `.`, `!` or `?` (with any closing quote or bracket) before a space or the end.
    static func sentences(_ text: String) -> Int {
        var t = text
        for a in abbreviations { t = t.replacingOccurrences(of: a, with: "") }
        return t.matches(of: #/[.!?]["”’)]*(?=\s|$)/#).count
    }

    /// Every text of the procedure with where it is, for the message.
    static func texts(_ p: ProcedureRules) -> [(String, LocalizedText)] {
        var out: [(String, LocalizedText)] = []
        for d in p.documents {
            out += [("\(d.id).title", d.title), ("\(d.id).issuer", d.issuer), ("\(d.id).obtain", d.obtain), ("\(d.id).why", d.why)]
            for (i, s) in d.steps.enumerated() {
                out.append(("\(d.id).steps[\(i)]", s.text))
                if let n = s.note { out.append(("\(d.id).steps[\(i)].note", n)) }
            }
        }
        for n in p.notices {
            out.append((n.code, n.message))
            if let t = n.title { out.append((n.code + ".title", t)) }
        }
        for v in p.verdicts { out.append((v.id, v.message)) }
        for n in p.needs { out.append(("needs \(n.path)", n.why)) }
        for d in p.deadlines {
            out.append((d.id, d.title))
            if let n = d.note { out.append((d.id + ".note", n)) }
        }
        return out
    }

    @Test func theCounterSeesADroppedSentence() {
        #expect(Self.sentences("Pay by money order made out to \"Vietnam Consulate\". No personal checks, no cash in the mail.") == 2)
        #expect(Self.sentences("Trả bằng Money Order cho \"Vietnam Consulate\".") == 1)
        #expect(Self.sentences("A U.S. citizen, e.g. a student. Then file.") == 2)
    }

    @Test func everyVietnameseTextHasAsManySentencesAsItsEnglish() throws {
        let book = try RuleBookFixture.book.get()
        let p = try #require(book.procedure(Self.procedure))
        for (place, text) in Self.texts(p) {
            guard let en = text["en"], let vi = text["vi"] else { continue }
            #expect(Self.sentences(en) == Self.sentences(vi), "\(place): \(Self.sentences(en)) English sentences, \(Self.sentences(vi)) Vietnamese\n  en: \(en)\n  vi: \(vi)")
        }
    }
}
