import Foundation
import Testing

/// Issue 13, cases 6 and 7: usage problems exit 2, and errors say what happened.
@Suite("Exit status and messages")
struct ExitStatusTests {
    @Test(arguments: [
        ["convert", "x.txt", "--to", "xlsx"],
        ["convert", "--bogus", "x.txt"],
        ["convert"],
        ["validate"],
        ["convert", "x.txt", "--jobs", "0"],
        ["convert", "x.txt", "--jobs=-1"],
        ["validate", "x.json", "--jobs", "0"],
        ["frobnicate"],
        [],
        ["schema", "--bogus"],
        ["validate", "x.json", "--format", "xml"],
    ])
    func usageProblemsExitTwo(arguments: [String]) throws {
        guard let result = try CommandLineTests.run(arguments) else { return }
        #expect(result.status == 2, "\(arguments): \(result.err)")
        #expect(result.err.contains("Error:"), "\(result.err)")
    }

    @Test func jobsMustBePositive() throws {
        guard let result = try CommandLineTests.run(["convert", "x.txt", "--jobs", "0"]) else { return }
        #expect(result.err.contains("--jobs must be at least 1"))
    }

    @Test func helpStillExitsZero() throws {
        guard let result = try CommandLineTests.run(["convert", "--help"]) else { return }
        #expect(result.status == 0)
        #expect(result.out.contains("--include-hidden"))
    }

    @Test func aFullDiskSaysSo() throws {
        // A file-size limit stands in for a full disk (the same failed write); SIGXFSZ ignored.
        guard let executable = CommandLineTests.executable else { return }
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        for (format, status) in [("jsonl", Int32(2)), ("csv", 2), ("json", 1), ("docx", 1)] {
            let script = "ulimit -f 8; trap '' XFSZ; exec \"$0\" convert \"$1\" --to \(format) --out \"$2\""
            guard let result = try CommandLineTests.run(["-c", script, executable.path, TestFiles.samplesDirectory.path, out.path],
                                                        executable: URL(fileURLWithPath: "/bin/sh")) else { return }
            #expect(result.status == status, "\(format): \(result.err)")
            #expect(result.err.contains("File too large"), "\(result.err)")
            #expect(!result.err.contains("error 1"), "\(result.err)")
            #expect(!result.err.contains("NSCocoaErrorDomain"), "\(result.err)")
        }
    }

    @Test func outBelowAFileSaysWhichFile() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        guard let result = try CommandLineTests.run(["convert", TestFiles.samplesDirectory.path, "--out", file.appendingPathComponent("sub").path])
        else { return }
        #expect(result.status == 2)
        #expect(result.err.contains("\(file.path) is a file, not a folder"), "\(result.err)")
        #expect(!result.err.contains("NSCocoaErrorDomain"))
    }

    @Test func notJSONInValidateIsOneLine() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("report.json")
        try Data("not json".utf8).write(to: file)
        guard let result = try CommandLineTests.run(["validate", file.path]) else { return }
        #expect(result.err == "nianbao: \(file.path): not valid JSON: Invalid value around character 1.\n", "\(result.err)")
    }

    @Test func aFIFOIsNamedAsOne() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        guard let result = try CommandLineTests.run(["convert", fifo.path]) else { return }
        #expect(result.status == 1)
        #expect(result.err.contains("not a regular file (a FIFO (named pipe))"), "\(result.err)")
    }

    @Test func aSingleMissingInputIsJustMissing() throws {
        guard let result = try CommandLineTests.run(["convert", "/missing-\(UUID().uuidString).txt"]) else { return }
        #expect(result.status == 1)
        #expect(result.err.contains("no such file or folder"))
        #expect(!result.err.contains("several inputs"), "\(result.err)")
    }
}
