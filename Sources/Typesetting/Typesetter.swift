import DocumentModel
import DossierCore

/// Lays out a document tree with a stylesheet and fonts into pages (the `layout` stage); no PDF knowledge here.
public struct Typesetter: Sendable {
    public let stylesheet: Stylesheet
    public let fonts: FontLibrary
    private let images: @Sendable (String) -> [UInt8]?

    /// `images` returns the bytes of an `img src` (PNG or JPEG), or nil when there is no such image.
    public init(stylesheet: Stylesheet, fonts: FontLibrary, images: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        self.stylesheet = stylesheet
        self.fonts = fonts
        self.images = images
    }

    /// Lays out `document`: box tree, lines, pages, then the running header with "Page X of Y" on each page of a
    /// document of several pages. A one-page document (a letter, a notice) gets none: nothing to number or to tie.
    public func layout(_ document: Document) -> LaidOutDocument {
        let context = LayoutContext(fonts: fonts, stylesheet: stylesheet, documentName: document.name,
                                    language: document.language, images: images)
        let setup = stylesheet.page
        let root = BoxBuilder(context: context).build(document.body)
        let flow = FlowLayout(context: context, setup: setup, measuring: false)
        flow.layoutBlock(root, x: setup.marginLeft, width: setup.contentWidth)
        let content = flow.finishedPages()
        var pages: [LaidOutPage] = []
        for (i, items) in content.enumerated() {
            guard content.count > 1 else {
                pages.append(LaidOutPage(width: setup.width, height: setup.height, items: items))
                continue
            }
            let margins = PageMargins(context: context, setup: setup)
            let header = margins.items(header: document.runningHeader, pageLabel: document.pageLabel(page: i + 1, of: content.count),
                                       language: document.language)
            pages.append(LaidOutPage(width: setup.width, height: setup.height, items: items + header))
        }
        return LaidOutDocument(name: document.name, title: TextServices.nfc(document.title),
                               section: document.section.map(TextServices.nfc), language: document.language, pages: pages,
                               outline: flow.outline, images: context.images, structure: context.structure, diagnostics: context.diagnostics)
    }
}
