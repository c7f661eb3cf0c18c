import CFuzzerDriver
import DossierKit
import Foundation

// A libFuzzer campaign over one input kind: `DOSSIER_FUZZ_KIND` (`case`, `csv`, `template`, `css`), resources from
// `DOSSIER_HOME` (the repository root), both read once. SwiftPM gives an executable its own `main`, so the program
// hands itself to libFuzzer's driver instead of relying on the runtime's `main`.
let kind = FuzzEntry.Kind(rawValue: ProcessInfo.processInfo.environment["DOSSIER_FUZZ_KIND"] ?? "case") ?? .caseFile
let entry: FuzzEntry
do { entry = try FuzzEntry(resources: ProcessInfo.processInfo.environment["DOSSIER_HOME"] ?? "..") } catch {
    FileHandle.standardError.write(Data("cannot load the resources: \(error)\n".utf8))
    exit(3)
}

let fuzzOne: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = entry.run(kind, bytes)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
