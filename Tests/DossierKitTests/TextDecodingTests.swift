import TestSupport
import DossierCore
import DossierKit
import Testing

/// A file that is not UTF-8 is located at its first bad byte, not at 1:1 (issue 15, point 10).
@Suite struct TextDecodingTests {
    @Test func theFirstBadByteIsLocatedByLineAndColumn() throws {
        let bytes = Array("dossier: 1\ncase:\n  id: \"caf".utf8) + [0xE9] + Array("\"\n".utf8)
        let world = MemoryWorld(files: ["latin1.yaml": bytes], today: CalendarDate(year: 2026, month: 11, day: 22)!)
        let error = try #require(throws: TextDecodingError.self) { try world.readText("latin1.yaml") }
        #expect(error.location == SourceLocation(file: "latin1.yaml", line: 3, column: 11))
        #expect(error.problem.byteOffset == 27)
        #expect(error.diagnostic.headline == "latin1.yaml:3:11: error[CASE001]: cannot read: not UTF-8 text: byte 0xE9 at line 3, column 11 (byte offset 27)")
    }

    @Test func multiByteCharactersBeforeTheBadByteCountAsOneColumnEach() {
        let bytes = Array("tên: Nguyễn ".utf8) + [0xC3, 0x28]
        guard case .failure(let problem) = SourceText.decode(bytes) else { Issue.record("decoded"); return }
        #expect((problem.line, problem.column) == (1, 13))
    }

    @Test func aBatchRowStartsAtItsOwnLine() throws {
        let dossier = try Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
        var input = CaseInput(name: "batch.jsonl", text: "\n\n{}", folder: ".", firstLine: 3)
        input.isRow = true
        let result = dossier.render(input, formats: OutputFormats(html: true, pdf: false), date: nil)
        #expect(result.input == "batch.jsonl:3")
        #expect(result.location?.description == "batch.jsonl:3:1")
    }
}
