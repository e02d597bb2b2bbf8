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

    /// The format of an input, by extension, then by content.
    public static func format(of url: URL, data: Data) -> SourceFormat {
        format(data: data, lowercasedExtension: url.pathExtension.lowercased())
    }

    /// ``format(of:data:)`` for a file whose lowercased extension is `ext`.
    private static func format(data: Data, lowercasedExtension ext: String) -> SourceFormat {
        // Content first for Office containers: a scraped "report.txt" is often a renamed Word file.
        if let legacy = LegacyConversion.sourceFormat(of: data, lowercasedExtension: ext) { return legacy }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .docx }
        switch ext {
        case "docx", "docm", "dotx": return .docx
        case "json": return .json
        case "txt", "text": return .text
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
    static func convert(item: InputItem) throws -> Report {
        let path = item.path
        let data = try readData(item)
        guard let fileName = PathText.lastComponent(of: path) else { return try convert(contentsOf: item.url) }
        let format: SourceFormat
        if let ext = PathText.plainExtension(of: fileName) {
            format = self.format(data: data, lowercasedExtension: ext)
        } else {
            format = self.format(of: item.url, data: data)
        }
        return try convert(data: data, fileName: fileName, displayPath: path, format: format)
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

    /// Converts bytes into a validated report.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    public static func convert(data: Data, fileName: String, displayPath: String? = nil, format: SourceFormat) throws -> Report {
        try convert(data: data, fileName: fileName, displayPath: displayPath, format: format, convertingLegacy: true)
    }

    /// ``convert(data:fileName:displayPath:format:)``; with `convertingLegacy` false, DOCX bytes are
    /// read as they are (LibreOffice's own output, named after the original file).
    static func convert(data: Data, fileName: String, displayPath: String?, format: SourceFormat, convertingLegacy: Bool) throws -> Report {
        let shown = displayPath ?? fileName
        let sha256 = hexadecimal(SHA256.hash(data: data))
        var report: Report
        switch format {
        case .json:
            do {
                report = try ReportJSON.decode(data)
            } catch {
                throw ConversionError(file: shown, stage: .parse, message: String(describing: error))
            }
        case .doc, .wps, .rtf, .odt:
            return try LegacyConversion.convertAlone(data: data, fileName: fileName, shown: shown, format: format)
        case .text, .docx:
            if format == .docx, convertingLegacy, let legacy = try LegacyConversion.legacyFormat(ofDOCX: data, lowercasedExtension: PathText.plainExtension(of: fileName) ?? "", shown: shown) {
                return try LegacyConversion.convertAlone(data: data, fileName: fileName, shown: shown, format: legacy)
            }
            if format == .text, data.count > maximumTextBytes {
                throw ConversionError(file: shown, stage: .read,
                    message: "\(data.count / 1_048_576) MiB of text is more than one report (limit \(maximumTextBytes / 1_048_576) MiB); split the file")
            }
            var document: SourceDocument
            do {
                document = try read(data: data, fileName: fileName, format: format)
            } catch let error as ConversionError {
                throw ConversionError(file: shown, stage: error.stage, message: error.message)
            } catch {
                throw ConversionError(file: shown, stage: .parse, message: String(describing: error))
            }
            document.source.sha256 = sha256
            report = Recognizer.recognize(document)
            if report.diagnostics.contains(where: { $0.code == Recognizer.unrecognizedCode }) {
                throw ConversionError(file: shown, stage: .recognize,
                                      message: report.diagnostics.first { $0.code == Recognizer.unrecognizedCode }?.message ?? "not a report")
            }
        }
        Validator.validate(&report)
        return report
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

    /// Reads the block stream of a text or DOCX input.
    public static func read(data: Data, fileName: String, format: SourceFormat) throws -> SourceDocument {
        switch format {
        case .text, .json:
            return try TextReader.read(data: data, fileName: fileName)
        case .docx, .doc, .wps, .rtf, .odt:
            return try DocumentReaders.readDOCX(data: data, fileName: fileName)
        }
    }

    private static func readInput(_ url: URL) throws -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConversionError(file: path, stage: .read, message: "no such file")
        }
        if isDirectory.boolValue { throw ConversionError(file: path, stage: .read, message: "is a folder, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ConversionError(file: path, stage: .read, message: "permission denied: the file cannot be read")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > maximumInputBytes {
            throw ConversionError(file: path, stage: .read, message: "the file is \(size.intValue / 1_048_576) MiB, over the \(maximumInputBytes / 1_048_576) MiB limit for one report")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ConversionError(file: path, stage: .read, message: "cannot be read: \(error.localizedDescription)")
        }
    }
}
