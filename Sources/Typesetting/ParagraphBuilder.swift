/// Collects the inline content of one block: text with whitespace collapsed (CSS `white-space: normal`) and in NFC,
/// styled spans, atomic inline boxes and forced breaks. Soft hyphens (U+00AD) leave the text and become hyphenation
/// points, so the text layer never holds one unless it is drawn.
struct ParagraphBuilder {
    struct Span {
        var range: Range<Int>
        var style: ComputedStyle
        var href: String?
        /// Structure node of the text, and of the link it is in (-1 for none).
        var node: Int32 = StructureNode.layoutArtifact
        var linkNode: Int32 = StructureNode.layoutArtifact
    }

    /// An inline-block or image: one U+FFFC in the text.
    struct Atomic {
        enum Kind { case box, image(Int) }
        var position: Int
        var kind: Kind
        var style: ComputedStyle
        /// Content box size.
        var width: Points
        var height: Points
        var href: String?
        var node: Int32 = StructureNode.layoutArtifact
        var linkNode: Int32 = StructureNode.layoutArtifact
    }

    static let objectReplacement: UInt16 = 0xFFFC
    static let lineFeed: UInt16 = 0x0A
    static let softHyphen: UInt16 = 0xAD

    var text: [UInt16] = []
    var spans: [Span] = []
    var atomics: [Atomic] = []
    /// Offsets where a soft hyphen stood: the text may break there, drawing a hyphen.
    var softHyphens: [Int] = []
    private var lastWasSpace = true
    private var hasContent = false

    /// True when nothing but collapsible whitespace was added.
    var isEmpty: Bool { !hasContent }

    mutating func appendText(_ string: String, style: ComputedStyle, href: String?,
                             node: Int32 = StructureNode.layoutArtifact, linkNode: Int32 = StructureNode.layoutArtifact) {
        let start = text.count
        for unit in TextServices.nfc(Array(string.utf16)) {
            if unit == Self.softHyphen {
                if style.hyphens != .none && softHyphens.last != text.count { softHyphens.append(text.count) }
                continue
            }
            let isSpace = unit == 0x20 || unit == 0x0A || unit == 0x09 || unit == 0x0D || unit == 0x0C
            if isSpace {
                if lastWasSpace { continue }
                text.append(0x20)
                lastWasSpace = true
            } else {
                text.append(unit)
                lastWasSpace = false
                hasContent = true
            }
        }
        if text.count > start { addSpan(start..<text.count, style: style, href: href, node: node, linkNode: linkNode) }
    }

    mutating func appendAtomic(kind: Atomic.Kind, style: ComputedStyle, width: Points, height: Points, href: String?,
                               node: Int32 = StructureNode.layoutArtifact,
                               linkNode: Int32 = StructureNode.layoutArtifact) {
        atomics.append(Atomic(position: text.count, kind: kind, style: style, width: width, height: height, href: href,
                              node: node, linkNode: linkNode))
        text.append(Self.objectReplacement)
        addSpan(text.count - 1..<text.count, style: style, href: href, node: node, linkNode: linkNode)
        lastWasSpace = false
        hasContent = true
    }

    mutating func appendLineBreak(style: ComputedStyle) {
        // A space before a forced break would hang at the line end anyway; dropping it keeps the text clean.
        if text.last == 0x20, let last = spans.last, last.range.upperBound == text.count {
            text.removeLast()
            spans[spans.count - 1].range = last.range.lowerBound..<text.count
            if spans[spans.count - 1].range.isEmpty { spans.removeLast() }
        }
        text.append(Self.lineFeed)
        addSpan(text.count - 1..<text.count, style: style, href: nil)
        lastWasSpace = true
        hasContent = true
    }

    /// Gives the text and atomic boxes tagged `from` to structure node `to` (an anonymous paragraph's text).
    mutating func retag(from: Int32, to: Int32) {
        for i in spans.indices where spans[i].node == from { spans[i].node = to }
        for i in atomics.indices where atomics[i].node == from { atomics[i].node = to }
    }

    private mutating func addSpan(_ range: Range<Int>, style: ComputedStyle, href: String?,
                                  node: Int32 = StructureNode.layoutArtifact,
                                  linkNode: Int32 = StructureNode.layoutArtifact) {
        if let last = spans.last, last.range.upperBound == range.lowerBound, last.style == style, last.href == href,
           last.node == node, last.linkNode == linkNode,
           text[range.lowerBound] != Self.objectReplacement, text[last.range.lowerBound] != Self.objectReplacement,
           text[range.lowerBound] != Self.lineFeed, text[last.range.lowerBound] != Self.lineFeed {
            spans[spans.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            spans.append(Span(range: range, style: style, href: href, node: node, linkNode: linkNode))
        }
    }
}
