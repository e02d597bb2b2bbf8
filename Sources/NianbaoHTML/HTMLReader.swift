public import Foundation
public import NianbaoModel

/// Reads HTML pages (`.html`, `.htm`, `.shtml`, `.xhtml`) — reports as government sites publish
/// them — into nianbao's neutral block stream.
///
/// The encoding comes from a byte-order mark, `<meta charset>`, `<meta http-equiv="Content-Type">`
/// or `<?xml encoding>`, else from the bytes (UTF-8, else GB18030); GB2312 and GBK are read as
/// GB18030, their superset, and a declaration the bytes contradict (a re-saved page) gives way to
/// the bytes, with a diagnostic. libxml2's HTML parser (push mode, SAX, no network, no DTD, no
/// entity but HTML's own; a DOCTYPE internal subset is blanked out before parsing) reads the
/// tag soup. Tables keep their shape: `colspan` becomes ``TableCell/columnSpan`` and `rowspan`
/// continuation cells (``TableCell/continuesVerticalMerge``) in the rows below, as `w:gridSpan`
/// and `w:vMerge` are for DOCX; paragraphs and `<br>` inside a cell are joined with `"\n"` as Word
/// cells are; a cell holding only `&nbsp;` is blank and keeps its place. Layout tables (a table
/// holding tables, a one-column frame, cells of running text) are read as the blocks inside them.
///
/// The page around the report is left out: script, style, navigation, hidden elements and chrome
/// named by class or id while reading (see `PageBuilder`), then everything outside the element
/// that holds the report's part headings and tables, except the report's title and the page's
/// date line just before it; print/close/share/next-article lines and link lists go too. When the
/// body has no title line, the `<meta name="ArticleTitle">` or the `<title>` (site name cut off)
/// is used; when it has no date line, `<meta name="PubDate">` / `firstpublishedtime` gives one.
/// A page that holds no report but links to one (a PDF or DOC attachment, a frame) is an error
/// naming the link targets.
public enum HTMLReader {
    /// Size limits applied while reading.
    public struct Limits: Sendable, Hashable {
        /// The largest page accepted, in bytes.
        public var maximumBytes: Int
        /// The most text (outside markup) accepted, in bytes.
        public var maximumTextBytes: Int
        /// The most paragraphs and table cells accepted, counted as they are built: memory grows
        /// with them, not with bytes (a page of short `<p>`s costs hundreds of bytes per byte).
        public var maximumParagraphs: Int

        /// Creates limits; the defaults fit any real report page with a wide margin (pages with
        /// inline images run to a few megabytes; a report has a few thousand paragraphs and cells).
        public init(maximumBytes: Int = 64 << 20, maximumTextBytes: Int = 16 << 20, maximumParagraphs: Int = 200_000) {
            self.maximumBytes = maximumBytes
            self.maximumTextBytes = maximumTextBytes
            self.maximumParagraphs = maximumParagraphs
        }
    }

    /// Reads an HTML page held in memory; `fileName` goes into `source.file`; `sha256` is left
    /// empty for the pipeline to fill.
    /// - Throws: ``HTMLReadError`` naming the file and the problem.
    public static func read(data: Data, fileName: String) throws -> SourceDocument {
        try read(data: data, fileName: fileName, limits: Limits())
    }

    /// Reads an HTML page with explicit limits.
    /// - Throws: ``HTMLReadError`` naming the file and the problem.
    public static func read(data: Data, fileName: String, limits: Limits) throws -> SourceDocument {
        if data.count > limits.maximumBytes {
            throw HTMLReadError(.overLimit, file: fileName, problem:
                "the page is \(data.count / 1_048_576) MiB, over the \(limits.maximumBytes / 1_048_576) MiB limit for one report page")
        }
        var page = try HTMLDecoding.decode(data, file: fileName)
        var diagnostics = page.diagnostics
        if blankInternalSubset(&page.utf8) {
            diagnostics.append(Diagnostic(.warning, code: "html.doctype_internal_subset",
                message: "the page's DOCTYPE has an internal subset (entity declarations); it was ignored and no entity in it was expanded"))
        }
        removeConditionalMarkers(&page.utf8)
        var content = try parse(page.utf8, file: fileName, limits: limits, readsHidden: false)
        if !content.holdsReport {
            // The only copy of the report may sit in a hidden element (a tab, a print version).
            let hidden = try parse(page.utf8, file: fileName, limits: limits, readsHidden: true)
            if hidden.holdsReport {
                content = hidden
                diagnostics.append(Diagnostic(.warning, code: "html.hidden_report",
                    message: "the report is in elements the page hides (display:none, hidden); read from there"))
            } else if let error = content.linksOnlyError ?? content.emptyPageError {
                throw error
            }
        }
        let blocks = content.blocks()
        diagnostics.append(contentsOf: content.diagnostics)
        return SourceDocument(source: SourceInfo(file: fileName, format: .html, sha256: "", encoding: page.encoding),
                              blocks: blocks, diagnostics: diagnostics.sortedBySeverity())
    }

