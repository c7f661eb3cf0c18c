import Typesetting

/// The tagged PDF's logical structure (PDF 32000-1 §14.7–14.8, aimed at PDF/UA-1): while pages are written, each
/// piece of tagged content gets a marked-content id (MCID) on its page; afterwards the structure elements are written
/// with their content in reading order, with the `/ParentTree` that maps each page's MCIDs and each link annotation
/// back to its element.
///
/// Reading order is document order: an element's kids (its own MCIDs, child elements, annotation references) are
/// sorted by where their first content was written, and layout writes content in document order. Elements without
/// any content (an empty `div`) are left out.
struct StructureWriter {
    private enum Kid {
        case mcid(page: Int, mcid: Int)
        case annotation(page: Int, object: Int)
    }

    /// Marked content by document, then by structure node: (write order, kid).
    private var content: [[[(key: Int, kid: Kid)]]]
    /// Per page, the element (document, node) of each MCID.
    private var pageParents: [[(document: Int, node: Int32)]] = []
    /// Per annotation with a `/StructParent`, its element.
    private var annotationParents: [(document: Int, node: Int32)] = []
    private let firstAnnotationKey: Int
    private var key = 0

    init(documents: [LaidOutDocument]) {
        content = documents.map { Array(repeating: [], count: $0.structure.count) }
        firstAnnotationKey = documents.reduce(0) { $0 + $1.pages.count }
    }

    /// Starts the next page (pages in order); returns its `/StructParents` key.
    mutating func beginPage() -> Int {
        pageParents.append([])
        return pageParents.count - 1
    }

    /// A new MCID on the current page for content of `node` in `document`.
    mutating func mark(document: Int, node: Int32) -> Int {
        let page = pageParents.count - 1
        let mcid = pageParents[page].count
        pageParents[page].append((document, node))
        content[document][Int(node)].append((key, .mcid(page: page, mcid: mcid)))
        key += 1
        return mcid
    }

    /// Records a link annotation of `node`; returns its `/StructParent` key.
    mutating func annotation(document: Int, node: Int32, object: Int) -> Int {
        let page = pageParents.count - 1
        annotationParents.append((document, node))
        content[document][Int(node)].append((key, .annotation(page: page, object: object)))
        key += 1
        return firstAnnotationKey + annotationParents.count - 1
    }

