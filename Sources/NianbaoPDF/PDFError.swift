/// Why a PDF could not be read: names the file and the problem in one line.
public struct PDFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, for callers that sort errors.
    public enum Kind: String, Sendable, Hashable {
        /// `pdftotext` (poppler-utils) is not installed.
        case popplerMissing
        /// The bytes are not a PDF (empty, HTML, another format).
        case notPDF
        /// The file ends early (no `%%EOF`) or Poppler cannot parse it.
        case damaged
        /// Encrypted with a password Poppler does not have, or text copying forbidden.
        case encrypted
        /// Pages without a text layer: a scan.
        case scanned
        /// Text whose glyphs map to no Unicode (garbage instead of Chinese).
        case unmappedGlyphs
        /// More pages, output or time than one report can need.
        case tooLarge
        /// Running `pdftotext` or reading its output failed.
        case tool
    }

    /// The kind of failure.
    public var kind: Kind
    /// The input's file name.
    public var file: String
    /// What is wrong, in one line.
    public var problem: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, problem: String) {
        self.kind = kind
        self.file = file
        self.problem = problem
    }

    /// `file: problem`.
    public var description: String { "\(file): \(problem)" }
}