    private static func parse(_ bytes: [UInt8], file: String, limits: Limits, readsHidden: Bool) throws -> PageContent {
        let builder = PageBuilder(file: file, maximumTextBytes: limits.maximumTextBytes,
                                  maximumParagraphs: limits.maximumParagraphs, readsHidden: readsHidden)
        try HTMLSAXParser.parse(bytes, file: file, into: builder)
        builder.finish()
        return PageContent(builder: builder, file: file)
    }

    /// Whether `data` looks like an HTML page by its first bytes (after a byte-order mark, white
    /// space and comments): a `<!DOCTYPE html`, `<html`, `<head`, `<meta`, `<body`, or an XML
    /// declaration followed by `<html`.
    public static func looksLikeHTML(_ data: Data) -> Bool {
        var bytes = [UInt8](data.prefix(2048))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var index = 0
        while index < lower.count {
            while index < lower.count, HTMLDecoding.isASCIISpace(lower[index]) { index += 1 }
            // Every opening below starts with `<`: other text (every text report) is answered
            // before the rest of the page's head is copied.
            guard index < lower.count, lower[index] == UInt8(ascii: "<") else { return false }
            let rest = Array(lower[index...])
            if rest.starts(with: Array("<!--".utf8)) {
                guard let end = HTMLDecoding.find(Array("-->".utf8), in: lower, from: index + 4) else { return false }
                index = end + 3
                continue
            }
            if rest.starts(with: Array("<?xml".utf8)) {
                guard let end = HTMLDecoding.find(Array("?>".utf8), in: lower, from: index) else { return false }
                index = end + 2
                continue
            }
            for opening in ["<!doctype html", "<html", "<head", "<meta", "<body", "<title"] where rest.starts(with: Array(opening.utf8)) {
                return true
            }
            return false
        }
        return false
    }

    /// Removes the markers of Word's "downlevel-revealed" conditional comments (`<![if !supportLists]>`,
    /// `<![endif]>`), keeping what they enclose, as browsers do (libxml2 would show them as text).
    /// Line breaks inside a marker are kept, so line numbers stay right.
    static func removeConditionalMarkers(_ bytes: inout [UInt8]) {
        let marker: [UInt8] = Array("<![".utf8)
        var markers: [ClosedRange<Int>] = []
        var from = 0
        while let start = HTMLDecoding.find(marker, in: bytes, from: from) {
            from = start + 3
            var index = start + 3
            let word = bytes[index..<min(bytes.count, index + 5)].map { $0 | 0x20 }
            guard word.starts(with: Array("if".utf8)) || word.starts(with: Array("endif".utf8)) else { continue }
            while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "<") { index += 1 }
            // `<![endif]-->` closes a real comment (`<!--[if gte mso 9]>…`): left alone.
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">"), bytes[index - 1] == UInt8(ascii: "]") else { continue }
            markers.append(start...index)
            from = index + 1
        }
        guard !markers.isEmpty else { return }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var position = 0
        for range in markers {
            kept.append(contentsOf: bytes[position..<range.lowerBound])
            kept.append(contentsOf: bytes[range].filter { $0 == 0x0A })
            position = range.upperBound + 1
        }
        kept.append(contentsOf: bytes[position...])
        bytes = kept
    }

    /// Blanks a DOCTYPE's internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`) with spaces, keeping
    /// line breaks; `true` when there was one. libxml2's HTML parser would show it as text.
    static func blankInternalSubset(_ bytes: inout [UInt8]) -> Bool {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard let start = HTMLDecoding.find(Array("<!doctype".utf8), in: head, from: 0) else { return false }
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "[") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return false }
        guard let close = HTMLDecoding.find(Array("]".utf8), in: bytes, from: index),
              let end = bytes[close...].firstIndex(of: UInt8(ascii: ">")) else { return false }
        for position in start...end where bytes[position] != 0x0A { bytes[position] = 0x20 }
        return true
    }
}
