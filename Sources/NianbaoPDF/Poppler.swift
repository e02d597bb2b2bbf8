import Foundation
import NianbaoSandbox
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs Poppler's `pdftotext -bbox-layout` on a PDF and returns its XHTML: every word with its box.
///
/// The PDF bytes go to an anonymous in-memory file (`memfd_create`) handed to the tool as its
/// descriptor 3 (`/dev/fd/3`): nothing is left behind when either process dies. Where there is no
/// such file, a private copy (mode 0600, `nianbao-pdf-<pid>-<UUID>.pdf` in `/dev/shm` or the
/// temporary folder) is removed afterwards, by the signal handlers, or by a later run once its
/// owner is gone. The tool runs through ``Sandbox`` (no network where allowed, its own process
/// group, killed when nianbao dies, an address-space limit), with an argument list (no shell), a
/// time limit, a page limit, a cap on the output it may write and a word budget checked while it
/// writes; its standard error is read alongside its output and its first kilobytes explain a failure.
struct Poppler {
    /// The `pdftotext` executable.
    var executable: URL
    /// The most pages read; a PDF with more is refused.
    var maximumPages: Int
    /// The most seconds `pdftotext` may run.
    var timeLimit: Double
    /// The most bytes of XHTML accepted.
    var maximumOutputBytes: Int
    /// The most words (`<word` elements) accepted.
    var maximumWords: Int = 300_000
    /// `pdftotext`'s address-space limit in bytes (`RLIMIT_AS`).
    var memoryLimit: UInt64 = 1 << 30

    /// What `pdftotext` wrote and said.
    struct Output {
        var xhtml: Data
        /// Its standard error, trimmed (Poppler's warnings: "Syntax Error", ...).
        var messages: String
    }

