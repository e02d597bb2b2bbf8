public import Foundation

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

    /// Creates an item.
    public init(url: URL, outputStem: String) {
        self.url = url
        self.outputStem = outputStem
        path = url.path
    }

    init(url: URL, path: String, outputStem: String) {
        self.url = url
        self.outputStem = outputStem
        self.path = path
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
public enum InputCollector {
    /// Extensions picked up when a folder is searched.
    public static let folderExtensions: Set<String> = ["txt", "docx", "pdf"]

    /// A path that could not be used as input.
    public struct Problem: Sendable, Hashable {
        /// The path as given.
        public var path: String
        /// Why it was not used.
        public var message: String
    }

    /// A file found: its URL and path (`url.path`, worked out once), and the folder it was found in.
    private typealias Found = (url: URL, path: String, root: URL?, rootPath: String?)

    /// Collects inputs. `standardInput` supplies the lines for `-`.
    public static func collect(_ paths: [String], extensions: Set<String> = folderExtensions,
                               standardInput: () -> [String] = { readLines() }) -> (items: [InputItem], problems: [Problem]) {
        var found: [Found] = []
        var problems: [Problem] = []
        var expanded: [String] = []
        for path in paths {
            if path == "-" { expanded += standardInput().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } else { expanded.append(path) }
        }
        let manager = FileManager.default
        for path in expanded {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let urlPath = url.path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: urlPath, isDirectory: &isDirectory) else {
                problems.append(Problem(path: path, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
                    problems.append(Problem(path: path, message: "the folder cannot be read"))
                    continue
                }
                for case let file as URL in enumerator {
                    let filePath = file.path
                    let ext = PathText.lastComponent(of: filePath).flatMap(PathText.plainExtension) ?? file.pathExtension.lowercased()
                    // `isRegularFile` of the URL's resource values, as `lstat` gives it (a symbolic link is not one).
                    if extensions.contains(ext), PathText.isRegularFile(filePath) {
                        let standardized = file.standardizedFileURL
                        found.append((standardized, standardized.path, url, urlPath))
                    }
                }
            } else {
                found.append((url, urlPath, nil, nil))
            }
        }
        // Sorted by path, each file once.
        var seen: Set<String> = []
        found = found.sorted { $0.path < $1.path }.filter { seen.insert($0.path).inserted }
        return (assignStems(found), problems)
    }

    /// Output names: the file's stem (under its folder's relative path when it came from a
    /// folder); names that would collide keep their extension, then their parent folders.
    private static func assignStems(_ found: [Found]) -> [InputItem] {
        func relative(_ file: Found) -> String {
            guard let root = file.rootPath else { return file.url.lastPathComponent }
            let rootPath = root.hasSuffix("/") ? root : root + "/"
            return file.path.hasPrefix(rootPath) ? String(file.path.dropFirst(rootPath.count)) : file.url.lastPathComponent
        }
        func dropExtension(_ path: String) -> String {
            if let stem = PathText.droppingPlainExtension(path) { return stem }
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = (path as NSString).deletingLastPathComponent
            return folder.isEmpty ? stem : folder + "/" + stem
        }
        var stems = found.map { dropExtension(relative($0)) }
        var counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        for index in stems.indices where (counts[stems[index]] ?? 0) > 1 {
            stems[index] = relative(found[index])
        }
        counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        for index in stems.indices where (counts[stems[index]] ?? 0) > 1 {
            // Still colliding (same relative path under two roots): use the full path.
            stems[index] = String(found[index].url.deletingPathExtension().path.drop { $0 == "/" })
        }
        return zip(found, stems).map { InputItem(url: $0.url, path: $0.path, outputStem: $1) }
    }

    /// Lines of standard input.
    public static func readLines() -> [String] {
        var lines: [String] = []
        while let line = Swift.readLine() { lines.append(line) }
        return lines
    }
}
