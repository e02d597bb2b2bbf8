import Foundation
import CNianbaoXML2

/// The kinds of node the OOXML walkers care about.
enum XMLNodeKind {
    case element
    case endElement
    case text
    case other
}

/// Makes sure `xmlInitParser` runs once per process. Never paired with `xmlCleanupParser`, whose
/// global state Foundation's XML support shares.
private let xmlParserInitialized: Bool = {
    xmlInitParser()
    return true
}()

/// How many bytes of the zip entry are handed to libxml2 at a time.
private let feedChunkBytes = 16 << 10

/// The longest text node accepted, libxml2's own limit for a tree (`XML_MAX_TEXT_LENGTH`): the SAX
/// callbacks see text in pieces, so the reader enforces it while joining them.
private let maximumTextBytes = 10_000_000

/// One node as the SAX callbacks queued it. Strings are libxml2 dictionary pointers (names,
/// namespace URIs) or ranges of `XMLEventQueue.bytes` (text, attribute values).
struct XMLEvent {
    var kind: XMLNodeKind
    /// For `.element`: written `<x/>` or `<x></x>`, so no `.endElement` follows.
    var isEmpty = false
    var name: UnsafePointer<xmlChar>?
    var namespace: UnsafePointer<xmlChar>?
    /// `.element`: the first kept attribute in `attributes`; `.text`: the first byte in `bytes`.
    var first: Int32 = 0
    /// `.element`: how many kept attributes; `.text`: how many bytes.
    var count: Int32 = 0
    /// `.element`: the first namespace declaration in `namespaces`, and how many.
    var firstNamespace: Int32 = 0
    var namespaceCount: Int32 = 0
    /// The parser's line when the node was reported.
    var line: Int32 = 0
}

/// An attribute kept from a start tag.
struct XMLQueuedAttribute {
    var name: UnsafePointer<xmlChar>?
    var namespace: UnsafePointer<xmlChar>?
    var valueStart: Int32
    var valueLength: Int32
}

/// What libxml2's SAX2 callbacks write into and `XMLStreamReader` reads from: the nodes of the
/// chunks parsed so far, their bytes, and the first failure. Lives in memory its `XMLStreamReader`
/// allocates and frees (after the parser), and the callbacks reach it through that pointer: no
/// reference counting and no dynamic exclusivity checks on a path taken for every node.
struct XMLEventQueue {
    var events: [XMLEvent] = []
    var attributes: [XMLQueuedAttribute] = []
    var namespaces: [(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?)] = []
    var bytes: [UInt8] = []
    /// The parser, for line numbers and for stopping it; set right after it is created.
    var context: xmlParserCtxtPtr?
    /// Attribute names worth copying and the elements whose attributes are worth looking at
    /// (interned pointers), when `keepsEveryAttribute` is false.
    var keptAttributes = InternedPointerTable<Bool>(capacity: 0)
    var keptAttributeElements = InternedPointerTable<Bool>(capacity: 0)
    var keepsEveryAttribute = true
    /// Greater than zero while a skipped subtree is being parsed: its depth, nothing is queued.
    var skipDepth = 0
    /// Set with any of the failures below: one flag for the per-node check.
    var failed = false
    /// The first error the input stream threw (a cap or a corrupt entry); wins over the others.
    var inputError: (any Error)?
    /// Forbidden markup (DOCTYPE, entity declarations) or an over-long text node, with its line.
    var refusal: (kind: OOXMLError.Kind, problem: String, line: Int)?
    /// libxml2's first error (level error or fatal).
    var parserMessage: String?
    var parserLine = 0
    var parserColumn = 0

    /// The parser's current line.
    var line: Int32 {
        guard let context, let input = context.pointee.input else { return 0 }
        return input.pointee.line
    }

    /// Records a refusal and stops the parser.
    mutating func refuse(_ kind: OOXMLError.Kind, _ problem: String) {
        if refusal == nil { refusal = (kind, problem, Int(line)) }
        failed = true
        if let context { xmlStopParser(context) }
    }
}

