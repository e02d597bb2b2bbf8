import Foundation
import NianbaoOOXML

/// Unpacks a zip upload into the request's temporary files through the project's libzip wrapper; entry
/// names are kept as text only (files are named by their index).
enum ZipUnpacker {
    static func unpack(_ upload: UploadedFile, into folder: RequestFiles, startingAt first: Int, maxTotalBytes: Int,
                       _ found: (UploadedFile) -> Void) throws {
        var index = first
        try ZipInputs.forEachFile(inArchiveAt: upload.url.path, displayName: upload.name, maxEntryBytes: maxTotalBytes,
                                  maxTotalBytes: maxTotalBytes) { name, data in
            let (url, handle) = try folder.newFile(index, extension: Uploads.fileExtension(name))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            index += 1
            let shown = name.split(separator: "/").map(String.init).joined(separator: "/")
            found(UploadedFile(name: shown, url: url, size: data.count))
        }
    }
}
