/// An error reading an HTML page, naming the file and the problem. Its `description` is one line,
/// fit for a CLI message.
public struct HTMLReadError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, for callers that branch on it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file has no bytes, or only white space; or the page shows almost no text (its content is loaded by scripts).
        case empty
        /// The bytes are not an HTML page (binary data, a PDF, an image, a zip).
        case notHTML
        /// The page's bytes are in no encoding that can be detected or that it declares.
        case undecodable
        /// The page is over a size limit.
        case overLimit
        /// The page holds no report: it only links to one (an attachment or a frame).
        case linksOnly
        /// libxml2 could not parse the page.
        case parser
    }

    /// What went wrong.
    public var kind: Kind
    /// The input file's name.
    public var file: String
    /// The problem, in words.
    public var problem: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, problem: String) {
        self.kind = kind
        self.file = file
        self.problem = problem
    }

    /// `report.html: <problem>` on one line.
    public var description: String {
        file + ": " + problem.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
