import Foundation
import NianbaoModel
import NianbaoWriters

/// The `cells` of a `report_tables` row: a JSON array of `[row_key, column_key, value]` or
/// `[row_key, column_key, value, source]`, value a JSON number (whole numbers as integers, others
/// as plain decimals, ``Decimal/plainText``) or `null`; SQLite's `json_extract` gives back the
/// integers and reals the v1/v2 `report_values` table held. Written with the JSON writer's escaping.
struct CellsJSON {
    private var bytes: [UInt8]
    private var empty = true
    /// The last row key and its JSON string: the cells of a row share their row key.
    private var lastRow = ""
    private var lastRowQuoted: [UInt8] = []

    /// An empty array.
    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "["))
    }

    /// Appends one cell.
    mutating func append(row: String, column: String, value: Decimal?, location: SourceLocation?) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "["))
        if row != lastRow || lastRowQuoted.isEmpty {
            lastRow = row
            lastRowQuoted.removeAll(keepingCapacity: true)
            JSONBytes.quote(row, into: &lastRowQuoted)
        }
        bytes.append(contentsOf: lastRowQuoted)
        bytes.append(UInt8(ascii: ","))
        JSONBytes.quote(column, into: &bytes)
        bytes.append(UInt8(ascii: ","))
        appendValue(value)
        if let location {
            bytes.append(UInt8(ascii: ","))
            appendLocation(location)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends one cell whose source location is given as text (as a v1/v2 `report_values` row held it).
    mutating func append(row: String, column: String, value: Decimal?, source: String?) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "["))
        JSONBytes.quote(row, into: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONBytes.quote(column, into: &bytes)
        bytes.append(UInt8(ascii: ","))
        appendValue(value)
        if let source {
            bytes.append(UInt8(ascii: ","))
            JSONBytes.quote(source, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A value as a JSON number, or `null`.
    private mutating func appendValue(_ value: Decimal?) {
        // NaN has no JSON form; SQLite stored it as NULL before (a NaN double binds as NULL).
        if let value, !value.isNaN {
            bytes.append(contentsOf: value.plainText.utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// `location` as the JSON string of its ``SourceLocation/description`` (`"page 3, table 1,
    /// row 5, cell 2"`, `"line 12"`), written byte by byte: one per value, and building the
    /// description's parts as strings took a quarter of the time the rows took to build.
    private mutating func appendLocation(_ location: SourceLocation) {
        bytes.append(UInt8(ascii: "\""))
        var first = true
        func part(_ word: StaticString, _ number: Int?) {
            guard let number else { return }
            if !first { bytes.append(contentsOf: ", ".utf8) }
            first = false
            word.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: " "))
            appendDigits(number)
        }
        part("page", location.page)
        part("line", location.line)
        part("table", location.table)
        part("row", location.row)
        part("cell", location.cell)
        if first { bytes.append(contentsOf: "unknown".utf8) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `number` in decimal digits, without building a string.
    private mutating func appendDigits(_ number: Int) {
        let start = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes[start...].reverse()
    }

    /// The array as text.
    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
