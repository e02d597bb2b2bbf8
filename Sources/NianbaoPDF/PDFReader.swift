public import Foundation
public import NianbaoModel

/// Reads PDF files with a text layer into nianbao's neutral block stream.
///
/// Poppler's `pdftotext -bbox-layout` (poppler-utils) gives every word with its box; the page
/// geometry is rebuilt from them: visual lines from the words' heights, tables where lines break
/// into cells that line up (columns from the gaps shared by the rows, rows from the value cells and
/// the label next to them, wrapped labels joined, blank cells kept in place), a table continued on
/// the next page joined to its first part with repeated header rows dropped, page headers, footers
/// and page numbers left out, and prose paragraphs rebuilt from lines (a line ending before the
/// right margin, or an indented or heading line, starts a new one). Locations name the page.
///
/// A PDF without a text layer (a scan), one Poppler cannot open (encrypted, damaged, truncated),
/// one whose fonts map Chinese glyphs to no Unicode, and one that is not a PDF at all are refused
/// with a ``PDFError`` saying so. Nothing here links Poppler: without `pdftotext` only PDF inputs fail.
public enum PDFReader {
    /// Limits and the tool to run.
    public struct Options: Sendable, Hashable {
        /// The `pdftotext` to run; `nil` looks for it on `PATH`.
        public var pdftotext: String?
        /// The most pages read; a PDF with more is refused (one report is a few pages).
        public var maximumPages: Int
        /// The most seconds `pdftotext` may take: `NIANBAO_PDFTOTEXT_TIMEOUT` seconds, 60 by default.
        public var timeLimit: Double
        /// The most bytes of word boxes accepted from `pdftotext`.
        public var maximumOutputBytes: Int

        /// The most words accepted from `pdftotext`, counted while it writes (a report has a few
        /// thousand; each word costs about 80 bytes of XHTML and more once read).
        public var maximumWords: Int
        /// `pdftotext`'s address-space limit in bytes (`RLIMIT_AS`): `NIANBAO_PDF_MEMORY_MB`
        /// MiB, 1024 by default.
        public var memoryLimit: UInt64

        /// Creates options; the defaults fit any real report with a wide margin.
        public init(pdftotext: String? = nil, maximumPages: Int = 200, timeLimit: Double? = nil, maximumOutputBytes: Int = 64 << 20,
                    maximumWords: Int = 300_000, memoryLimit: UInt64? = nil) {
            self.pdftotext = pdftotext
            self.maximumPages = maximumPages
            self.timeLimit = timeLimit ?? Poppler.environment("NIANBAO_PDFTOTEXT_TIMEOUT").flatMap(Double.init).map { max(1, $0) } ?? 60
            self.maximumOutputBytes = maximumOutputBytes
            self.maximumWords = maximumWords
            let megabytes = Poppler.environment("NIANBAO_PDF_MEMORY_MB").flatMap(UInt64.init).map { max(16, $0) } ?? 1024
            self.memoryLimit = memoryLimit ?? megabytes << 20
        }
    }

    /// The package that provides `pdftotext`, named in the error when it is missing.
    public static let popplerPackage = "poppler-utils"

    /// `true` when `pdftotext` can be found on `PATH`.
    public static var isAvailable: Bool { Poppler.locate(nil) != nil }

