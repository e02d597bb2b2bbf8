import Foundation
import NianbaoModel
import NianbaoWriters
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run tidies and checks in its output folder: temporary files an interrupted run left,
/// outputs `--resume` may trust, and the `errors.csv` of an earlier run.
enum RunHousekeeping {
    /// `.<name>.<UUID>.tmp` and `.<name>.<UUID>-<n>.tmp`: the temporary files of ``AtomicFile``
    /// and `StreamingFile`.
    private static let temporaryPattern = "^\\..+\\.[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}(-[0-9]+)?\\.tmp$"

    /// `true` for the name of a temporary file nianbao writes.
    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.range(of: temporaryPattern, options: .regularExpression) != nil
    }

    /// Removes the temporary files an interrupted run left in `folder` (and below it when
    /// `recursive`); returns how many. Two runs into one output folder at once are not supported.
    static func removeStaleTemporaries(in folder: URL, recursive: Bool) -> Int {
        var removed = 0
        var pending = [folder.path]
        while let path = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                let child = path + "/" + name
                var status = stat()
                guard lstat(child, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if recursive { pending.append(child) }
                } else if (status.st_mode & S_IFMT) == S_IFREG, isTemporaryName(name), unlink(child) == 0 {
                    removed += 1
                }
            }
        }
        return removed
    }

    /// `true` when the output at `path` is whole: JSON that reads as a report, or a DOCX whose
    /// zip directory is there. An empty or cut-off file is not trusted by `--resume`.
    static func outputIsComplete(_ path: String, extension ext: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return false }
        switch ext {
        case "json":
            return (try? ReportJSON.decode(data)) != nil
        case "docx":
            // The end-of-central-directory record ("PK\u{5}\u{6}") is in the last 64 KiB + 22 bytes.
            guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
            let tail = data.suffix(65_557)
            return tail.range(of: Data([0x50, 0x4B, 0x05, 0x06])) != nil
        default:
            return true
        }
    }

    /// `true` when every value of every table of `report` is `null`: nothing was recognised.
    static func hasNoValues(_ report: Report) -> Bool {
        ReportTable.allCases.allSatisfy { table in report[table].rows.allSatisfy { $0.cells.allSatisfy { $0.value == nil } } }
    }
}
