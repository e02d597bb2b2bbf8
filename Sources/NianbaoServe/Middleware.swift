import Foundation
import HTTPTypes
import Hummingbird
import NianbaoKit
import NianbaoWriters
import Synchronization

/// Turns thrown errors into the JSON error body with their status (never an HTML page, never a
/// crash): ``APIError`` as it is, Hummingbird's errors (404, 405, …) with their status.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as any HTTPResponseError {
            let code = error.status == .notFound ? "not_found" : error.status == .methodNotAllowed ? "method_not_allowed" : "http_\(error.status.code)"
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            return APIError(status: error.status, code: code, message: message).response
        } catch {
            return APIError(status: .internalServerError, code: "internal", message: ErrorText.describe(error)).response
        }
    }
}

/// Requires `Authorization: Bearer TOKEN` (compared in constant time) on every route but the
/// upload page and the health probes.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    static var openPaths: Set<String> { ["/", "/healthz", "/readyz"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .options || Self.openPaths.contains(request.uri.path) { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard given.hasPrefix(prefix), Self.constantTimeEqual(Array(given.dropFirst(prefix.count).utf8), Array(token.utf8)) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer"
            var response = APIError(status: .unauthorized, code: "unauthorized",
                                    message: "this service needs Authorization: Bearer TOKEN (the --token it was started with)").response
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// `true` when the two byte strings are equal; the time taken depends only on their lengths.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        let count = max(left.count, right.count)
        for index in 0..<count {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}

/// One JSON line per request on standard error: time, request id, method, route, status, bytes
/// in and out, duration, input format.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let enabled: Bool
    /// Where requests are counted for `GET /metrics`.
    let metrics: ServeMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = String(ServeHeaders.requestCounter.withLock { $0 += 1; return $0 })
        var response = try await next(request, context)
        response.headers[ServeHeaders.requestID] = id
        let elapsed = ContinuousClock.now - start
        metrics.request(path: request.uri.path, method: request.method, status: Int(response.status.code), duration: elapsed)
        guard enabled else { return response }
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let line = JSONValue.object([
            ("time", .string(Date.now.formatted(.iso8601))),
            ("request_id", .string(id)),
            ("method", .string(request.method.rawValue)),
            ("route", .string(request.uri.path)),
            ("status", .optional(Int(response.status.code))),
            ("bytes_in", .optional(request.headers[.contentLength].flatMap { Int($0) })),
            ("bytes_out", .optional(response.body.contentLength)),
            ("duration_ms", .number(Decimal((milliseconds * 10).rounded() / 10))),
            ("input_format", .optional(response.headers[ServeHeaders.inputFormat])),
        ]).serializedUTF8(pretty: false) + [UInt8(ascii: "\n")]
        FileHandle.standardError.write(Data(line))
        return response
    }
}

/// The service's own response headers.
enum ServeHeaders {
    /// `X-Nianbao-Input-Format`: the format the input was read as (for the access log and clients).
    static let inputFormat = name("X-Nianbao-Input-Format")
    /// `X-Request-Id`: the request's number in the access log.
    static let requestID = name("X-Request-Id")
    /// Request numbers.
    static let requestCounter = Mutex(0)

    private static func name(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("\(text) is a valid header name") }
        return name
    }
}
