import Foundation
import CNianbaoXML2

/// The first error libxml2 reported for one reader. The reader's structured error handler writes
/// here (through an unretained pointer the owning `XMLStreamReader` keeps alive), so nothing is
/// printed to stderr.
final class XMLErrorSink {
    var message: String?
    /// Set with `message`: a flag the per-node check reads instead of the optional string.
    var failed = false
    var line: Int = 0
    var column: Int = 0
}

/// Where libxml2's input callback reads from. Holds the zip stream and the first Swift error the
/// stream threw (a cap or a corrupt entry), which wins over libxml2's own message.
final class XMLInputSource {
    let stream: ZipEntryStream
    var error: (any Error)?
    /// Set with `error`: a flag the per-node check reads instead of the optional existential.
    var failed = false

    init(stream: ZipEntryStream) {
        self.stream = stream
    }
}

/// The kinds of reader node the OOXML walker cares about.
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

/// A streaming libxml2 `xmlTextReader` over one zip entry, fed through `xmlReaderForIO` from
/// `zip_fread`. The single owner of its reader handle; not `Sendable`.
///
/// Options are `XML_PARSE_NONET` only. Any DOCTYPE, entity declaration or entity reference is
/// refused. Errors become `OOXMLError`s naming the part, line and column.
final class XMLStreamReader {
    private let reader: OpaquePointer
    private let input: XMLInputSource
    private let sink: XMLErrorSink
    /// The archive's file name, for messages.
    let file: String
    /// The part being read, for messages.
    let part: String
    private var positioned = false
    private var finished = false

    /// Opens a reader on a zip entry stream.
    init(stream: ZipEntryStream, file: String, part: String) throws {
        _ = xmlParserInitialized
        let input = XMLInputSource(stream: stream)
        let sink = XMLErrorSink()
        let context = Unmanaged.passUnretained(input).toOpaque()
        let options = Int32(XML_PARSE_NONET.rawValue)
        guard let reader = xmlReaderForIO(xmlStreamReaderRead, nil, context, part, nil, options) else {
            throw OOXMLError(.io, file: file, part: part, problem: "libxml2 could not create a reader")
        }
        self.reader = reader
        self.input = input
        self.sink = sink
        self.file = file
        self.part = part
        xmlTextReaderSetStructuredErrorHandler(reader, xmlStreamReaderError, Unmanaged.passUnretained(sink).toOpaque())
    }

    deinit {
        // Frees the parser and the input buffer; the input callback context (`input`) and the
        // error sink are released after this, as stored properties.
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node in document order and returns its kind; nil at the end of the
    /// document.
    func next() throws -> XMLNodeKind? {
        if finished { return nil }
        if positioned {
            positioned = false
        } else {
            let status = xmlTextReaderRead(reader)
            try check(status)
            if status == 0 {
                finished = true
                return nil
            }
        }
        switch xmlTextReaderNodeType(reader) {
        case 1: return .element
        case 15: return .endElement
        case 3, 4, 13, 14: return .text
        case 5, 6, 16:
            throw error(.forbiddenMarkup, "an entity reference or declaration is present; entities are refused")
        case 10:
            throw error(.forbiddenMarkup, "a DOCTYPE declaration is present; DOCTYPEs are refused (Word never writes one)")
        case 12:
            throw error(.forbiddenMarkup, "a notation declaration is present; DTD content is refused")
        default:
            return .other
        }
    }

    /// Skips the current element's subtree; the next `next()` lands on the node after it.
    func skipSubtree() throws {
        let status = xmlTextReaderNext(reader)
        try check(status)
        if status == 0 {
            finished = true
        } else {
            positioned = true
        }
    }

    @inline(__always)
    private func check(_ status: Int32) throws {
        if status >= 0, !input.failed, !sink.failed { return }
        try reportFailure(status)
    }

    private func reportFailure(_ status: Int32) throws {
        if let failure = input.error { throw failure }
        if status < 0 || sink.message != nil {
            let message = sink.message ?? "the XML could not be parsed"
            throw OOXMLError(.malformedXML, file: file, part: part,
                             line: sink.message != nil ? sink.line : currentLine,
                             column: sink.message != nil ? sink.column : nil,
                             problem: "malformed XML: \(message)")
        }
    }

    private func error(_ kind: OOXMLError.Kind, _ problem: String) -> OOXMLError {
        OOXMLError(kind, file: file, part: part, line: currentLine, problem: problem)
    }

    /// Whether the current element is written `<x/>` (no end-element node follows).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The current node's local name, interned in the reader's dictionary (compare pointers).
    var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }

    /// The namespace URI of the current node when it is an element (nil otherwise, or when the
    /// element has no namespace). Read straight from the element: libxml2 does not intern it
    /// (`xmlTextReaderConstNamespaceUri` would hash it into the dictionary on every call), so
    /// compare contents with `equal`. Valid until the reader moves on.
    var elementNamespaceHref: UnsafePointer<xmlChar>? {
        guard let node = xmlTextReaderCurrentNode(reader), node.pointee.type == XML_ELEMENT_NODE,
              let namespace = node.pointee.ns else { return nil }
        return namespace.pointee.href
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

    /// The parser's current line.
    var currentLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Interns `string` in the reader's dictionary so names can be compared by pointer.
    func intern(_ string: String) -> UnsafePointer<xmlChar>? {
        string.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1) { bytes in
                xmlTextReaderConstString(reader, bytes)
            }
        }
    }

    /// The text of the current text node.
    var value: String {
        guard let text = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: text)
    }

    /// The value of the current element's attribute `localName` in namespace `namespace` (or with
    /// no namespace when `namespace` is nil), leaving the reader on the element.
    func attribute(_ localName: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?) -> String? {
        guard let localName else { return nil }
        let found: Int32
        if let namespace {
            found = xmlTextReaderMoveToAttributeNs(reader, localName, namespace)
        } else {
            found = xmlTextReaderMoveToAttribute(reader, localName)
        }
        guard found == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let text = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: text)
    }

    /// The `xmlns:prefix="uri"` declarations on the current element.
    func namespaceDeclarations() -> [(prefix: String, uri: String)] {
        var result: [(prefix: String, uri: String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) == 1,
               let name = xmlTextReaderConstLocalName(reader),
               let uri = xmlTextReaderConstValue(reader) {
                let prefix = String(cString: name)
                result.append((prefix == "xmlns" ? "" : prefix, String(cString: uri)))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }
}

/// libxml2's input callback: fills `buffer` from the zip entry. Returns -1 (and records the Swift
/// error) when the stream throws.
private func xmlStreamReaderRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let input = Unmanaged<XMLInputSource>.fromOpaque(context).takeUnretainedValue()
    if input.error != nil { return -1 }
    do {
        return Int32(try input.stream.read(into: UnsafeMutableRawPointer(buffer), count: Int(length)))
    } catch {
        input.error = error
        input.failed = true
        return -1
    }
}

/// libxml2's structured error handler for one reader: keeps the first error or fatal error.
private func xmlStreamReaderError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
    message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    sink.message = message
    sink.failed = true
    sink.line = Int(error.pointee.line)
    sink.column = Int(error.pointee.int2)
}