/// A streaming reader over one XML part of a zip archive: libxml2's SAX2 push parser is fed
/// `zip_fread` chunks and queues the nodes, which `next()` hands out in document order. The
/// single owner of its parser handle; not `Sendable`.
///
/// Options are `XML_PARSE_NONET | XML_PARSE_NOENT`; the parser is stopped at any DOCTYPE or
/// entity declaration, so no entity can ever be defined (NOENT only makes `&amp;` and character
/// references arrive decoded in attribute values). Errors become `OOXMLError`s naming the part,
/// line and column.
///
/// Elements are never handed out before the parser has seen what follows them, so `isEmptyElement`
/// is known (an element with nothing inside, `<x/>` or `<x></x>`, has no end node) and adjacent
/// text arrives as one node.
final class XMLStreamReader {
    private let context: xmlParserCtxtPtr
    /// The callbacks' queue, owned by this reader (freed after the parser in `deinit`).
    private let queue: UnsafeMutablePointer<XMLEventQueue>
    private let stream: ZipEntryStream
    /// The archive's file name, for messages.
    let file: String
    /// The part being read, for messages.
    let part: String
    /// The next event to hand out.
    @exclusivity(unchecked) private var head = 0
    /// The event `next()` returned last, while the reader is on it (a copy: one read per node).
    @exclusivity(unchecked) private var currentEvent: XMLEvent?
    /// Whether the parser has been given the end of the input.
    @exclusivity(unchecked) private var finished = false
    @exclusivity(unchecked) private var chunk: [UInt8]
    /// Bytes already read into `chunk` before the parser existed (its first bytes go to
    /// `xmlCreatePushParserCtxt` for encoding detection, as `xmlTextReader` does).
    @exclusivity(unchecked) private var pendingStart = 0
    @exclusivity(unchecked) private var pendingEnd = 0
    /// The names given to `keepAttributes` so far.
    private var keptAttributeNames: [UnsafePointer<xmlChar>?] = []
    private var keptAttributeElementNames: [UnsafePointer<xmlChar>?] = []

