/// An error reading an Office Open XML package, naming the file, the part and the problem (and
/// the line and column for XML errors). Its `description` is one line, fit for a CLI message.
public struct OOXMLError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, for callers that branch on it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The bytes are not a zip archive at all.
        case notZip
        /// A zip archive that is truncated or corrupt (missing directory, bad CRC, short data).
        case corruptArchive
        /// A zip archive without a WordprocessingML main document part.
        case notDOCX
        /// An OLE compound file: a legacy binary `.doc`, or an encrypted (password-protected) OOXML file.
        case compoundFile
        /// A PDF file (renamed to `.docx`).
        case pdf
        /// An encrypted zip entry or an unsupported compression method.
        case unsupported
        /// A part or the archive is over a size or count limit (including zip bombs).
        case overLimit
        /// A part is not well-formed XML.
        case malformedXML
        /// A part contains a DOCTYPE or an entity, which Word never writes and which is refused.
        case forbiddenMarkup
        /// The file cannot be read from disk.
        case io
    }

    /// What went wrong.
    public var kind: Kind
    /// The input file's name.
    public var file: String
    /// The part (zip entry) concerned, if any.
    public var part: String?
    /// 1-based line in the part, for XML errors.
    public var line: Int?
    /// 1-based column in the part, for XML errors, when known.
    public var column: Int?
    /// The problem, in words.
    public var problem: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, part: String? = nil, line: Int? = nil, column: Int? = nil, problem: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `report.docx: word/document.xml, line 3, column 7: <problem>` on one line.
    public var description: String {
        var text = file
        if let part { text += ": \(part)" }
        if let line {
            text += ", line \(line)"
            if let column, column > 0 { text += ", column \(column)" }
        }
        let oneLine = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        return text + ": " + oneLine
    }
}
