import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs Poppler's `pdftotext -bbox-layout` on a PDF and returns its XHTML: every word with its box.
///
/// The PDF bytes go to a private temporary file (mode 0600, in `/dev/shm` when there is one,
/// removed afterwards); the tool runs as a child process with an argument list (no shell), a time
/// limit, a page limit and a cap on the output it may write; its standard error is drained on
/// another thread and its first kilobytes explain a failure.
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
        let input = try Self.temporaryCopy(data, fileName: fileName)
        defer { unlink(input) }

        let process = Process()
        process.executableURL = executable
        // No `-q`: Poppler's messages (syntax errors, a password request) explain failures.
        process.arguments = ["-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", String(maximumPages + 1), input, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // `waitUntilExit` polls its run loop every 50 ms; the termination handler says it at once.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw PDFError(.tool, file: fileName, problem: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        let watchdog = Watchdog(pid: process.processIdentifier)
        watchdog.arm(after: timeLimit)
        // Standard error is drained on another thread (a flood of messages must not block the
        // tool), keeping its first 8 KiB.
        let messageBox = MessageBox()
        let errorReader = errors.fileHandleForReading
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while true {
                let chunk = errorReader.availableData
                if chunk.isEmpty { break }
                messageBox.append(chunk)
            }
            drained.signal()
        }

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
        exited.wait()
        drained.wait()
        try? errorReader.close()
        let timedOut = watchdog.disarm()
        let messages = messageBox.text

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
            if status == 99 && lowered.contains("usage: pdftotext") {
                throw PDFError(.tool, file: fileName, problem: "\(executable.path) does not know -bbox-layout: Poppler 0.62 or later is needed (install a current poppler-utils)")
            }
            if status == 3 || lowered.contains("permission") {
                throw PDFError(.encrypted, file: fileName, problem: "the PDF's permissions forbid copying its text\(Self.firstLine(messages))")
            }
            throw PDFError(.damaged, file: fileName, problem: "Poppler cannot read this PDF (pdftotext exit \(status))\(Self.firstLine(messages))")
        }
        return Output(xhtml: xhtml, messages: messages)
    }

    /// Writes `data` to a new private file (mode 0600, created exclusively) in `/dev/shm` when it
    /// is there (no disk work), else in the temporary folder; returns its path.
    private static func temporaryCopy(_ data: Data, fileName: String) throws -> String {
        var isFolder: ObjCBool = false
        let shm = "/dev/shm"
        let folder = FileManager.default.fileExists(atPath: shm, isDirectory: &isFolder) && isFolder.boolValue && access(shm, W_OK) == 0
            ? shm : FileManager.default.temporaryDirectory.path
        let path = folder + "/nianbao-pdf-\(UUID().uuidString).pdf"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PDFError(.tool, file: fileName, problem: "cannot write a temporary copy for pdftotext in \(folder) (errno \(errno))")
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        guard written else {
            unlink(path)
            throw PDFError(.tool, file: fileName, problem: "cannot write a temporary copy for pdftotext in \(folder) (errno \(errno))")
        }
        return path
    }

    /// `": first line"` of Poppler's messages, or nothing.
    static func firstLine(_ messages: String) -> String {
        guard let line = messages.split(whereSeparator: \.isNewline).first else { return "" }
        return ": " + String(line.prefix(200))
    }
}

/// Poppler's messages, collected on the thread that drains its standard error: the first 8 KiB.
private final class MessageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()

    func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        if bytes.count < 8 << 10 { bytes.append(chunk.prefix((8 << 10) - bytes.count)) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
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