    /// The process environment's value of `name` (`getenv`: `ProcessInfo.environment` copies the
    /// whole environment into a dictionary, and it was read so three times per PDF, 0.6 % of a PDF run in `perf`).
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// `pdftotext` on `PATH` (or the given path); `nil` when there is none.
    static func locate(_ override: String?) -> URL? {
        let manager = FileManager.default
        if let override {
            return manager.isExecutableFile(atPath: override) ? URL(fileURLWithPath: override) : nil
        }
        let path = environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/pdftotext"
            if manager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    /// The PDF as the tool sees it: a path, the descriptor to hand it as 3 (or -1), and what to
    /// undo afterwards.
    private struct Input {
        var path: String
        var descriptor: Int32
        var fileSlot: Int32?

        func remove() {
            if descriptor >= 0 { close(descriptor) }
            if let fileSlot {
                unlink(path)
                Sandbox.untrack(fileSlot: fileSlot)
            }
        }
    }

    /// Runs `pdftotext -bbox-layout -enc UTF-8 -f 1 -l (maximumPages + 1) FILE -` on `data`.
    /// - Throws: ``PDFError`` for an encrypted or unreadable PDF, a timeout, too much output, or
    ///   a PDF that needs more memory than the limit.
    func run(_ data: Data, fileName: String) throws -> Output {
        Sandbox.installInterruptHandlers()
        let input = try Self.input(data, fileName: fileName)
        defer { input.remove() }
        guard let outputPipe = Sandbox.pipe() else {
            throw PDFError(.tool, file: fileName, problem: "cannot make a pipe for pdftotext (errno \(errno))")
        }
        guard let errorPipe = Sandbox.pipe() else {
            close(outputPipe[0]); close(outputPipe[1])
            throw PDFError(.tool, file: fileName, problem: "cannot make a pipe for pdftotext (errno \(errno))")
        }
        // No `-q`: Poppler's messages (syntax errors, a password request) explain failures.
        var request = Sandbox.Request(executable: executable.path,
                                      arguments: ["-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", String(maximumPages + 1), input.path, "-"],
                                      environment: ProcessInfo.processInfo.environment)
        request.standardOutput = outputPipe[1]
        request.standardError = errorPipe[1]
        request.descriptor3 = input.descriptor
        request.addressSpaceLimit = memoryLimit
        let started = Sandbox.spawn(request)
        close(outputPipe[1])
        close(errorPipe[1])
        let pid: pid_t
        switch started {
        case .success(let child):
            pid = child
        case .failure(let failure):
            close(outputPipe[0]); close(errorPipe[0])
            throw PDFError(.tool, file: fileName, problem: "cannot run \(executable.path): \(failure.description)")
        }
        Sandbox.track(group: pid)
        defer { Sandbox.untrack(group: pid) }
        // Both pipes are read on this thread, by `poll` until the deadline: a thread of its own
        // for standard error waited on Dispatch's pool, which the batch's workers fill (a PDF run
        // with 2 jobs was slower than with 1), and so did the timer that killed an overrunning tool.
        let deadline = Sandbox.monotonicSeconds() + timeLimit
        var timedOut = false
        var xhtml = Data()
        var errorBytes = Data()
        var overflow = false, tooManyWords = false
        var words = 0
        let marker = Array("<word ".utf8)
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var outputOpen = true, errorOpen = true
        var killed = false
        var killedAt = 0.0
        defer {
            if outputOpen { close(outputPipe[0]) }
            if errorOpen { close(errorPipe[0]) }
        }
        while outputOpen || errorOpen {
            var descriptors = [pollfd(fd: outputOpen ? outputPipe[0] : -1, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: errorOpen ? errorPipe[0] : -1, events: Int16(POLLIN), revents: 0)]
            let remaining = deadline - Sandbox.monotonicSeconds()
            if remaining <= 0 && !killed {
                kill(-pid, SIGKILL)
                killed = true
                killedAt = Sandbox.monotonicSeconds()
                timedOut = true
            }
            // Once killed, the pipes close at once (given up a few seconds on, should something
            // outside the group hold them).
            if killed && Sandbox.monotonicSeconds() > max(deadline, killedAt) + 5 { break }
            let ready = poll(&descriptors, 2, killed ? 1000 : Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                if !killed { kill(-pid, SIGKILL); killed = true }
                break
            }
            if ready == 0 { continue }
            if outputOpen && descriptors[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(outputPipe[0], $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    close(outputPipe[0]); outputOpen = false
                } else if xhtml.count + count > maximumOutputBytes {
                    overflow = true
                } else {
                    // Words counted as they come (a marker cut between two reads is found in the joined tail).
                    let from = max(0, xhtml.count - (marker.count - 1))
                    xhtml.append(contentsOf: buffer[0..<count])
                    words += Self.occurrences(of: marker, in: xhtml, from: from)
                    if words > maximumWords { tooManyWords = true }
                }
                if (overflow || tooManyWords) && outputOpen {
                    if !killed { kill(-pid, SIGKILL); killed = true; killedAt = Sandbox.monotonicSeconds() }
                    close(outputPipe[0]); outputOpen = false
                }
            }
            if errorOpen && descriptors[1].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(errorPipe[0], $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    close(errorPipe[0]); errorOpen = false
                } else if errorBytes.count < 8 << 10 {
                    // Poppler's messages: the first 8 KiB explain a failure; the rest is drained.
                    errorBytes.append(contentsOf: buffer[0..<min(count, (8 << 10) - errorBytes.count)])
                }
            }
        }
        // Waited for without reaping first, so no signal ever goes to a reused group id; a tool
        // that closed its pipes but lives on is killed at the deadline.
        var pause: UInt32 = 20
        while true {
            if Sandbox.hasEnded(pid) { break }
            if !killed && Sandbox.monotonicSeconds() >= deadline {
                kill(-pid, SIGKILL)
                killed = true
                timedOut = true
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let messages = String(decoding: errorBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)

        if overflow {
            throw PDFError(.tooLarge, file: fileName, problem: "pdftotext wrote more than \(maximumOutputBytes >> 20) MiB of word boxes; one report is far less")
        }
        if tooManyWords {
            throw PDFError(.tooLarge, file: fileName, problem: "the PDF holds more than \(maximumWords) words; one report is a few thousand (limit \(maximumWords))")
        }
        if timedOut {
            throw PDFError(.tooLarge, file: fileName, problem: "pdftotext did not finish within \(Int(timeLimit)) s; one report is a few pages")
        }
        let signal = status & 0x7F
        let lowered = messages.lowercased()
        let outOfMemory = lowered.contains("out of memory") || lowered.contains("bad_alloc") || lowered.contains("cannot allocate")
        // Under the address-space limit an allocation fails: Poppler says "Out of memory", or
        // C++'s `bad_alloc` ends in `abort`.
        if outOfMemory || (signal == SIGABRT && memoryLimit > 0) {
            throw PDFError(.tooLarge, file: fileName, problem: "the PDF needs too much memory to read: pdftotext went over its limit of \(memoryLimit >> 20) MiB (NIANBAO_PDF_MEMORY_MB)\(Self.firstLine(messages))")
        }
        if signal != 0 {
            throw PDFError(.tool, file: fileName, problem: "pdftotext was killed by signal \(signal)\(Self.firstLine(messages))")
        }
        let code = (status >> 8) & 0xFF
        if code != 0 {
            if lowered.contains("password") || lowered.contains("encrypt") {
                throw PDFError(.encrypted, file: fileName, problem: "the PDF is encrypted and Poppler cannot open it without its password; decrypt it first (for example `qpdf --decrypt`)")
            }
            if code == 99 && lowered.contains("usage: pdftotext") {
                throw PDFError(.tool, file: fileName, problem: "\(executable.path) does not know -bbox-layout: Poppler 0.62 or later is needed (install a current poppler-utils)")
            }
            if code == 3 || lowered.contains("permission") {
                throw PDFError(.encrypted, file: fileName, problem: "the PDF's permissions forbid copying its text\(Self.firstLine(messages))")
            }
            throw PDFError(.damaged, file: fileName, problem: "Poppler cannot read this PDF (pdftotext exit \(code))\(Self.firstLine(messages))")
        }
        return Output(xhtml: xhtml, messages: messages)
    }

    /// How many times `marker` starts in `data` at or after `from`.
    static func occurrences(of marker: [UInt8], in data: Data, from: Int) -> Int {
        guard let first = marker.first else { return 0 }
        return data.withUnsafeBytes { raw -> Int in
            let bytes = raw.bindMemory(to: UInt8.self)
            var count = 0
            var index = from
            let end = bytes.count - marker.count
            while index <= end {
                if bytes[index] == first {
                    var matched = true
                    for offset in 1..<marker.count where bytes[index + offset] != marker[offset] {
                        matched = false
                        break
                    }
                    if matched { count += 1 }
                }
                index += 1
            }
            return count
        }
    }

    /// The PDF for the tool: an in-memory file given as descriptor 3, else a private copy.
    private static func input(_ data: Data, fileName: String) throws -> Input {
        let memory = Sandbox.memoryFile(named: "nianbao-pdf")
        if memory >= 0 {
            if writeAll(data, to: memory) { return Input(path: "/dev/fd/3", descriptor: memory, fileSlot: nil) }
            close(memory)
        }
        let path = try temporaryCopy(data, fileName: fileName)
        return Input(path: path, descriptor: -1, fileSlot: Sandbox.track(file: path))
    }

    /// Writes all of `data` to `descriptor`.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
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
    }

    /// Removes, once per process, the private copies of runs whose process is gone (named
    /// `nianbao-pdf-<pid>-…`), and any older than ten minutes (a copy lives while `pdftotext`
    /// runs, at most its time limit; names without a pid come from earlier versions).
    static let staleCopiesRemoved: Void = {
        let manager = FileManager.default
        for folder in ["/dev/shm", manager.temporaryDirectory.path] {
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("nianbao-pdf-") {
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == getuid() else { continue }
                let rest = name.dropFirst("nianbao-pdf-".count)
                let owner = rest.split(separator: "-").first.flatMap { Int32($0) }
                let ownerGone = owner.map { kill($0, 0) != 0 && errno == ESRCH } ?? false
                let old = Date().timeIntervalSince1970 - Double(status.st_mtim.tv_sec) > 600
                if ownerGone || (old && owner != getpid()) { unlink(path) }
            }
        }
    }()

    /// Writes `data` to a new private file (mode 0600, created exclusively) in `/dev/shm` when it
    /// is there (no disk work), else in the temporary folder; returns its path.
    private static func temporaryCopy(_ data: Data, fileName: String) throws -> String {
        _ = staleCopiesRemoved
        var isFolder: ObjCBool = false
        let shm = "/dev/shm"
        let folder = FileManager.default.fileExists(atPath: shm, isDirectory: &isFolder) && isFolder.boolValue && access(shm, W_OK) == 0
            ? shm : FileManager.default.temporaryDirectory.path
        let path = folder + "/nianbao-pdf-\(getpid())-\(UUID().uuidString).pdf"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PDFError(.tool, file: fileName, problem: "cannot write a temporary copy for pdftotext in \(folder) (errno \(errno))")
        }
        defer { close(descriptor) }
        guard writeAll(data, to: descriptor) else {
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