    /// Opens a reader on a zip entry stream (reads its first chunk).
    init(stream: ZipEntryStream, file: String, part: String) throws {
        _ = xmlParserInitialized
        self.stream = stream
        self.file = file
        self.part = part
        // The first chunk before the queue is allocated: a read that throws leaves nothing behind.
        var chunk = [UInt8](unsafeUninitializedCapacity: feedChunkBytes) { buffer, count in
            // Only bytes a read has written are ever passed on.
            count = buffer.count
        }
        let got = try chunk.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return try stream.read(into: base, count: buffer.count)
        }
        let queue = UnsafeMutablePointer<XMLEventQueue>.allocate(capacity: 1)
        queue.initialize(to: XMLEventQueue())
        queue.pointee.events.reserveCapacity(2048)
        queue.pointee.attributes.reserveCapacity(1024)
        queue.pointee.bytes.reserveCapacity(16 << 10)
        self.queue = queue
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = xmlQueueStartElement
        handler.endElementNs = xmlQueueEndElement
        handler.characters = xmlQueueCharacters
        handler.ignorableWhitespace = xmlQueueCharacters
        handler.cdataBlock = xmlQueueCharacters
        handler.internalSubset = xmlQueueDoctype
        handler.externalSubset = xmlQueueDoctype
        handler.entityDecl = xmlQueueEntityDeclaration
        handler.serror = xmlQueueError
        let userData = UnsafeMutableRawPointer(queue)
        let head = min(got, 4)
        let created = chunk.withUnsafeBytes { buffer -> xmlParserCtxtPtr? in
            let start = head > 0 ? buffer.baseAddress?.assumingMemoryBound(to: CChar.self) : nil
            return xmlCreatePushParserCtxt(&handler, userData, start, Int32(head), part)
        }
        guard let context = created else {
            queue.deinitialize(count: 1)
            queue.deallocate()
            throw OOXMLError(.io, file: file, part: part, problem: "libxml2 could not create a parser")
        }
        self.context = context
        self.chunk = chunk
        pendingStart = head
        pendingEnd = got
        queue.pointee.context = context
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue))
    }

    deinit {
        // The parser first: it may still call back into the queue while it is freed.
        xmlFreeParserCtxt(context)
        queue.deinitialize(count: 1)
        queue.deallocate()
    }

    /// Keeps only attributes with these interned local names, and only on elements with these
    /// interned local names (others are never copied: their attributes read as absent). Call
    /// before the first `next()`; calling it again adds names.
    func keepAttributes(named names: [UnsafePointer<xmlChar>?], ofElements elements: [UnsafePointer<xmlChar>?]) {
        keptAttributeNames.append(contentsOf: names)
        keptAttributeElementNames.append(contentsOf: elements)
        queue.pointee.keptAttributes = Self.membership(keptAttributeNames)
        queue.pointee.keptAttributeElements = Self.membership(keptAttributeElementNames)
        queue.pointee.keepsEveryAttribute = false
    }

    private static func membership(_ names: [UnsafePointer<xmlChar>?]) -> InternedPointerTable<Bool> {
        var table = InternedPointerTable<Bool>(capacity: names.count)
        for name in names { table.insert(name, true) }
        return table
    }

    /// Moves to the next node in document order and returns its kind; nil at the end of the
    /// document.
    func next() throws -> XMLNodeKind? {
        while true {
            if queue.pointee.failed { try throwFailure() }
            let pending = queue.pointee.events.count - head
            if pending >= 2 || (pending == 1 && finished) { break }
            if finished {
                currentEvent = nil
                return nil
            }
            try feed()
        }
        let event = queue.pointee.events[head]
        head += 1
        currentEvent = event
        return event.kind
    }

    /// Skips the current element's subtree; the next `next()` lands on the node after it.
    func skipSubtree() throws {
        guard let element = currentEvent else { return }
        currentEvent = nil
        guard element.kind == .element, !element.isEmpty else { return }
        var depth = 1
        while head < queue.pointee.events.count {
            let event = queue.pointee.events[head]
            head += 1
            if event.kind == .element, !event.isEmpty {
                depth += 1
            } else if event.kind == .endElement {
                depth -= 1
                if depth == 0 { return }
            }
        }
        // The rest of the subtree is not parsed yet: let the callbacks count it without queuing.
        queue.pointee.skipDepth = depth
        while queue.pointee.skipDepth > 0, !finished {
            if queue.pointee.failed { try throwFailure() }
            try feed()
        }
        queue.pointee.skipDepth = 0
        if queue.pointee.failed { try throwFailure() }
    }

    /// Hands the parser its next chunk (or the end of the input), after dropping the events
    /// already handed out.
    private func feed() throws {
        compact()
        if pendingEnd > pendingStart {
            let start = pendingStart, count = pendingEnd - pendingStart
            pendingStart = 0
            pendingEnd = 0
            parse(from: start, count: count)
            return
        }
        let got: Int
        do {
            got = try chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return try stream.read(into: base, count: buffer.count)
            }
        } catch {
            queue.pointee.inputError = error
            queue.pointee.failed = true
            throw error
        }
        if got == 0 {
            finished = true
            parseChunk(nil, count: 0, terminate: true)
        } else {
            parse(from: 0, count: got)
        }
    }

    private func parse(from start: Int, count: Int) {
        chunk.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            parseChunk((base + start).assumingMemoryBound(to: CChar.self), count: count, terminate: false)
        }
    }

    /// One `xmlParseChunk` call. Errors libxml2 raises without a parser context (input conversion,
    /// I/O) would go to the thread's generic handler, which prints to stderr: for the call they go
    /// to this reader's queue instead, and the thread's previous handler is put back afterwards.
    /// A parser that stopped without a message (it halts on undecodable input) is a failure too.
    private func parseChunk(_ bytes: UnsafePointer<CChar>?, count: Int, terminate: Bool) {
        let handler = __xmlStructuredError(), handlerContext = __xmlStructuredErrorContext()
        let previousHandler = handler?.pointee, previousContext = handlerContext?.pointee
        xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(queue), xmlQueueError)
        let status = xmlParseChunk(context, bytes, Int32(count), terminate ? 1 : 0)
        handler?.pointee = previousHandler
        handlerContext?.pointee = previousContext
        guard status != 0, !queue.pointee.failed else { return }
        // A non-zero status alone may be a warning; a document that is not well-formed, or a
        // parser halted before the end of its input, is not.
        if context.pointee.wellFormed == 0 || (!terminate && context.pointee.instate == XML_PARSER_EOF) {
            queue.pointee.failed = true
        }
    }

    /// Drops the events before `head`, keeping the pending ones (at most one or two: the
    /// reader feeds only when it runs short) with their bytes and attributes.
    private func compact() {
        currentEvent = nil
        if head == queue.pointee.events.count {
            queue.pointee.events.removeAll(keepingCapacity: true)
            queue.pointee.attributes.removeAll(keepingCapacity: true)
            queue.pointee.namespaces.removeAll(keepingCapacity: true)
            queue.pointee.bytes.removeAll(keepingCapacity: true)
            head = 0
            return
        }
        guard head > 0 else { return }
        // Copy the pending events out, then refill the arrays in place (their capacity is kept:
        // no array here is shared while it is emptied).
        var events: [XMLEvent] = []
        var attributes: [XMLQueuedAttribute] = []
        var namespaces: [(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?)] = []
        var bytes: [UInt8] = []
        for index in head..<queue.pointee.events.count {
            var event = queue.pointee.events[index]
            switch event.kind {
            case .element:
                let first = attributes.count
                for index in Int(event.first)..<Int(event.first + event.count) {
                    var attribute = queue.pointee.attributes[index]
                    let start = bytes.count
                    bytes.append(contentsOf: queue.pointee.bytes[Int(attribute.valueStart)..<Int(attribute.valueStart + attribute.valueLength)])
                    attribute.valueStart = Int32(start)
                    attributes.append(attribute)
                }
                event.first = Int32(first)
                let firstNamespace = namespaces.count
                namespaces.append(contentsOf: queue.pointee.namespaces[Int(event.firstNamespace)..<Int(event.firstNamespace + event.namespaceCount)])
                event.firstNamespace = Int32(firstNamespace)
            case .text:
                let start = bytes.count
                bytes.append(contentsOf: queue.pointee.bytes[Int(event.first)..<Int(event.first + event.count)])
                event.first = Int32(start)
            case .endElement, .other:
                break
            }
            events.append(event)
        }
        queue.pointee.events.removeAll(keepingCapacity: true)
        queue.pointee.events.append(contentsOf: events)
        queue.pointee.attributes.removeAll(keepingCapacity: true)
        queue.pointee.attributes.append(contentsOf: attributes)
        queue.pointee.namespaces.removeAll(keepingCapacity: true)
        queue.pointee.namespaces.append(contentsOf: namespaces)
        queue.pointee.bytes.removeAll(keepingCapacity: true)
        queue.pointee.bytes.append(contentsOf: bytes)
        head = 0
    }

    private func throwFailure() throws -> Never {
        if let failure = queue.pointee.inputError { throw failure }
        if let refusal = queue.pointee.refusal {
            throw OOXMLError(refusal.kind, file: file, part: part, line: refusal.line, problem: refusal.problem)
        }
        guard let message = queue.pointee.parserMessage else {
            throw OOXMLError(.malformedXML, file: file, part: part, line: currentLine,
                             problem: "malformed XML: the XML could not be parsed")
        }
        // Errors raised outside the parser (input conversion) come without a position.
        let line = queue.pointee.parserLine
        throw OOXMLError(.malformedXML, file: file, part: part, line: line > 0 ? line : nil,
                         column: line > 0 ? queue.pointee.parserColumn : nil, problem: "malformed XML: \(message)")
    }

    /// Whether the current element has nothing inside (no end-element node follows).
    var isEmptyElement: Bool { currentEvent?.isEmpty ?? false }

    /// The current node's local name, interned in the parser's dictionary (compare pointers).
    var localName: UnsafePointer<xmlChar>? { currentEvent?.name }

    /// The namespace URI of the current element (nil otherwise, or when the element has no
    /// namespace). libxml2 interns the URIs it declares, but compare contents with `equal`.
    var elementNamespaceHref: UnsafePointer<xmlChar>? {
        guard let event = currentEvent, event.kind == .element else { return nil }
        return event.namespace
    }

    /// Whether two NUL-terminated strings are equal (identical pointers or equal bytes).
    static func equal(_ lhs: UnsafePointer<xmlChar>, _ rhs: UnsafePointer<xmlChar>?) -> Bool {
        guard let rhs else { return false }
        if lhs == rhs { return true }
        return strcmp(UnsafeRawPointer(lhs).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(rhs).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The current node's local name as a `String` (for messages).
    var localNameString: String {
        guard let name = localName else { return "" }
        return String(cString: name)
    }

    /// The line of the current node (the parser's line when there is none).
    var currentLine: Int {
        if let event = currentEvent { return Int(event.line) }
        return Int(queue.pointee.line)
    }

    /// Interns `string` in the parser's dictionary so names can be compared by pointer.
    func intern(_ string: String) -> UnsafePointer<xmlChar>? {
        string.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1) { bytes in
                xmlDictLookup(context.pointee.dict, bytes, -1)
            }
        }
    }

    private func string(start: Int32, count: Int32) -> String {
        queue.pointee.bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start + count)]), as: UTF8.self)
        }
    }

    /// The text of the current text node.
    var value: String {
        guard let event = currentEvent, event.kind == .text else { return "" }
        return string(start: event.first, count: event.count)
    }

    /// The value of the current element's attribute `localName` in namespace `namespace` (or with
    /// no namespace when `namespace` is nil). Once `keepAttributes` has been called, only the
    /// attributes and elements it names are found.
    func attribute(_ localName: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?) -> String? {
        guard let localName, let event = currentEvent, event.kind == .element else { return nil }
        for index in Int(event.first)..<Int(event.first + event.count) {
            let attribute = queue.pointee.attributes[index]
            guard attribute.name == localName || XMLStreamReader.equal(localName, attribute.name) else { continue }
            if let namespace {
                guard XMLStreamReader.equal(namespace, attribute.namespace) else { continue }
            } else if attribute.namespace != nil {
                continue
            }
            return string(start: attribute.valueStart, count: attribute.valueLength)
        }
        return nil
    }

    /// The `xmlns:prefix="uri"` declarations on the current element (`""` for the default namespace).
    func namespaceDeclarations() -> [(prefix: String, uri: String)] {
        guard let event = currentEvent, event.kind == .element else { return [] }
        var result: [(prefix: String, uri: String)] = []
        for index in Int(event.firstNamespace)..<Int(event.firstNamespace + event.namespaceCount) {
            let declaration = queue.pointee.namespaces[index]
            result.append((declaration.prefix.map { String(cString: $0) } ?? "",
                           declaration.uri.map { String(cString: $0) } ?? ""))
        }
        return result
    }
}

