public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file and where its per-file output goes, relative to the output folder.
public struct InputItem: Sendable, Hashable {
    /// The input file.
    public var url: URL {
        didSet { path = url.path }
    }
    /// The output path without extension, relative to the output folder (`sub/report`).
    public var outputStem: String
    /// `url.path`, worked out once: bulk runs use the path on every step of every file.
    public private(set) var path: String
    /// What goes into `source.file`: the input's path relative to the folder it was found in
    /// (`sub/report.txt`), or its file name when it was given by itself; `nil` for the file name.
    public var sourceName: String?

    /// Creates an item.
    public init(url: URL, outputStem: String, sourceName: String? = nil) {
        self.url = url
        self.outputStem = outputStem
        self.sourceName = sourceName
        path = url.path
    }

    init(url: URL, path: String, outputStem: String, sourceName: String?) {
        self.url = url
        self.outputStem = outputStem
        self.path = path
        self.sourceName = sourceName
    }

    /// The per-file output URL in `folder` with `extension`.
    public func output(in folder: URL, extension ext: String) -> URL {
        folder.appendingPathComponent(outputStem + "." + ext)
    }

    /// The path of ``output(in:extension:)`` for the folder whose path is `folderPath`, joined
    /// as a string (no `URL` work per file).
    public func outputPath(inFolderPath folderPath: String, extension ext: String) -> String {
        (folderPath.hasSuffix("/") ? folderPath : folderPath + "/") + outputStem + "." + ext
    }
}

/// Turns command-line paths (files, folders searched recursively, `-` for a list on standard
/// input) into a sorted, duplicate-free list of inputs with collision-free output names.
///
/// Every entry found in a folder ends up in exactly one place: an input (its extension is in
/// the table of supported extensions), a ``Problem`` (an unsupported format, an unreadable
/// folder, a name that is not UTF-8, a broken link, a FIFO or device), or one of three stated
/// rules — hidden entries (names starting with `.`) are skipped unless asked for and counted,
/// the output folder of the run is not searched, and the files of ``runFileNames`` are skipped. Symbolic links are followed, to files and
/// to folders (a link back to a folder being searched is not followed again).
public enum InputCollector {
    /// Extensions picked up when a folder is searched: the one table of supported input
    /// formats. A file found in a folder with any other extension is listed as a ``Problem``
    /// ("unsupported format").
    public static let folderExtensions: Set<String> = Set(["txt", "md", "markdown", "docx", "html", "htm", "shtml", "xhtml", "pdf"])
        .union(LegacyConversion.convertedExtensions).union(LegacyConversion.ooxmlExtensions)

    /// The files a bulk run writes beside the per-file outputs; skipped when found in a folder.
    public static let runFileNames: Set<String> = ["errors.csv", "errors.previous.csv", "reports.jsonl", "reports.csv", "values.csv"]

    /// Advice for files found in folders whose format nianbao does not read (yet), by extension.
    /// Only consulted for extensions outside ``folderExtensions``.
    static let unsupportedAdvice: [String: String] = [
        "dot": "a legacy Word template; convert it with `soffice --headless --convert-to docx FILE`",
    ]

    /// A path that could not be used as input.
    public struct Problem: Sendable, Hashable {
        /// The path as given (or found; bytes that are not UTF-8 shown as `\xHH`).
        public var path: String
        /// Why it was not used.
        public var message: String
    }

    /// What ``gather(_:extensions:includeHidden:excludedFolders:standardInput:)`` found.
    public struct Collection: Sendable {
        /// The inputs, sorted by path, with collision-free output names.
        public var items: [InputItem]
        /// Paths that could not be used, each with its reason.
        public var problems: [Problem]
        /// Hidden files and folders (names starting with `.`) skipped in searched folders.
        public var hiddenSkipped: Int
    }

    /// A file found: its URL and path, and its name relative to the folder given (`nil` for a
    /// file given by itself) with that folder's path.
    private struct Found {
        var url: URL
        var path: String
        var relative: String?
        var rootPath: String?
    }

    /// Collects inputs. `standardInput` supplies the lines for `-`.
    public static func collect(_ paths: [String], extensions: Set<String> = folderExtensions,
                               standardInput: () -> [String] = { readLines() }) -> (items: [InputItem], problems: [Problem]) {
        let collection = gather(paths, extensions: extensions, standardInput: standardInput)
        return (collection.items, collection.problems)
    }

