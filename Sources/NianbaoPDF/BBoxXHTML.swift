import Foundation
import CNianbaoXML2

/// A word on a page as Poppler placed it: its text and its box in PDF points, y growing downwards.
struct PDFWord: Sendable, Hashable {
    var text: String
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var height: Double { y1 - y0 }
    var centerX: Double { (x0 + x1) / 2 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page: its size and its words, in Poppler's reading order.
struct PDFPage: Sendable, Hashable {
    /// 1-based page number.
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
}

/// Makes sure `xmlInitParser` runs once per process (never paired with `xmlCleanupParser`, whose
/// global state Foundation's XML support shares).
private let xmlParserReady: Bool = {
    xmlInitParser()
    return true
}()

/// What one parse of pdftotext's XHTML has built so far, and its first problem; libxml2's SAX
/// callbacks below fill it in. They read libxml2's pointers (names, attribute values, text) where
/// libxml2 hands them over, instead of `xmlTextReader`'s node per element and text: that reader
/// was most of the 1.1 ms a PDF that `perf` put in libxml2.
private final class BBoxParse {
    var pages: [PDFPage] = []
    /// The word being read (between its start and end tags), and its text's bytes.
    var word: PDFWord?
    var text: [UInt8] = []
    /// The first XML error (of level error or fatal), with its line.
    var message: String?
    var line = 0
    /// The next end of a word is that of an empty word element.
    var skipsWordEnd = false
    /// An entity was declared or referenced.
    var sawEntity = false
    /// The parser, to read where it stands (is a start tag an empty element?) and to stop it.
    var context: xmlParserCtxtPtr?

    init() {
        text.reserveCapacity(256)
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> BBoxParse? {
        pointer.map { Unmanaged<BBoxParse>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// libxml2's structured error callback: keeps the first error of level error or fatal.
private func bboxXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let parse = BBoxParse.from(context), let error else { return }
    guard parse.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    parse.message = (error.pointee.message.map { String(cString: $0) } ?? "unknown XML error")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    parse.line = Int(error.pointee.line)
}

/// `true` when the nul-terminated `name` is `expected`.
private func bboxNameIs(_ name: UnsafePointer<xmlChar>?, _ expected: StaticString) -> Bool {
    guard let name else { return false }
    return expected.withUTF8Buffer { bytes in
        for index in 0..<bytes.count where name[index] != bytes[index] { return false }
        return name[bytes.count] == 0
    }
}

/// A start tag: a page starts a page; a word with its four coordinates starts a word.
private func bboxStartElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let parse = BBoxParse.from(context) else { return }
    /// The value of the unprefixed attribute `name` as a finite number.
    func number(_ name: StaticString) -> Double? {
        guard let attributes else { return nil }
        for index in 0..<Int(attributeCount) {
            let base = index * 5  // local name, prefix, URI, value start, value end
            guard attributes[base + 1] == nil, bboxNameIs(attributes[base], name),
                  let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            return Double(value).flatMap { $0.isFinite ? $0 : nil }
        }
        return nil
    }
    if bboxNameIs(localName, "page") {
        parse.pages.append(PDFPage(number: parse.pages.count + 1, width: number("width") ?? 0, height: number("height") ?? 0, words: []))
    } else if bboxNameIs(localName, "word") {
        // An empty element (`<word …/>`, the parser standing at its `/>`) has no text and no end
        // tag of its own: libxml2 still calls the end callback, which must not end the word around it.
        var isEmpty = false
        if let input = parse.context?.pointee.input, let cursor = input.pointee.cur, cursor[0] == UInt8(ascii: "/") { isEmpty = true }
        parse.skipsWordEnd = isEmpty
        guard let x0 = number("xMin"), let y0 = number("yMin"), let x1 = number("xMax"), let y1 = number("yMax") else { return }
        // An empty word is no word.
        parse.word = isEmpty ? nil : PDFWord(text: "", x0: x0, y0: y0, x1: x1, y1: y1)
        parse.text.removeAll(keepingCapacity: true)
    }
}

/// An end tag: a word's ends it, its text trimmed; a word with text goes to the last page.
private func bboxEndElement(_ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                            _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let parse = BBoxParse.from(context), bboxNameIs(localName, "word") else { return }
    if parse.skipsWordEnd {
        parse.skipsWordEnd = false
        return
    }
    guard var finished = parse.word else { return }
    finished.text = BBoxXHTML.trimmed(String(decoding: parse.text, as: UTF8.self))
    if !finished.text.isEmpty, !parse.pages.isEmpty { parse.pages[parse.pages.count - 1].words.append(finished) }
    parse.word = nil
}

/// Text, CDATA and whitespace: inside a word, its text.
private func bboxCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let parse = BBoxParse.from(context), parse.word != nil, let characters, length > 0 else { return }
    parse.text.append(contentsOf: UnsafeBufferPointer(start: characters, count: Int(length)))
}

/// An entity declaration: refused, the parser stopped.
private func bboxEntityDeclaration(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
                                   _ publicId: UnsafePointer<xmlChar>?, _ systemId: UnsafePointer<xmlChar>?,
                                   _ content: UnsafeMutablePointer<xmlChar>?) {
    guard let parse = BBoxParse.from(context) else { return }
    if parse.message == nil { parse.sawEntity = true }
    parse.context.map { xmlStopParser($0) }
}

/// A reference to an entity that is not one of XML's five: refused, the parser stopped.
private func bboxEntityReference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let parse = BBoxParse.from(context) else { return }
    if parse.message == nil { parse.sawEntity = true }
    parse.context.map { xmlStopParser($0) }
}

/// Reads the XHTML that `pdftotext -bbox-layout` writes (`<page width height>` … `<word xMin yMin
/// xMax yMax>text</word>`) in one pass of libxml2's SAX2 parser over memory, `XML_PARSE_NONET`
/// only (no entity substitution, no DTD loading): no tree, no node objects, each word's text
/// gathered as bytes and made a `String` once. (It went through `xmlTextReader`, which builds and
/// frees a node for every element and text and was most of libxml2's 1.1 ms a PDF in `perf`.)
/// pdftotext's own DOCTYPE line is skipped; entity declarations and references are refused.
/// Control characters in the text (glyphs a font maps to them) are turned into U+FFFD first, so
/// they are counted as unreadable rather than breaking the XML.
enum BBoxXHTML {
    /// The pages of `xhtml`.
    /// - Throws: ``PDFError`` (`.tool`) when the XHTML is not well-formed.
    static func pages(_ xhtml: Data, fileName: String) throws -> [PDFPage] {
        _ = xmlParserReady
        let (buffer, count) = sanitizedCopy(xhtml)
        defer { buffer.deallocate() }
        let parse = BBoxParse()
        // The parse state outlives the parser (this runs after `xmlFreeParserCtxt`).
        defer { withExtendedLifetime(parse) {} }
        let parsePointer = Unmanaged.passUnretained(parse).toOpaque()
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = bboxStartElement
        handler.endElementNs = bboxEndElement
        handler.characters = bboxCharacters
        handler.ignorableWhitespace = bboxCharacters
        handler.cdataBlock = bboxCharacters
        handler.entityDecl = bboxEntityDeclaration
        handler.reference = bboxEntityReference
        handler.serror = bboxXMLError
        guard let base = buffer.baseAddress,
              let context = xmlCreatePushParserCtxt(&handler, parsePointer, nil, 0, "pdftotext.xhtml") else {
            throw PDFError(.tool, file: fileName, problem: "libxml2 could not read pdftotext's output (\(count) bytes)")
        }
        defer { xmlFreeParserCtxt(context) }
        parse.context = context
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        // Errors raised without a parser context go to the thread's handler: this parse's while parsing.
        let errorHandler = __xmlStructuredError(), handlerContext = __xmlStructuredErrorContext()
        let previousHandler = errorHandler?.pointee, previousContext = handlerContext?.pointee
        xmlSetStructuredErrorFunc(parsePointer, bboxXMLError)
        xmlParseChunk(context, base, Int32(count), 1)
        errorHandler?.pointee = previousHandler
        handlerContext?.pointee = previousContext
        if parse.sawEntity {
            throw PDFError(.tool, file: fileName, problem: "pdftotext's XHTML declares or uses an entity; refused")
        }
        // Warnings pass; an error, or a document that is not well-formed (a parser halted on
        // undecodable input), fails the parse.
        if parse.message != nil || context.pointee.wellFormed == 0 {
            let detail = parse.message.map { "\($0) (line \(parse.line))" } ?? "not well-formed"
            throw PDFError(.tool, file: fileName, problem: "pdftotext's XHTML cannot be read: \(detail)")
        }
        return parse.pages
    }

    /// `text` without leading and trailing scalars of `CharacterSet.whitespacesAndNewlines`, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, without going through `NSString`
    /// for a word that has none (Foundation's trimming was 1.9 % of a PDF run in `perf`).
    /// `blank` is `.whitespaces` for `trimmingCharacters(in: .whitespaces)`: neither set holds
    /// printable ASCII, so a text that begins and ends with it is returned as it is.
    static func trimmed(_ text: String, _ blank: CharacterSet = .whitespacesAndNewlines) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func isPlain(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0x20 && scalar.value < 0x7F }
        if isPlain(first) && isPlain(last) { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// A copy of the bytes for libxml2, with C0 control characters other than tab, line feed and
    /// carriage return replaced by U+FFFD (three bytes), which XML 1.0 does not allow in text; and
    /// its length. The caller deallocates it. Copied in one pass over the bytes, not byte by byte
    /// through `Data`'s iterator into an array and then into the buffer (`perf`: `sanitized` and
    /// `Data.Iterator.next` were 2.0 % of a PDF run).
    static func sanitizedCopy(_ data: Data) -> (buffer: UnsafeMutableBufferPointer<CChar>, count: Int) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let source = raw.bindMemory(to: UInt8.self)
            func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
            var controls = 0
            for byte in source where isControl(byte) { controls += 1 }
            let count = source.count + 2 * controls
            let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(count, 1))
            var index = 0
            for byte in source {
                if isControl(byte) {
                    buffer[index] = CChar(bitPattern: 0xEF)
                    buffer[index + 1] = CChar(bitPattern: 0xBF)
                    buffer[index + 2] = CChar(bitPattern: 0xBD)
                    index += 3
                } else {
                    buffer[index] = CChar(bitPattern: byte)
                    index += 1
                }
            }
            return (buffer, count)
        }
    }
}
