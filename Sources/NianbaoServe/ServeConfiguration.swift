public import Foundation
import NianbaoKit

/// How `nianbao serve` runs: address, limits, security.
public struct ServeConfiguration: Sendable {
    /// The address to listen on (default loopback only).
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one.
    public var port = 8080
    /// At most this many conversions at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// At most this many requests wait for a conversion slot; more get 503.
    public var queue = 4 * ProcessInfo.processInfo.activeProcessorCount
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes = 50 * 1_048_576
    /// Seconds a child process (LibreOffice, pdftotext) may take per file; also how long shutdown waits for
    /// requests in flight.
    public var timeoutSeconds: Double = 120
    /// The bearer token every `/v1` request must carry; `nil` for none.
    public var token: String?
    /// Allows listening on a non-loopback address without a token.
    public var noAuth = false
    /// The one origin allowed by CORS; `nil` sends no CORS headers.
    public var corsOrigin: String?
    /// Where the private temporary folder is made.
    public var temporaryRoot = FileManager.default.temporaryDirectory
    /// The environment of child processes: LibreOffice's program and environment, and the `PATH` searched for
    /// `pdftotext` (their time limit is ``timeoutSeconds``).
    public var environment = ProcessInfo.processInfo.environment
    /// Writes access-log lines (JSON) to standard error.
    public var accessLog = true

    /// The defaults.
    public init() {}

    /// Why a configuration cannot start.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// The problem, in one line.
        public var description: String
    }

    /// `true` for the loopback addresses.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Checks the settings: limits are positive and a non-loopback address has a token or `--no-auth`.
    /// - Throws: ``Problem`` naming the setting.
    public func check() throws {
        guard jobs >= 1 else { throw Problem(description: "--jobs must be at least 1 (got \(jobs))") }
        guard queue >= 0 else { throw Problem(description: "--queue must be 0 or more (got \(queue))") }
        guard maxBodyBytes >= 1 else { throw Problem(description: "--max-body must be at least 1 byte") }
        guard timeoutSeconds >= 1 else { throw Problem(description: "--timeout must be at least 1 s") }
        if let token, token.isEmpty { throw Problem(description: "--token must not be empty") }
        if !isLoopback && token == nil && !noAuth {
            throw Problem(description: "listening on \(host) (not loopback) needs --token T (or --no-auth to serve without authentication)")
        }
    }

    /// LibreOffice's options for one conversion.
    var legacyOptions: LegacyOptions {
        LegacyOptions(environment: environment, secondsPerFile: timeoutSeconds, startupSeconds: min(60, timeoutSeconds),
                      temporaryFolder: temporaryRoot.appendingPathComponent("nianbao-soffice", isDirectory: true))
    }

    /// `pdftotext`'s program (from ``environment``'s `PATH`) and time limit (``timeoutSeconds``).
    var pdfTool: PDFTool {
        PDFTool(pdftotext: Service.onPath("pdftotext", environment: environment), timeLimit: timeoutSeconds)
    }

    /// Parses a size: bytes, or a number with K/KiB, M/MiB, G/GiB (powers of 1024).
    public static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("GB", 1 << 30), ("MB", 1 << 20),
                                      ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where trimmed.uppercased().hasSuffix(suffix.uppercased()) {
            guard let number = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0 else { return nil }
            return Int(number * Double(factor))
        }
        return Int(trimmed)
    }

    /// Parses a duration: seconds, or a number with `s`, `m` or `ms`.
    public static func parseDuration(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("ms") { return Double(trimmed.dropLast(2)).map { $0 / 1000 } }
        if trimmed.hasSuffix("s") { return Double(trimmed.dropLast()) }
        if trimmed.hasSuffix("m") { return Double(trimmed.dropLast()).map { $0 * 60 } }
        return Double(trimmed)
    }
}
