public import Foundation
public import NianbaoModel

/// Reads WordprocessingML (`.docx`) files into nianbao's neutral block stream.
///
/// The package is opened read-only through libzip and every part is streamed through libxml2's
/// SAX2 push parser in 16 KiB chunks (`XMLStreamReader`), so memory stays flat whatever the size
/// of `document.xml`. Part sizes, the entry count and inflated byte counts are capped (zip bombs
/// are refused), DOCTYPEs and entities are refused, and every failure is an `OOXMLError` that
/// names the file, part and problem.
///
/// Handled: runs split any way, `w:tab`/`w:br`/`w:cr`/`w:sym`/hyphens, content controls and other
/// wrappers at every level (placeholder text dropped), tracked changes read as accepted (with a
/// diagnostic), `mc:AlternateContent` (one branch), simple and complex fields (results kept, TOC
/// and PAGEREF results dropped), list numbers rendered from `numbering.xml` (Chinese formats
/// included), heading levels from styles and outline levels, tables with `w:gridSpan`,
/// `w:vMerge`, `w:gridBefore`/`w:gridAfter`, deleted rows and cells; nested tables are flattened
/// into their cell's text; text boxes are emitted after the paragraph that anchors them; empty
/// paragraphs are dropped. Headers, footers, footnotes and comments are not read.
public enum DOCXReader {
    /// Size and count limits applied while reading.
    public struct Limits: Sendable, Hashable {
        /// The largest inflated `document.xml` accepted, in bytes.
        public var mainPartBytes: Int
        /// The largest inflated auxiliary part (`.rels`, `styles.xml`, `numbering.xml`), in bytes.
        public var auxiliaryPartBytes: Int
        /// The most zip entries accepted.
        public var maxEntries: Int
        /// The most paragraphs (`w:p`, table cells' included) accepted: memory grows with
        /// paragraphs, and a 1 MB package can hold millions of one-character ones. A report has
        /// a few thousand; the 20 MiB benchmark document 134,000. (The pipeline sets its own.)
        public var maxParagraphs: Int

        /// Creates limits; the defaults fit any real report with a wide margin.
        public init(mainPartBytes: Int = 256 << 20, auxiliaryPartBytes: Int = 16 << 20, maxEntries: Int = 10_000,
                    maxParagraphs: Int = 200_000) {
            self.mainPartBytes = mainPartBytes
            self.auxiliaryPartBytes = auxiliaryPartBytes
            self.maxEntries = maxEntries
            self.maxParagraphs = maxParagraphs
        }
    }

    /// Reads a `.docx` file into the neutral block stream; `source.format` is `.docx`; `sha256` is left
    /// empty for the pipeline to fill (it hashes the input bytes once, for every format).
    /// is of the file's bytes, `encoding` is nil.
    public static func read(contentsOf url: URL) throws -> SourceDocument {
        try read(contentsOf: url, limits: Limits())
    }

    /// Reads a `.docx` file with explicit limits.
    public static func read(contentsOf url: URL, limits: Limits) throws -> SourceDocument {
        let fileName = url.lastPathComponent
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw OOXMLError(.io, file: fileName, problem: "cannot open the file: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let head: Data
        do {
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw OOXMLError(.io, file: fileName, problem: "cannot read the file: \(error.localizedDescription)")
        }
        try checkSignature(head, fileName: fileName)
        let archive = try ZipArchive(path: url.path, displayName: fileName, limits: ZipLimits(maxEntries: limits.maxEntries))
        return try read(archive: archive, source: SourceInfo(file: fileName, format: .docx, sha256: ""), limits: limits)
    }

    /// Reads a `.docx` held in memory; `fileName` goes into `source.file`.
    public static func read(data: Data, fileName: String) throws -> SourceDocument {
        try read(data: data, fileName: fileName, limits: Limits())
    }

    /// Reads a `.docx` held in memory with explicit limits.
    public static func read(data: Data, fileName: String, limits: Limits) throws -> SourceDocument {
        try checkSignature(data.prefix(8), fileName: fileName)
        let archive = try ZipArchive(data: data, displayName: fileName, limits: ZipLimits(maxEntries: limits.maxEntries))
        return try read(archive: archive, source: SourceInfo(file: fileName, format: .docx, sha256: ""), limits: limits)
    }

    /// Refuses inputs that are recognisably not a zip, with a message saying what they are.
    static func checkSignature(_ head: Data, fileName: String) throws {
        let bytes = [UInt8](head)
        if bytes.isEmpty {
            throw OOXMLError(.notZip, file: fileName, problem: "the file is empty, not a DOCX (zip) package")
        }
        if bytes.starts(with: [0x50, 0x4B]) { return }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw OOXMLError(.compoundFile, file: fileName, problem:
                "this is an OLE compound file, not a zip: either a legacy binary Word .doc (convert it with `soffice --headless --convert-to docx`) or a password-protected (encrypted) OOXML file, which must be decrypted first")
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw OOXMLError(.pdf, file: fileName, problem: "this is a PDF file, not a DOCX; extract its text and use the text reader instead")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            throw OOXMLError(.notZip, file: fileName, problem: "this is an RTF file, not a DOCX; convert it with `soffice --headless --convert-to docx`")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<") || bytes.starts(with: [0xEF, 0xBB, 0xBF, 0x3C]) {
            throw OOXMLError(.notZip, file: fileName, problem: "this is an XML or HTML text file, not a DOCX (zip) package")
        }
        let hex = bytes.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
        throw OOXMLError(.notZip, file: fileName, problem: "not a zip archive (starts with \(hex)), so not a DOCX package")
    }

