import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import Synchronization

/// One uploaded file, streamed to the request's private temporary folder.
struct UploadedFile: Sendable {
    /// The name the client gave (its last path component only; never opened as a path).
    var name: String
    /// Where its bytes are.
    var url: URL
    /// Its size in bytes.
    var size: Int
}

/// The temporary files of one request, made in the service's private folder (mode 0700) as
/// `request-ID-input-N.ext` and removed together by ``remove()``. Plain system calls
/// (`open(O_EXCL)`, `unlink`): they run for every request, and a folder per request (`mkdir`,
/// `rmdir` on ext4) took about 8 % of the service's CPU time per report.
final class RequestFiles: Sendable {
    /// The service's private folder.
    let folder: URL
    private let prefix: String
    private let made = Mutex<[String]>([])

    init(root: URL, id: String) {
        folder = root
        prefix = "request-\(id)-"
    }

    /// A new file (mode 0600, which must not exist yet) named by its index (the client's name is
    /// only kept as text).
    func newFile(_ index: Int, extension ext: String) throws -> (URL, FileHandle) {
        let safeExtension = ext.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0)) } ? ext : ""
        let name = prefix + (safeExtension.isEmpty ? "input-\(index)" : "input-\(index).\(safeExtension)")
        let url = folder.appendingPathComponent(name)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw APIError(status: .internalServerError, code: "temporary_file", message: "cannot create a temporary file (errno \(errno))")
        }
        made.withLock { $0.append(url.path) }
        return (url, FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    /// Removes every file made for the request.
    func remove() {
        for path in made.withLock({ $0 }) { unlink(path) }
    }
}

/// Reading request bodies: raw (name from `?filename=` or `Content-Disposition`) or
/// `multipart/form-data`, streamed to files, stopped with 413 as soon as the limit is passed.
enum Uploads {
    /// The last path component of a client's file name, with control characters dropped.
    static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }

    /// The lowercased extension of a file name ("" when none).
    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// A parameter (`filename`, `boundary`, …) of a header value such as `Content-Disposition`;
    /// `filename*=UTF-8''…` is decoded and preferred.
    static func parameter(_ name: String, in header: String) -> String? {
        var plain: String?
        for piece in splitParameters(header) {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if key == name + "*" {
                if let quote = value.range(of: "''") { value = String(value[quote.upperBound...]) }
                if let decoded = value.removingPercentEncoding { return decoded }
            } else if key == name {
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                }
                plain = value
            }
        }
        return plain
    }

    /// Splits at semicolons outside quotes.
    private static func splitParameters(_ header: String) -> [String] {
        var pieces: [String] = [], current = "", quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// `true` when the request declares a body longer than `limit` (answered 413 before reading it).
    static func declaresTooMuch(_ request: Request, limit: Int) -> Bool {
        guard let length = request.headers[.contentLength].flatMap({ Int($0) }) else { return false }
        return length > limit
    }

    /// The multipart boundary of the request, when it is `multipart/form-data`.
    static func multipartBoundary(_ request: Request) throws -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/") else { return nil }
        guard type.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError(status: .unsupportedMediaType, code: "unsupported_media_type", message: "multipart bodies must be multipart/form-data")
        }
        guard let boundary = parameter("boundary", in: type), !boundary.isEmpty else {
            throw APIError.badRequest("multipart/form-data without a boundary")
        }
        return boundary
    }

    /// Streams the body to files: one for a raw body named `rawName`, one per file part of a
    /// multipart body (fields without a file name are skipped).
    /// - Throws: ``APIError`` 413 past `limit` bytes, 400 for a malformed body or a raw body without a name.
    static func receive(_ request: Request, into folder: RequestFiles, limit: Int, rawName: String?) async throws -> [UploadedFile] {
        if Uploads.declaresTooMuch(request, limit: limit) { throw APIError.tooLarge(limit: limit) }
        if let boundary = try multipartBoundary(request) {
            return try await receiveMultipart(request.body, boundary: boundary, into: folder, limit: limit)
        }
        let name = rawName.map(cleanName) ?? ""
        guard !name.isEmpty else {
            throw APIError.badRequest("name the file: ?filename=NAME, a Content-Disposition header with filename=, or a multipart/form-data upload")
        }
        let (url, handle) = try folder.newFile(0, extension: fileExtension(name))
        defer { try? handle.close() }
        var size = 0
        for try await buffer in request.body {
            size += buffer.readableBytes
            if size > limit { throw APIError.tooLarge(limit: limit) }
            try handle.write(contentsOf: buffer.readableBytesView)
        }
        guard size > 0 else { throw APIError.badRequest("\(name): the request body is empty") }
        return [UploadedFile(name: name, url: url, size: size)]
    }

    private static func receiveMultipart(_ body: RequestBody, boundary: String, into folder: RequestFiles,
                                         limit: Int) async throws -> [UploadedFile] {
        // The whole body goes to a file first: multipart-kit 4.7.1 traps on a header-name byte
        // above 0x7F (its table has 128 entries), so header names are checked before it parses.
        let (bodyURL, handle) = try folder.newFile(-1, extension: "multipart")
        var size = 0
        do {
            defer { try? handle.close() }
            for try await buffer in body {
                size += buffer.readableBytes
                if size > limit { throw APIError.tooLarge(limit: limit) }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
        }
        let data = try Data(contentsOf: bodyURL, options: .alwaysMapped)
        guard headerNamesAreASCII(data, boundary: boundary) else {
            throw APIError.badRequest("malformed multipart/form-data body: a part's header name is not ASCII")
        }
        let state = MultipartState(folder: folder)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in state.header(field, value) }
        parser.onBody = { buffer in state.body(buffer) }
        parser.onPartComplete = { state.complete() }
        var offset = 0
        while offset < data.count {
            let end = min(data.count, offset + 65_536)
            do {
                try parser.execute(ByteBuffer(bytes: data[offset..<end]))
            } catch {
                throw APIError.badRequest("malformed multipart/form-data body: \(error)")
            }
            if let failure = state.failure { throw failure }
            offset = end
        }
        state.closeCurrent()
        try? FileManager.default.removeItem(at: bodyURL)
        if let failure = state.failure { throw failure }
        guard state.finishedParts > 0 || !state.files.isEmpty else {
            throw APIError.badRequest("the multipart/form-data body has no parts (or ends before its closing boundary)")
        }
        return state.files
    }

    /// `true` when every header line after each `--boundary` (up to the blank line) has an ASCII
    /// name (the bytes before its colon, or the whole line without one).
    static func headerNamesAreASCII(_ data: Data, boundary: String) -> Bool {
        let delimiter = Array(("--" + boundary).utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            while index + delimiter.count <= count {
                guard bytes[index] == delimiter[0], bytes[index..<(index + delimiter.count)].elementsEqual(delimiter) else {
                    index += 1
                    continue
                }
                // Skip the rest of the delimiter line.
                var position = index + delimiter.count
                while position < count && bytes[position] != 0x0A { position += 1 }
                position += 1
                // Header lines until an empty one.
                while position < count {
                    var lineEnd = position
                    while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    let content = lineEnd > position && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                    if content == position { break }
                    var cursor = position
                    while cursor < content && bytes[cursor] != UInt8(ascii: ":") {
                        if bytes[cursor] >= 0x80 { return false }
                        cursor += 1
                    }
                    position = lineEnd + 1
                }
                index = max(index + 1, position)
            }
            return true
        }
    }
}

