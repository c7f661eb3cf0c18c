import CLibXML2
import DossierCore

/// Parses XHTML bytes with libxml2 into an `XMLElement` tree; all libxml2 use is confined to this file.
enum XMLReader {
    /// libxml2 wants one global initialisation before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Collects libxml2's structured errors for one parse (reached through the context's `_private`).
    private final class ErrorSink {
        var errors: [(message: String, line: Int, column: Int, level: Int)] = []
    }

    /// The root element, or `TPL001` diagnostics with file:line:col for every XML error.
    static func parse(_ bytes: [UInt8], file: String) -> Result<(root: XMLElement, map: SourceMap), DiagnosticError> {
        _ = initialized
        guard let ctxt = xmlNewParserCtxt() else {
            return .failure(DiagnosticError([.error("TPL001", "cannot create an XML parser", at: .file(file))]))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let sink = ErrorSink()
        ctxt.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
        // The per-context structured handler receives ctxt->userData, which is the context itself.
        ctxt.pointee.sax.pointee.serror = { data, error in
            guard let data, let error else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = context.pointee._private else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(raw).takeUnretainedValue()
            let e = error.pointee
            let message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
            sink.errors.append((message.trimmingSpaces, Int(e.line), Int(e.int2), Int(e.level.rawValue)))
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = withExtendedLifetime(sink) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(clamping: chars.count), file, "UTF-8", options)
                }
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        let errors = sink.errors.filter { $0.level >= Int(XML_ERR_ERROR.rawValue) }
        if !errors.isEmpty || doc == nil || ctxt.pointee.wellFormed == 0 {
            var diagnostics = errors.map { e in
                Diagnostic.error("TPL001", e.message, at: SourceLocation(file: file, line: max(1, e.line), column: max(1, e.column)),
                                 hint: e.message.hasPrefix("Entity '") ? "templates have no DTD: write a numeric reference such as `&#160;`" : nil)
            }
            if diagnostics.isEmpty { diagnostics = [.error("TPL001", "not well-formed XML", at: .file(file))] }
            return .failure(DiagnosticError(diagnostics))
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            return .failure(DiagnosticError([.error("TPL001", "the template has no root element", at: .file(file))]))
        }
        let map = SourceMap(file: file, bytes: bytes)
        var walker = Walker(map: map, doc: doc)
        let element = walker.element(root)
        if !walker.diagnostics.isEmpty { return .failure(DiagnosticError(walker.diagnostics)) }
        return .success((element, map))
    }

    /// Turns libxml2 nodes into Swift values, pairing the n-th element with the n-th start tag of the source map.
    private struct Walker {
        let map: SourceMap
        let doc: xmlDocPtr
        var nextTag = 0
        var diagnostics: [Diagnostic] = []

        init(map: SourceMap, doc: xmlDocPtr) {
            self.map = map
            self.doc = doc
        }

        mutating func element(_ node: xmlNodePtr) -> XMLElement {
            let localName = String(cString: node.pointee.name)
            let prefix = node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
            let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            let qualifiedName = prefix.map { "\($0):\(localName)" } ?? localName
            var tag: SourceMap.Tag?
            if nextTag < map.tags.count, map.tags[nextTag].qualifiedName == qualifiedName { tag = map.tags[nextTag] }
            nextTag += 1
            let location = tag.map { map.location(ofOffset: $0.offset) }
                ?? SourceLocation(file: map.file, line: max(1, Int(xmlGetLineNo(node))), column: 1)

            var attributes: [XMLAttribute] = []
            var property = node.pointee.properties
            while let attribute = property {
                let name = String(cString: attribute.pointee.name)
                let attributePrefix = attribute.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
                let attributeNamespace = attribute.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
                let attributeQName = attributePrefix.map { "\($0):\(name)" } ?? name
                var value = ""
                if let raw = xmlNodeListGetString(doc, attribute.pointee.children, 1) {
                    value = String(cString: raw)
                    cxml_free(raw)
                }
                let source = tag?.attributes.first { $0.qualifiedName == attributeQName }
                attributes.append(XMLAttribute(
                    namespace: attributeNamespace, localName: name, qualifiedName: attributeQName, value: value,
                    location: source.map { map.location(ofOffset: $0.offset) } ?? location,
                    valueOffset: source?.valueOffset))
                property = attribute.pointee.next
            }

            var children: [XMLNode] = []
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(.element(element(current)))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { children.append(.text(String(cString: content))) }
                case XML_ENTITY_REF_NODE:
                    let name = String(cString: current.pointee.name)
                    diagnostics.append(.error("TPL001", "entity `&\(name);` is not supported",
                                              at: SourceLocation(file: map.file, line: max(1, Int(xmlGetLineNo(current))), column: 1),
                                              hint: "write a numeric reference such as `&#160;`"))
                default:
                    break
                }
                child = current.pointee.next
            }
            return XMLElement(namespace: namespace, localName: localName, qualifiedName: qualifiedName,
                              attributes: attributes, children: children, location: location, offset: tag?.offset)
        }
    }
}