    /// Reads a PDF held in memory; `fileName` goes into `source.file`, `sha256` is left empty.
    /// - Throws: ``PDFError`` naming the file and the problem.
    public static func read(data: Data, fileName: String, options: Options = Options()) throws -> SourceDocument {
        try checkSignature(data, fileName: fileName)
        guard let executable = Poppler.locate(options.pdftotext) else {
            throw PDFError(.popplerMissing, file: fileName, problem:
                "reading PDF needs Poppler's pdftotext, which is not installed: install the \(popplerPackage) package (apt-get install -y \(popplerPackage))")
        }
        let poppler = Poppler(executable: executable, maximumPages: options.maximumPages, timeLimit: options.timeLimit,
                              maximumOutputBytes: options.maximumOutputBytes, maximumWords: options.maximumWords,
                              memoryLimit: options.memoryLimit)
        let output = try poppler.run(data, fileName: fileName)
        var pages = try BBoxXHTML.pages(output.xhtml, fileName: fileName)
        if pages.count > options.maximumPages {
            throw PDFError(.tooLarge, file: fileName, problem: "the PDF has more than \(options.maximumPages) pages; one report is a few pages (limit \(options.maximumPages))")
        }
        if pages.isEmpty {
            throw PDFError(.damaged, file: fileName, problem: "Poppler finds no pages in this PDF\(Poppler.firstLine(output.messages))")
        }
        try checkText(pages, fileName: fileName, data: data)
        var diagnostics: [Diagnostic] = []
        let syntaxErrors = output.messages.split(whereSeparator: \.isNewline).filter { $0.contains("Error") }
        if !syntaxErrors.isEmpty {
            diagnostics.append(Diagnostic(.warning, code: "pdf.syntax_errors",
                message: "Poppler reported \(syntaxErrors.count) problem(s) in the PDF's structure and read it anyway (first: \(syntaxErrors[0].prefix(160)))"))
        }
        for index in pages.indices where pages[index].isUpsideDown {
            // A page turned 180° (`/Rotate 180`): pdftotext gives its words in the turned page's
            // space, so they are turned back before lines and tables are rebuilt.
            pages[index].turnHalfWay()
            diagnostics.append(Diagnostic(.warning, code: "pdf.upside_down",
                message: "page \(pages[index].number) is turned upside down (rotated 180°): read turned back; values read from it need checking",
                location: SourceLocation(page: pages[index].number)))
        }
        for page in pages {
            // Words of several characters taller than wide: the page's text runs up or down (a
            // page turned with /Rotate, or vertical writing), which the line and table rules do not read.
            let long = page.words.filter { $0.text.count >= 3 }
            let vertical = long.filter { $0.y1 - $0.y0 > 2 * ($0.x1 - $0.x0) }.count
            if long.count >= 5, vertical * 2 > long.count {
                diagnostics.append(Diagnostic(.warning, code: "pdf.vertical_text",
                    message: "the text on page \(page.number) runs vertically (a turned page or vertical writing): its lines and tables may not be rebuilt; values read from it need checking",
                    location: SourceLocation(page: page.number)))
            }
        }
        var layout = DocumentLayout(pages: pages)
        let blocks = layout.blocks()
        diagnostics += layout.diagnostics
        return SourceDocument(source: SourceInfo(file: fileName, format: .pdf, sha256: ""), blocks: blocks, diagnostics: diagnostics.sortedBySeverity())
    }

