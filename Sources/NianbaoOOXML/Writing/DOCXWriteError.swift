/// Why writing a DOCX failed.
public enum DOCXWriteError: Error, CustomStringConvertible, Sendable {
    /// libxml2's `xmlTextWriter` refused an operation while building `part`.
    case xml(part: String, reason: String)
    /// libzip failed while assembling the package.
    case zip(entry: String?, reason: String)
    /// The finished package could not be written to `path`.
    case io(path: String, reason: String)

    /// A one-line message naming the part, entry or file.
    public var description: String {
        switch self {
        case let .xml(part, reason): "cannot write XML part \(part): \(reason)"
        case let .zip(entry?, reason): "cannot add \(entry) to the DOCX package: \(reason)"
        case let .zip(nil, reason): "cannot build the DOCX package: \(reason)"
        case let .io(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
