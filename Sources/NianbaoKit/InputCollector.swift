public import Foundation

/// One input file and where its per-file output goes, relative to the output folder.
public struct InputItem: Sendable, Hashable {
    /// The input file.
    public var url: URL
    /// The output path without extension, relative to the output folder (`sub/report`).
    public var outputStem: String

    /// Creates an item.
    public init(url: URL, outputStem: String) {
        self.url = url
        self.outputStem = outputStem
    }

    /// The per-file output URL in `folder` with `extension`.
    public func output(in folder: URL, extension ext: String) -> URL {
        folder.appendingPathComponent(outputStem + "." + ext)
    }
}

/// Turns command-line paths (files, folders searched recursively, `-` for a list on standard
/// input) into a sorted, duplicate-free list of inputs with collision-free output names.
public enum InputCollector {
    /// Extensions picked up when a folder is searched.
    public static let folderExtensions: Set<String> = ["txt", "docx"]

    /// A path that could not be used as input.
    public struct Problem: Sendable, Hashable {
        /// The path as given.
        public var path: String
        /// Why it was not used.
        public var message: String
    }

    /// Collects inputs. `standardInput` supplies the lines for `-`.
    public static func collect(_ paths: [String], extensions: Set<String> = folderExtensions,
                               standardInput: () -> [String] = { readLines() }) -> (items: [InputItem], problems: [Problem]) {
        var found: [(url: URL, root: URL?)] = []
        var problems: [Problem] = []
        var expanded: [String] = []
        for path in paths {
            if path == "-" { expanded += standardInput().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } else { expanded.append(path) }
        }
        let manager = FileManager.default
        for path in expanded {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append(Problem(path: path, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
                    problems.append(Problem(path: path, message: "the folder cannot be read"))
                    continue
                }
                for case let file as URL in enumerator where extensions.contains(file.pathExtension.lowercased()) {
                    if (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                        found.append((file.standardizedFileURL, url))
                    }
                }
            } else {
                found.append((url, nil))
            }
        }
        // Sorted by path, each file once.
        var seen: Set<String> = []
        found = found.sorted { $0.url.path < $1.url.path }.filter { seen.insert($0.url.path).inserted }
        return (assignStems(found), problems)
    }

    /// Output names: the file's stem (under its folder's relative path when it came from a
    /// folder); names that would collide keep their extension, then their parent folders.
    private static func assignStems(_ found: [(url: URL, root: URL?)]) -> [InputItem] {
        func relative(_ url: URL, _ root: URL?) -> String {
            guard let root else { return url.lastPathComponent }
            let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
            return url.path.hasPrefix(rootPath) ? String(url.path.dropFirst(rootPath.count)) : url.lastPathComponent
        }
        func dropExtension(_ path: String) -> String {
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = (path as NSString).deletingLastPathComponent
            return folder.isEmpty ? stem : folder + "/" + stem
        }
        var stems = found.map { dropExtension(relative($0.url, $0.root)) }
        var counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        for index in stems.indices where (counts[stems[index]] ?? 0) > 1 {
            stems[index] = relative(found[index].url, found[index].root)
        }
        counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        for index in stems.indices where (counts[stems[index]] ?? 0) > 1 {
            // Still colliding (same relative path under two roots): use the full path.
            stems[index] = String(found[index].url.deletingPathExtension().path.drop { $0 == "/" })
        }
        return zip(found, stems).map { InputItem(url: $0.url, outputStem: $1) }
    }

    /// Lines of standard input.
    public static func readLines() -> [String] {
        var lines: [String] = []
        while let line = Swift.readLine() { lines.append(line) }
        return lines
    }
}
