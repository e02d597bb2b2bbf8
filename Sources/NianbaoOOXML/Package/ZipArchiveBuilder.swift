public import Foundation

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

    /// Writes the archive (through ``ZipArchiveWriter``, the one libzip write wrapper) and returns
    /// its bytes. Entries carry a fixed time (1980-01-02), so the same entries give the same bytes.
    public func build() throws -> Data {
        let writer = try ZipArchiveWriter(timestamp: .init(secondsSince1970: 315_532_800 + 86_400))
        for entry in entries {
            switch entry.contents {
            case .bytes(let data): try writer.add(entry.name, data: data, compression: entry.compression.writerCompression)
            case .repeated(let byte, let count):
                try writer.add(entry.name, repeating: byte, count: count, compression: entry.compression.writerCompression)
            }
        }
        return try writer.finish()
    }
}

extension ZipArchiveBuilder.Compression {
    fileprivate var writerCompression: ZipArchiveWriter.Compression {
        switch self {
        case .deflate(let level): .deflate(level: level)
        case .store: .store
        }
    }
}