    /// Writes the elements and the parent tree; returns the `/StructTreeRoot` object. In a packet each document is a
    /// `Part` (titled) of one `Document`.
    func write(_ documents: [LaidOutDocument], packet: Bool, pageObjects: [Int], into file: inout PDFFile) -> Int {
        let root = file.allocate()
        let parentTree = file.allocate()
        var objects: [[Int]] = documents.map { Array(repeating: 0, count: $0.structure.count) }
        var firstKey: [[Int]] = documents.map { Array(repeating: Int.max, count: $0.structure.count) }
        var children: [[[Int]]] = documents.map { Array(repeating: [], count: $0.structure.count) }
        // First write order of each subtree, children in node order (parents come before their children).
        for (d, document) in documents.enumerated() {
            for n in stride(from: document.structure.count - 1, through: 0, by: -1) {
                let own = content[d][n].first?.key ?? Int.max
                firstKey[d][n] = min(firstKey[d][n], own)
                let parent = Int(document.structure[n].parent)
                if parent >= 0 && firstKey[d][n] != Int.max {
                    firstKey[d][parent] = min(firstKey[d][parent], firstKey[d][n])
                }
            }
            for n in 1..<document.structure.count where firstKey[d][n] != Int.max {
                let parent = Int(document.structure[n].parent)
                if parent >= 0 { children[d][parent].append(n) }
            }
        }
        let top = packet ? file.allocate() : 0
        // Objects in reading order, depth first.
        func allocate(_ d: Int, _ n: Int) {
            objects[d][n] = file.allocate()
            for c in children[d][n].sorted(by: { firstKey[d][$0] < firstKey[d][$1] }) { allocate(d, c) }
        }
        for d in documents.indices { allocate(d, 0) }

        for (d, document) in documents.enumerated() {
            for n in document.structure.indices where objects[d][n] != 0 {
                let node = document.structure[n]
                // Kids in reading order: own marked content and annotations, and child elements (nil kid).
                var kids: [(key: Int, kid: Kid?, child: Int)] = content[d][n].map { ($0.key, $0.kid, 0) }
                for c in children[d][n] { kids.append((firstKey[d][c], nil, objects[d][c])) }
                if !children[d][n].isEmpty { kids.sort { $0.key < $1.key } }
                var elementPage: Int?
                for k in kids {
                    if case .mcid(let page, _)? = k.kid { elementPage = page; break }
                    if case .annotation(let page, _)? = k.kid { elementPage = page; break }
                }
                var b = PDFBuffer()
                let role = n == 0 && packet ? "Part" : node.role
                b.append("<</S")
                b.name(role)
                b.append("/P ")
                b.reference(n == 0 ? (packet ? top : root) : objects[d][Int(node.parent)])
                if let page = elementPage {
                    b.append("/Pg ")
                    b.reference(pageObjects[page])
                }
                if n == 0 && packet {
                    b.append("/T")
                    b.textString(document.title)
                }
                let language = n == 0 && packet ? document.language : node.language
                if let language {
                    b.append("/Lang")
                    b.literal(language)
                }
                if let alt = node.alt {
                    b.append("/Alt")
                    b.textString(alt)
                }
                if let scope = node.scope {
                    b.append("/A<</O/Table/Scope")
                    b.name(scope)
                    b.append(">>")
                }
                b.append("/K ")
                if kids.count != 1 { b.append("[") }
                for (i, k) in kids.enumerated() {
                    if i > 0 { b.space() }
                    switch k.kid {
                    case .mcid(let page, let mcid)? where page == elementPage:
                        b.int(mcid)
                    case .mcid(let page, let mcid)?:
                        b.append("<</Type/MCR/Pg ")
                        b.int(pageObjects[page])
                        b.append(" 0 R/MCID ")
                        b.int(mcid)
                        b.append(">>")
                    case .annotation(let page, let object)?:
                        b.append("<</Type/OBJR/Obj ")
                        b.int(object)
                        b.append(" 0 R/Pg ")
                        b.int(pageObjects[page])
                        b.append(" 0 R>>")
                    case nil:
                        b.reference(k.child)
                    }
                }
                if kids.count != 1 { b.append("]") }
                b.append(">>")
                file.set(objects[d][n], b)
            }
        }
        if packet {
            var b = PDFBuffer()
            b.append("<</S/Document/P ")
            b.int(root)
            b.append(" 0 R/K[")
            for (d, _) in documents.enumerated() where objects[d][0] != 0 {
                if d > 0 { b.space() }
                b.reference(objects[d][0])
            }
            b.append("]>>")
            file.set(top, b)
        }

        var tree = PDFBuffer()
        tree.append("<</Nums[")
        for (page, parents) in pageParents.enumerated() {
            if page > 0 { tree.space() }
            tree.int(page)
            tree.append("[")
            for (i, parent) in parents.enumerated() {
                if i > 0 { tree.space() }
                tree.reference(objects[parent.document][Int(parent.node)])
            }
            tree.append("]")
        }
        for (i, parent) in annotationParents.enumerated() {
            tree.space()
            tree.int(firstAnnotationKey + i)
            tree.space()
            tree.reference(objects[parent.document][Int(parent.node)])
        }
        tree.append("]>>")
        file.set(parentTree, tree)

        var r = PDFBuffer()
        r.append("<</Type/StructTreeRoot/K ")
        r.int(packet ? top : objects[0][0])
        r.append(" 0 R/ParentTree ")
        r.int(parentTree)
        r.append(" 0 R/ParentTreeNextKey ")
        r.int(firstAnnotationKey + annotationParents.count)
        r.append(">>")
        file.set(root, r)
        return root
    }
}