    /// Refuses bytes that are not a PDF (empty, HTML, zip, …) and PDFs cut short.
    static func checkSignature(_ data: Data, fileName: String) throws {
        if data.isEmpty { throw PDFError(.notPDF, file: fileName, problem: "the file is empty, not a PDF") }
        let head = [UInt8](data.prefix(1024))
        let marker = Array("%PDF-".utf8)
        let hasMarker = head.count >= marker.count && (0...(head.count - marker.count)).contains { Array(head[$0..<($0 + marker.count)]) == marker }
        guard hasMarker else {
            let text = String(decoding: head.prefix(256), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let what: String
            if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.contains("<html") {
                what = "an HTML page (a download that saved an error or viewer page?)"
            } else if text.hasPrefix("<") {
                what = "an XML or HTML text file"
            } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                what = "a zip archive (a .docx? give it the .docx extension)"
            } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                what = "an OLE compound file (a legacy .doc?)"
            } else {
                what = "no PDF (no %PDF- header; starts with \(head.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")))"
            }
            throw PDFError(.notPDF, file: fileName, problem: "this is \(what), not a PDF")
        }
        let tail = [UInt8](data.suffix(2048))
        let end = Array("%%EOF".utf8)
        let hasEnd = tail.count >= end.count && (0...(tail.count - end.count)).contains { Array(tail[$0..<($0 + end.count)]) == end }
        if !hasEnd {
            throw PDFError(.damaged, file: fileName, problem: "the PDF is truncated (it does not end with %%EOF): the file is incomplete, download or copy it again")
        }
    }

    /// `true` when the PDF holds an image: an image XObject (`/Subtype /Image`; a stream's
    /// dictionary is never inside a compressed object stream) or an inline image (`BI`, seen only
    /// in uncompressed content; a PDF with neither is taken for one without images).
    static func hasImages(_ data: Data) -> Bool {
        let text = String(decoding: data, as: Unicode.ASCII.self)
        return text.range(of: #"/Subtype\s*/Image\b"#, options: .regularExpression) != nil
            || text.range(of: #"\sBI\s*/"#, options: .regularExpression) != nil
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, with ASCII and CJK ideographs answered first.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if (0x3400...0x9FFF).contains(value) { return false }
        return scalar.properties.isWhitespace
    }

    /// Refuses pages without text (a scan, or no image either: nothing to read) and text that is
    /// mostly unmapped glyphs.
    static func checkText(_ pages: [PDFPage], fileName: String, data: Data? = nil) throws {
        var total = 0, unreadable = 0, chinese = 0
        for page in pages {
            for word in page.words {
                // ASCII and CJK ideographs answered without Unicode's property tables (a PDF's
                // words are mostly those; the lookup was 0.7 % of a PDF run).
                for scalar in word.text.unicodeScalars where !Self.isWhitespace(scalar) {
                    total += 1
                    let value = scalar.value
                    if (0xE000...0xF8FF).contains(value) || value >= 0xF0000 || value == 0xFFFD || value < 0x20 || (0x7F...0x9F).contains(value) {
                        unreadable += 1
                    } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value) {
                        chinese += 1
                    }
                }
            }
        }
        if total < 10, let data, !hasImages(data) {
            throw PDFError(.scanned, file: fileName, problem: "the PDF has no text (and no images): nothing to read (\(pages.count) page(s), \(total) character(s) of text; blank or drawn pages)")
        }
        if total < 10 {
            throw PDFError(.scanned, file: fileName, problem: "scanned PDF, no text layer: run OCR first (\(pages.count) page(s), \(total) character(s) of text)")
        }
        if unreadable * 5 >= total {
            throw PDFError(.unmappedGlyphs, file: fileName, problem:
                "the PDF's fonts map its glyphs to no Unicode: \(unreadable * 100 / total) % of its \(total) characters are private-use, replacement or control characters, so the text cannot be trusted; run OCR on the pages instead")
        }
        if chinese == 0 && total >= 200 {
            throw PDFError(.unmappedGlyphs, file: fileName, problem:
                "the PDF's text layer has \(total) characters and not one Chinese character: its fonts map the Chinese glyphs to no Unicode (or it is not a report); run OCR on the pages instead")
        }
    }
}

extension PDFPage {
    /// `true` when pdftotext's reading order runs up the page and right to left along lines, as on
    /// a page turned 180°: most steps between successive words go up rather than down, and more
    /// steps along a line go left than right.
    var isUpsideDown: Bool {
        var up = 0, down = 0, left = 0, right = 0
        for (a, b) in zip(words, words.dropFirst()) {
            let height = min(a.height, b.height)
            if abs(a.centerY - b.centerY) < height / 2 {
                if b.x0 >= a.x1 - 1 { right += 1 } else if b.x1 <= a.x0 + 1 { left += 1 }
            } else if b.centerY > a.centerY {
                down += 1
            } else {
                up += 1
            }
        }
        return up >= 5 && up > 2 * down && left > right
    }

    /// Turns the words' boxes by 180° within the page.
    mutating func turnHalfWay() {
        words = words.map { word in
            var turned = word
            turned.x0 = width - word.x1
            turned.x1 = width - word.x0
            turned.y0 = height - word.y1
            turned.y1 = height - word.y0
            return turned
        }
    }
}
