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
    /// The column keys of the last rows by their place in the row, with their JSON strings: the
    /// rows of a table mostly repeat one list of columns. `cellInRow` counts the row's cells.
    private var columns: [(key: String, quoted: [UInt8])] = []
    private var cellInRow = 0

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
            cellInRow = 0
        }
        bytes.append(contentsOf: lastRowQuoted)
        bytes.append(UInt8(ascii: ","))
        if cellInRow < columns.count {
            if columns[cellInRow].key != column {
                var quoted: [UInt8] = []
                JSONBytes.quote(column, into: &quoted)
                columns[cellInRow] = (column, quoted)
            }
        } else {
            var quoted: [UInt8] = []
            JSONBytes.quote(column, into: &quoted)
            columns.append((column, quoted))
        }
        bytes.append(contentsOf: columns[cellInRow].quoted)
        cellInRow += 1
        bytes.append(UInt8(ascii: ","))
        appendValue(value)
        if let location {
            bytes.append(UInt8(ascii: ","))
            JSONBytes.quoteLocation(location, into: &bytes)
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
            // `Decimal.plainText`; zero, most of the cells, without formatting (`isZero` holds only
            // for a zero of length 0, whose text is `0`), as the report JSON's writer does.
            if value.isZero {
                bytes.append(UInt8(ascii: "0"))
            } else {
                bytes.append(contentsOf: value.plainText.utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// The array as text.
    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
