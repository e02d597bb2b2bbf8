import Foundation
import Hummingbird
import NianbaoKit
import NianbaoWriters

/// An error answered as `{"error": {"code", "message", "stage"}}` with its HTTP status.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var stage: String?
    var retryAfter: Int?

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, code: "bad_request", message: message) }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "body_too_large",
                 message: "the request body is over the limit of \(ServeResponses.sizeText(limit)) (--max-body)")
    }

    static func busy(retryAfter: Int) -> APIError {
        APIError(status: .serviceUnavailable, code: "busy",
                 message: "all conversion slots and the queue are full; retry later", retryAfter: retryAfter)
    }

    /// The error of a failed conversion: 504 when a child process ran out of time, 413 when the
    /// input is over a size limit of the readers, else 422.
    static func conversion(_ error: ConversionError, shownName: String) -> APIError {
        let message = "\(shownName): \(error.message)"
        if error.message.contains("did not finish") {
            return APIError(status: .gatewayTimeout, code: "timeout", message: message, stage: error.stage.rawValue)
        }
        let code: String
        switch error.stage {
        case .read: code = "unreadable"
        case .parse: code = "unreadable_document"
        case .recognize: code = "not_a_report"
        case .write: code = "write_failed"
        }
        return APIError(status: .unprocessableContent, code: code, message: message, stage: error.stage.rawValue)
    }

    /// The JSON response.
    var response: Response {
        var members: [(String, JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        if let stage { members.append(("stage", .string(stage))) }
        var headers = HTTPFields()
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return ServeResponses.json(.object([("error", .object(members))]), status: status, headers: headers)
    }
}

/// Building responses.
enum ServeResponses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) -> Response {
        bytes(value.serializedUTF8(pretty: false) + [UInt8(ascii: "\n")], contentType: "application/json; charset=utf-8",
              status: status, headers: headers)
    }

    static func bytes(_ bytes: some Collection<UInt8>, contentType: String, status: HTTPResponse.Status = .ok,
                      headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
    }

    /// `attachment; filename="…"; filename*=UTF-8''…` for a download named `name`.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_")) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
