import DocumentModel

/// The cascade, memoized: a style depends only on the parent's style, the element's name, classes and `lang`, so each
/// distinct (parent, element) pair is matched against the stylesheet once per document. Ids name cascade results;
/// id 0 is the root.
final class StyleCache {
    private struct Key: Hashable {
        var parent: Int
        var name: String
        var classes: [String]
        var lang: String?
    }

    private let stylesheet: Stylesheet
    private var paths: [[ElementKey]] = [[]]
    private var styles: [ComputedStyle]
    private var index: [Key: Int] = [:]

    init(stylesheet: Stylesheet, root: ComputedStyle) {
        self.stylesheet = stylesheet
        styles = [root]
    }

    /// The computed style of `element` under `parent` (a cascade id) whose style is `parentStyle`, and its id.
    func style(of element: Element, parent: Int, parentStyle: ComputedStyle) -> (ComputedStyle, Int) {
        let classes = element.classes
        let lang = element[attribute: "lang"]
        let key = Key(parent: parent, name: element.name, classes: classes, lang: lang)
        if let id = index[key] { return (styles[id], id) }
        var style = parentStyle.inherited()
        style.display = BoxBuilder.defaultDisplay(element.name)
        let path = paths[parent] + [ElementKey(name: element.name, classes: classes)]
        for d in Stylesheet.userAgent.declarations(for: path) { d.apply(to: &style, parent: parentStyle) }
        for d in stylesheet.declarations(for: path) { d.apply(to: &style, parent: parentStyle) }
        if let lang { style.lang = lang }
        styles.append(style)
        paths.append(path)
        index[key] = styles.count - 1
        return (style, styles.count - 1)
    }
}
