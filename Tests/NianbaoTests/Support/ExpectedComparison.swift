import Foundation

/// Compares a report's contract JSON with an expected-values file field by field, exactly as
/// `../shared/tools/score.py` scores it: title (white space ignored), agency (any listed
/// spelling), year, published, template, every number under the three tables (null must be
/// null; `lenient_zero_or_null` tables accept null for an expected 0) and each phrase of
/// `sections_contain`.
struct ExpectedComparison {
    /// One compared field.
    struct Check: CustomStringConvertible {
        let field: String
        let ok: Bool
        let expected: String
        let actual: String
        /// A table number given where it is wrong: the actual value is not null and differs from
        /// the expected one (a null where a number is expected is a missing value, not a wrong one).
        var wrongNumber = false

        var description: String { "\(field): expected \(expected), got \(actual)" }
    }

    let checks: [Check]

    /// The checks that failed.
    var mismatches: [Check] { checks.filter { !$0.ok } }

    /// The table numbers given wrong (see ``Check/wrongNumber``).
    var wrongNumbers: [Check] { checks.filter(\.wrongNumber) }
    /// The wrong numbers, one a line: the message of an expectation that there are none.
    var wrongNumbersListed: String { wrongNumbers.map(\.description).joined(separator: "\n") }

    /// Compares `actualJSON` (nianbao output) with `expectedJSON` (a fixture).
    init(actualJSON: Data, expectedJSON: Data) throws {
        let actual = try JSONDecoder().decode(JSONNode.self, from: actualJSON).any as? [String: Any] ?? [:]
        let expected = try JSONDecoder().decode(JSONNode.self, from: expectedJSON).any as? [String: Any] ?? [:]
        var checks: [Check] = []
        func add(_ field: String, _ ok: Bool, _ expected: Any?, _ actual: Any?, wrongNumber: Bool = false) {
            checks.append(Check(field: field, ok: ok, expected: Self.show(expected), actual: Self.show(actual), wrongNumber: wrongNumber))
        }

        if let title = expected["title"] {
            add("title", Self.squash(actual["title"]) == Self.squash(title), title, actual["title"])
        }
        if let agency = expected["agency"] {
            let options = (agency as? [Any] ?? [agency]).compactMap { Self.squash($0) }
            let got = Self.squash(actual["agency"])
            add("agency", got.map(options.contains) ?? false, options, actual["agency"])
        }
        for key in ["year", "published", "template"] {
            guard let value = expected[key] else { continue }
            add(key, Self.sameScalar(actual[key], value), value, actual[key])
        }
        let lenient = Set(expected["lenient_zero_or_null"] as? [String] ?? [])
        for table in ["active_disclosure", "requests", "review_litigation"] {
            guard let tableValue = expected[table] else { continue }
            for (path, value) in Self.numbers(tableValue, prefix: [table]) {
                let found = Self.dig(actual, path)
                let ok: Bool
                switch found {
                case .absent:
                    ok = false
                case .present(let got):
                    if lenient.contains(table), let number = value as? Double, number == 0 {
                        ok = Self.isNull(got) || Self.sameNumber(got, number)
                    } else {
                        ok = Self.sameNumber(got, value)
                    }
                }
                let shown: Any? = { if case .present(let got) = found { return got } else { return "absent" } }()
                let given: Bool = { if case .present(let got) = found { return !Self.isNull(got) } else { return false } }()
                add(path.joined(separator: "."), ok, value, shown, wrongNumber: !ok && given)
            }
        }
        if let sections = expected["sections_contain"] as? [String: Any] {
            for (section, phrases) in sections.sorted(by: { $0.key < $1.key }) {
                let text: String? = {
                    if case .present(let value) = Self.dig(actual, ["sections", section]) { return Self.squash(value) }
                    return nil
                }()
                for phrase in phrases as? [String] ?? [] {
                    let ok = text.map { $0.contains(Self.squash(phrase) ?? phrase) } ?? false
                    add("sections.\(section) ∋ \(phrase)", ok, phrase, text.map { String($0.prefix(40)) })
                }
            }
        }
        self.checks = checks
    }

    // MARK: score.py's helpers

    private enum Dug {
        case absent
        case present(Any)
    }

    private static func dig(_ object: Any, _ path: [String]) -> Dug {
        var current: Any = object
        for key in path {
            guard let dictionary = current as? [String: Any], let next = dictionary[key] else { return .absent }
            current = next
        }
        return .present(current)
    }

    /// Every leaf number or null under `value`; review/litigation groups may be given as arrays.
    private static func numbers(_ value: Any, prefix: [String]) -> [([String], Any)] {
        if let dictionary = value as? [String: Any] {
            return dictionary.sorted { $0.key < $1.key }.flatMap { numbers($0.value, prefix: prefix + [$0.key]) }
        }
        if let array = value as? [Any] {
            return zip(["upheld", "corrected", "other", "pending", "total"], array).map { (prefix + [$0.0], $0.1) }
        }
        return [(prefix, value)]
    }

    private static func isNull(_ value: Any?) -> Bool {
        value == nil || value is NSNull
    }

    private static func sameNumber(_ actual: Any?, _ expected: Any?) -> Bool {
        if isNull(expected) || isNull(actual) { return isNull(expected) && isNull(actual) }
        guard let a = actual as? Double, let e = expected as? Double else { return false }
        return abs(a - e) < 1e-6
    }

    private static func sameScalar(_ actual: Any?, _ expected: Any?) -> Bool {
        if isNull(expected) || isNull(actual) { return isNull(expected) && isNull(actual) }
        if let e = expected as? String { return actual as? String == e }
        return sameNumber(actual, expected)
    }

    private static func squash(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        return String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    private static func show(_ value: Any?) -> String {
        switch value {
        case nil: "nil"
        case is NSNull: "null"
        case let text as String: "“\(text)”"
        default: "\(value!)"
        }
    }
}

/// A JSON value that keeps booleans, numbers, strings and null apart (as Python's `json` does),
/// turned into `Any` with `Bool`, `Double`, `String`, `NSNull`, arrays and dictionaries.
private enum JSONNode: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONNode]), object([String: JSONNode])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONNode].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONNode].self)) }
    }

    var any: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let items): items.map(\.any)
        case .object(let members): members.mapValues(\.any)
        }
    }
}
