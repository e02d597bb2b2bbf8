import CNianbaoXML2

/// Makes sure `xmlInitParser` runs once per process. Never paired with `xmlCleanupParser`, whose
/// global state Foundation's XML support shares.
private let htmlParserInitialized: Bool = {
    xmlInitParser()
    return true
}()

/// How many bytes are handed to libxml2's push parser at a time.
private let feedChunkBytes = 64 << 10

/// Runs libxml2's HTML push parser over UTF-8 bytes and hands every event to a ``PageBuilder``.
///
/// Options: `HTML_PARSE_NONET` (no network), `HTML_PARSE_NOERROR`/`NOWARNING` (tag soup is
/// normal; errors are counted through a structured handler, never printed), `HTML_PARSE_IGNORE_ENC`
/// (the bytes are UTF-8 already: a `<meta charset>` must not switch the decoder), and
/// `HTML_PARSE_COMPACT`. libxml2's HTML parser never loads a DTD or an external entity, and knows
/// only HTML's own named entities; no tree is built (SAX only), so memory is the input plus the
/// blocks kept.
enum HTMLSAXParser {
    static func parse(_ bytes: [UInt8], file: String, into builder: PageBuilder) throws {
        _ = htmlParserInitialized
        var handler = htmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElement = htmlStartElement
        handler.endElement = htmlEndElement
        handler.characters = htmlCharacters
        handler.ignorableWhitespace = htmlCharacters
        handler.cdataBlock = htmlCDATA
        handler.serror = htmlError
        let userData = Unmanaged.passUnretained(builder).toOpaque()
        guard let context = htmlCreatePushParserCtxt(&handler, userData, nil, 0, file, XML_CHAR_ENCODING_UTF8) else {
            throw HTMLReadError(.parser, file: file, problem: "libxml2 could not create an HTML parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
        htmlCtxtUseOptions(context, Int32(options))
        builder.context = context
        defer { builder.context = nil }

        // Errors libxml2 raises without a parser context would go to the thread's generic handler,
        // which prints to stderr: during the parse they come here, and the previous handler is put back.
        let previous = __xmlStructuredError(), previousContext = __xmlStructuredErrorContext()
        let savedHandler = previous?.pointee, savedContext = previousContext?.pointee
        xmlSetStructuredErrorFunc(userData, htmlError)
        defer {
            previous?.pointee = savedHandler
            previousContext?.pointee = savedContext
        }
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let count = min(feedChunkBytes, buffer.count - offset)
                let start = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                _ = htmlParseChunk(context, start, Int32(count), 0)
                offset += count
                if let failure = builder.failure { throw failure }
                if context.pointee.disableSAX != 0 { break }
            }
            _ = htmlParseChunk(context, nil, 0, 1)
        }
        if let failure = builder.failure { throw failure }
        if context.pointee.errNo == Int32(XML_ERR_NO_MEMORY.rawValue) {
            throw HTMLReadError(.parser, file: file, problem: "libxml2 ran out of memory parsing the page")
        }
    }
}

private func builder(_ context: UnsafeMutableRawPointer?) -> PageBuilder? {
    guard let context else { return nil }
    return Unmanaged<PageBuilder>.fromOpaque(context).takeUnretainedValue()
}

private func htmlStartElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let builder = builder(context), let name else { return }
    builder.start(name: name, attributes: attributes)
}

private func htmlEndElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let builder = builder(context) else { return }
    // HTML5's void elements libxml2 does not know end where they start (``PageBuilder/voidElements``);
    // the end libxml2 reports later, when it closes their parent, is not theirs to act on.
    if let name, PageBuilder.voidElements.contains(String(cString: name)) { return }
    builder.end()
}

private func htmlCharacters(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
    guard let builder = builder(context), let bytes, count > 0 else { return }
    builder.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
}

/// Script and style content: never read.
private func htmlCDATA(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {}

private func htmlError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    builder(context)?.parserErrors += 1
}
