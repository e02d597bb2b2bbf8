import Foundation
import CNianbaoZip

/// Caps applied while reading an archive. libzip does not enforce declared sizes, so every byte
/// count is checked here, in the `zip_fread` loop.
struct ZipLimits: Sendable {
    /// At most this many entries in the central directory.
    var maxEntries: Int = 10_000
}

/// What the central directory says about one entry.
struct ZipEntryInfo: Sendable, Hashable {
    /// The entry's name as stored.
    var name: String
    /// Index in the archive.
    var index: UInt64
    /// Declared uncompressed size (untrusted).
    var declaredSize: UInt64
    /// Declared compressed size.
    var compressedSize: UInt64
    /// The compression method (`ZIP_CM_*`).
    var compressionMethod: Int32
    /// The encryption method (`ZIP_EM_*`), 0 when not encrypted.
    var encryptionMethod: UInt16
}

/// A read-only zip archive, the single owner of its `zip_t` handle. Not `Sendable`: use it from
/// one task and let it go.
final class ZipArchive {
    private let handle: OpaquePointer
    /// The archive's display name for messages (the file name).
    let displayName: String
    /// The entries, in central-directory order.
    let entries: [ZipEntryInfo]
    /// Lower-cased, `\`→`/` normalised, leading-`/`-free name → entry index.
    private let lookup: [String: Int]

    /// Opens an archive on disk read-only.
    convenience init(path: String, displayName: String, limits: ZipLimits = ZipLimits()) throws {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            let (kind, problem) = ZipArchive.openProblem(code)
            throw OOXMLError(kind, file: displayName, part: nil, problem: problem)
        }
        try self.init(handle: handle, displayName: displayName, limits: limits)
    }

    /// Opens an archive held in memory read-only. The bytes are copied into a buffer the archive
    /// owns, so `data` need not outlive the archive.
    convenience init(data: Data, displayName: String, limits: ZipLimits = ZipLimits()) throws {
        let count = data.count
        guard let buffer = malloc(max(count, 1)) else {
            throw OOXMLError(.io, file: displayName, part: nil, problem: "out of memory copying \(count) bytes")
        }
        data.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(buffer, base, count) }
        }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // freep = 1: on success the source frees the buffer.
        guard let source = zip_source_buffer_create(buffer, zip_uint64_t(count), 1, &error) else {
            free(buffer)
            throw OOXMLError(.io, file: displayName, part: nil, problem: "cannot create a zip source: \(ZipArchive.message(&error))")
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            // On failure the caller still owns the source.
            let code = zip_error_code_zip(&error)
            zip_source_free(source)
            let (kind, problem) = ZipArchive.openProblem(code)
            throw OOXMLError(kind, file: displayName, part: nil, problem: problem)
        }
        try self.init(handle: handle, displayName: displayName, limits: limits)
    }

    private init(handle: OpaquePointer, displayName: String, limits: ZipLimits) throws {
        self.displayName = displayName
        let count = zip_get_num_entries(handle, 0)
        guard count >= 0, count <= Int64(limits.maxEntries) else {
            zip_discard(handle)
            throw OOXMLError(.overLimit, file: displayName, part: nil,
                             problem: "the archive has \(count) entries, more than the limit of \(limits.maxEntries)")
        }
        var entries: [ZipEntryInfo] = []
        var lookup: [String: Int] = [:]
        entries.reserveCapacity(Int(count))
        for index in 0..<UInt64(count) {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(handle, index, 0, &st) == 0, let cName = st.name else { continue }
            let name = String(cString: cName)
            let info = ZipEntryInfo(
                name: name, index: index,
                declaredSize: st.valid & UInt64(ZIP_STAT_SIZE) != 0 ? st.size : 0,
                compressedSize: st.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0,
                compressionMethod: Int32(st.comp_method),
                encryptionMethod: st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0 ? st.encryption_method : 0)
            let key = ZipArchive.normalizedKey(name)
            if lookup[key] == nil { lookup[key] = entries.count }
            entries.append(info)
        }
        self.handle = handle
        self.entries = entries
        self.lookup = lookup
    }

    deinit {
        zip_discard(handle)
    }

    /// The key used for case-insensitive part lookup: `\` → `/`, no leading `/`, ASCII lower case.
    static func normalizedKey(_ name: String) -> String {
        // Already normal (no `\`, no leading `/`, no ASCII capital): the usual lower-case part name.
        if name.utf8.first != UInt8(ascii: "/"),
           !name.utf8.contains(where: { $0 == UInt8(ascii: "\\") || ($0 >= 65 && $0 <= 90) }) {
            return name
        }
        var name = name.replacingOccurrences(of: "\\", with: "/")
        while name.hasPrefix("/") { name.removeFirst() }
        return String(name.unicodeScalars.map { scalar -> Character in
            if scalar.value >= 65 && scalar.value <= 90, let lower = Unicode.Scalar(scalar.value + 32) {
                return Character(lower)
            }
            return Character(scalar)
        })
    }

    /// The entry whose name matches `name` ASCII case-insensitively (OPC part names), if any.
    func entry(named name: String) -> ZipEntryInfo? {
        guard let position = lookup[ZipArchive.normalizedKey(name)] else { return nil }
        return entries[position]
    }

    /// Opens an entry for streaming with a byte cap. Rejects encrypted entries, unsupported
    /// compression, and entries whose declared size is already over the cap.
    func open(_ entry: ZipEntryInfo, cap: Int) throws -> ZipEntryStream {
        if entry.encryptionMethod != UInt16(ZIP_EM_NONE) {
            throw OOXMLError(.unsupported, file: displayName, part: entry.name,
                             problem: "the entry is encrypted (method \(entry.encryptionMethod)); encrypted archives are not supported")
        }
        if zip_compression_method_supported(entry.compressionMethod, 0) == 0 {
            throw OOXMLError(.unsupported, file: displayName, part: entry.name,
                             problem: "the entry uses unsupported compression method \(entry.compressionMethod)")
        }
        if entry.declaredSize > UInt64(cap) {
            throw OOXMLError(.overLimit, file: displayName, part: entry.name,
                             problem: "the entry declares \(entry.declaredSize) bytes, over the limit of \(cap) bytes")
        }
        guard let file = zip_fopen_index(handle, entry.index, 0) else {
            let error = zip_get_error(handle)
            throw OOXMLError(.corruptArchive, file: displayName, part: entry.name,
                             problem: "cannot open the entry: \(ZipArchive.message(error))")
        }
        return ZipEntryStream(archive: self, file: file, entry: entry, cap: cap)
    }

    /// Reads a whole entry into memory, enforcing `cap` while inflating.
    func read(_ entry: ZipEntryInfo, cap: Int) throws -> Data {
        let stream = try open(entry, cap: cap)
        var data = Data()
        data.reserveCapacity(Int(min(entry.declaredSize, UInt64(cap))))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try stream.read(into: base, count: raw.count)
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }

    static func message(_ error: UnsafeMutablePointer<zip_error_t>?) -> String {
        guard let error, let text = zip_error_strerror(error) else { return "unknown libzip error" }
        return String(cString: text)
    }

    /// The error kind and message for a `zip_open` failure code. The caller has already ruled
    /// out files that do not start like a zip, so "not a zip" here means a damaged one.
    static func openProblem(_ code: Int32) -> (OOXMLError.Kind, String) {
        switch code {
        case ZIP_ER_NOZIP:
            return (.corruptArchive, "the zip archive is truncated or damaged (no end-of-central-directory record)")
        case ZIP_ER_INCONS:
            return (.corruptArchive, "the zip archive is inconsistent (truncated or corrupt)")
        case ZIP_ER_OPEN, ZIP_ER_NOENT:
            return (.io, "cannot open the file")
        case ZIP_ER_READ, ZIP_ER_EOF, ZIP_ER_SEEK:
            return (.corruptArchive, "read error: the zip archive is truncated or unreadable")
        case ZIP_ER_MULTIDISK:
            return (.unsupported, "multi-disk zip archives are not supported")
        case ZIP_ER_MEMORY:
            return (.io, "out of memory opening the zip archive")
        default:
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            return (.corruptArchive, "cannot open the zip archive: \(message(&error))")
        }
    }
}

