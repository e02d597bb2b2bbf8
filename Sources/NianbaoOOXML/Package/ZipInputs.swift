public import Foundation

/// The files of a zip archive of inputs (a batch upload), read through the project's libzip wrapper.
public enum ZipInputs {
    /// Calls `body` with each file entry's name and bytes, in central-directory order; folder
    /// entries are skipped. An entry over `maxEntryBytes`, or the archive passing `maxTotalBytes`
    /// in all, stops with an error naming it.
    /// - Throws: an error naming the archive (and entry) when it cannot be read; whatever `body` throws.
    public static func forEachFile(inArchiveAt path: String, displayName: String, maxEntryBytes: Int, maxTotalBytes: Int,
                                   _ body: (_ name: String, _ data: Data) throws -> Void) throws {
        let archive = try ZipArchive(path: path, displayName: displayName)
        var total = 0
        for entry in archive.entries where !entry.name.hasSuffix("/") {
            let data = try archive.read(entry, cap: maxEntryBytes)
            total += data.count
            if total > maxTotalBytes {
                throw OOXMLError(.overLimit, file: displayName, part: entry.name,
                                 problem: "the archive inflates past the limit of \(maxTotalBytes) bytes")
            }
            try body(entry.name, data)
        }
    }
}
