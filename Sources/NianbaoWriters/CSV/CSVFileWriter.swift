public import Foundation
public import NianbaoModel

/// Errors from ``CSVFileWriter``: those of the ``StreamingFile`` underneath.
public typealias CSVFileWriterError = StreamingFileError

/// Writes a CSV file row by row, atomically, through a ``StreamingFile`` (temporary file, then
/// rename; bounded memory).
///
/// Not thread-safe: use one writer from one task.
public final class CSVFileWriter {
    /// The file that ``finish()`` produces.
    public var destination: URL { file.destination }
    /// Records appended so far (header included).
    public private(set) var recordCount = 0

    private let file: StreamingFile

    /// Opens a temporary file next to `url`, writes the byte-order mark when asked and `header`
    /// when given.
    public init(url: URL, byteOrderMark: Bool = false, header: [String]? = nil) throws {
        file = try StreamingFile(url: url)
        if byteOrderMark { try file.append { $0.append(contentsOf: CSVWriter.byteOrderMark) } }
        if let header { try append(header) }
    }

    /// Opens a writer for `shape` with that shape's header already written.
    public convenience init(url: URL, shape: CSVShape, byteOrderMark: Bool = false) throws {
        try self.init(url: url, byteOrderMark: byteOrderMark, header: CSVWriter.header(shape))
    }

    /// Appends one record.
    public func append(_ row: [String]) throws {
        try file.append { CSVWriter.append(row: row, to: &$0) }
        recordCount += 1
    }

    /// Appends several records.
    public func append(contentsOf rows: [[String]]) throws {
        for row in rows { try append(row) }
    }

    /// Appends the rows of `report` in `shape` (one for wide, one per value for long).
    public func append(_ report: Report, shape: CSVShape) throws {
        try append(contentsOf: CSVWriter.rows(report, shape: shape))
    }

    /// Flushes, syncs and renames the file onto the destination.
    public func finish() throws { try file.finish() }

    /// Abandons the file: the temporary file is removed, the destination untouched.
    public func cancel() { file.cancel() }
}
