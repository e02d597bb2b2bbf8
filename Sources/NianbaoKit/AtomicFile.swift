public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    /// Writes `data` to `url`, creating parent folders; readers never see a half-written file.
    ///
    /// The temporary file is written with `open`/`write`/`close`: `Data.write(to:)` adds an
    /// `fsync` and a dozen more system calls per file, which cost more than converting a report in
    /// bulk runs. The rename still makes the file appear whole or not at all; it is not forced to
    /// disk before the rename. A failure is a ``WriteError`` with the system's reason ("No space
    /// left on device").
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let code = writePlainly(data, toPath: temporary.path)
        if code != 0 {
            unlink(temporary.path)
            throw WriteError(path: url.path, code: code)
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            unlink(temporary.path)
            throw WriteError(path: url.path, code: code)
        }
    }

    /// A file that could not be written, with the system's reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The file.
        public var path: String
        /// The `errno` value.
        public var code: Int32

        /// `cannot write PATH: reason`.
        public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to the file at `path` atomically, creating parent folders: the per-report
    /// path of bulk runs, with plain path strings and system calls only (no `URL`, no `Data` copy).
    ///
    /// The temporary file is `.<name>.<process token>-<n>.tmp` next to the destination, created
    /// exclusively. When anything goes wrong (a missing folder, a full disk), the write is retried
    /// through the `Data`/`URL` write above, which creates the folders and names the error.
    public static func write(_ bytes: [UInt8], toPath path: String) throws {
        if writeQuickly(bytes, toPath: path) { return }
        try write(Data(bytes), to: URL(fileURLWithPath: path))
    }

    /// One token per process, so temporary names of concurrent runs cannot meet.
    private static let processToken = UUID().uuidString
    private static let counter = TemporaryCounter()

    /// Numbers for temporary names, unique in this process.
    private final class TemporaryCounter: @unchecked Sendable {
        // Safety: `value` is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    /// The temporary-file-then-rename write on the fast path; `false` (and nothing left behind)
    /// when it did not work out.
    private static func writeQuickly(_ bytes: [UInt8], toPath path: String) -> Bool {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")), utf8.index(after: slash) != utf8.endIndex else { return false }
        let name = path[path.index(after: slash)...]
        let temporary = "\(path[...slash]).\(name).\(processToken)-\(counter.next()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        if close(descriptor) == 0 && written && rename(temporary, path) == 0 { return true }
        unlink(temporary)
        return false
    }

    /// Writes all of `buffer` to `descriptor`, retrying short writes and interruptions.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
            let result = Glibc.write(descriptor, base + offset, buffer.count - offset)
            #else
            let result = Darwin.write(descriptor, base + offset, buffer.count - offset)
            #endif
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Creates (or truncates) `path` and writes `data` to it; 0, or the `errno` of the failure.
    private static func writePlainly(_ data: Data, toPath path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return errno }
        let written = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        let writeError = errno
        if close(descriptor) != 0 { return errno }
        return written ? 0 : writeError
    }
}
