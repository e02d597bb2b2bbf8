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
    /// disk before the rename. Should the plain write fail, `Data.write(to:)` is tried so the error
    /// reported is Foundation's.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            if !writePlainly(data, toPath: temporary.path) {
                try data.write(to: temporary)
            }
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Creates (or truncates) `path` and writes `data` to it; `false` on any failure.
    private static func writePlainly(_ data: Data, toPath path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer -> Bool in
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
        return close(descriptor) == 0 && written
    }
}
