public import Foundation
public import Hummingbird
import Logging
import NIOCore
import NianbaoKit
import NianbaoModel
import NianbaoWriters
import ServiceLifecycle
import Synchronization

/// `nianbao serve`: the HTTP front on NianbaoKit. Same readers, contract and diagnostics as the CLI.
public enum NianbaoServer {
    /// The version `GET /version` reports.
    public static let version = "0.1.0"

    /// The application type.
    public typealias App = Application<RouterResponder<BasicRequestContext>>

    /// Builds the application with a fresh private temporary folder; `onRunning` gets the port
    /// it listens on. Call ``removeTemporaryFolder(of:)`` after it has run.
    /// - Throws: ``ServeConfiguration/Problem`` for a bad configuration or when the folder cannot be made.
    public static func application(_ configuration: ServeConfiguration,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> (App, URL) {
        try configuration.check()
        let folder = configuration.temporaryRoot.appendingPathComponent("nianbao-serve-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeConfiguration.Problem(description: "cannot create the temporary folder \(folder.path): \(ErrorText.describe(error))")
        }
        let service = Service(configuration: configuration, folder: folder)
        let router = Router()
        router.add(middleware: AccessLogMiddleware(enabled: configuration.accessLog, metrics: service.metrics))
        router.add(middleware: ErrorMiddleware())
        if let origin = configuration.corsOrigin {
            router.add(middleware: CORSMiddleware(allowOrigin: .custom(origin),
                                                  allowHeaders: [.accept, .authorization, .contentType, .contentDisposition, .origin],
                                                  allowMethods: [.get, .post, .options]))
        }
        if let token = configuration.token {
            router.add(middleware: TokenMiddleware(token: token))
        }
        service.addRoutes(to: router)
        var logger = Logger(label: "nianbao-serve")
        logger.logLevel = .warning
        let app = Application(router: router,
                              configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "nianbao"),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
                              logger: logger)
        return (app, folder)
    }

    /// Runs the service until SIGTERM or SIGINT: then it stops accepting, lets requests in
    /// flight finish (at most the timeout and 5 s more), removes its temporary folder and returns.
    /// - Throws: ``ServeConfiguration/Problem`` for a bad configuration; the server's error when it cannot listen.
    public static func run(_ configuration: ServeConfiguration, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let (app, folder) = try application(configuration, onRunning: onRunning)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "nianbao-serve")
        logger.logLevel = .warning
        var groupConfiguration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(Int64(configuration.timeoutSeconds) + 5)
        try await ServiceGroup(configuration: groupConfiguration).run()
    }
}

/// The routes and the state they share.
struct Service: Sendable {
    let configuration: ServeConfiguration
    let folder: URL
    let slots: ConversionSlots
    let legacy: LegacyOptions
    let pdf: PDFTool
    /// The counters `GET /metrics` shows.
    let metrics = ServeMetrics()
    private let counter = RequestCounter()

    init(configuration: ServeConfiguration, folder: URL) {
        self.configuration = configuration
        self.folder = folder
        slots = ConversionSlots(jobs: configuration.jobs, queue: configuration.queue)
        legacy = configuration.legacyOptions
        pdf = configuration.pdfTool
    }

