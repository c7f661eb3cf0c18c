import Typesetting

/// The document outline (bookmarks): `h1` entries with their `h2` entries below; in a packet, one entry per document
/// (its title, pointing at its first page) holding that document's headings.
enum OutlineWriter {
    private final class Node {
        let title: String
        let page: Int
        let y: Double
        var children: [Node] = []
        var object = 0

        init(title: String, page: Int, y: Double) {
            self.title = title
            self.page = page
            self.y = y
        }
    }

    /// Writes the outline; returns the `/Outlines` object, or nil when there is nothing to list.
    static func write(_ documents: [LaidOutDocument], packet: Bool, pageObjects: [Int], pageStarts: [Int],
                      into file: inout PDFFile) -> Int? {
        var top: [Node] = []
        for (d, document) in documents.enumerated() {
            let headings = tree(document, firstPage: pageStarts[d])
            if packet {
                let node = Node(title: document.title, page: pageStarts[d], y: 0)
                node.children = headings
                if let section = document.section {
                    // Documents of one part (a procedure of a combined case) sit under one entry.
                    if let last = top.last, last.title == section, d > 0, documents[d - 1].section == section {
                        last.children.append(node)
                    } else {
                        let part = Node(title: section, page: pageStarts[d], y: 0)
                        part.children = [node]
                        top.append(part)
                    }
                } else {
                    top.append(node)
                }
            } else {
                top += headings
            }
        }
        guard !top.isEmpty else { return nil }
        let root = file.allocate()
        func allocate(_ nodes: [Node]) {
            for node in nodes {
                node.object = file.allocate()
                allocate(node.children)
            }
        }
        allocate(top)
        func count(_ nodes: [Node]) -> Int { nodes.reduce(0) { $0 + 1 + count($1.children) } }
        func emit(_ nodes: [Node], parent: Int) {
            for (i, node) in nodes.enumerated() {
                var b = PDFBuffer()
                b.append("<</Title")
                b.textString(node.title)
                b.append("/Parent ")
                b.reference(parent)
                if i > 0 {
                    b.append("/Prev ")
                    b.reference(nodes[i - 1].object)
                }
                if i + 1 < nodes.count {
                    b.append("/Next ")
                    b.reference(nodes[i + 1].object)
                }
                if let first = node.children.first, let last = node.children.last {
                    b.append("/First ")
                    b.int(first.object)
                    b.append(" 0 R/Last ")
                    b.int(last.object)
                    b.append(" 0 R/Count ")
                    b.int(count(node.children))
                }
                let pageIndex = min(max(node.page, 0), pageObjects.count - 1)
                b.append("/Dest[")
                b.int(pageObjects[pageIndex])
                b.append(" 0 R/XYZ 0 ")
                let height = pageHeight(documents, page: pageIndex)
                b.number(node.y > 0 ? height - node.y + 4 : height)
                b.append(" null]>>")
                file.set(node.object, b)
                emit(node.children, parent: node.object)
            }
        }
        emit(top, parent: root)
        var r = PDFBuffer()
        r.append("<</Type/Outlines/First ")
        r.int(top[0].object)
        r.append(" 0 R/Last ")
        r.int(top[top.count - 1].object)
        r.append(" 0 R/Count ")
        r.int(count(top))
        r.append(">>")
        file.set(root, r)
        return root
    }

    /// `h1` entries at the top, each `h2` under the `h1` before it (or at the top when there is none).
    private static func tree(_ document: LaidOutDocument, firstPage: Int) -> [Node] {
        var nodes: [Node] = []
        for entry in document.outline where entry.level <= 2 {
            let node = Node(title: entry.title, page: firstPage + entry.page, y: entry.y)
            if entry.level == 2, let parent = nodes.last, parent.page >= 0, isLevelOne(parent, document) {
                parent.children.append(node)
            } else {
                nodes.append(node)
            }
        }
        return nodes
    }

    private static func isLevelOne(_ node: Node, _ document: LaidOutDocument) -> Bool {
        document.outline.contains { $0.level == 1 && $0.title == node.title }
    }

    private static func pageHeight(_ documents: [LaidOutDocument], page: Int) -> Double {
        var index = page
        for document in documents {
            if index < document.pages.count { return document.pages[index].height }
            index -= document.pages.count
        }
        return 842
    }
}