/// An open entry of a `ZipArchive`, the single owner of its `zip_file_t`. Counts inflated bytes
/// and stops at the cap and at the declared size (libzip trusts neither).
final class ZipEntryStream {
    private let archive: ZipArchive
    private let file: OpaquePointer
    /// The entry being read.
    let entry: ZipEntryInfo
    private let cap: Int
    /// Bytes delivered so far.
    private(set) var bytesRead: Int = 0

    fileprivate init(archive: ZipArchive, file: OpaquePointer, entry: ZipEntryInfo, cap: Int) {
        self.archive = archive
        self.file = file
        self.entry = entry
        self.cap = cap
    }

    deinit {
        zip_fclose(file)
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end. Throws on a read error, on a stream
    /// longer than its declared size, and at the cap.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        // Ask for one byte more than the declared remainder so an overlong stream is detected.
        let declared = Int(clamping: entry.declaredSize)
        let allowed = min(cap, declared) + 1 - bytesRead
        let request = max(0, min(count, allowed))
        if request == 0 { return 0 }
        let got = zip_fread(file, buffer, zip_uint64_t(request))
        if got < 0 {
            throw OOXMLError(.corruptArchive, file: archive.displayName, part: entry.name,
                             problem: "cannot inflate the entry (truncated or corrupt): \(ZipArchive.message(zip_file_get_error(file)))")
        }
        bytesRead += Int(got)
        if bytesRead > declared {
            if declared >= cap {
                throw OOXMLError(.overLimit, file: archive.displayName, part: entry.name,
                                 problem: "the entry inflates past the limit of \(cap) bytes")
            }
            throw OOXMLError(.overLimit, file: archive.displayName, part: entry.name,
                             problem: "the entry inflates past its declared size of \(declared) bytes (a zip bomb or a corrupt archive)")
        }
        if bytesRead > cap {
            throw OOXMLError(.overLimit, file: archive.displayName, part: entry.name,
                             problem: "the entry inflates past the limit of \(cap) bytes")
        }
        return Int(got)
    }
}