    /// Collects inputs. Folders are searched recursively; `includeHidden` searches hidden
    /// entries too; folders in `excludedFolders` (the run's output folder) are not searched
    /// when met inside a folder given. `standardInput` supplies the lines for `-`.
    public static func gather(_ paths: [String], extensions: Set<String> = folderExtensions, includeHidden: Bool = false,
                              excludedFolders: [String] = [],
                              standardInput: () -> [String] = { readLines() }) -> Collection {
        var expanded: [String] = []
        for path in paths {
            if path == "-" { expanded += standardInput().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } else { expanded.append(path) }
        }
        var walker = FolderWalker(extensions: extensions, includeHidden: includeHidden,
                                  excluded: Set(excludedFolders.compactMap { FileID(path: $0, following: true) }))
        for path in expanded {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let urlPath = url.path
            var status = stat()
            guard stat(urlPath, &status) == 0 else {
                let reason = errno
                var status = stat()
                if lstat(urlPath, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK {
                    walker.problems.append(Problem(path: path, message: "broken symbolic link: what it points to does not exist"))
                } else if path.contains("\u{FFFD}") {
                    walker.problems.append(Problem(path: path, message:
                        "no such file or folder; the name given is not valid UTF-8 (shown with �): rename the file to a UTF-8 name, e.g. `convmv -f gbk -t utf-8 --notest FILE`"))
                } else if reason == EACCES {
                    walker.problems.append(Problem(path: path, message: "permission denied: a folder on the way cannot be searched"))
                } else {
                    walker.problems.append(Problem(path: path, message: "no such file or folder"))
                }
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walker.walk(folder: urlPath, relative: "", rootPath: urlPath, root: url,
                            ancestors: [FileID(status)])
            } else {
                walker.found.append(Found(url: url, path: urlPath, relative: nil, rootPath: nil))
            }
        }
        // Sorted by path, each file once.
        var seen: Set<String> = []
        let found = walker.found.sorted { $0.path < $1.path }.filter { seen.insert($0.path).inserted }
        return Collection(items: assignStems(found), problems: walker.problems, hiddenSkipped: walker.hiddenSkipped)
    }

    /// A file's identity (device and inode).
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            device = UInt64(truncatingIfNeeded: status.st_dev)
            inode = UInt64(truncatingIfNeeded: status.st_ino)
        }

        init?(path: String, following: Bool) {
            var status = stat()
            guard (following ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
            self.init(status)
        }
    }

    /// The recursive folder search: `opendir`/`readdir` on raw names, so that a name that is not
    /// UTF-8 is seen (and named) rather than lost.
    private struct FolderWalker {
        let extensions: Set<String>
        let includeHidden: Bool
        let excluded: Set<FileID>
        var found: [Found] = []
        var problems: [Problem] = []
        var hiddenSkipped = 0

        init(extensions: Set<String>, includeHidden: Bool, excluded: Set<FileID>) {
            self.extensions = extensions
            self.includeHidden = includeHidden
            self.excluded = excluded
        }

        mutating func walk(folder: String, relative: String, rootPath: String, root: URL, ancestors: Set<FileID>) {
            guard let directory = opendir(folder) else {
                problems.append(Problem(path: folder, message: "the folder cannot be read: \(String(cString: strerror(errno)))"))
                return
            }
            var names: [[UInt8]] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
                names.append(name)
            }
            closedir(directory)
            names.sort { $0.lexicographicallyPrecedes($1) }
            let folderBytes = Array(folder.utf8)
            for name in names {
                var fullBytes = folderBytes
                if fullBytes.last != UInt8(ascii: "/") { fullBytes.append(UInt8(ascii: "/")) }
                fullBytes += name
                let hidden = name.first == UInt8(ascii: ".")
                if hidden && !includeHidden {
                    hiddenSkipped += 1
                    continue
                }
                guard let text = String(validating: name, as: UTF8.self) else {
                    var status = stat()
                    let isFolder = (fullBytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { pointer in
                        pointer.baseAddress.map { stat($0, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR } ?? false
                    }
                    let what = isFolder ? "the folder name is not valid UTF-8 (nothing in it is searched)" : "the name is not valid UTF-8 (not converted)"
                    problems.append(Problem(path: InputCollector.shown(fullBytes), message:
                        "bad name: \(what); rename it to a UTF-8 name, e.g. `convmv -f gbk -t utf-8 -r --notest NAME`"))
                    continue
                }
                let path = String(decoding: fullBytes, as: UTF8.self)
                let childRelative = relative.isEmpty ? text : relative + "/" + text
                var status = stat()
                guard lstat(path, &status) == 0 else {
                    problems.append(Problem(path: path, message: "cannot be read: \(String(cString: strerror(errno)))"))
                    continue
                }
                var link = false
                if (status.st_mode & S_IFMT) == S_IFLNK {
                    link = true
                    guard stat(path, &status) == 0 else {
                        let message = errno == ELOOP
                            ? "symbolic link loop: the link leads back to itself (directly or through other links)"
                            : "broken symbolic link: what it points to does not exist"
                        problems.append(Problem(path: path, message: message))
                        continue
                    }
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    let id = FileID(status)
                    // A link back to a folder being searched (a loop) is searched once; the
                    // output folder of the run is never searched.
                    if ancestors.contains(id) || excluded.contains(id) { continue }
                    // A link to a folder that holds the searched folder would lead the search out of it.
                    if link, let target = InputCollector.realPath(path), let top = InputCollector.realPath(rootPath),
                       top.hasPrefix(target.hasSuffix("/") ? target : target + "/") {
                        problems.append(Problem(path: path, message: "symbolic link to \(target), a folder that holds the searched folder \(rootPath): not followed (it would lead the search out of it)"))
                        continue
                    }
                    walk(folder: path, relative: childRelative, rootPath: rootPath, root: root, ancestors: ancestors.union([id]))
                case S_IFREG:
                    let ext = PathText.plainExtension(of: text) ?? (text as NSString).pathExtension.lowercased()
                    if extensions.contains(ext) {
                        let url = URL(fileURLWithPath: path)
                        found.append(Found(url: url, path: path, relative: childRelative, rootPath: rootPath))
                    } else if InputCollector.runFileNames.contains(text) {
                        continue  // an output of an earlier run (validate OUT checks its JSON files)
                    } else {
                        problems.append(Problem(path: path, message: InputCollector.unsupported(ext, supported: extensions)))
                    }
                default:
                    let kind = InputCollector.kindName(status.st_mode)
                    problems.append(Problem(path: path, message: "not a regular file (\(kind)\(link ? ", through a symbolic link" : "")): not read"))
                }
            }
        }
    }

