/// The kind of input a report was read from.
public enum SourceFormat: String, Sendable, Hashable, CaseIterable {
    /// Extracted or scraped plain text.
    case text
    /// An Office Open XML word-processing document.
    case docx
    /// A PDF with a text layer, read through Poppler's `pdftotext -bbox-layout`.
    case pdf
    /// nianbao's own JSON output, read back.
    case json
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

    /// Creates source information.
    public init(file: String, format: SourceFormat, sha256: String, encoding: String? = nil) {
        self.file = file
        self.format = format
        self.sha256 = sha256
        self.encoding = encoding
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
