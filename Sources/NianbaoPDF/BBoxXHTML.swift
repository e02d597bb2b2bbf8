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

/// Collects libxml2's first error for one reader.
private final class XMLErrorSink {
    var message: String?
    var line = 0
}

/// libxml2's structured error callback: keeps the first error of level error or fatal.
private func bboxXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    sink.message = (error.pointee.message.map { String(cString: $0) } ?? "unknown XML error")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    sink.line = Int(error.pointee.line)
}

/// Reads the XHTML that `pdftotext -bbox-layout` writes (`<page width height>` … `<word xMin yMin
/// xMax yMax>text</word>`) with libxml2's `xmlTextReader` over memory, `XML_PARSE_NONET` only (no
/// entity substitution, no DTD loading). pdftotext's own DOCTYPE line is skipped; entity
/// declarations and references are refused. Control characters in the text (glyphs a font maps to
/// them) are turned into U+FFFD first, so they are counted as unreadable rather than breaking the XML.
enum BBoxXHTML {
    /// The pages of `xhtml`.
    /// - Throws: ``PDFError`` (`.tool`) when the XHTML is not well-formed.
    static func pages(_ xhtml: Data, fileName: String) throws -> [PDFPage] {
        _ = xmlParserReady
        // libxml2 reads the memory lazily, as the reader advances: the bytes live in a buffer this
        // function owns until the reader is freed (a Swift array's storage could go before).
        let (buffer, count) = sanitizedCopy(xhtml)
        defer { buffer.deallocate() }
        let sink = XMLErrorSink()
        // The error sink outlives the reader (this runs after `xmlFreeTextReader`).
        defer { withExtendedLifetime(sink) {} }
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        guard let base = buffer.baseAddress,
              let reader = xmlReaderForMemory(base, Int32(count), "pdftotext.xhtml", "UTF-8", Int32(XML_PARSE_NONET.rawValue)) else {
            throw PDFError(.tool, file: fileName, problem: "libxml2 could not read pdftotext's output (\(count) bytes)")
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, bboxXMLError, sinkPointer)
        // Errors raised without a reader context go to the thread's handler: this sink while reading.
        let handler = __xmlStructuredError(), handlerContext = __xmlStructuredErrorContext()
        let previousHandler = handler?.pointee, previousContext = handlerContext?.pointee
        xmlSetStructuredErrorFunc(sinkPointer, bboxXMLError)
        defer {
            handler?.pointee = previousHandler
            handlerContext?.pointee = previousContext
        }

        var pages: [PDFPage] = []
        var word: PDFWord?
        var text = ""
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 || sink.message != nil {
                let detail = sink.message.map { "\($0) (line \(sink.line))" } ?? "not well-formed"
                throw PDFError(.tool, file: fileName, problem: "pdftotext's XHTML cannot be read: \(detail)")
            }
            switch xmlTextReaderNodeType(reader) {
            case 1: // element
                if isLocalName(reader, "page") {
                    pages.append(PDFPage(number: pages.count + 1, width: number(reader, "width") ?? 0,
                                         height: number(reader, "height") ?? 0, words: []))
                } else if isLocalName(reader, "word") {
                    guard let x0 = number(reader, "xMin"), let y0 = number(reader, "yMin"),
                          let x1 = number(reader, "xMax"), let y1 = number(reader, "yMax") else { continue }
                    word = PDFWord(text: "", x0: x0, y0: y0, x1: x1, y1: y1)
                    text = ""
                    if xmlTextReaderIsEmptyElement(reader) == 1 { word = nil }
                }
            case 3, 4, 13, 14: // text, CDATA, whitespace
                if word != nil, let value = xmlTextReaderConstValue(reader) { text += String(cString: value) }
            case 15: // end element
                if var finished = word, isLocalName(reader, "word") {
                    finished.text = trimmed(text)
                    if !finished.text.isEmpty, !pages.isEmpty { pages[pages.count - 1].words.append(finished) }
                    word = nil
                }
            case 5, 6, 17: // entity reference, entity, entity declaration
                throw PDFError(.tool, file: fileName, problem: "pdftotext's XHTML declares or uses an entity; refused")
            default:
                break
            }
        }
        return pages
    }

    /// `true` when the current node's local name is `name` (compared as bytes: no `String` made
    /// for every element, 0.5 % of a PDF run in `perf`).
    private static func isLocalName(_ reader: xmlTextReaderPtr, _ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return name.withUTF8Buffer { expected in
            for index in 0..<expected.count where local[index] != expected[index] { return false }
            return local[expected.count] == 0
        }
    }

    /// `text` without leading and trailing scalars of `CharacterSet.whitespacesAndNewlines`, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, without going through `NSString`
    /// for a word that has none (Foundation's trimming was 1.9 % of a PDF run in `perf`).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func isPlain(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0x20 && scalar.value < 0x7F }
        if isPlain(first) && isPlain(last) { return text }
        let blank = CharacterSet.whitespacesAndNewlines
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// A numeric attribute of the current element.
    private static func number(_ reader: xmlTextReaderPtr, _ name: String) -> Double? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        let number = Double(String(cString: value))
        return number.flatMap { $0.isFinite ? $0 : nil }
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
