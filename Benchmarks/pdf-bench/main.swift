import DocumentModel
import Glibc
import PDF
import PDFFixtures
import Typesetting

/// The PDF engine benchmark's Swift side (Benchmarks/pdf-bench.sh drives it):
///   pdf-bench write ROOT OUTDIR          writes checklist/packet as .pdf (ours) and .html (for WeasyPrint, Chromium)
///   pdf-bench warm ROOT ITERATIONS       prints warm milliseconds per document (median) for both documents
///   pdf-bench cold ROOT checklist|packet OUT.pdf   one render in a fresh process, as the CLI would
///   pdf-bench phases ROOT                warm layout and export milliseconds of the checklist
///   pdf-bench coldphases ROOT            where a fresh process spends its time
func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n <= 0 { break }
        out.append(contentsOf: chunk[0..<n])
    }
    return out
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    guard let f = fopen(path, "wb") else {
        fail("cannot write \(path)")
    }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

/// Prints to standard error and exits.
func fail(_ message: String, status: Int32 = 1) -> Never {
    var bytes = Array((message + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
    exit(status)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail("usage: pdf-bench write|warm|cold ROOT …", status: 2)
}
let root = arguments[2]

/// The stylesheet, printed on A4 by every engine (the file leaves the paper to the browser or the case).
func stylesheetText() -> String {
    String(decoding: readFile("\(root)/Templates/dossier.css") ?? [], as: UTF8.self) + "\n@page { size: A4; }\n"
}

/// The 3-page bilingual checklist and the 30-page packet of the benchmark.
let checklist = SampleDocuments.checklist(items: 3, feeRows: 6)
let packet = SampleDocuments.packet(rounds: 3)

func renderer() -> PDFRenderer {
    do {
        let fonts = try FontLibrary { name in
            guard let data = readFile("\(root)/Fonts/\(name)") else {
                throw FontLoadError(fileName: name, reason: "not found in \(root)/Fonts")
            }
            return data
        }
        let css = stylesheetText()
        let stylesheet = Stylesheet.parse(css, file: "Templates/dossier.css").0
        return PDFRenderer(stylesheet: stylesheet, fonts: fonts)
    } catch {
        fail("\(error)")
    }
}

/// All documents of the packet in one HTML file, each starting on a new page.
func packetHTML(_ documents: [Document], css: String) -> String {
    let sections = documents.enumerated().map { i, doc -> Node in
        let classes = ((doc.body[attribute: "class"].map { [$0] } ?? []) + (i > 0 ? ["pagebreak"] : []))
        return .element(Element("section", [Attribute("class", classes.joined(separator: " "))], doc.body.children))
    }
    let combined = Document(name: "packet", title: "Packet", language: "en", runningHeader: documents[0].runningHeader,
                            body: Element("body", [], sections))
    return HTMLPage.html(for: combined, stylesheet: css)
}

switch arguments[1] {
case "write":
    let out = arguments.count > 3 ? arguments[3] : "."
    let r = renderer()
    let css = stylesheetText()
    let one = r.render(checklist)
    let many = r.renderPacket(packet, title: "Packet VN-2027-014", language: "en")
    writeFile("\(out)/checklist.pdf", one.bytes)
    writeFile("\(out)/packet.pdf", many.bytes)
    writeFile("\(out)/checklist.html", Array(HTMLPage.html(for: checklist, stylesheet: css).utf8))
    writeFile("\(out)/packet.html", Array(packetHTML(packet, css: css).utf8))
    for d in one.diagnostics + many.diagnostics { print(d.headline) }
    print("checklist_pages=\(one.pageCount) packet_pages=\(many.pageCount)")
case "warm":
    let iterations = max(3, Int(arguments.count > 3 ? arguments[3] : "30") ?? 30)
    let r = renderer()
    /// Median and fastest of `iterations` timed runs after one untimed run.
    func timing(_ body: () -> Void) -> (median: Double, fastest: Double) {
        body()
        var times: [Double] = []
        for _ in 0..<iterations {
            let start = now()
            body()
            times.append(now() - start)
        }
        times.sort()
        return (times[times.count / 2], times[0])
    }
    let one = timing { _ = r.render(checklist) }
    let many = timing { _ = r.renderPacket(packet, title: "Packet VN-2027-014", language: "en") }
    print("checklist_ms=\(one.median) packet_ms=\(many.median) checklist_min_ms=\(one.fastest) packet_min_ms=\(many.fastest)")
case "phases":
    let r = renderer()
    let fonts = try FontLibrary { name in readFile("\(root)/Fonts/\(name)") ?? [] }
    let css = stylesheetText()
    let typesetter = Typesetter(stylesheet: Stylesheet.parse(css, file: "dossier.css").0, fonts: fonts)
    let exporter = PDFExporter(fonts: fonts)
    _ = r.render(checklist)
    var layoutTimes: [Double] = []
    var exportTimes: [Double] = []
    for _ in 0..<40 {
        let t0 = now()
        let laid = typesetter.layout(checklist)
        let t1 = now()
        _ = exporter.export([laid], title: "x", language: "en", packet: false)
        layoutTimes.append(t1 - t0)
        exportTimes.append(now() - t1)
    }
    print("layout_ms=\(layoutTimes.sorted()[20]) export_ms=\(exportTimes.sorted()[20])")
case "coldphases":
    let t0 = now()
    let fonts = try FontLibrary { name in readFile("\(root)/Fonts/\(name)") ?? [] }
    let t1 = now()
    let css = stylesheetText()
    let sheet = Stylesheet.parse(css, file: "dossier.css").0
    let t2 = now()
    let r = PDFRenderer(stylesheet: sheet, fonts: fonts)
    let t3 = now()
    let typesetter = Typesetter(stylesheet: sheet, fonts: fonts)
    let laid = typesetter.layout(checklist)
    let t4 = now()
    _ = PDFExporter(fonts: fonts).export([laid], title: "x", language: "en", packet: false)
    let t5 = now()
    _ = r.render(checklist)
    let t6 = now()
    print("fonts_ms=\(t1 - t0) css_ms=\(t2 - t1) renderer_ms=\(t3 - t2) first_layout_ms=\(t4 - t3) "
          + "first_export_ms=\(t5 - t4) second_render_ms=\(t6 - t5)")
case "cold":
    let which = arguments.count > 3 ? arguments[3] : "checklist"
    let out = arguments.count > 4 ? arguments[4] : "/dev/null"
    let r = renderer()
    let pdf = which == "packet" ? r.renderPacket(packet, title: "Packet VN-2027-014", language: "en") : r.render(checklist)
    writeFile(out, pdf.bytes)
default:
    fail("unknown command \(arguments[1])", status: 2)
}
