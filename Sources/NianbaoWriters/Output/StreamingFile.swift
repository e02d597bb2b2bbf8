public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors from ``StreamingFile`` (and the writers built on it).
public enum StreamingFileError: Error, CustomStringConvertible, Sendable {
    /// The temporary file next to the destination could not be created.
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or closing the temporary file failed.
    case writeFailed(path: String, reason: String)
    /// Moving the finished temporary file onto the destination failed.
    case renameFailed(from: String, to: String, reason: String)
    /// An append or ``StreamingFile/finish()`` after the file was finished or cancelled.
    case closed(path: String)

    /// A one-line message naming the file.
    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): "cannot create temporary file \(path): \(reason)"
        case let .writeFailed(path, reason): "cannot write \(path): \(reason)"
        case let .renameFailed(from, to, reason): "cannot move \(from) to \(to): \(reason)"
        case let .closed(path): "the writer for \(path) is already finished or cancelled"
        }
    }
}

/// The system's reason for a Foundation file error ("No space left on device"), else its description.
private func systemReason(_ error: any Error) -> String {
    let nsError = error as NSError
    let posix = nsError.domain == NSPOSIXErrorDomain ? nsError : nsError.userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
    return nsError.localizedDescription
}

/// An output file written piece by piece, atomically.
///
/// Bytes go to a hidden temporary file in the destination's directory; ``finish()`` flushes it and
/// renames it onto the destination, so readers never see a half-written file. A file that is
/// dropped without ``finish()`` removes its temporary file. Memory stays bounded: bytes are
/// buffered up to ``flushThreshold``, so a bulk run can append 10,000 reports.
///
/// Not thread-safe: use one writer from one task.
public final class StreamingFile {
    /// Buffered bytes after which the buffer is written out.
    public static let flushThreshold = 1 << 16

    /// The file that ``finish()`` produces.
    public let destination: URL

    private let temporary: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

    /// Opens a temporary file next to `url`.
    public init(url: URL) throws {
        destination = url
        let directory = url.deletingLastPathComponent()
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw StreamingFileError.cannotCreate(path: temporary.path, reason: "the directory may not exist or be writable")
        }
        do {
            handle = try FileHandle(forWritingTo: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StreamingFileError.cannotCreate(path: temporary.path, reason: systemReason(error))
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    deinit {
        if handle != nil { discard() }
    }

    /// Appends bytes through `write`, which adds them to the buffer.
    public func append(_ write: (inout [UInt8]) -> Void) throws {
        guard handle != nil else { throw StreamingFileError.closed(path: destination.path) }
        write(&buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func append(_ text: String) throws {
        try append { $0.append(contentsOf: text.utf8) }
    }

    /// Writes out what is buffered, syncs and closes the temporary file and renames it onto the
    /// destination (replacing any file there).
    public func finish() throws {
        guard let handle else { throw StreamingFileError.closed(path: destination.path) }
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch let error as StreamingFileError {
            discard()
            throw error
        } catch {
            discard()
            throw StreamingFileError.writeFailed(path: temporary.path, reason: systemReason(error))
        }
        self.handle = nil
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw StreamingFileError.renameFailed(from: temporary.path, to: destination.path, reason: reason)
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
            throw StreamingFileError.writeFailed(path: temporary.path, reason: systemReason(error))
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
