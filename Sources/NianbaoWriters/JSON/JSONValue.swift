public import Foundation

/// A JSON value with ordered object keys, so output follows the contract's key order.
public indirect enum JSONValue: Sendable, Hashable {
    /// `null`
    case null
    /// `true` / `false`
    case bool(Bool)
    /// A number, written exactly (no exponent, no binary rounding).
    case number(Decimal)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep their order.
    case object([(String, JSONValue)])

    /// `.string` or `.null`.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// `.number` or `.null`.
    public static func optional(_ number: Decimal?) -> JSONValue { number.map(JSONValue.number) ?? .null }
    /// `.number` or `.null`.
    public static func optional(_ number: Int?) -> JSONValue { number.map { .number(Decimal($0)) } ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized(pretty: false))
    }

    /// The JSON text. `pretty` indents by two spaces; Chinese text is written as is (UTF-8).
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedUTF8(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, built in one byte buffer (appending to a `String` piece by
    /// piece cost more than recognising the report).
    public func serializedUTF8(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): JSONBytes.appendNumber(value, into: &output)
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let items):
            if items.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent.map { $0 + 1 })
                item.write(to: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent.map { $0 + 1 })
                JSONValue.quote(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        JSONBytes.newline(indent, into: &output)
    }

    /// Plain decimal notation: `101500`, `-16`, `0.5`.
    static func format(_ value: Decimal) -> String { value.plainText }

    /// `text` as a quoted JSON string (see ``JSONBytes``).
    static func quote(_ text: String, into output: inout [UInt8]) {
        JSONBytes.quote(text, into: &output)
    }
}

extension JSONValue {
    /// The value of `key` when this is an object that has it.
    public func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}