    /// "unsupported format (.xls): …" for a file found in a folder.
    static func unsupported(_ ext: String, supported: Set<String>) -> String {
        let list = supported.sorted().map { "." + $0 }.joined(separator: ", ")
        if ext.isEmpty { return "unsupported format (no extension): folders are searched for \(list) files" }
        let advice = unsupportedAdvice[ext].map { "; \($0)" } ?? ""
        return "unsupported format (.\(ext)): folders are searched for \(list) files\(advice)"
    }

    /// The path with every symbolic link resolved (`realpath`), or `nil`.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The kind of a file that is not a regular file or folder, by its mode.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }

    /// A path's bytes as text, bytes that are not UTF-8 written `\xHH`.
    static func shown(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence starting here (1–4 bytes), else one escaped byte.
            var matched = false
            for length in [1, 2, 3, 4] where index + length <= bytes.count {
                if let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                    result += piece
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                result += String(format: "\\x%02X", bytes[index])
                index += 1
            }
        }
        return result
    }

    /// Output names: two inputs never share one (compared without case, for file systems that
    /// ignore it), whatever their folders and extensions. Each input starts with its path
    /// relative to the folder given (its file name when given by itself) without extension;
    /// inputs whose names collide keep their extension, then go under the name of the folder
    /// given, then under its full path; a collision left after that gets `~2`, `~3`, ….
    private static func assignStems(_ found: [Found]) -> [InputItem] {
        func relative(_ file: Found) -> String { file.relative ?? file.url.lastPathComponent }
        func dropExtension(_ path: String) -> String {
            if let stem = PathText.droppingPlainExtension(path) { return stem }
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = (path as NSString).deletingLastPathComponent
            if stem.isEmpty { return path }
            return folder.isEmpty ? stem : folder + "/" + stem
        }
        func qualified(_ file: Found) -> String {
            String(file.path.drop { $0 == "/" })
        }
        // Names by level: 0 relative without extension, 1 relative, 2 under the name of the folder
        // given (of the file's folder for a file given by itself), 3 full path.
        let names: [[String]] = found.map { file in
            let name = relative(file)
            let folder = ((file.rootPath ?? (file.path as NSString).deletingLastPathComponent) as NSString).lastPathComponent
            let underFolder = folder.isEmpty || folder == "/" ? qualified(file) : folder + "/" + name
            return [dropExtension(name), name, underFolder, qualified(file)]
        }
        var levels = Array(repeating: 0, count: found.count)
        var changed = true
        while changed {
            changed = false
            var counts: [String: Int] = [:]
            for index in found.indices { counts[names[index][levels[index]].lowercased(), default: 0] += 1 }
            for index in found.indices where levels[index] < 3 && (counts[names[index][levels[index]].lowercased()] ?? 0) > 1 {
                levels[index] += 1
                changed = true
            }
        }
        var stems = found.indices.map { names[$0][levels[$0]] }
        // Whatever is left (a name used twice even as a full path, or an output file that would
        // be a folder of another output): numbered.
        var taken: Set<String> = []
        var folders: Set<String> = []
        for stem in stems {
            var folder = stem.lowercased()
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        func clashes(_ stem: String) -> Bool {
            let key = stem.lowercased()
            return taken.contains(key) || perFileExtensions.contains { folders.contains(key + "." + $0) }
        }
        for index in stems.indices {
            if clashes(stems[index]) {
                var number = 2
                while clashes(stems[index] + "~\(number)") { number += 1 }
                stems[index] += "~\(number)"
            }
            taken.insert(stems[index].lowercased())
        }
        return found.indices.map { index in
            let file = found[index]
            // `source.file`: the path relative to the folder given; under the folder's name (or
            // the full path) when that path is shared with an input under another folder given.
            let source: String? = file.relative == nil ? nil : names[index][max(levels[index], 1)]
            return InputItem(url: file.url, path: file.path, outputStem: stems[index], sourceName: source)
        }
    }

    /// Extensions of per-file outputs (an output name must not be a folder of another output).
    static let perFileExtensions = ["json", "docx"]

    /// Lines of standard input.
    public static func readLines() -> [String] {
        var lines: [String] = []
        while let line = Swift.readLine() { lines.append(line) }
        return lines
    }
}
