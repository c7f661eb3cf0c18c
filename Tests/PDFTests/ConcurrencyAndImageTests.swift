import DocumentModel
import Foundation
import PDF
import PDFFixtures
import Testing
import Typesetting

@Suite struct ConcurrencyAndImageTests {
    typealias S = SampleDocuments

    /// One renderer shared by many tasks gives the same bytes as a render on its own (fonts and subsetter are shared).
    @Test func rendersInParallelAreIdentical() async {
        let renderer = TestEnvironment.renderer()
        let expected = renderer.render(S.checklist(items: 2, feeRows: 3)).bytes
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 { group.addTask { renderer.render(S.checklist(items: 2, feeRows: 3)).bytes } }
            var all: [[UInt8]] = []
            for await bytes in group { all.append(bytes) }
            return all
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 == expected })
    }

    /// A baseline JPEG header: SOI, APP0, SOF0 (8-bit, 3 components), SOS… (the data is passed through as is).
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
                                0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00,
                                0x50, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9]

    @Test func jpegHeadersGiveSizeAndComponents() {
        let info = ImageInfo(Self.jpeg)
        #expect(info?.format == .jpeg && info?.pixelWidth == 80 && info?.pixelHeight == 48 && info?.components == 3)
        #expect(ImageInfo([0xFF, 0xD8, 0xFF]) == nil)
        #expect(ImageInfo(Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 30)) == nil)
    }

    @Test func jpegIsEmbeddedAsDCTWithItsCSSWidth() throws {
        let jpeg = Self.jpeg
        let pdf = TestEnvironment.renderer(images: { $0 == "logo.jpg" ? jpeg : nil })
            .render(S.checklist(items: 1, feeRows: 1, logo: "logo.jpg"))
        #expect(pdf.diagnostics.isEmpty, "\(pdf.diagnostics.map(\.headline))")
        let url = try TestEnvironment.write(pdf.bytes)
        let qdf = try TestEnvironment.uncompressed(url)
        #expect(qdf.contains("/Filter /DCTDecode"))
        #expect(qdf.contains("/Width 80"))
        // .logo { width: 90pt }: 80 × 48 px scaled to 90 × 54 pt.
        #expect(qdf.contains("q 90 0 0 54 "))
    }
}

@Suite struct RepeatedRenderTests {
    /// A long-lived renderer switches to preprocessed faces for subsetting after a few documents; the bytes must not
    /// change when it does.
    @Test func manyRendersWithOneRendererAreIdentical() {
        let renderer = TestEnvironment.renderer()
        let document = SampleDocuments.checklist(items: 2, feeRows: 2)
        let first = renderer.render(document).bytes
        for _ in 0..<12 { #expect(renderer.render(document).bytes == first) }
    }
}
