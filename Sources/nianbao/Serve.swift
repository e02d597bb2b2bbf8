import ArgumentParser
import Foundation
import NianbaoServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the converter over HTTP (POST /v1/convert, /v1/convert-batch, /v1/validate; GET / is an upload page).",
        discussion: "Listens on 127.0.0.1 by default; another address needs --token (or --no-auth). SIGTERM or SIGINT stop it after the requests in flight. Access log: JSON lines on standard error.")

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port (0: any free port).")
    var port = 8080

    @Option(name: .long, help: "Conversions at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Requests that may wait for a conversion; more are answered 503 (default: 4 × jobs).")
    var queue: Int?

    @Option(name: .long, help: "Largest request body (e.g. 50MiB).")
    var maxBody = "50MiB"

    @Option(name: .long, help: "Time limit of a child process (LibreOffice, pdftotext) per file, e.g. 120s.")
    var timeout = "120s"

    @Option(name: .long, help: "Bearer token required on /v1 requests (also read from NIANBAO_TOKEN).")
    var token: String?

    @Flag(name: .long, help: "Allow a non-loopback address without a token.")
    var noAuth = false

    @Option(name: .long, help: "Allow this origin by CORS (none by default).")
    var cors: String?

    func run() throws {
        var settings = ServeConfiguration()
        settings.host = host
        settings.port = port
        settings.jobs = jobs
        settings.queue = queue ?? 4 * jobs
        guard let maxBodyBytes = ServeConfiguration.parseSize(maxBody) else { throw ValidationError("--max-body: not a size: \(maxBody)") }
        settings.maxBodyBytes = maxBodyBytes
        guard let seconds = ServeConfiguration.parseDuration(timeout) else { throw ValidationError("--timeout: not a duration: \(timeout)") }
        settings.timeoutSeconds = seconds
        settings.token = token ?? ProcessInfo.processInfo.environment["NIANBAO_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        settings.noAuth = noAuth
        settings.corsOrigin = cors
        do {
            try settings.check()
        } catch {
            throw ValidationError(String(describing: error))
        }
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        let shown = settings
        Task {
            do {
                try await NianbaoServer.run(shown) { port in
                    Terminal.error("nianbao: serving on http://\(shown.host.contains(":") ? "[\(shown.host)]" : shown.host):\(port)/ (jobs \(shown.jobs), max body \(shown.maxBodyBytes) bytes\(shown.token == nil ? "" : ", token required"))")
                }
            } catch {
                outcome.set(String(describing: error))
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.get() {
            Terminal.error("nianbao: \(failure)")
            throw ExitCode(1)
        }
    }
}

/// The server's failure, handed from its task to the command.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: String?

    func set(_ text: String) { lock.withLock { failure = text } }
    func get() -> String? { lock.withLock { failure } }
}
