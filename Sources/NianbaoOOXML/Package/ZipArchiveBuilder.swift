public import Foundation
import CNianbaoZip

/// Builds a zip archive in memory through libzip, for tests and tools that need small DOCX
/// packages. Entries are deflated (or stored) and written with a fixed modification time, so the
/// same entries give the same bytes.
///
/// ```swift
/// var builder = ZipArchiveBuilder()
/// builder.addEntry("word/document.xml", contents: Data(xml.utf8))
/// let bytes = try builder.build()
/// ```
public struct ZipArchiveBuilder: Sendable {
    /// How an entry's bytes are stored.
    public enum Compression: Sendable, Hashable {
        /// Deflate at the given level (1 fastest … 9 smallest).
        case deflate(level: Int)
        /// No compression.
        case store
    }

    private enum Contents: Sendable {
        case bytes(Data)
        case repeated(UInt8, count: Int)
    }

    private struct Entry: Sendable {
        var name: String
        var contents: Contents
        var compression: Compression
    }

    private var entries: [Entry] = []

    /// Creates an empty builder.
    public init() {}

    /// Adds an entry with the given bytes. The name is stored as given (use `/` separators; tests
    /// may pass `\` or odd case on purpose).
    public mutating func addEntry(_ name: String, contents: Data, compression: Compression = .deflate(level: 6)) {
        entries.append(Entry(name: name, contents: .bytes(contents), compression: compression))
    }

    /// Adds an entry holding UTF-8 text.
    public mutating func addEntry(_ name: String, text: String, compression: Compression = .deflate(level: 6)) {
        addEntry(name, contents: Data(text.utf8), compression: compression)
    }

    /// Adds an entry of `count` copies of `byte` without materialising it in Swift memory first
    /// (zero bytes come from `calloc`, so a large zip-bomb test entry costs no resident memory).
    public mutating func addEntry(_ name: String, repeating byte: UInt8, count: Int, compression: Compression = .deflate(level: 1)) {
        entries.append(Entry(name: name, contents: .repeated(byte, count: count), compression: compression))
    }

    /// Writes the archive and returns its bytes.
    public func build() throws -> Data {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw OOXMLError(.io, file: "(in-memory zip)", part: nil, problem: "cannot create a zip source: \(ZipArchive.message(&error))")
        }
        // Keep the source past zip_close so its bytes can be read back.
        zip_source_keep(source)
        defer { zip_source_free(source) }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            // The open failed: we still own the source (two references after zip_source_keep);
            // drop one here, the deferred free drops the other.
            zip_source_free(source)
            throw OOXMLError(.io, file: "(in-memory zip)", part: nil, problem: "cannot open a zip for writing: \(ZipArchive.message(&error))")
        }
        var closed = false
        defer { if !closed { zip_discard(archive) } }

        for entry in entries {
            let bytes: UnsafeMutableRawPointer?
            let length: Int
            switch entry.contents {
            case .bytes(let data):
                length = data.count
                bytes = malloc(max(length, 1))
                if let bytes {
                    data.withUnsafeBytes { raw in
                        if let base = raw.baseAddress { memcpy(bytes, base, length) }
                    }
                }
            case .repeated(let byte, let count):
                length = count
                if byte == 0 {
                    bytes = calloc(max(count, 1), 1)
                } else {
                    bytes = malloc(max(count, 1))
                    if let bytes { memset(bytes, Int32(byte), count) }
                }
            }
            guard let bytes else {
                throw OOXMLError(.io, file: "(in-memory zip)", part: entry.name, problem: "out of memory")
            }
            // freep = 1: the entry source frees the buffer once libzip is done with it.
            guard let entrySource = zip_source_buffer(archive, bytes, zip_uint64_t(length), 1) else {
                free(bytes)
                throw OOXMLError(.io, file: "(in-memory zip)", part: entry.name,
                                 problem: "cannot create an entry source: \(ZipArchive.message(zip_get_error(archive)))")
            }
            let index = zip_file_add(archive, entry.name, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
            if index < 0 {
                zip_source_free(entrySource)
                throw OOXMLError(.io, file: "(in-memory zip)", part: entry.name,
                                 problem: "cannot add the entry: \(ZipArchive.message(zip_get_error(archive)))")
            }
            switch entry.compression {
            case .deflate(let level):
                zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, zip_uint32_t(max(1, min(9, level))))
            case .store:
                zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0)
            }
            // 1980-01-01 would be the DOS epoch; use a fixed, valid time for reproducible bytes.
            zip_file_set_mtime(archive, zip_uint64_t(index), 315_532_800 + 86_400, 0)
        }
        if zip_close(archive) < 0 {
            throw OOXMLError(.io, file: "(in-memory zip)", part: nil,
                             problem: "cannot write the zip: \(ZipArchive.message(zip_get_error(archive)))")
        }
        closed = true

        guard zip_source_open(source) == 0 else {
            throw OOXMLError(.io, file: "(in-memory zip)", part: nil, problem: "cannot reopen the written zip")
        }
        defer { zip_source_close(source) }
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = chunk.withUnsafeMutableBytes { raw -> Int64 in
                guard let base = raw.baseAddress else { return -1 }
                return zip_source_read(source, base, zip_uint64_t(raw.count))
            }
            if got < 0 {
                throw OOXMLError(.io, file: "(in-memory zip)", part: nil, problem: "cannot read the written zip back")
            }
            if got == 0 { break }
            result.append(contentsOf: chunk[0..<Int(got)])
        }
        return result
    }
}