    private static func read(archive: ZipArchive, source: SourceInfo, limits: Limits) throws -> SourceDocument {
        var diagnostics: [Diagnostic] = []
        let file = archive.displayName

        // 1. The main part, through the package relationships.
        let packageRelationships = try Relationships.read(for: "", in: archive, cap: limits.auxiliaryPartBytes)
        var mainPart: String
        if let office = packageRelationships.first(where: { $0.hasType("officeDocument") && !$0.isExternal }) {
            mainPart = office.target
        } else if archive.entry(named: "word/document.xml") != nil {
            mainPart = "word/document.xml"
            diagnostics.append(Diagnostic(.warning, code: "docx.package.no_office_document_relationship",
                                          message: "_rels/.rels names no officeDocument part; read word/document.xml"))
        } else {
            let what = archive.entry(named: "_rels/.rels") == nil
                ? "it has no _rels/.rels and no word/document.xml"
                : "_rels/.rels names no officeDocument part"
            throw OOXMLError(.notDOCX, file: file, problem: "a zip archive but not a DOCX package: \(what)")
        }
        guard let mainEntry = archive.entry(named: mainPart) else {
            throw OOXMLError(.notDOCX, file: file, part: mainPart, problem: "the main document part named in _rels/.rels is missing from the archive")
        }
        mainPart = mainEntry.name

        // 2. Styles and numbering, through the main part's relationships.
        let partRelationships = try Relationships.read(for: mainPart, in: archive, cap: limits.auxiliaryPartBytes)
        var styles = StyleSheet()
        if let relationship = partRelationships.first(where: { $0.hasType("styles") && !$0.isExternal }) {
            if let entry = archive.entry(named: relationship.target) {
                let reader = try XMLStreamReader(stream: archive.open(entry, cap: limits.auxiliaryPartBytes), file: file, part: entry.name)
                styles = try StyleSheet.read(reader)
            } else {
                diagnostics.append(Diagnostic(.warning, code: "docx.package.missing_part",
                                              message: "the styles part \(relationship.target) is missing; heading levels come from outline levels only"))
            }
        }
        var numbering = NumberingDefinitions()
        if let relationship = partRelationships.first(where: { $0.hasType("numbering") && !$0.isExternal }) {
            if let entry = archive.entry(named: relationship.target) {
                let reader = try XMLStreamReader(stream: archive.open(entry, cap: limits.auxiliaryPartBytes), file: file, part: entry.name)
                numbering = try NumberingDefinitions.read(reader)
            } else {
                diagnostics.append(Diagnostic(.warning, code: "docx.package.missing_part",
                                              message: "the numbering part \(relationship.target) is missing; list numbers are not rendered"))
            }
        }

        // 3. The body, streamed.
        let reader = try XMLStreamReader(stream: archive.open(mainEntry, cap: limits.mainPartBytes), file: file, part: mainPart)
        var walker = BodyWalker(reader: reader, styles: styles, numbering: numbering, maxParagraphs: limits.maxParagraphs)
        let blocks = try walker.run()
        diagnostics.append(contentsOf: walker.diagnostics)
        return SourceDocument(source: source, blocks: blocks, diagnostics: diagnostics.sortedBySeverity())
    }
}
