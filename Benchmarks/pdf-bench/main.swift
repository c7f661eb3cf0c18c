import DocumentModel
import Glibc
import PDF
import PDFFixtures
import Typesetting

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
    guard let f = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let fonts = try FontLibrary { name in
    guard let data = readFile("\(root)/Fonts/\(name)") else { throw FontLoadError(fileName: name, reason: "not found") }
    return data
}
let css = String(decoding: readFile("\(root)/Templates/dossier.css") ?? [], as: UTF8.self)
let (stylesheet, cssDiagnostics) = Stylesheet.parse(css, file: "Templates/dossier.css")
for d in cssDiagnostics { print(d.headline) }
let renderer = PDFRenderer(stylesheet: stylesheet, fonts: fonts)
let pdf = renderer.render(SampleDocuments.checklist())
for d in pdf.diagnostics { print(d.headline) }
writeFile("/tmp/checklist.pdf", pdf.bytes)
print("pages", pdf.pageCount, "bytes", pdf.bytes.count)
