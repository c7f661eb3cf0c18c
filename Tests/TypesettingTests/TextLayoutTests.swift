import Testing
@testable import Typesetting

@Suite struct TextLayoutTests {
    static let vietnameseLetters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"

    @Test func everyFaceCoversVietnamese() {
        let all = Self.vietnameseLetters + Self.vietnameseLetters.uppercased() + "₫–—“”‘’…·•"
        for face in Support.fonts.faces {
            let missing = all.unicodeScalars.filter { face.glyph(for: $0) == nil }
            #expect(missing.isEmpty, "\(face.fileName) lacks \(String(String.UnicodeScalarView(missing)))")
        }
    }

    @Test func linesNeverExceedTheWidthAndKeepEveryCharacter() {
        let text = "Giấy xác nhận tình trạng hôn nhân phải được hợp pháp hóa lãnh sự trước khi nộp cho Ủy ban nhân dân; "
            + "the certificate must be legalized before it is filed, see https://example.org/a-very-long-path-without-spaces."
        let p = Support.paragraph(text)
        for width in [60.0, 120, 250, 500] {
            let lines = p.lines(width: width)
            #expect(lines.count > 1 || width == 500)
            for line in lines { #expect(line.width <= width + 0.01, "width \(width): \(line.width)") }
            let rebuilt = lines.map { String(decoding: p.text[$0.start..<$0.next], as: UTF16.self) }.joined()
            #expect(rebuilt == text)
        }
    }

    @Test func breaksFollowUAX14() {
        let p = Support.paragraph("well-known e-mail words")
        let lines = p.lines(width: 40)
        let pieces = lines.map { String(decoding: p.text[$0.start..<$0.end], as: UTF16.self) }
        #expect(pieces.first == "well-")
    }

    @Test func shapingUsesNFCAndNoLigatures() {
        let p = Support.paragraph("Affidavit office Tuyên thệ".decomposedStringWithCanonicalMappingForTests)
        #expect(String(decoding: p.text, as: UTF16.self).unicodeScalars.count == 26)
        // f, f, i stay three glyphs: one glyph per character in this text.
        #expect(p.glyphs.count == 26)
    }

    @Test func forcedBreaksMakeLines() {
        var style = ComputedStyle()
        style.display = .block
        var builder = ParagraphBuilder()
        builder.appendText("English ", style: style, href: nil)
        builder.appendLineBreak(style: style)
        builder.appendText(" Tiếng Việt", style: style, href: nil)
        let p = Paragraph(builder, style: style, context: Support.context())
        let lines = p.lines(width: 1000)
        #expect(lines.map { String(decoding: p.text[$0.start..<$0.end], as: UTF16.self) } == ["English", "Tiếng Việt"])
    }
}

extension String {
    /// NFD via the NFC round trip's inverse: decompose the Vietnamese letters used in tests.
    var decomposedStringWithCanonicalMappingForTests: String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s {
            case "ê": out.append(contentsOf: "e\u{0302}".unicodeScalars)
            case "ệ": out.append(contentsOf: "e\u{0323}\u{0302}".unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }
}
