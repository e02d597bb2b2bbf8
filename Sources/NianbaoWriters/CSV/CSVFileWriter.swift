public import Foundation
public import NianbaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors from ``CSVFileWriter``.
public enum CSVFileWriterError: Error, CustomStringConvertible, Sendable {
    /// The temporary file next to the destination could not be created.
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or closing the temporary file failed.
    case writeFailed(path: String, reason: String)
    /// Moving the finished temporary file onto the destination failed.
    case renameFailed(from: String, to: String, reason: String)
    /// ``CSVFileWriter/append(_:)`` or ``CSVFileWriter/finish()`` after the writer finished or
    /// was cancelled.
    case closed(path: String)

    /// A one-line message naming the file.
    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): "cannot create temporary CSV file \(path): \(reason)"
        case let .writeFailed(path, reason): "cannot write CSV file \(path): \(reason)"
        case let .renameFailed(from, to, reason): "cannot move \(from) to \(to): \(reason)"
        case let .closed(path): "CSV writer for \(path) is already finished or cancelled"
        }
    }
}

/// Writes a CSV file row by row, atomically.
///
/// Rows go to a hidden temporary file in the destination's directory; ``finish()`` flushes it and
/// renames it onto the destination, so readers never see a half-written file. A writer that is
/// dropped without ``finish()`` removes its temporary file. Memory stays bounded: rows are
/// buffered up to ``flushThreshold`` bytes, so a bulk run can append 10,000 reports.
///
/// Not thread-safe: use one writer from one task.
public final class CSVFileWriter {
    /// Buffered bytes after which the buffer is written out.
    public static let flushThreshold = 1 << 16

    /// The file that ``finish()`` produces.
    public let destination: URL
    /// Records appended so far (header included).
    public private(set) var recordCount = 0

    private let temporary: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

    /// Opens a temporary file next to `url`, writes the byte-order mark when asked and `header`
    /// when given.
    public init(url: URL, byteOrderMark: Bool = false, header: [String]? = nil) throws {
        destination = url
        let directory = url.deletingLastPathComponent()
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CSVFileWriterError.cannotCreate(path: temporary.path, reason: "the directory may not exist or be writable")
        }
        do {
            handle = try FileHandle(forWritingTo: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CSVFileWriterError.cannotCreate(path: temporary.path, reason: "\(error)")
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if byteOrderMark { buffer.append(contentsOf: CSVWriter.byteOrderMark) }
        if let header { try append(header) }
    }

    /// Opens a writer for `shape` with that shape's header already written.
    public convenience init(url: URL, shape: CSVShape, byteOrderMark: Bool = false) throws {
        try self.init(url: url, byteOrderMark: byteOrderMark, header: CSVWriter.header(shape))
    }

    deinit {
        if handle != nil { discard() }
    }

    /// Appends one record.
    public func append(_ row: [String]) throws {
        guard handle != nil else { throw CSVFileWriterError.closed(path: destination.path) }
        CSVWriter.append(row: row, to: &buffer)
        recordCount += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends several records.
    public func append(contentsOf rows: [[String]]) throws {
        for row in rows { try append(row) }
    }

    /// Appends the rows of `report` in `shape` (one for wide, one per value for long).
    public func append(_ report: Report, shape: CSVShape) throws {
        try append(contentsOf: CSVWriter.rows(report, shape: shape))
    }

    /// Writes out what is buffered, syncs and closes the temporary file and renames it onto the
    /// destination (replacing any file there).
    public func finish() throws {
        guard let handle else { throw CSVFileWriterError.closed(path: destination.path) }
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch let error as CSVFileWriterError {
            discard()
            throw error
        } catch {
            discard()
            throw CSVFileWriterError.writeFailed(path: temporary.path, reason: "\(error)")
        }
        self.handle = nil
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CSVFileWriterError.renameFailed(from: temporary.path, to: destination.path, reason: reason)
        }
    }

    /// Abandons the file: closes and removes the temporary file; the destination is untouched.
    public func cancel() {
        discard()
    }

    private func flush() throws {
        guard !buffer.isEmpty, let handle else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw CSVFileWriterError.writeFailed(path: temporary.path, reason: "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func discard() {
        try? handle?.close()
        handle = nil
        buffer.removeAll()
        try? FileManager.default.removeItem(at: temporary)
    }
}
