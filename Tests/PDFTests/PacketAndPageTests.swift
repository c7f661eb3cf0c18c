import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing

/// Packets, outlines, page sizes, images.
@Suite struct PacketAndPageTests {
    typealias S = SampleDocuments

    static func outline(_ bytes: [UInt8]) throws -> [[String: Any]] {
        let url = try TestEnvironment.write(bytes)
        let json = try TestEnvironment.run("qpdf", ["--json", "--json-key=outlines", url.path])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["outlines"] as? [[String: Any]] ?? []
    }

    @Test func packetHasOneBookmarkPerDocumentInOrder() throws {
        let documents = S.packet(rounds: 1)
        let pdf = TestEnvironment.renderer().renderPacket(documents, title: "Packet VN-2027-014", language: "en")
        let top = try Self.outline(pdf.bytes)
        #expect(top.compactMap { $0["title"] as? String } == documents.map(\.title))
        let firstPages = top.compactMap { $0["destpageposfrom1"] as? Int }
        #expect(firstPages.first == 1)
        #expect(firstPages == firstPages.sorted() && Set(firstPages).count == firstPages.count)
        let checklistKids = (top.first?["kids"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        #expect(checklistKids.first == "Document checklist: marrying in Vietnam — Danh mục giấy tờ: kết hôn tại Việt Nam")
        let url = try TestEnvironment.write(pdf.bytes)
        #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
    }

    @Test func packetNumbersPagesPerDocument() throws {
        let documents = S.packet(rounds: 1)
        let pdf = TestEnvironment.renderer().renderPacket(documents, title: "Packet", language: "en")
        let url = try TestEnvironment.write(pdf.bytes)
        let text = try TestEnvironment.run("pdftotext", [url.path, "-"])
        let singles = documents.map { TestEnvironment.renderer().render($0).pageCount }
        #expect(pdf.pageCount == singles.reduce(0, +))
        for (i, count) in singles.enumerated() where documents[i].name != "cover-letter" && count > 1 {
            #expect(text.contains("Page \(count) of \(count)"))
        }
        // A one-page document carries no running header, in the packet as alone.
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix("Page 1 of 1") })
    }

    @Test func singleDocumentOutlineNestsH2UnderH1() throws {
        let top = try Self.outline(TestEnvironment.renderer().render(S.checklist()).bytes)
        #expect(top.count == 1)
        let kids = (top.first?["kids"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        // Bilingual headings stacked with a line break read "English — Tiếng Việt" as bookmarks.
        #expect(kids == ["Documents — Giấy tờ", "Fees — Lệ phí", "Deadlines — Thời hạn", "Warnings — Lưu ý"])
    }

    @Test func pageSizeComesFromAtPage() throws {
        let letter = TestEnvironment.css + "\n@page { size: Letter; }\n"
        let pdf = TestEnvironment.renderer(css: letter).render(S.coverLetter())
        let url = try TestEnvironment.write(pdf.bytes)
        #expect(PDFInfo.field("Page size", in: try TestEnvironment.run("pdfinfo", [url.path])) == "612 x 792 pts (letter)")
        let a4 = try TestEnvironment.write(TestEnvironment.renderer().render(S.coverLetter()).bytes)
        #expect(PDFInfo.field("Page size", in: try TestEnvironment.run("pdfinfo", [a4.path])) == "595.276 x 841.89 pts (A4)")
    }

    @Test func pngLogoIsEmbeddedWithItsAlpha() throws {
        let png = TinyPNG.make(width: 40, height: 20)
        let pdf = TestEnvironment.renderer(images: { $0 == "logo.png" ? png : nil })
            .render(S.checklist(items: 1, feeRows: 1, logo: "logo.png"))
        #expect(pdf.diagnostics.isEmpty, "\(pdf.diagnostics.map(\.headline))")
        let url = try TestEnvironment.write(pdf.bytes)
        let list = try TestEnvironment.run("pdfimages", ["-list", url.path])
        #expect(list.contains("image      40    20  rgb     3   8  image"))
        #expect(list.contains("smask      40    20  gray    1   8  image"))
        #expect(try TestEnvironment.run("qpdf", ["--check", url.path]).contains("No syntax or stream encoding errors"))
    }
}

/// Writes small RGBA PNGs with stored (uncompressed) deflate blocks, so tests need no zlib.
enum TinyPNG {
    static func make(width: Int, height: Int) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(y % 2 == 0 ? 0 : 2)
            for x in 0..<width {
                raw += y % 2 == 0 ? [UInt8(x * 6), 0x31, 0x5c, UInt8(x < 5 ? 0 : 255)] : [0, 0, 0, 0]
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var rest = raw[...]
        repeat {
            let block = rest.prefix(65535)
            rest = rest.dropFirst(block.count)
            zlib.append(rest.isEmpty ? 1 : 0)
            zlib += [UInt8(block.count & 0xff), UInt8(block.count >> 8), UInt8(~block.count & 0xff), UInt8((~block.count >> 8) & 0xff)]
            zlib += block
        } while !rest.isEmpty
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in raw {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        zlib += be32(b << 16 | a)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, 6, 0, 0, 0])
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        return png
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