/// The multipart parser's callbacks: each file part goes to its own file.
private final class MultipartState {
    let folder: RequestFiles
    var files: [UploadedFile] = []
    var failure: APIError?
    var finishedParts = 0
    private var disposition: String?
    private var handle: FileHandle?
    private var current: UploadedFile?

    init(folder: RequestFiles) {
        self.folder = folder
    }

    func header(_ field: String, _ value: String) {
        if field.lowercased() == "content-disposition" { disposition = value }
    }

    func body(_ buffer: ByteBuffer) {
        guard failure == nil else { return }
        if current == nil {
            guard let disposition, let given = Uploads.parameter("filename", in: disposition) else { return }
            let name = Uploads.cleanName(given)
            guard !name.isEmpty else {
                failure = APIError.badRequest("a multipart file part has an empty file name")
                return
            }
            do {
                let (url, handle) = try folder.newFile(files.count, extension: Uploads.fileExtension(name))
                self.handle = handle
                current = UploadedFile(name: name, url: url, size: 0)
            } catch {
                failure = error as? APIError ?? APIError(status: .internalServerError, code: "temporary_file", message: "cannot create a temporary file")
                return
            }
        }
        do {
            try handle?.write(contentsOf: buffer.readableBytesView)
            current?.size += buffer.readableBytes
        } catch {
            failure = APIError(status: .internalServerError, code: "temporary_file", message: "cannot write a temporary file")
        }
    }

    func complete() {
        finishedParts += 1
        if current == nil, let disposition, let given = Uploads.parameter("filename", in: disposition) {
            // An empty file part: named, with no bytes.
            let name = Uploads.cleanName(given)
            if !name.isEmpty, let (url, handle) = try? folder.newFile(files.count, extension: Uploads.fileExtension(name)) {
                try? handle.close()
                current = UploadedFile(name: name, url: url, size: 0)
            }
        }
        closeCurrent()
        disposition = nil
    }

    func closeCurrent() {
        try? handle?.close()
        handle = nil
        if let current { files.append(current) }
        current = nil
    }
}
