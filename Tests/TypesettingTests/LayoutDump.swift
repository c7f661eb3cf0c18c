@testable import Typesetting

/// A readable dump of laid-out pages (one item per line, positions to 0.01 pt) for golden comparisons.
enum LayoutDump {
    static func text(_ document: LaidOutDocument, fonts: FontLibrary) -> String {
        var lines: [String] = []
        for (i, page) in document.pages.enumerated() {
            lines.append("page \(i + 1) \(n(page.width))x\(n(page.height))")
            for item in page.items {
                switch item {
                case .text(let run):
                    let face = fonts.faces[run.face].metrics.postScriptName
                    let text = String(decoding: run.text, as: UTF16.self)
                    lines.append("  text \(face) \(n(run.size)) \(hex(run.color)) \(run.language ?? "-") "
                                 + "\(n(run.x)),\(n(run.baseline)) w=\(n(width(run))) \"\(text)\"")
                case .fill(let r, let color):
                    lines.append("  fill \(rect(r)) \(hex(color))")
                case .image(let index, let r, _):
                    lines.append("  image \(index) \(rect(r))")
                case .link(let r, let uri, _):
                    lines.append("  link \(rect(r)) \(uri)")
                }
            }
        }
        for entry in document.outline {
            lines.append("outline \(entry.level) page \(entry.page + 1) y=\(n(entry.y)) \"\(entry.title)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func width(_ run: GlyphRun) -> Points {
        guard let last = run.glyphs.last else { return 0 }
        return last.x + last.advance
    }

    private static func rect(_ r: Rect) -> String { "\(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height))" }

    private static func n(_ x: Double) -> String {
        let scaled = Int((x * 100).rounded())
        let sign = scaled < 0 ? "-" : ""
        let m = abs(scaled)
        let fraction = m % 100
        return "\(sign)\(m / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func hex(_ c: RGBColor) -> String {
        "#" + [c.red, c.green, c.blue].map { v in
            let byte = Int((v * 255).rounded())
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
