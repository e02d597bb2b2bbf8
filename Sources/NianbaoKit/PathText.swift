import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path-string helpers for the per-file work of bulk runs, each the exact counterpart of a `URL`
/// property in the cases it accepts and `nil` in the others (where the caller asks `URL`).
enum PathText {
    /// The last component of an absolute path without a trailing slash (`url.lastPathComponent`);
    /// `nil` for anything else.
    static func lastComponent(of path: String) -> String? {
        let utf8 = path.utf8
        guard utf8.first == UInt8(ascii: "/"), let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let start = utf8.index(after: slash)
        guard start != utf8.endIndex else { return nil }
        return String(path[start...])
    }

    /// The lowercased extension of the file name `name` (`URL.pathExtension.lowercased()`) when it
    /// is plain: the name does not start with a dot and ends in a dot and ASCII letters and digits.
    static func plainExtension(of name: String) -> String? {
        let utf8 = name.utf8
        guard utf8.first != UInt8(ascii: "."), let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        var ext: [UInt8] = []
        for byte in utf8[utf8.index(after: dot)...] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ext.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): ext.append(byte + 32)
            default: return nil
            }
        }
        return ext.isEmpty ? nil : String(decoding: ext, as: UTF8.self)
    }

    /// A relative path (`sub/report.txt`) without its plain extension (`sub/report`), as
    /// `deletingPathExtension` gives it; `nil` when the last component has no plain extension
    /// or the path is not a plain relative one (leading or trailing slash, empty components).
    static func droppingPlainExtension(_ path: String) -> String? {
        let utf8 = path.utf8
        guard let first = utf8.first, first != UInt8(ascii: "/"), utf8.last != UInt8(ascii: "/"),
              !path.contains("//") else { return nil }
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = String(path[nameStart...])
        guard let ext = plainExtension(of: name) else { return nil }
        let end = utf8.index(utf8.endIndex, offsetBy: -(ext.utf8.count + 1))
        return String(path[..<end])
    }

    /// `true` when `path` names a regular file itself (`lstat`: a symbolic link is not one), as
    /// the `isRegularFile` resource value of its URL says.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
