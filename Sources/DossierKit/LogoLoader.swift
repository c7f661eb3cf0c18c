import DossierCore
import Typesetting

/// Reads the preparer's logo (`case.preparer.logo`) for the letterhead, and nothing else: the path resolves inside
/// the case file's folder only (no absolute path, no `..`, no NUL, no link leading out of it), the file is at most
/// `maxBytes`, and the image, measured from its PNG IHDR or JPEG SOF header before anything decodes it, is at most
/// `maxSide` pixels a side. Anything else is a `LogoError` the caller reports as `CASE030` at the path.
struct LogoLoader {
    /// A letterhead logo is tens of KB; 5 MiB leaves room for a print-resolution scan.
    static let maxBytes = 5 * 1024 * 1024
    /// 4000 px is 13 in at 300 dpi: wider than any page.
    static let maxSide = 4000

    let world: World

    /// The logo's file name in the output folder (`logo.png`/`logo.jpg`) and its bytes.
    func load(_ path: String, folder: String) throws(LogoError) -> (name: String, bytes: [UInt8]) {
        if path.isEmpty { throw .badPath(path, "is empty") }
        if path.utf8.contains(0) { throw .badPath(path, "contains a NUL character") }
        if path.hasPrefix("/") || path.hasPrefix("~") { throw .badPath(path, "is absolute; give it relative to the case file's folder") }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            throw .badPath(path, "leaves the case file's folder (`..`)")
        }
        let full = Dossier.join(folder, path)
        guard let real = world.canonicalPath(full) else { throw .notFound(path) }
        guard let base = world.canonicalPath(folder), base == "." ? !real.hasPrefix("/") : real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw .badPath(path, "is a link to a file outside the case file's folder")
        }
        if let size = world.fileSize(real), size > Self.maxBytes { throw .tooLarge(path, size) }
        let bytes: [UInt8]
        do { bytes = try world.read(real) } catch { throw .notFound(path) }
        if bytes.count > Self.maxBytes { throw .tooLarge(path, bytes.count) }
        guard let info = ImageInfo(bytes) else { throw .notAnImage(path) }
        guard info.pixelWidth <= Self.maxSide, info.pixelHeight <= Self.maxSide else {
            throw .tooManyPixels(path, info.pixelWidth, info.pixelHeight)
        }
        return (info.format == .png ? "logo.png" : "logo.jpg", bytes)
    }
}

/// Why a logo cannot be used.
enum LogoError: Error, CustomStringConvertible {
    case badPath(String, String)
    case notFound(String)
    case tooLarge(String, Int)
    case tooManyPixels(String, Int, Int)
    case notAnImage(String)

    var description: String {
        switch self {
        case .badPath(let p, let why): return "the path `\(p)` \(why)"
        case .notFound(let p): return "`\(p)`: no such file in the case file's folder"
        case .tooLarge(let p, let size): return "`\(p)` is \(size) bytes; the limit is \(LogoLoader.maxBytes) (5 MiB)"
        case .tooManyPixels(let p, let w, let h):
            return "`\(p)` is \(w)×\(h) pixels; the limit is \(LogoLoader.maxSide)×\(LogoLoader.maxSide)"
        case .notAnImage(let p): return "`\(p)` is neither PNG nor JPEG"
        }
    }
}
