/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A rule break or a value that could not be read.
    case error
    /// Something doubtful: a guessed unit, a repaired row, a missing part.
    case warning
    /// For the record: a value derived by a rule, a normalisation applied.
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Most severe first: `error < warning < info`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One observation about a report, tied to the value it concerns and where in the input it is.
public struct Diagnostic: Sendable, Hashable {
    /// How serious it is.
    public var severity: Severity
    /// A stable dotted code, e.g. `"requests.balance"`, `"value.missing"`.
    public var code: String
    /// The JSON path of the value concerned (`"requests.carried_forward.total"`), if any.
    public var path: String?
    /// A human-readable message.
    public var message: String
    /// Where in the input, when known.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, path: String? = nil, message: String, location: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
        self.location = location
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics ordered most severe first, keeping the original order within a severity.
    public func sortedBySeverity() -> [Diagnostic] {
        enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// How many diagnostics have the given severity.
    public func count(of severity: Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}
