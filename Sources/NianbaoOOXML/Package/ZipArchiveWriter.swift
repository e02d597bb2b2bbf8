import Foundation
import CNianbaoZip

/// Builds a ZIP archive in memory with libzip: entries deflated (or stored), every entry stamped
/// with the same fixed DOS time, entries stored in the order added. Same inputs, same bytes. The
/// one owner of libzip's write side: the DOCX writer and ``ZipArchiveBuilder`` both go through it.
///
/// Owns two libzip handles: the archive and (one reference to) the in-memory buffer source the
/// archive writes into. Both are released in `deinit`, whatever happened. Not `Sendable`: create,
/// fill and finish it inside one function.
final class ZipArchiveWriter {
    /// How an entry's bytes are stored.
    enum Compression: Sendable, Hashable {
        /// Deflate at the given level (1 fastest … 9 smallest).
        case deflate(level: Int)
        /// No compression.
        case store
    }

    /// DOS date and time (local-time-free: computed from UTC) stamped on every entry.
    struct DOSTimestamp: Equatable {
        var date: UInt16
        var time: UInt16

        /// The DOS stamp of `secondsSince1970` in UTC, clamped to DOS's 1980–2107 range.
        init(secondsSince1970: Int64) {
            let dosEpoch: Int64 = 315_532_800 // 1980-01-01T00:00:00Z
            let latest: Int64 = 4_354_819_198 // 2107-12-31T23:59:58Z
            let seconds = min(max(secondsSince1970, dosEpoch), latest)
            let days = seconds.floorDivided(by: 86_400)
            let secondOfDay = seconds - days * 86_400
            let (year, month, day) = Self.civil(fromDays: days)
            date = UInt16(truncatingIfNeeded: ((year - 1980) << 9) | (month << 5) | day)
            let hour = secondOfDay / 3600, minute = secondOfDay % 3600 / 60, second = secondOfDay % 60
            time = UInt16(truncatingIfNeeded: (hour << 11) | (minute << 5) | (second / 2))
        }

        /// Gregorian (year, month, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
        private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
            let z = z0 + 719_468
            let era = z.floorDivided(by: 146_097)
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
            return (year, month, day)
        }
    }

    private var archive: OpaquePointer?
    private let source: OpaquePointer
    private let timestamp: DOSTimestamp

    /// Opens an empty in-memory archive.
    init(timestamp: DOSTimestamp) throws {
        self.timestamp = timestamp
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw DOCXWriteError.zip(entry: nil, reason: String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
            // On failure the caller still owns the source.
            zip_source_free(source)
            throw DOCXWriteError.zip(entry: nil, reason: String(cString: zip_error_strerror(&error)))
        }
        // The archive now owns the source's reference; take our own so the bytes outlive zip_close.
        zip_source_keep(source)
        self.source = source
        self.archive = archive
    }

    deinit {
        if let archive { zip_discard(archive) }
        zip_source_free(source)
    }

    /// Adds `data` as entry `name`, stamped with the fixed time.
    ///
    /// The bytes are copied into a `malloc`'d buffer that libzip frees itself, because libzip
    /// reads sources lazily at `zip_close`.
    func add(_ name: String, data: Data, compression: Compression = .deflate(level: 9)) throws {
        var buffer: UnsafeMutableRawPointer?
        if !data.isEmpty {
            guard let copy = malloc(data.count) else { throw DOCXWriteError.zip(entry: name, reason: "out of memory") }
            data.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
            }
            buffer = copy
        }
        try add(name, taking: buffer, length: data.count, compression: compression)
    }

    /// Adds `count` copies of `byte` as entry `name` without building them in Swift memory first
    /// (zeros come from `calloc`, so a large test entry costs no resident memory until deflated).
    func add(_ name: String, repeating byte: UInt8, count: Int, compression: Compression) throws {
        guard count > 0 else { return try add(name, taking: nil, length: 0, compression: compression) }
        let buffer = byte == 0 ? calloc(count, 1) : malloc(count)
        guard let buffer else { throw DOCXWriteError.zip(entry: name, reason: "out of memory") }
        if byte != 0 { memset(buffer, Int32(byte), count) }
        try add(name, taking: buffer, length: count, compression: compression)
    }

    /// Adds an entry whose bytes are a `malloc`'d `buffer` (or nil when empty) that libzip frees.
    private func add(_ name: String, taking buffer: UnsafeMutableRawPointer?, length: Int, compression: Compression) throws {
        guard let archive else {
            free(buffer)
            throw DOCXWriteError.zip(entry: name, reason: "the archive is already closed")
        }
        guard let entrySource = zip_source_buffer(archive, buffer, UInt64(length), buffer == nil ? 0 : 1) else {
            free(buffer)
            throw DOCXWriteError.zip(entry: name, reason: String(cString: zip_strerror(archive)))
        }
        let index = zip_file_add(archive, name, entrySource, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
        guard index >= 0 else {
            zip_source_free(entrySource) // not taken by the archive on failure
            throw DOCXWriteError.zip(entry: name, reason: String(cString: zip_strerror(archive)))
        }
        let entry = UInt64(index)
        let status = switch compression {
        case .deflate(let level): zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, zip_uint32_t(max(1, min(9, level))))
        case .store: zip_set_file_compression(archive, entry, ZIP_CM_STORE, 0)
        }
        guard status == 0 else {
            throw DOCXWriteError.zip(entry: name, reason: String(cString: zip_strerror(archive)))
        }
        guard zip_file_set_dostime(archive, entry, timestamp.time, timestamp.date, 0) == 0 else {
            throw DOCXWriteError.zip(entry: name, reason: String(cString: zip_strerror(archive)))
        }
    }

    /// Writes the archive (libzip compresses every entry now) and returns its bytes.
    func finish() throws -> Data {
        guard let archive else { throw DOCXWriteError.zip(entry: nil, reason: "the archive is already closed") }
        guard zip_close(archive) == 0 else {
            // The archive is left open on failure; deinit discards it.
            throw DOCXWriteError.zip(entry: nil, reason: String(cString: zip_strerror(archive)))
        }
        self.archive = nil
        return try readSource()
    }

    private func readSource() throws -> Data {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, stat.valid & UInt64(ZIP_STAT_SIZE) != 0 else {
            throw DOCXWriteError.zip(entry: nil, reason: sourceError())
        }
        guard zip_source_open(source) == 0 else {
            throw DOCXWriteError.zip(entry: nil, reason: sourceError())
        }
        defer { zip_source_close(source) }
        let expected = Int(stat.size)
        var data = Data(count: expected)
        var total = 0
        let failed = data.withUnsafeMutableBytes { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            while total < expected {
                let read = zip_source_read(source, base + total, UInt64(expected - total))
                if read < 0 { return true }
                if read == 0 { break }
                total += Int(read)
            }
            return false
        }
        guard !failed, total == expected else {
            throw DOCXWriteError.zip(entry: nil, reason: "read \(total) of \(expected) archive bytes: \(sourceError())")
        }
        return data
    }

    private func sourceError() -> String {
        String(cString: zip_error_strerror(zip_source_error(source)))
    }
}

private extension Int64 {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
