import Foundation
import CNianbaoXML2

/// Writes one XML document into memory with libxml2's `xmlTextWriter`, which takes care of
/// escaping and of closing elements in order.
///
/// Owns the `xmlBuffer` and the `xmlTextWriter` on it; both are freed in `deinit` (writer first:
/// freeing a memory writer does not free its buffer). Not `Sendable`: use it inside one function.
final class XMLStreamWriter {
    /// The part being written, for error messages.
    let part: String

    private let buffer: xmlBufferPtr
    private var writer: OpaquePointer?
    private var depth = 0

    /// libxml2's one-time global initialisation, run before the first writer is created (safe to
    /// repeat; never paired with `xmlCleanupParser`, which would break other users in the process).
    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Starts a document (`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`).
    init(part: String) throws {
        self.part = part
        _ = Self.libraryReady
        guard let buffer = xmlBufferCreate() else {
            throw DOCXWriteError.xml(part: part, reason: "xmlBufferCreate failed")
        }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw DOCXWriteError.xml(part: part, reason: "xmlNewTextWriterMemory failed")
        }
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "start document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// Opens element `name` (a qualified name such as `w:p`).
    func start(_ name: String) throws {
        let writer = try open()
        try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
        depth += 1
    }

    /// Closes the innermost open element (self-closing when it has no content).
    func end() throws {
        let writer = try open()
        guard depth > 0 else { throw DOCXWriteError.xml(part: part, reason: "end() without an open element") }
        try check(xmlTextWriterEndElement(writer), "end element")
        depth -= 1
    }

    /// Adds an attribute to the element just opened.
    func attribute(_ name: String, _ value: String) throws {
        let writer = try open()
        let result = Self.withXMLChars(name) { cName in
            Self.withXMLChars(Self.xmlSafe(value)) { xmlTextWriterWriteAttribute(writer, cName, $0) }
        }
        try check(result, "attribute \(name)")
    }

    /// Writes escaped character data. Characters XML 1.0 forbids (C0 controls other than tab, LF
    /// and CR; U+FFFE, U+FFFF) are dropped.
    func text(_ value: String) throws {
        let writer = try open()
        try check(Self.withXMLChars(Self.xmlSafe(value)) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// Writes `<name a="v" …>…</name>`, with `body` writing the content.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], body: () throws -> Void = {}) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try body()
        try end()
    }

    /// Ends the document and returns its UTF-8 bytes. The writer cannot be used afterwards.
    func finish() throws -> Data {
        let writer = try open()
        guard depth == 0 else { throw DOCXWriteError.xml(part: part, reason: "\(depth) element(s) left open") }
        try check(xmlTextWriterEndDocument(writer), "end document")
        try check(xmlTextWriterFlush(writer), "flush")
        xmlFreeTextWriter(writer)
        self.writer = nil
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: length)
    }

    private func open() throws -> OpaquePointer {
        guard let writer else { throw DOCXWriteError.xml(part: part, reason: "the writer is already finished") }
        return writer
    }

    private func check(_ result: Int32, _ what: String) throws {
        if result < 0 { throw DOCXWriteError.xml(part: part, reason: "libxml2 failed to \(what)") }
    }

    private static func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { cString in
            cString.withMemoryRebound(to: xmlChar.self, capacity: strlen(cString) + 1, body)
        }
    }

    /// `text` without the characters XML 1.0 does not allow.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
