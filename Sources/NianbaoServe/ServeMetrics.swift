import Foundation
import HTTPTypes
import Prometheus

/// `GET /metrics`: the service's counters in Prometheus's text format (swift-prometheus), one
/// registry per service (never the process-wide default, so that servers in one process stay apart).
final class ServeMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()

    /// The routes named in labels; any other path is counted as `other` (labels stay few).
    static let routes: Set<String> = ["/", "/openapi.json", "/healthz", "/readyz", "/version", "/metrics", "/v1/schema",
                                      "/v1/convert", "/v1/convert-batch", "/v1/validate"]

    /// Buckets of the request duration histogram.
    private static let durationBuckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                                      .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120)]

    /// Counts one answered request and its duration.
    func request(path: String, method: HTTPRequest.Method, status: Int, duration: Duration) {
        let route = Self.routes.contains(path) ? path : "other"
        registry.makeCounter(descriptor: .init(namespace: "nianbao", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered, by route, method and status."),
                             labels: [("route", route), ("method", method.rawValue), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "nianbao", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer a request, by route."),
                                       labels: [("route", route)], buckets: Self.durationBuckets).record(duration)
    }

    /// Counts one conversion: the input format it was read as (`txt`, `docx`, `pdf`, …) and
    /// `ok` or the error code (`not_a_report`, `timeout`, …).
    func conversion(format: String, outcome: String) {
        registry.makeCounter(descriptor: .init(namespace: "nianbao", metricName: "conversions", unitName: "total", helpText: "Conversions, by input format and outcome (ok or the error code)."),
                             labels: [("format", format), ("outcome", outcome)]).increment()
    }

    /// The exposition text.
    func text() -> [UInt8] {
        registry.emitToBuffer()
    }
}
