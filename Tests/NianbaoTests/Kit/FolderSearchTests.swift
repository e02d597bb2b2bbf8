import Foundation
import Testing
@testable import NianbaoKit

/// Issue 13, case 3: every entry of a searched folder is converted, listed with its reason, or
/// skipped by a stated rule (hidden names, the run's own output folder).
@Suite("Folder search")
struct FolderSearchTests {
    static let sampleText = OutputSafetyTests.sampleText

    /// `errors.csv` rows by their file column (no quotes or commas in these file names): the rest of the row.
    static func errorRows(_ folder: URL) throws -> [String: String] {
        let text = try String(contentsOf: folder.appendingPathComponent("errors.csv"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            if fields.count == 2 { rows[String(fields[0])] = String(fields[1]) }
        }
        return rows
    }

    @Test func oddEntriesAreConvertedOrListed() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        let manager = FileManager.default
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent("plain.txt"))
        // Elsewhere, reached only through links: a file and a folder.
        try OutputSafetyTests.put(Self.sampleText, at: root.appendingPathComponent("elsewhere/linked-file.txt"))
        try OutputSafetyTests.put(Self.sampleText, at: root.appendingPathComponent("elsewhere-folder/deep.txt"))
        try manager.createSymbolicLink(atPath: input.appendingPathComponent("link.txt").path,
                                       withDestinationPath: root.appendingPathComponent("elsewhere/linked-file.txt").path)
        try manager.createSymbolicLink(atPath: input.appendingPathComponent("linked-folder").path,
                                       withDestinationPath: root.appendingPathComponent("elsewhere-folder").path)
        // A loop, a broken link, a spreadsheet (.xls), a FIFO, a name that is not UTF-8.
        try manager.createSymbolicLink(atPath: input.appendingPathComponent("loop").path, withDestinationPath: input.path)
        try manager.createSymbolicLink(atPath: input.appendingPathComponent("broken.txt").path,
                                       withDestinationPath: root.appendingPathComponent("gone.txt").path)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: input.appendingPathComponent("old.xls"))
        #expect(mkfifo(input.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        var badName = Array(input.path.utf8) + Array("/年报".utf8)
        badName += [0xC4, 0xEA, 0xB1, 0xA8] + Array(".txt".utf8)  // "年报" in GBK
        // And a folder so named, with a report in it.
        let badFolder = Array(input.path.utf8) + Array("/目录".utf8) + [0xC4, 0xEA]
        #expect(mkdir(badFolder.map { CChar(bitPattern: $0) } + [0], 0o755) == 0)
        let inside = fopen((badFolder + Array("/r.txt".utf8)).map { CChar(bitPattern: $0) } + [0], "w")
        if let inside { fclose(inside) }
        let cName = badName.map { CChar(bitPattern: $0) } + [0]
        let file = fopen(cName, "w")
        #expect(file != nil)
        if let file { fclose(file) }
        // Hidden: skipped by rule, converted with includeHidden.
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent(".hidden.txt"))
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent(".hidden-folder/inside.txt"))

        let out = root.appendingPathComponent("out")
        let outcome = try ConvertJob(paths: [input.path], format: .jsonl, folder: out, jobs: 2).run()
        #expect(outcome.summary.converted == 3)  // plain.txt, link.txt, linked-folder/deep.txt
        let errors = try Self.errorRows(out)
        #expect(errors.count == 5, "\(errors)")
        #expect(errors[InputCollector.shown(badFolder)]?.contains("bad name: the folder name is not valid UTF-8 (nothing in it is searched)") == true)
        #expect(errors[input.appendingPathComponent("broken.txt").path]?.contains("read,broken symbolic link") == true)
        #expect(errors[input.appendingPathComponent("old.xls").path]?.contains("unsupported format (.xls)") == true)
        #expect(errors[input.appendingPathComponent("pipe.txt").path]?.contains("read,not a regular file (a FIFO") == true)
        #expect(errors[InputCollector.shown(badName)]?.contains("bad name: the name is not valid UTF-8") == true,
                "\(errors.keys.sorted())")
        #expect(InputCollector.shown(badName).hasPrefix(input.path + "/年报\\xC4"))
        #expect(outcome.summary.failed == 5)
        #expect(outcome.inputs == 8)

        let collection = InputCollector.gather([input.path])
        #expect(collection.hiddenSkipped == 2)
        let withHidden = InputCollector.gather([input.path], includeHidden: true)
        #expect(withHidden.hiddenSkipped == 0)
        #expect(withHidden.items.map(\.outputStem) == [".hidden-folder/inside", ".hidden", "link", "linked-folder/deep", "plain"])
    }

    @Test func aLinkToAFolderGivenAsTheInputIsSearched() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try OutputSafetyTests.put(Self.sampleText, at: root.appendingPathComponent("real/sub/r.txt"))
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: root.appendingPathComponent("real").path)
        let collection = InputCollector.gather([link.path])
        #expect(collection.items.map(\.outputStem) == ["sub/r"])
        #expect(collection.problems.isEmpty)
    }

    @Test func aNameGivenThatWasNotUTF8SaysSo() {
        // Command-line arguments that are not UTF-8 arrive with U+FFFD in place of the bad bytes.
        let collection = InputCollector.gather(["/tmp/年\u{FFFD}\u{FFFD}.txt"])
        #expect(collection.problems.first?.message.contains("not valid UTF-8") == true)
    }

    /// Runs the CLI as an unprivileged user when this process is root (CI is), so that file
    /// permissions count; `nil` (skipped) when that is not possible.
    static func runUnprivileged(_ arguments: [String]) throws -> (status: Int32, out: String, err: String)? {
        if getuid() != 0 { return try CommandLineTests.run(arguments) }
        guard let executable = CommandLineTests.executable, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("running as root without setpriv: permission case skipped")
            return nil
        }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        let unprivileged = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path]
        // The build folder may lie where that user cannot reach it (a clone under /root).
        guard let probe = try CommandLineTests.run(unprivileged + ["schema"], executable: setpriv), probe.status == 0 else {
            print("the nianbao executable cannot be run as an unprivileged user from \(executable.path): permission case skipped")
            return nil
        }
        return try CommandLineTests.run(unprivileged + arguments, executable: setpriv)
    }

    @Test func anUnreadableFolderAndFileAreListed() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("in/locked").path)
            try? FileManager.default.removeItem(at: root)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root.path)
        let input = root.appendingPathComponent("in")
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent("ok.txt"))
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent("locked/inside.txt"))
        try OutputSafetyTests.put(Self.sampleText, at: input.appendingPathComponent("secret.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: input.appendingPathComponent("secret.txt").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: input.appendingPathComponent("locked").path)
        let out = root.appendingPathComponent("out")
        guard let result = try Self.runUnprivileged(["convert", input.path, "--to", "jsonl", "--out", out.path]) else { return }
        #expect(result.status == 1, "\(result.err)")
        #expect(result.out.contains("converted 1, failed 2"), "\(result.out)")
        let errors = try Self.errorRows(out)
        #expect(errors[input.appendingPathComponent("locked").path]?.contains("the folder cannot be read") == true, "\(errors)")
        #expect(errors[input.appendingPathComponent("secret.txt").path]?.contains("permission denied") == true, "\(errors)")
    }

    /// R15: a link to a folder that holds the searched folder is listed, not followed (the search
    /// stays inside); a link to itself is a "symbolic link loop", not a missing target.
    @Test func linksToAncestorsAndSelfLinksAreListed() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let top = root.appendingPathComponent("top"), loop = top.appendingPathComponent("loop")
        try OutputSafetyTests.put(Self.sampleText, at: loop.appendingPathComponent("a/r.txt"))
        try OutputSafetyTests.put(TestFiles.samplesDirectory.appendingPathComponent("001_73cfe548748cf452.txt"), at: top.appendingPathComponent("other/y.txt"))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: loop.appendingPathComponent("a/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: loop.appendingPathComponent("a/up2").path, withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: loop.appendingPathComponent("self").path, withDestinationPath: "self")
        let collection = InputCollector.gather([loop.path])
        #expect(collection.items.map(\.path) == [loop.appendingPathComponent("a/r.txt").path])
        let problems = Dictionary(uniqueKeysWithValues: collection.problems.map { ($0.path, $0.message) })
        #expect(problems.count == 2)
        #expect(problems[loop.appendingPathComponent("a/up2").path]?.contains("a folder that holds the searched folder") == true)
        #expect(problems[loop.appendingPathComponent("self").path]?.hasPrefix("symbolic link loop") == true)
    }

    @Test("Markdown files (`.md`, `.markdown`: pandoc's, mammoth's, markitdown's) are found in folders and read as text")
    func markdownFilesAreConverted() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        let markdown = TestFiles.packageRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/extracted/pandoc-markdown/000_ad0b93b4492ed8bd.lo.txt")
        try OutputSafetyTests.put(markdown, at: input.appendingPathComponent("report.md"))
        try OutputSafetyTests.put(markdown, at: input.appendingPathComponent("other.markdown"))
        let out = root.appendingPathComponent("out")
        let outcome = try ConvertJob(paths: [input.path], format: .json, folder: out, jobs: 1).run()
        #expect(outcome.summary.converted == 2)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        let source = report?["source"] as? [String: Any]
        #expect(source?["format"] as? String == "text")
        #expect(InputCollector.folderExtensions.isSuperset(of: ["md", "markdown"]))
    }
}
