/// The fonts Dossier embeds (the files in `Fonts/`), loaded once and shared by every document and thread.
///
/// Immutable after init. Library code does no file I/O: the caller hands in each file's bytes by name.
public final class FontLibrary: @unchecked Sendable {
    /// One face the library loads: file name in `Fonts/`, CSS family, weight and style.
    public struct FaceFile: Sendable, Hashable {
        public var fileName: String
        public var family: String
        public var bold: Bool
        public var italic: Bool
    }

    /// The files `init(fontData:)` asks for, in this order (the first is the default face).
    public static let faceFiles: [FaceFile] = [
        FaceFile(fileName: "NotoSans-Regular.ttf", family: "Noto Sans", bold: false, italic: false),
        FaceFile(fileName: "NotoSans-Bold.ttf", family: "Noto Sans", bold: true, italic: false),
        FaceFile(fileName: "NotoSans-Italic.ttf", family: "Noto Sans", bold: false, italic: true),
        FaceFile(fileName: "NotoSans-BoldItalic.ttf", family: "Noto Sans", bold: true, italic: true),
    ]

    /// The hyphenation patterns `init(fontData:)` asks for beside the faces (English, libhyphen format).
    public static let hyphenationFile = "hyph_en_US.dic"

    /// The default family, used when no family in a `font-family` list is available.
    public static let defaultFamily = "Noto Sans"

    /// Loaded faces; `FontFace.index` is the position here.
    public let faces: [FontFace]
    /// English hyphenation (`hyphens: auto` on English text).
    public let hyphenator: Hyphenator
    /// The default family's regular, bold, italic and bold italic faces (the common case, without string compares).
    private let defaultFaces: [FontFace?]

    /// Loads every face in `faceFiles` and the hyphenation patterns (`hyphenationFile`), asking `fontData` for each
    /// file's bytes by file name.
    public init(fontData: (String) throws -> [UInt8]) throws {
        var loaded: [FontFace] = []
        for (i, file) in Self.faceFiles.enumerated() {
            let data = try fontData(file.fileName)
            loaded.append(try FontFace(index: i, fileName: file.fileName, family: file.family, data: data))
        }
        faces = loaded
        hyphenator = Hyphenator(patterns: try fontData(Self.hyphenationFile))
        defaultFaces = [(false, false), (true, false), (false, true), (true, true)].map { bold, italic in
            loaded.first { Self.faceFiles[$0.index].family == Self.defaultFamily
                && Self.faceFiles[$0.index].bold == bold && Self.faceFiles[$0.index].italic == italic }
        }
    }

    /// Per-library state of later stages (the PDF subsetter's HarfBuzz faces), made once and shared by every
    /// renderer that uses this library.
    private let sharedLock = Lock()
    private var sharedState: [ObjectIdentifier: AnyObject] = [:]

    /// The `T` made for this library, making it with `make` on first use (thread-safe).
    package func shared<T: AnyObject & Sendable>(_ make: () -> T) -> T {
        sharedLock.withLock {
            if let known = sharedState[ObjectIdentifier(T.self)] as? T { return known }
            let made = make()
            sharedState[ObjectIdentifier(T.self)] = made
            return made
        }
    }

    /// True when some face belongs to `family` (compared case-insensitively).
    public func hasFamily(_ family: String) -> Bool {
        faces.contains { $0.family.lowercased() == family.lowercased() }
    }

    /// The face that best matches the first available family of `families` and the weight and style.
    public func face(families: [String], bold: Bool, italic: Bool) -> FontFace {
        if families.first == Self.defaultFamily, let face = defaultFaces[(bold ? 1 : 0) + (italic ? 2 : 0)] {
            return face
        }
        let family = families.first(where: hasFamily) ?? Self.defaultFamily
        let inFamily = faces.filter { $0.family.lowercased() == family.lowercased() }
        let pool = inFamily.isEmpty ? faces : inFamily
        return pool.first { matches($0, bold, italic) }
            ?? pool.first { Self.faceFiles[$0.index].bold == bold }
            ?? pool[0]
    }

    /// Faces to try, in order, for a character `primary` lacks: same weight and style first, then the rest.
    func fallbacks(for primary: FontFace) -> [FontFace] {
        let file = Self.faceFiles[primary.index]
        let same = faces.filter { $0.index != primary.index && Self.faceFiles[$0.index].bold == file.bold
            && Self.faceFiles[$0.index].italic == file.italic }
        let rest = faces.filter { face in face.index != primary.index && !same.contains { $0 === face } }
        return same + rest
    }

    private func matches(_ face: FontFace, _ bold: Bool, _ italic: Bool) -> Bool {
        Self.faceFiles[face.index].bold == bold && Self.faceFiles[face.index].italic == italic
    }
}
