import Foundation
import Testing
import NianbaoPDF
import NianbaoSandbox
@testable import NianbaoKit
#if canImport(Glibc)
import Glibc
#endif

/// Children die with nianbao (R3, R4), `pdftotext`'s memory is bounded (R5), and a later run
/// ends a dead run's LibreOffice.
@Suite("Child processes", .serialized)
struct ChildProcessTests {
    /// R3's `slow.pdf` (2.9 KB): 9 levels of forms × 10, the leaf shows one glyph; `pdftotext`
    /// grows to hundreds of MB and runs past a minute on it.
    static func slowPDF() -> Data {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> /Font << /F1 4 0 R >> >> /Contents 14 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        func stream(_ data: String, _ extra: String = "") -> String { "<< /Length \(data.utf8.count) \(extra) >>\nstream\n\(data)\nendstream" }
        for level in 0..<9 {
            if level < 8 {
                objects.append(stream(String(repeating: "q /Y Do Q ", count: 10),
                                      "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Y \(6 + level) 0 R >> >>"))
            } else {
                objects.append(stream("BT /F1 1 Tf 10 10 Td (x) Tj ET", "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"))
            }
        }
        objects.append(stream("BT /F1 12 Tf 50 800 Td (slow) Tj ET q /X Do Q"))
        var body = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }

    /// The pids of every descendant of `pid` (from `/proc/*/stat`).
    static func descendants(of pid: Int32) -> Set<Int32> {
        var parents: [Int32: Int32] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[child] = parent }
        }
        var found: Set<Int32> = []
        var frontier: Set<Int32> = [pid]
        while !frontier.isEmpty {
            let next = Set(parents.filter { frontier.contains($0.value) }.keys).subtracting(found)
            found.formUnion(next)
            frontier = next
        }
        return found
    }

    /// Waits until `pid` no longer runs; `true` when it ended within `seconds`.
    static func waitUntilGone(_ pid: Int32, seconds: Double) -> Bool {
        let start = Date()
        while isRunning(pid) {
            if Date().timeIntervalSince(start) > seconds { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    /// `true` while the process runs (not gone, not a zombie).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    /// Starts `nianbao convert FILE --out OUT`, waits until it has a child whose command line
    /// contains `child` (at most `within` seconds), sends `signal`, and returns the descendants
    /// that still run two seconds later (`nil` when the child never showed).
    static func survivors(converting file: URL, child: String, signal: Int32, within: Double) throws -> [Int32]? {
        guard let executable = CommandLineTests.executable else { return nil }
        let out = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // Started through the sandbox, which gives it no blocked signal (a test thread blocks
        // most, and Foundation's Process would pass that on).
        var request = Sandbox.Request(executable: executable.path, arguments: ["convert", file.path, "--out", out.path],
                                      environment: ProcessInfo.processInfo.environment)
        request.standardOutput = -1
        let pid: Int32
        switch Sandbox.spawn(request) {
        case .success(let started): pid = started
        case .failure(let failure):
            Issue.record("cannot start nianbao: \(failure.description)")
            return nil
        }
        var seen: Set<Int32> = []
        let start = Date()
        while Date().timeIntervalSince(start) < within {
            seen = descendants(of: pid)
            let started = seen.contains { (try? String(contentsOfFile: "/proc/\($0)/cmdline", encoding: .utf8))?.contains(child) == true }
            if started { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        // Let it get going (LibreOffice starts soffice.bin after oosplash).
        Thread.sleep(forTimeInterval: 2)
        seen = descendants(of: pid)
        let showed = seen.contains { (try? String(contentsOfFile: "/proc/\($0)/cmdline", encoding: .utf8))?.contains(child) == true }
        kill(pid, signal)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        Thread.sleep(forTimeInterval: 2)
        guard showed else { return nil }
        let left = seen.filter { isRunning($0) }.sorted()
        for survivor in left { kill(survivor, SIGKILL) }
        return left
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-children-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("pdftotext dies with nianbao on SIGTERM, SIGINT and SIGKILL", arguments: [SIGTERM, SIGINT, SIGKILL])
    func pdftotextDiesWithNianbao(signal: Int32) throws {
        guard PDFReaderTests.popplerPresent("pdftotext dies with nianbao") else { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slow.pdf")
        try Self.slowPDF().write(to: file)
        guard let left = try Self.survivors(converting: file, child: "pdftotext", signal: signal, within: 10) else {
            Issue.record("pdftotext was not seen running under nianbao")
            return
        }
        #expect(left.isEmpty, "still running after signal \(signal): \(left)")
    }

    @Test("LibreOffice, stuck on a file, dies with nianbao on SIGKILL")
    func libreOfficeDiesWithNianbao() throws {
        guard LegacyFixtures.hasLibreOffice else { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // R4's hang.rtf: 200,000 nested groups keep LibreOffice busy for minutes.
        let file = folder.appendingPathComponent("hang.rtf")
        try Data(("{\\rtf1\\ansi " + String(repeating: "{\\b ", count: 200_000) + "x" + String(repeating: "}", count: 200_000) + "}").utf8).write(to: file)
        guard let left = try Self.survivors(converting: file, child: "soffice.bin", signal: SIGKILL, within: 30) else {
            Issue.record("soffice.bin was not seen running under nianbao")
            return
        }
        #expect(left.isEmpty, "still running after SIGKILL: \(left)")
    }

    @Test("pdftotext's memory is limited: the PDF needs too much memory")
    func pdftotextMemoryIsLimited() throws {
        guard PDFReaderTests.popplerPresent("memory limit") else { return }
        let error = PDFReaderTests.read(Self.slowPDF(), "slow.pdf", options: PDFReader.Options(memoryLimit: 160 << 20))
        #expect(error?.problem.contains("the PDF needs too much memory to read: pdftotext went over its limit of 160 MiB") == true, "\(String(describing: error))")
    }

    @Test("a run ends the processes of a dead run's LibreOffice folder before removing it")
    func deadRunsProcessesAreKilled() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A pid that is gone: a child that has been waited for.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = root.appendingPathComponent("\(finished.processIdentifier)-DEADBEEF/batch-1/profile", isDirectory: true)
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        // A stand-in for a LibreOffice left running with its profile in that folder.
        let stray = Process()
        stray.executableURL = URL(fileURLWithPath: "/bin/sh")
        stray.arguments = ["-c", "while :; do sleep 1; done", "-env:UserInstallation=" + dead.absoluteString]
        try stray.run()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.isRunning(stray.processIdentifier))
        LegacyRun.removeDeadRuns(in: root)
        #expect(Self.waitUntilGone(stray.processIdentifier, seconds: 5))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    @Test("children see no network where the machine allows a namespace")
    func childrenHaveNoNetwork() throws {
        guard Sandbox.isolation != .none else {
            print("no network namespace on this machine: children run with the network (warned on stderr)")
            return
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("interfaces.txt").path
        let ended = ChildProcess.run("/bin/cat", arguments: ["/proc/net/dev"], environment: [:], standardOutput: output,
                                     standardError: "/dev/null", stalled: { $0 > 10 })
        #expect(ended == .exited(0))
        let interfaces = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) }
        #expect(interfaces == ["lo"])
    }
}