// MARK: - SAX2 callbacks

@inline(__always)
private func eventQueue(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLEventQueue>? {
    context?.assumingMemoryBound(to: XMLEventQueue.self)
}

private func xmlQueueStartElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let queue = eventQueue(context) else { return }
    if queue.pointee.skipDepth > 0 {
        queue.pointee.skipDepth += 1
        return
    }
    var event = XMLEvent(kind: .element, name: localName, namespace: uri)
    event.line = queue.pointee.line
    event.first = Int32(queue.pointee.attributes.count)
    if let attributes, attributeCount > 0,
       queue.pointee.keepsEveryAttribute || queue.pointee.keptAttributeElements.find(localName) != nil {
        for index in 0..<Int(attributeCount) {
            let base = index * 5
            let name = attributes[base]
            if !queue.pointee.keepsEveryAttribute, queue.pointee.keptAttributes.find(name) == nil { continue }
            guard let valueStart = attributes[base + 3], let valueEnd = attributes[base + 4] else { continue }
            let length = valueEnd - valueStart
            let start = queue.pointee.bytes.count
            queue.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: valueStart, count: max(0, length)))
            queue.pointee.attributes.append(XMLQueuedAttribute(name: name, namespace: attributes[base + 2],
                                                       valueStart: Int32(start), valueLength: Int32(max(0, length))))
        }
    }
    event.count = Int32(queue.pointee.attributes.count) - event.first
    if let namespaces, namespaceCount > 0 {
        event.firstNamespace = Int32(queue.pointee.namespaces.count)
        for index in 0..<Int(namespaceCount) {
            queue.pointee.namespaces.append((namespaces[2 * index], namespaces[2 * index + 1]))
        }
        event.namespaceCount = namespaceCount
    }
    queue.pointee.events.append(event)
}

