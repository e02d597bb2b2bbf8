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
        let bytes = sanitized(xhtml)
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        defer { buffer.deallocate() }
        for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
        let sink = XMLErrorSink()
        // The error sink outlives the reader (this runs after `xmlFreeTextReader`).
        defer { withExtendedLifetime(sink) {} }
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        guard let base = buffer.baseAddress,
              let reader = xmlReaderForMemory(base, Int32(bytes.count), "pdftotext.xhtml", "UTF-8", Int32(XML_PARSE_NONET.rawValue)) else {
            throw PDFError(.tool, file: fileName, problem: "libxml2 could not read pdftotext's output (\(bytes.count) bytes)")
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
                let name = localName(reader)
                if name == "page" {
                    pages.append(PDFPage(number: pages.count + 1, width: number(reader, "width") ?? 0,
                                         height: number(reader, "height") ?? 0, words: []))
                } else if name == "word" {
                    guard let x0 = number(reader, "xMin"), let y0 = number(reader, "yMin"),
                          let x1 = number(reader, "xMax"), let y1 = number(reader, "yMax") else { continue }
                    word = PDFWord(text: "", x0: x0, y0: y0, x1: x1, y1: y1)
                    text = ""
                    if xmlTextReaderIsEmptyElement(reader) == 1 { word = nil }
                }
            case 3, 4, 13, 14: // text, CDATA, whitespace
                if word != nil, let value = xmlTextReaderConstValue(reader) { text += String(cString: value) }
            case 15: // end element
                if var finished = word, localName(reader) == "word" {
                    finished.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// The element's local name.
    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// A numeric attribute of the current element.
    private static func number(_ reader: xmlTextReaderPtr, _ name: String) -> Double? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        let number = Double(String(cString: value))
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The bytes with C0 control characters other than tab, line feed and carriage return replaced
    /// by U+FFFD (three bytes), which XML 1.0 does not allow in text.
    static func sanitized(_ data: Data) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 64)
        for byte in data {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}
