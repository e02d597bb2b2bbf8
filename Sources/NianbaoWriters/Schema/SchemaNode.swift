/// A JSON value with ordered object keys, used to build the schema text deterministically.
indirect enum SchemaNode: Sendable {
    case object([(String, SchemaNode)])
    case array([SchemaNode])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    /// Pretty-printed JSON, two-space indent, non-ASCII kept as UTF-8, trailing newline omitted.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case let .object(members):
            guard !members.isEmpty else { return "{}" }
            let body = members.map { pad + Self.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
            return "{\n" + body.joined(separator: ",\n") + "\n" + closePad + "}"
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            let body = items.map { pad + $0.rendered(indent: indent + 1) }
            return "[\n" + body.joined(separator: ",\n") + "\n" + closePad + "]"
        case let .string(text): return Self.quote(text)
        case let .integer(number): return String(number)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// A JSON string literal (RFC 8259 escaping; non-ASCII left as is).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension SchemaNode: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
