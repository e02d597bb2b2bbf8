import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import Logging
import NianbaoServe
import ServiceLifecycle
import Testing

/// A `nianbao serve` started in-process on a free port, called over real HTTP (URLSession).
struct RunningServer {
    let port: Int
    let temporaryRoot: URL
    let task: Task<Void, any Error>
    let group: ServiceGroup

    static func start(_ configure: (inout ServeConfiguration) -> Void = { _ in }) async throws -> RunningServer {
        var configuration = ServeConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        configuration.jobs = 2
        configuration.queue = 64
        configuration.temporaryRoot = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: configuration.temporaryRoot, withIntermediateDirectories: true)
        configure(&configuration)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let (app, _) = try NianbaoServer.application(configuration) { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "serve-test")))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return RunningServer(port: port, temporaryRoot: configuration.temporaryRoot, task: task, group: group)
    }

    /// Graceful shutdown (as on SIGTERM): stops accepting, lets requests in flight finish.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        try? FileManager.default.removeItem(at: temporaryRoot)
    }

    /// Files left in the server's temporary folders (request folders and their inputs).
    func leftoverFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: temporaryRoot.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.contains("request-") }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        var error: [String: Any]? { json?["error"] as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func call(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// `POST /v1/convert?filename=NAME&to=FORMAT` with `data` as the raw body.
    func convert(_ data: Data, name: String, to format: String = "json", headers: [String: String] = [:]) async throws -> Reply {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? name
        return try await call("POST", "/v1/convert?filename=\(encoded)&to=\(format)", body: data, headers: headers)
    }

    /// A `multipart/form-data` body with the given files.
    static func multipart(_ files: [(name: String, data: Data)], boundary: String = "nianbao-test-boundary") -> Data {
        var body = Data()
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }

    /// Sends only the request head (and `sent` bytes of a declared `declared`-byte body) over a
    /// plain socket and returns the status line the server answers with.
    func statusLineForDeclaredBody(path: String, declared: Int, sent: Int) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: \(declared)\r\n\r\n"
        var bytes = Array(head.utf8) + [UInt8](repeating: 0x41, count: sent)
        _ = bytes.withUnsafeMutableBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(socket, &buffer, buffer.count, 0)
        try #require(count > 0, "no answer before the body was sent")
        return String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
    }
}

/// The package's fixtures (bundled) and samples.
enum ServeFixtures {
    static func url(_ relative: String) throws -> URL {
        let root = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        return root.appendingPathComponent(relative)
    }

    static var hasPdftotext: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }
    }

    static var hasLibreOffice: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
        }
    }
}
