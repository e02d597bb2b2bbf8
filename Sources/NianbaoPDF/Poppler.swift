import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs Poppler's `pdftotext -bbox-layout` on a PDF and returns its XHTML: every word with its box.
///
/// The PDF bytes go to a private temporary file (mode 0600, removed afterwards); the tool runs as
/// a child process with an argument list (no shell), a time limit, a page limit and a cap on the
/// output it may write; its standard error goes to a second temporary file and is read back (first
/// kilobytes only) to explain a failure.
struct Poppler {
    /// The `pdftotext` executable.
    var executable: URL
    /// The most pages read; a PDF with more is refused.
    var maximumPages: Int
    /// The most seconds `pdftotext` may run.
    var timeLimit: Double
    /// The most bytes of XHTML accepted.
    var maximumOutputBytes: Int

    /// What `pdftotext` wrote and said.
    struct Output {
        var xhtml: Data
        /// Its standard error, trimmed (Poppler's warnings: "Syntax Error", ...).
        var messages: String
    }

    /// `pdftotext` on `PATH` (or the given path); `nil` when there is none.
    static func locate(_ override: String?) -> URL? {
        let manager = FileManager.default
        if let override {
            return manager.isExecutableFile(atPath: override) ? URL(fileURLWithPath: override) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/pdftotext"
            if manager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    /// Runs `pdftotext -bbox-layout -enc UTF-8 -f 1 -l (maximumPages + 1) FILE -` on `data`.
    /// - Throws: ``PDFError`` for an encrypted or unreadable PDF, a timeout, or too much output.
    func run(_ data: Data, fileName: String) throws -> Output {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("nianbao-pdf-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PDFError(.tool, file: fileName, problem: "cannot make a temporary folder for pdftotext: \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        let errors = folder.appendingPathComponent("stderr.txt")
        guard manager.createFile(atPath: input.path, contents: data, attributes: [.posixPermissions: 0o600]),
              manager.createFile(atPath: errors.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw PDFError(.tool, file: fileName, problem: "cannot write the temporary copy for pdftotext")
        }
        let errorHandle: FileHandle
        do {
            errorHandle = try FileHandle(forWritingTo: errors)
        } catch {
            throw PDFError(.tool, file: fileName, problem: "cannot open pdftotext's message file: \(error.localizedDescription)")
        }
        defer { try? errorHandle.close() }

        let process = Process()
        process.executableURL = executable
        // No `-q`: Poppler's messages (syntax errors, a password request) explain failures.
        process.arguments = ["-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", String(maximumPages + 1), input.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PDFError(.tool, file: fileName, problem: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        let watchdog = Watchdog(pid: process.processIdentifier)
        watchdog.arm(after: timeLimit)

        var xhtml = Data()
        let reader = output.fileHandleForReading
        var overflow = false
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            if xhtml.count + chunk.count > maximumOutputBytes {
                overflow = true
                watchdog.fire()
                break
            }
            xhtml.append(chunk)
        }
        try? reader.close()
        process.waitUntilExit()
        let timedOut = watchdog.disarm()
        let messages = Self.readMessages(errors)

        if overflow {
            throw PDFError(.tooLarge, file: fileName, problem: "pdftotext wrote more than \(maximumOutputBytes >> 20) MiB of word boxes; one report is far less")
        }
        if timedOut {
            throw PDFError(.tooLarge, file: fileName, problem: "pdftotext did not finish within \(Int(timeLimit)) s; one report is a few pages")
        }
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            throw PDFError(.tool, file: fileName, problem: "pdftotext was killed by signal \(status)\(Self.firstLine(messages))")
        }
        if status != 0 {
            let lowered = messages.lowercased()
            if lowered.contains("password") || lowered.contains("encrypt") {
                throw PDFError(.encrypted, file: fileName, problem: "the PDF is encrypted and Poppler cannot open it without its password; decrypt it first (for example `qpdf --decrypt`)")
            }
            if status == 3 || lowered.contains("permission") {
                throw PDFError(.encrypted, file: fileName, problem: "the PDF's permissions forbid copying its text\(Self.firstLine(messages))")
            }
            throw PDFError(.damaged, file: fileName, problem: "Poppler cannot read this PDF (pdftotext exit \(status))\(Self.firstLine(messages))")
        }
        return Output(xhtml: xhtml, messages: messages)
    }

    /// The first 8 KiB of the message file, trimmed.
    private static func readMessages(_ url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 8 << 10)) ?? Data()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `": first line"` of Poppler's messages, or nothing.
    static func firstLine(_ messages: String) -> String {
        guard let line = messages.split(whereSeparator: \.isNewline).first else { return "" }
        return ": " + String(line.prefix(200))
    }
}

/// Kills a child process (SIGKILL) when its time is up, unless disarmed first. The only state
/// shared with the timer's queue is behind a lock.
private final class Watchdog: @unchecked Sendable {
    private let pid: Int32
    private let lock = NSLock()
    private var finished = false
    private var killed = false

    init(pid: Int32) { self.pid = pid }

    func arm(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in fire() }
    }

    /// Kills the process now, unless it has been waited for.
    func fire() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, !killed else { return }
        killed = true
        kill(pid, SIGKILL)
    }

    /// Called once the process has been waited for; `true` when the timer killed it.
    func disarm() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        return killed
    }
}
