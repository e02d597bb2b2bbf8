/// The kind of input a report was read from.
public enum SourceFormat: String, Sendable, Hashable, CaseIterable {
    /// Extracted or scraped plain text.
    case text
    /// An Office Open XML word-processing document.
    case docx
    /// An HTML page (`.html`, `.htm`, `.shtml`, `.xhtml`), as sites publish reports.
    case html
    /// A PDF with a text layer, read through Poppler's `pdftotext -bbox-layout`.
    case pdf
    /// nianbao's own JSON output, read back.
    case json
    /// A Word 97–2003 binary document, read through LibreOffice (``SourceInfo/convertedBy``).
    case doc
    /// A WPS Office (Kingsoft) or Microsoft Works document, read through LibreOffice.
    case wps
    /// A Rich Text Format document, read through LibreOffice.
    case rtf
    /// An OpenDocument text document, read through LibreOffice.
    case odt
}

/// What is known about an input file.
public struct SourceInfo: Sendable, Hashable {
    /// The file's name (last path component), as given in the JSON contract's `source.file`.
    public var file: String
    /// The input format.
    public var format: SourceFormat
    /// Hex SHA-256 of the input bytes (filled by the pipeline; readers leave it empty).
    public var sha256: String
    /// The detected text encoding (`"UTF-8"`, `"UTF-16LE"`, `"GB18030"`, …), or `nil` for
    /// formats that carry their own.
    public var encoding: String?
    /// The program that converted the input to DOCX before it was read (`"LibreOffice 7.4.7.2"`),
    /// or `nil` when nianbao read the input itself. Written as `source.converted_by`, only when set.
    public var convertedBy: String?

    /// Creates source information.
    public init(file: String, format: SourceFormat, sha256: String, encoding: String? = nil, convertedBy: String? = nil) {
        self.file = file
        self.format = format
        self.sha256 = sha256
        self.encoding = encoding
        self.convertedBy = convertedBy
    }
}

/// A reader's result: the neutral block stream plus what the reader noticed.
public struct SourceDocument: Sendable, Hashable {
    /// About the input.
    public var source: SourceInfo
    /// Paragraphs and tables in reading order.
    public var blocks: [Block]
    /// Reader-level observations (lossy decoding, tracked changes, skipped artifacts, …).
    public var diagnostics: [Diagnostic]

    /// Creates a document.
    public init(source: SourceInfo, blocks: [Block], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.blocks = blocks
        self.diagnostics = diagnostics
    }
}
