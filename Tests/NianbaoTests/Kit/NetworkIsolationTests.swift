import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP listener (a test fixture, not product HTTP) that counts connections and the
/// first line of each request; any connection means a converted document reached the network.
final class RequestTrap: @unchecked Sendable {
    // Safety: `lines` and `stopped` are only touched with `lock` held.
    private let lock = NSLock()
    private var lines: [String] = []
    private var stopped = false
    private let socket: Int32
    private let finished = DispatchSemaphore(value: 0)

    /// Listens on 127.0.0.1:`port` (the fixtures' port; shared with a parallel run of this test
    /// through `SO_REUSEPORT`, so a request is still seen by one of them).
    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(socket, SOL_SOCKET, SO_REUSEPORT, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        Thread.detachNewThread { [self] in serve() }
    }

    private func serve() {
        while true {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            lock.lock()
            let stop = stopped
            lock.unlock()
            if stop { break }
            guard ready > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 2048)
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = read(client, &buffer, buffer.count)
            let line = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? "" : "(connection)"
            lock.lock()
            lines.append(line)
            lock.unlock()
            close(client)
        }
        close(socket)
        finished.signal()
    }

    /// Stops listening; returns what was asked for.
    func stop() -> [String] {
        lock.lock()
        stopped = true
        lock.unlock()
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// Converting a document never touches the network (R1): documents naming http://127.0.0.1:47613/…
/// in linked images, a linked section, INCLUDEPICTURE/INCLUDETEXT fields, style sheets, frames
/// and PDF link and external-stream objects (`Scripts/make-network-fixtures.sh`) are converted
/// by the built `nianbao` while a listener on that port counts requests: none may arrive, with
/// the network namespace and, separately, with it turned off (LibreOffice's profile alone).
@Suite("Network isolation", .serialized)
struct NetworkIsolationTests {
    static let port: UInt16 = 47613

    static func fixtures() throws -> [URL] {
        var urls: [URL] = []
        for ext in ["odt", "doc", "rtf", "wps", "html", "pdf"] {
            guard let url = Bundle.module.url(forResource: "links", withExtension: ext, subdirectory: "Fixtures/network") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/network/links.\(ext)"])
            }
            urls.append(url)
        }
        return urls
    }

    /// Runs `nianbao convert` on every fixture with `environment` added; returns the requests seen
    /// and the command's standard error, or `nil` when nianbao or LibreOffice is missing.
    static func convertAll(extra environment: [String: String]) throws -> (requests: [String], err: String, status: Int32)? {
        guard let executable = CommandLineTests.executable else {
            print("nianbao executable not built beside the tests: network isolation test skipped")
            return nil
        }
        guard LegacyFixtures.hasLibreOffice else {
            print("LibreOffice (soffice) is not installed: the network isolation test is skipped")
            return nil
        }
        let out = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let trap = try RequestTrap(port: port)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["convert"] + (try fixtures()).map(\.path) + ["--out", out.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Late requests (a child still running) would come within a second.
        Thread.sleep(forTimeInterval: 1)
        return (trap.stop(), String(decoding: errData, as: UTF8.self), process.terminationStatus)
    }

    @Test func noRequestWithTheNetworkNamespace() throws {
        guard let run = try Self.convertAll(extra: [:]) else { return }
        #expect(run.requests.isEmpty, "requests while converting: \(run.requests)")
        // Every fixture was read (LibreOffice converted the four word-processing files): each is
        // refused as no report, none as unreadable.
        #expect(run.status == 1)
        #expect(run.err.components(separatedBy: "not a government information disclosure annual report").count - 1 >= 4, "\(run.err)")
    }

    @Test func noRequestWithTheProfileAlone() throws {
        guard let run = try Self.convertAll(extra: ["NIANBAO_NETWORK_NAMESPACE": "0"]) else { return }
        #expect(run.requests.isEmpty, "requests while converting: \(run.requests)")
        #expect(run.err.contains("NIANBAO_NETWORK_NAMESPACE=0 is set"))
        #expect(run.err.components(separatedBy: "not a government information disclosure annual report").count - 1 >= 4, "\(run.err)")
    }
}
