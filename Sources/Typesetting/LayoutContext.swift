import DossierCore

/// Everything one document's layout shares: fonts, the shaper and break iterator (one per layout, not shared
/// across threads), images and the diagnostics found on the way.
final class LayoutContext {
    let fonts: FontLibrary
    let stylesheet: Stylesheet
    let shaper = Shaper()
    let textServices: TextServices
    let documentName: String
    /// The document's language: text without a `lang` of its own is in it.
    let language: String
    private let imageLoader: (String) -> [UInt8]?
    private(set) var images: [ImageResource] = []
    private var imageIndex: [String: Int?] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var reportedMissing: Set<UInt32> = []
    /// The logical structure built with the boxes (node 0 is the document).
    private(set) var structure: [StructureNode] = [StructureNode(role: "Document", parent: -1)]

    init(fonts: FontLibrary, stylesheet: Stylesheet, documentName: String, language: String,
         images: @escaping (String) -> [UInt8]?) {
        self.fonts = fonts
        self.stylesheet = stylesheet
        self.documentName = documentName
        self.language = language
        self.imageLoader = images
        textServices = TextServices(locale: language)
    }

    /// The image for `source`, loaded once; nil (with a warning) when missing or not PNG/JPEG.
    func image(_ source: String) -> Int? {
        if let known = imageIndex[source] { return known }
        var result: Int?
        if let data = imageLoader(source) {
            if let info = ImageInfo(data) {
                images.append(ImageResource(source: source, data: data, info: info))
                result = images.count - 1
            } else {
                warn("LAYOUT021", "image '\(source)' in \(documentName) is not a PNG or JPEG; it is left out")
            }
        } else {
            warn("LAYOUT020", "image '\(source)' in \(documentName) was not found; its alt text is shown instead")
        }
        imageIndex[source] = result
        return result
    }

    /// Adds a structure node under `parent` and returns its index.
    func addNode(_ role: String, parent: Int32, language: String? = nil, alt: String? = nil, scope: String? = nil) -> Int32 {
        structure.append(StructureNode(role: role, parent: parent, language: language, alt: alt, scope: scope))
        return Int32(structure.count - 1)
    }

    /// Changes a node's role (a `div` holding only text is a paragraph).
    func setRole(_ node: Int32, _ role: String) {
        structure[Int(node)].role = role
    }

    /// Moves the nodes made since `first` whose parent is `from` under `to` (inline links and spans of an
    /// anonymous paragraph, known to be one only when a block follows them).
    func reparent(since first: Int, from: Int32, to: Int32) {
        for i in first..<structure.count where structure[i].parent == from && Int32(i) != to { structure[i].parent = to }
    }

    /// Records that no font has `scalar` (once per character per document).
    func missingGlyph(_ scalar: UInt32) {
        guard reportedMissing.insert(scalar).inserted else { return }
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let shown = Unicode.Scalar(scalar).map { " '\(Character($0))'" } ?? ""
        warn("LAYOUT010", "character U+\(code)\(shown) in \(documentName) is in none of the fonts; it prints as an empty box",
             hint: "add a font that covers it to Fonts/ or replace the character")
    }

    private var warned: Set<String> = []

    /// Warns once per `code` and `key` in this document.
    func warnOnce(_ code: String, key: String, _ message: String, hint: String? = nil) {
        guard warned.insert(code + " " + key).inserted else { return }
        warn(code, message, hint: hint)
    }

    func warn(_ code: String, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(code, message, hint: hint))
    }
}
