public import Foundation
public import NianbaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoText
import NianbaoRecognizer
import NianbaoValidator
import NianbaoWriters
import Crypto

/// Why an input could not be converted; names the stage and the problem.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    /// The pipeline stage that failed.
    public enum Stage: String, Sendable {
        /// Opening or reading the file.
        case read
        /// Decoding the format into blocks.
        case parse
        /// Recognising a report in the blocks.
        case recognize
        /// Writing the output.
        case write
    }

    /// The input file's path as given.
    public var file: String
    /// Where it failed.
    public var stage: Stage
    /// What went wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(file: String, stage: Stage, message: String) {
        self.file = file
        self.stage = stage
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

/// The conversion pipeline: bytes → reader → block stream → recognizer → validator → report.
public enum Pipeline {
    /// Input files larger than this are refused rather than read into memory.
    public static let maximumInputBytes = 256 * 1024 * 1024
    /// Text inputs larger than this are refused: one report is tens of kilobytes, so 16 MiB of text
    /// is a concatenation or not a report, and would only cost time.
    public static let maximumTextBytes = 16 * 1024 * 1024
    /// The budget of a text input, counted before it is read: 2 per line and 1 per run of spaces
    /// or tabs (a possible cell boundary). Memory grows with lines and cells, not bytes (about
    /// 400 bytes per one-character line, 200 per cell), so 16 MiB of short lines would take
    /// gigabytes; this budget keeps one input under about 60 MB. A report costs a few thousand.
    public static let textBudget = 300_000
    /// The most paragraphs (`w:p`, table cells' included) of a DOCX input, counted while it is
    /// read (about 450 bytes each): one input stays under about 70 MB. HTML pages have the same
    /// budget for their paragraphs and table cells.
    public static let maximumDOCXParagraphs = 150_000

    /// The format of an input, by extension, then by content.
    public static func format(of url: URL, data: Data) -> SourceFormat {
        format(data: data, lowercasedExtension: url.pathExtension.lowercased())
    }