private func xmlQueueEndElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let queue = eventQueue(context) else { return }
    if queue.pointee.skipDepth > 0 {
        queue.pointee.skipDepth -= 1
        return
    }
    // The reader never hands out the last queued event, so an element directly followed by its
    // end is still here to be marked empty.
    let last = queue.pointee.events.count - 1
    if last >= 0, queue.pointee.events[last].kind == .element, !queue.pointee.events[last].isEmpty {
        queue.pointee.events[last].isEmpty = true
        return
    }
    queue.pointee.events.append(XMLEvent(kind: .endElement, name: localName, namespace: uri))
}

private func xmlQueueCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let queue = eventQueue(context), queue.pointee.skipDepth == 0, let characters, length > 0 else { return }
    let piece = UnsafeBufferPointer(start: characters, count: Int(length))
    let last = queue.pointee.events.count - 1
    if last >= 0, queue.pointee.events[last].kind == .text,
       Int(queue.pointee.events[last].first + queue.pointee.events[last].count) == queue.pointee.bytes.count {
        guard Int(queue.pointee.events[last].count) + piece.count <= maximumTextBytes else {
            queue.pointee.refuse(.malformedXML, "malformed XML: a text node is longer than \(maximumTextBytes) bytes")
            return
        }
        queue.pointee.bytes.append(contentsOf: piece)
        queue.pointee.events[last].count += length
        return
    }
    var event = XMLEvent(kind: .text)
    event.first = Int32(queue.pointee.bytes.count)
    event.count = length
    queue.pointee.bytes.append(contentsOf: piece)
    queue.pointee.events.append(event)
}

private func xmlQueueDoctype(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                             _ externalId: UnsafePointer<xmlChar>?, _ systemId: UnsafePointer<xmlChar>?) {
    eventQueue(context)?.pointee.refuse(.forbiddenMarkup, "a DOCTYPE declaration is present; DOCTYPEs are refused (Word never writes one)")
}

private func xmlQueueEntityDeclaration(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
                                       _ publicId: UnsafePointer<xmlChar>?, _ systemId: UnsafePointer<xmlChar>?,
                                       _ content: UnsafeMutablePointer<xmlChar>?) {
    eventQueue(context)?.pointee.refuse(.forbiddenMarkup, "an entity reference or declaration is present; entities are refused")
}

/// libxml2's structured error handler for one parser: keeps the first error or fatal error.
private func xmlQueueError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let queue = eventQueue(context), let error else { return }
    guard queue.pointee.parserMessage == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
    message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    queue.pointee.parserMessage = message
    queue.pointee.parserLine = Int(error.pointee.line)
    queue.pointee.parserColumn = Int(error.pointee.int2)
    queue.pointee.failed = true
}