    /// Input extensions `convert` accepts.
    static let inputExtensions = InputCollector.folderExtensions.union(["json", "text"])

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in ServeResponses.bytes(Array(UploadPage.html.utf8), contentType: "text/html; charset=utf-8") }
        router.get("/openapi.json") { _, _ in ServeResponses.bytes(Array(OpenAPIDocument.json.utf8), contentType: "application/json; charset=utf-8") }
        router.get("/healthz") { _, _ in ServeResponses.json(.object([("status", .string("ok"))])) }
        router.get("/readyz") { _, _ in await readiness() }
        router.get("/version") { _, _ in
            ServeResponses.json(.object([("name", .string("nianbao")), ("version", .string(NianbaoServer.version)),
                                         ("api", .string("v1"))]))
        }
        router.get("/metrics") { _, _ in ServeResponses.bytes(metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8") }
        router.get("/v1/schema") { _, _ in ServeResponses.bytes(Array(ReportSchema.json.utf8), contentType: "application/schema+json; charset=utf-8") }
        router.post("/v1/convert") { request, _ in try await convert(request) }
        router.post("/v1/convert-batch") { request, _ in try await convertBatch(request) }
        router.post("/v1/validate") { request, _ in try await validate(request) }
    }

    // MARK: convert

    private func outputFormat(_ request: Request) throws -> ReportOutput.Format {
        guard let given = request.uri.queryParameters["to"].map(String.init) else { return .json }
        guard let format = ReportOutput.Format(rawValue: given) else {
            throw APIError.badRequest("unknown output format to=\(given); use one of json, jsonl, csv, csv-long, docx")
        }
        return format
    }

    /// The file name of a raw body: `?filename=` or the `Content-Disposition` header.
    private func rawName(_ request: Request) -> String? {
        if let given = request.uri.queryParameters["filename"].map(String.init), !given.isEmpty { return given }
        return request.headers[.contentDisposition].flatMap { Uploads.parameter("filename", in: $0) }
    }

    private func convert(_ request: Request) async throws -> Response {
        let format = try outputFormat(request)
        if Uploads.declaresTooMuch(request, limit: configuration.maxBodyBytes) { throw APIError.tooLarge(limit: configuration.maxBodyBytes) }
        let requestFiles = RequestFiles(root: folder, id: counter.next())
        defer { requestFiles.remove() }
        let files = try await Uploads.receive(request, into: requestFiles, limit: configuration.maxBodyBytes, rawName: rawName(request))
        guard files.count == 1, let file = files.first else {
            throw APIError.badRequest(files.isEmpty ? "the multipart body has no file part (a part with filename=)"
                                                    : "\(files.count) files in one request: POST /v1/convert-batch converts several")
        }
        let ext = Uploads.fileExtension(file.name)
        guard ext.isEmpty || Self.inputExtensions.contains(ext) else {
            throw APIError(status: .unsupportedMediaType, code: "unsupported_format",
                           message: "\(file.name): .\(ext) is not a format nianbao reads (\(Self.inputExtensions.sorted().map { "." + $0 }.joined(separator: " ")))",
                           stage: "read")
        }
        guard file.size > 0 else { throw APIError.badRequest("\(file.name): the file is empty") }
        let legacy = self.legacy, pdf = self.pdf, metrics = self.metrics
        let (report, output) = try await withSlot {
            try await Self.offload { () throws -> (Report, Data) in
                let data = try Data(contentsOf: file.url)
                let inputFormat = Pipeline.format(of: URL(fileURLWithPath: file.name), data: data)
                let report: Report
                do {
                    report = try Pipeline.convert(data: data, fileName: file.name, displayPath: file.name,
                                                  format: inputFormat, legacy: legacy, pdf: pdf)
                } catch let error as ConversionError {
                    let failure = APIError.conversion(error, shownName: file.name)
                    metrics.conversion(format: inputFormat.rawValue, outcome: failure.code)
                    throw failure
                }
                metrics.conversion(format: inputFormat.rawValue, outcome: "ok")
                do {
                    return (report, try ReportOutput.data(for: report, format: format))
                } catch {
                    throw APIError(status: .internalServerError, code: "write_failed", message: "\(file.name): \(ErrorText.describe(error))", stage: "write")
                }
            }
        }
        var headers = HTTPFields()
        headers[.contentDisposition] = ServeResponses.attachment(Self.stem(file.name) + "." + format.fileExtension)
        headers[ServeHeaders.inputFormat] = report.source.format.rawValue
        return ServeResponses.bytes(output, contentType: format.mediaType, headers: headers)
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    // MARK: batch

    private func convertBatch(_ request: Request) async throws -> Response {
        if Uploads.declaresTooMuch(request, limit: configuration.maxBodyBytes) { throw APIError.tooLarge(limit: configuration.maxBodyBytes) }
        let requestFiles = RequestFiles(root: folder, id: counter.next())
        defer { requestFiles.remove() }
        let isZip = request.headers[.contentType].map { $0.lowercased().hasPrefix("application/zip") } ?? false
        let name = rawName(request) ?? (isZip ? "upload.zip" : nil)
        let uploads = try await Uploads.receive(request, into: requestFiles, limit: configuration.maxBodyBytes, rawName: name)
        let maxBody = configuration.maxBodyBytes
        let legacy = self.legacy, pdf = self.pdf, metrics = self.metrics
        let lines = try await withSlot {
            try await Self.offload { () throws -> [UInt8] in
                // A zip upload (raw or a multipart part) is unpacked into the request's files.
                var inputs: [UploadedFile] = []
                var lines: [UInt8] = []
                for upload in uploads {
                    guard Uploads.fileExtension(upload.name) == "zip" else {
                        inputs.append(upload)
                        continue
                    }
                    do {
                        try ZipUnpacker.unpack(upload, into: requestFiles, startingAt: inputs.count + 1000 * (uploads.count + 1),
                                               maxTotalBytes: 4 * maxBody) { inputs.append($0) }
                    } catch {
                        Self.appendErrorLine(file: upload.name, stage: "read", message: String(describing: error), to: &lines)
                    }
                }
                var items: [InputItem] = []
                var names: [String: String] = [:]
                for input in inputs {
                    let ext = Uploads.fileExtension(input.name)
                    if !ext.isEmpty && !Self.inputExtensions.contains(ext) {
                        Self.appendErrorLine(file: input.name, stage: "read", message: ".\(ext) is not a format nianbao reads", to: &lines)
                        continue
                    }
                    names[input.url.path] = input.name
                    items.append(InputItem(url: input.url, outputStem: Self.stem(input.name), sourceName: input.name))
                }
                var converter = BatchConverter(jobs: 1)
                converter.legacy = legacy
                converter.pdf = pdf
                _ = converter.run(items, work: { _, _ in }, ordered: { outcome in
                    switch outcome.result {
                    case .success(let report):
                        metrics.conversion(format: report.source.format.rawValue, outcome: "ok")
                        ReportJSON.append(report, pretty: false, to: &lines)
                        lines.append(UInt8(ascii: "\n"))
                    case .failure(let error):
                        let shown = names[outcome.item.path] ?? error.file
                        metrics.conversion(format: Pipeline.format(of: URL(fileURLWithPath: shown), data: Data()).rawValue,
                                           outcome: APIError.conversion(error, shownName: shown).code)
                        Self.appendErrorLine(file: shown, stage: error.stage.rawValue, message: error.message, to: &lines)
                    }
                })
                return lines
            }
        }
        return ServeResponses.bytes(lines, contentType: "application/x-ndjson; charset=utf-8")
    }

    /// An error line of the batch output: the columns of `errors.csv`.
    static func appendErrorLine(file: String, stage: String, message: String, to lines: inout [UInt8]) {
        let value = JSONValue.object([("error", .object([("file", .string(file)), ("stage", .string(stage)), ("message", .string(message))]))])
        lines += value.serializedUTF8(pretty: false)
        lines.append(UInt8(ascii: "\n"))
    }

    // MARK: validate

    private func validate(_ request: Request) async throws -> Response {
        if Uploads.declaresTooMuch(request, limit: configuration.maxBodyBytes) { throw APIError.tooLarge(limit: configuration.maxBodyBytes) }
        let requestFiles = RequestFiles(root: folder, id: counter.next())
        defer { requestFiles.remove() }
        let files = try await Uploads.receive(request, into: requestFiles, limit: configuration.maxBodyBytes,
                                              rawName: rawName(request) ?? "report.json")
        guard files.count == 1, let file = files.first else { throw APIError.badRequest("validate checks one report per request") }
        let legacy = self.legacy, pdf = self.pdf
        let entry = try await withSlot {
            try await Self.offload { () throws -> JSONValue in
                let data = try Data(contentsOf: file.url)
                do {
                    var report = try Pipeline.convert(data: data, fileName: file.name, displayPath: file.name,
                                                      format: Pipeline.format(of: URL(fileURLWithPath: file.name), data: data), legacy: legacy, pdf: pdf)
                    report.diagnostics += ReportCheck.unlistedNullCells(report)
                    let breaks = ReportCheck.ruleBreaks(report)
                    var byRule: [String: Int] = [:]
                    for diagnostic in breaks { byRule[diagnostic.code, default: 0] += 1 }
                    return .object([
                        ("reports", .array([ReportCheck.entry(report, file: file.name)])),
                        ("summary", ReportCheck.summary(checked: 1, clean: breaks.isEmpty ? 1 : 0, withBreaks: breaks.isEmpty ? 0 : 1,
                                                        failed: 0, byRule: byRule)),
                    ])
                } catch let error as ConversionError {
                    throw APIError.conversion(error, shownName: file.name)
                }
            }
        }
        return ServeResponses.json(entry)
    }

    // MARK: readiness

    private func readiness() async -> Response {
        let environment = configuration.environment
        let pdftotext = Self.onPath("pdftotext", environment: environment)
        let soffice = environment["NIANBAO_SOFFICE"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
            ?? Self.onPath("soffice", environment: environment) ?? Self.onPath("libreoffice", environment: environment)
        let load = slots.load
        let ready = pdftotext != nil && soffice != nil
        return ServeResponses.json(.object([
            ("status", .string(ready ? "ready" : "degraded")),
            ("readers", .array(["text", "docx", "html", "json"].map(JSONValue.string))),
            ("pdftotext", .optional(pdftotext)),
            ("libreoffice", .optional(soffice)),
            ("running", .optional(load.running)), ("queued", .optional(load.waiting)),
        ]), status: ready ? .ok : .serviceUnavailable)
    }

    static func onPath(_ program: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    // MARK: bounded work

    /// Runs `work` holding a conversion slot; 503 with `Retry-After` when none is free and the queue is full.
    private func withSlot<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        guard await slots.acquire() else { throw APIError.busy(retryAfter: 2) }
        do {
            let result = try await work()
            slots.release()
            return result
        } catch {
            slots.release()
            throw error
        }
    }

    /// Runs blocking work (reading, child processes) on a Dispatch thread, off the server's threads.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// Request numbers for folder names and log lines.
final class RequestCounter: Sendable {
    private let value = Mutex(0)

    func next() -> String {
        String(value.withLock { $0 += 1; return $0 })
    }
}
