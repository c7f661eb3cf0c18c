import Foundation
@testable import Typesetting

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fonts: FontLibrary = {
        do {
            return try FontLibrary { name in
                Array(try Data(contentsOf: root.appendingPathComponent("Fonts").appendingPathComponent(name)))
            }
        } catch {
            fatalError("cannot load Fonts/: \(error)")
        }
    }()

    static let css = (try? String(contentsOf: root.appendingPathComponent("Templates/dossier.css"), encoding: .utf8)) ?? ""
    static let stylesheet = Stylesheet.parse(css, file: "Templates/dossier.css").0

    static func context(_ sheet: Stylesheet = stylesheet) -> LayoutContext {
        LayoutContext(fonts: fonts, stylesheet: sheet, documentName: "test", language: "en", images: { _ in nil })
    }

    /// A paragraph of `text` in the default style at `size` points.
    static func paragraph(_ text: String, size: Points = 10) -> Paragraph {
        var style = ComputedStyle()
        style.fontSize = size
        style.display = .block
        var builder = ParagraphBuilder()
        builder.appendText(text, style: style, href: nil)
        return Paragraph(builder, style: style, context: context())
    }

    /// Text runs of a laid-out page, as strings, in paint order; the invisible space a wrapped line ends with (kept
    /// for text read in structure order) is left out, as it is from what a reader sees.
    static func texts(_ page: LaidOutPage) -> [(text: String, size: Points, y: Points)] {
        page.items.compactMap { item in
            guard case .text(let run) = item else { return nil }
            var text = run.text
            if text.last == 0x20, run.glyphs.last?.advance == 0 { text.removeLast() }
            return (String(decoding: text, as: UTF16.self), run.size, run.baseline)
        }
    }
}
