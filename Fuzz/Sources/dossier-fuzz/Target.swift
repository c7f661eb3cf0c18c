import DossierKit
import Foundation

/// libFuzzer's entry point. The input kind comes from `DOSSIER_FUZZ_KIND` (`case`, `csv`, `template`, `css`), the
/// resources from `DOSSIER_HOME` (the repository root); both are read once.
let kind = FuzzEntry.Kind(rawValue: ProcessInfo.processInfo.environment["DOSSIER_FUZZ_KIND"] ?? "case") ?? .caseFile
let entry: FuzzEntry = {
    do { return try FuzzEntry(resources: ProcessInfo.processInfo.environment["DOSSIER_HOME"] ?? "..") } catch {
        FileHandle.standardError.write(Data("cannot load the resources: \(error)\n".utf8))
        exit(3)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = entry.run(kind, bytes)
    return 0
}
