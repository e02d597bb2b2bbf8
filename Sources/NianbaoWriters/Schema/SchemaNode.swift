import Foundation

/// The schema is built from ``JSONValue``, the same ordered JSON the report writer uses.
typealias SchemaNode = JSONValue

extension JSONValue: ExpressibleByStringLiteral {
    /// A string literal is a JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue {
    /// A whole number.
    static func integer(_ value: Int) -> JSONValue { .number(Decimal(value)) }

    /// Pretty-printed JSON (two-space indent), no trailing newline.
    func rendered() -> String { serialized(pretty: true) }
}