    /// ``format(of:data:)`` for a file whose lowercased extension is `ext`.
    private static func format(data: Data, lowercasedExtension ext: String) -> SourceFormat {
        // A page saved under any name (`.txt`, a `.doc` that is really HTML, as some sites serve).
        if ext != "json", DocumentReaders.looksLikeHTML(data) { return .html }
        // Content first for Office containers: a scraped "report.txt" is often a renamed Word file.
        if let legacy = LegacyConversion.sourceFormat(of: data, lowercasedExtension: ext) { return legacy }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .docx }
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        switch ext {
        case "pdf": return .pdf
        case "json": return .json
        case "docx", "docm", "dotx": return .docx
        case "html", "htm", "shtml", "xhtml", "xht": return .html
        // Markdown (pandoc, mammoth, markitdown) is text with `|` tables.
        case "txt", "text", "md", "markdown": return .text
        default: break
        }
        if let first = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") { return .json }
        return .text
    }

    /// Converts one file into a validated report.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    public static func convert(contentsOf url: URL) throws -> Report {
        let data = try readInput(url)
        return try convert(data: data, fileName: url.lastPathComponent, displayPath: url.path, format: format(of: url, data: data))
    }

    /// ``convert(contentsOf:)`` for an input whose `url.path` is known: the bulk path, with the
    /// file read by `open`/`read` and its name and extension taken from the path string.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    static func convert(item: InputItem, pdf: PDFTool = PDFTool()) throws -> Report {
        let path = item.path
        let data = try readData(item)
        guard let fileName = PathText.lastComponent(of: path) else { return try convert(contentsOf: item.url) }
        let format: SourceFormat
        if let ext = PathText.plainExtension(of: fileName) {
            format = self.format(data: data, lowercasedExtension: ext)
        } else {
            format = self.format(of: item.url, data: data)
        }
        return try convert(data: data, fileName: fileName, displayPath: path, format: format, sourceName: item.sourceName,
                           convertingLegacy: true, pdf: pdf)
    }

    /// The bytes of `item`'s file.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    static func readData(_ item: InputItem) throws -> Data {
        try readQuickly(item.path) ?? readInput(item.url)
    }

    /// Reads a regular file of at most ``maximumInputBytes`` with `open`/`fstat`/`read` into a
    /// buffer that becomes the `Data` (no zero-filling, no copy); `nil` for anything else (missing,
    /// unreadable, a folder, too large, grown while read, a read error), which `readInput(_:)` then
    /// reads or names.
    private static func readQuickly(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              status.st_size >= 0, status.st_size <= maximumInputBytes else { return nil }
        // One byte more than the size: reading it too shows the file did not grow since `fstat`.
        let capacity = Int(status.st_size) + 1
        guard let buffer = malloc(capacity) else { return nil }
        var filled = 0
        while filled < capacity {
            let count = systemRead(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                free(buffer)
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        if filled == capacity || filled == 0 {
            // Grown (read on in the slow path) or empty: nothing to keep.
            free(buffer)
            return filled == 0 ? Data() : nil
        }
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }

    /// Converts bytes into a validated report. `sourceName` (default: `fileName`) goes into
    /// `source.file`: the input's path relative to the folder it was found in.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    public static func convert(data: Data, fileName: String, displayPath: String? = nil, format: SourceFormat,
                               sourceName: String? = nil) throws -> Report {
        try convert(data: data, fileName: fileName, displayPath: displayPath, format: format, sourceName: sourceName, convertingLegacy: true)
    }

    /// ``convert(data:fileName:displayPath:format:sourceName:)`` with LibreOffice run under `legacy`
    /// (its program, environment and time limits) for .doc, .wps, .rtf and .odt inputs, and
    /// `pdftotext` under `pdf` for PDF inputs.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    public static func convert(data: Data, fileName: String, displayPath: String? = nil, format: SourceFormat,
                               sourceName: String? = nil, legacy: LegacyOptions, pdf: PDFTool = PDFTool()) throws -> Report {
        try convert(data: data, fileName: fileName, displayPath: displayPath, format: format, sourceName: sourceName,
                    convertingLegacy: true, legacy: legacy, pdf: pdf)
    }

    /// ``convert(data:fileName:displayPath:format:sourceName:)``; with `convertingLegacy` false, DOCX
    /// bytes are read as they are (LibreOffice's own output, named after the original file).
    /// `legacy` `nil`: the options from the process environment, read only for an input that goes
    /// to LibreOffice (as a default argument they were read for every file, 2–3 % of a text run).
    static func convert(data: Data, fileName: String, displayPath: String?, format: SourceFormat, sourceName: String?,
                        convertingLegacy: Bool, legacy: LegacyOptions? = nil, pdf: PDFTool = PDFTool()) throws -> Report {
        let shown = displayPath ?? fileName
        let sha256 = hexadecimal(SHA256.hash(data: data))
        var report: Report
        switch format {
        case .json:
            if let problems = SchemaCheck.problems(in: data, limit: 6), !problems.isEmpty {
                let shownProblems = problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? "; …" : "")
                throw ConversionError(file: shown, stage: .parse, message: "does not match the report schema (`nianbao schema`): \(shownProblems)")
            }
            do {
                report = try ReportJSON.decode(data)
            } catch {
                throw ConversionError(file: shown, stage: .parse, message: String(describing: error))
            }
        case .doc, .wps, .rtf, .odt:
            return try LegacyConversion.convertAlone(data: data, fileName: sourceName ?? fileName, shown: shown, format: format, options: legacy ?? LegacyOptions())
        case .text, .docx, .html, .pdf:
            if format == .docx, convertingLegacy, let legacyFormat = try LegacyConversion.legacyFormat(ofDOCX: data, lowercasedExtension: PathText.plainExtension(of: fileName) ?? "", shown: shown) {
                return try LegacyConversion.convertAlone(data: data, fileName: sourceName ?? fileName, shown: shown, format: legacyFormat, options: legacy ?? LegacyOptions())
            }
            if format == .text, data.count > maximumTextBytes {
                throw ConversionError(file: shown, stage: .read,
                    message: "\(data.count / 1_048_576) MiB of text is more than one report (limit \(maximumTextBytes / 1_048_576) MiB); split the file")
            }
            if format == .text, let (lines, runs) = textCost(data, above: textBudget) {
                throw ConversionError(file: shown, stage: .read, message:
                    "\(lines) lines and \(runs) runs of spaces or tabs before the budget of one input ran out (2 per line + 1 per run ≤ \(textBudget)): more than one report holds; split the file")
            }
            var document: SourceDocument
            do {
                document = try format == .pdf ? DocumentReaders.readPDF(data: data, fileName: fileName, tool: pdf)
                    : read(data: data, fileName: fileName, format: format)
            } catch let error as ConversionError {
                throw ConversionError(file: shown, stage: error.stage, message: error.message)
            } catch {
                throw ConversionError(file: shown, stage: .parse, message: String(describing: error))
            }
            document.source.sha256 = sha256
            if let sourceName { document.source.file = sourceName }
            report = Recognizer.recognize(document)
            if report.diagnostics.contains(where: { $0.code == Recognizer.unrecognizedCode }) {
                throw ConversionError(file: shown, stage: .recognize,
                                      message: report.diagnostics.first { $0.code == Recognizer.unrecognizedCode }?.message ?? "not a report")
            }
        }
        Validator.validate(&report)
        return report
    }

    /// The lines and the runs of spaces or tabs of `data` counted until the cost (2 per line, 1
    /// per run) passes `budget`; `nil` when it never does. Lines end in LF, or CR in files without
    /// LF; UTF-16 text is counted by its bytes (an upper bound).
    static func textCost(_ data: Data, above budget: Int) -> (lines: Int, runs: Int)? {
        guard data.count * 2 > budget else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (lines: Int, runs: Int)? in
            let hasLineFeed = bytes.contains(0x0A)
            let lineEnd: UInt8 = hasLineFeed ? 0x0A : 0x0D
            var lines = 0, runs = 0
            var inRun = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 {
                    if !inRun { runs += 1 }
                    inRun = true
                    continue
                }
                inRun = false
                if byte == lineEnd {
                    lines += 1
                    if lines * 2 + runs > budget { return (lines, runs) }
                }
            }
            return lines * 2 + runs > budget ? (lines, runs) : nil
        }
    }

    /// The C library's `read`.
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// Lowercase hexadecimal digits of `bytes`, two per byte.
    private static func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        var text: [UInt8] = []
        text.reserveCapacity(64)
        digits.withUTF8Buffer { digits in
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads the block stream of a text, DOCX, HTML or PDF input.
    public static func read(data: Data, fileName: String, format: SourceFormat) throws -> SourceDocument {
        switch format {
        case .text, .json:
            return try TextReader.read(data: data, fileName: fileName)
        case .docx, .doc, .wps, .rtf, .odt:
            return try DocumentReaders.readDOCX(data: data, fileName: fileName)
        case .html:
            return try DocumentReaders.readHTML(data: data, fileName: fileName)
        case .pdf:
            return try DocumentReaders.readPDF(data: data, fileName: fileName)
        }
    }

    private static func readInput(_ url: URL) throws -> Data {
        let path = url.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            var link = stat()
            if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
                throw ConversionError(file: path, stage: .read, message: "broken symbolic link: what it points to does not exist")
            }
            throw ConversionError(file: path, stage: .read, message: reason == EACCES
                ? "permission denied: a folder on the way cannot be searched" : "no such file")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ConversionError(file: path, stage: .read, message: "is a folder, not a file")
        default: throw ConversionError(file: path, stage: .read, message: "not a regular file (\(InputCollector.kindName(status.st_mode))): not read")
        }
        guard access(path, R_OK) == 0 else {
            throw ConversionError(file: path, stage: .read, message: "permission denied: the file cannot be read")
        }
        if status.st_size > maximumInputBytes {
            throw ConversionError(file: path, stage: .read, message: "the file is \(status.st_size / 1_048_576) MiB, over the \(maximumInputBytes / 1_048_576) MiB limit for one report")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ConversionError(file: path, stage: .read, message: "cannot be read: \(ErrorText.describe(error))")
        }
    }
}

/// One-line texts for errors from Foundation and the system.
public enum ErrorText {
    /// `error`'s own description for nianbao's errors; for Foundation's, the system's reason
    /// ("No space left on device") rather than "NSCocoaErrorDomain error 512".
    public static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { return String(describing: error) }
        var underlying: NSError? = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        if underlying == nil, nsError.domain == NSPOSIXErrorDomain { underlying = nsError }
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    /// The text of the system error `code`.
    public static func system(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
