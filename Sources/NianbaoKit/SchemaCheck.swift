public import Foundation
import NianbaoWriters

/// Checks a report JSON against the JSON Schema that `nianbao schema` prints (``ReportSchema``),
/// before it is read as a report: a table deleted, `"natural_person": "abc"` or an unknown key
/// is named rather than read as "no values".
///
/// Covers the keywords that schema uses: `$ref` into `$defs`, `type`, `const`, `enum`,
/// `properties`, `required`, `additionalProperties`, `maxProperties`, `items`, `pattern`,
/// `minimum`, `allOf`, `if`/`then`. On top of the schema, numbers must be finite and below
/// ``largestNumber``: nothing a report counts or spends is larger, and larger numbers cannot be
/// held exactly.
public enum SchemaCheck {
    /// The largest magnitude accepted for a number (10^18).
    public static let largestNumber = 1e18

    /// The schema, parsed once.
    nonisolated(unsafe) private static let schema: [String: Any] =
        ((try? JSONSerialization.jsonObject(with: Data(ReportSchema.json.utf8))) as? [String: Any]) ?? [:]

    /// What in `data` breaks the schema, at most `limit` problems, each `path: what`; `nil` when
    /// `data` is not JSON at all (the JSON reader names that).
    public static func problems(in data: Data, limit: Int = 20) -> [String]? {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var found: [String] = []
        check(value, against: schema, path: "", into: &found, limit: limit)
        return found
    }

    private static func check(_ value: Any, against node: [String: Any], path: String, into found: inout [String], limit: Int) {
        guard found.count < limit else { return }
        let place = path.isEmpty ? "the report" : path
        if let reference = node["$ref"] as? String {
            if let target = resolve(reference) {
                check(value, against: target, path: path, into: &found, limit: limit)
            }
            return
        }
        if let type = node["type"] {
            let allowed = (type as? [String]) ?? [type as? String].compactMap { $0 }
            if !allowed.contains(where: { matches(value, type: $0) }) {
                found.append("\(place): \(shown(value)) is not \(allowed.map(article).joined(separator: " or "))")
                return
            }
        }
        if let number = value as? NSNumber, !isBoolean(number) {
            let double = number.doubleValue
            if !double.isFinite || abs(double) > largestNumber {
                found.append("\(place): \(shown(value)) is out of range (larger than any count or amount a report gives)")
                return
            }
            if let minimum = (node["minimum"] as? NSNumber)?.doubleValue, double < minimum {
                found.append("\(place): \(shown(value)) is below the minimum \(shown(minimum))")
            }
        }
        if let constant = node["const"], !same(value, constant) {
            found.append("\(place): \(shown(value)) is not \(shown(constant))")
        }
        if let options = node["enum"] as? [Any], !options.contains(where: { same(value, $0) }) {
            found.append("\(place): \(shown(value)) is not one of \(options.map(shown).joined(separator: ", "))")
        }
        if let text = value as? String, let pattern = node["pattern"] as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(place): \(shown(value)) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            checkObject(object, against: node, path: path, into: &found, limit: limit)
        }
        if let array = value as? [Any], let items = node["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                check(item, against: items, path: "\(path)[\(index)]", into: &found, limit: limit)
            }
        }
        for part in node["allOf"] as? [[String: Any]] ?? [] {
            check(value, against: part, path: path, into: &found, limit: limit)
        }
        if let condition = node["if"] as? [String: Any], let then = node["then"] as? [String: Any] {
            var trial: [String] = []
            check(value, against: condition, path: path, into: &trial, limit: 1)
            if trial.isEmpty { check(value, against: then, path: path, into: &found, limit: limit) }
        }
    }

    private static func checkObject(_ object: [String: Any], against node: [String: Any], path: String,
                                    into found: inout [String], limit: Int) {
        let place = path.isEmpty ? "the report" : path
        let properties = node["properties"] as? [String: Any] ?? [:]
        for key in node["required"] as? [String] ?? [] where object[key] == nil {
            found.append("\(place): \"\(key)\" is missing")
        }
        if let most = node["maxProperties"] as? Int, object.count > most {
            found.append("\(place): \(object.count) keys, at most \(most) allowed")
        }
        for key in object.keys.sorted() {
            guard let member = object[key] else { continue }
            let memberPath = path.isEmpty ? key : path + "." + key
            if let schema = properties[key] as? [String: Any] {
                check(member, against: schema, path: memberPath, into: &found, limit: limit)
            } else if let additional = node["additionalProperties"] {
                if let schema = additional as? [String: Any] {
                    check(member, against: schema, path: memberPath, into: &found, limit: limit)
                } else if let flag = additional as? NSNumber, isBoolean(flag), !flag.boolValue {
                    found.append("\(place): unknown key \"\(key)\"")
                }
            }
        }
    }

    private static func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = schema
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// `true` for JSON `true`/`false` (Foundation gives them as `NSNumber`s of type `char`).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return (value as? NSNumber).map(isBoolean) ?? false
        case "number":
            guard let number = value as? NSNumber else { return false }
            return !isBoolean(number)
        case "integer":
            guard let number = value as? NSNumber, !isBoolean(number) else { return false }
            let double = number.doubleValue
            return "ilqsQLIS".contains(String(cString: number.objCType)) || (double.isFinite && double.rounded() == double)
        default: return false
        }
    }

    private static func article(_ type: String) -> String {
        switch type {
        case "null": "null"
        case "integer", "object", "array": "an \(type)"
        default: "a \(type)"
        }
    }

    private static func same(_ left: Any, _ right: Any) -> Bool {
        switch (left, right) {
        case let (left as String, right as String): left == right
        case (is NSNull, is NSNull): true
        case let (left as NSNumber, right as NSNumber): isBoolean(left) == isBoolean(right) && left == right
        default: false
        }
    }

    /// A value as it would appear in JSON, shortened.
    private static func shown(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let text as String: return "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
        case let number as NSNumber:
            if isBoolean(number) { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let double as Double: return String(double)
        case is [String: Any]: return "an object"
        case is [Any]: return "an array"
        default: return String(describing: value)
        }
    }
}
