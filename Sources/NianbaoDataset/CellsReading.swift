import Foundation
import NianbaoModel

extension CellsJSON {
    /// Sets the values and locations of `table` from a `report_tables.cells` text.
    ///
    /// The cells come in template order, so each is first tried at the next place of `table`
    /// (a byte comparison of its keys) and looked up by key only when that differs; a cell whose
    /// row or column the table does not have is skipped. The text nianbao writes (keys and
    /// locations without escapes, plain numbers) is read byte by byte: a review reads about 200
    /// cells per report, and `JSONSerialization` or `JSONDecoder` took three times longer than
    /// the whole v2 reading did. Any other JSON goes through `JSONSerialization`.
    /// - Returns: `false` when the text is not a JSON array of cells.
    static func read(_ text: UnsafeBufferPointer<UInt8>, into table: inout ValueTable) -> Bool {
        if readPlain(text, into: &table) { return true }
        return readAnyJSON(Data(buffer: text), into: &table)
    }

    /// The place of the cell `row`/`column`: `next` when its keys match, else looked up.
    private static func place(_ row: some Collection<UInt8>, _ column: some Collection<UInt8>, in table: ValueTable,
                              next: (row: Int, cell: Int)) -> (row: Int, cell: Int)? {
        let rows = table.rows
        if next.row < rows.count, next.cell < rows[next.row].cells.count,
           rows[next.row].key.utf8.elementsEqual(row), rows[next.row].cells[next.cell].column.utf8.elementsEqual(column) {
            return next
        }
        guard let r = rows.firstIndex(where: { $0.key.utf8.elementsEqual(row) }),
              let c = rows[r].cells.firstIndex(where: { $0.column.utf8.elementsEqual(column) }) else { return nil }
        return (r, c)
    }

    /// The place after `place` in template order.
    private static func after(_ place: (row: Int, cell: Int), in table: ValueTable) -> (row: Int, cell: Int) {
        place.cell + 1 < table.rows[place.row].cells.count ? (place.row, place.cell + 1) : (place.row + 1, 0)
    }

    /// The text as nianbao writes it; `false` at anything else (an escape, white space, another shape).
    private static func readPlain(_ text: UnsafeBufferPointer<UInt8>, into table: inout ValueTable) -> Bool {
        var at = 0
        let end = text.count
        func take(_ byte: UInt8) -> Bool {
            guard at < end, text[at] == byte else { return false }
            at += 1
            return true
        }
        /// A string without escapes: the range of its bytes.
        func string() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < end {
                switch text[at] {
                case UInt8(ascii: "\""):
                    at += 1
                    return start..<(at - 1)
                case UInt8(ascii: "\\"):
                    return nil
                default:
                    at += 1
                }
            }
            return nil
        }
        guard take(UInt8(ascii: "[")) else { return false }
        var next = (row: 0, cell: 0)
        var first = true
        while !take(UInt8(ascii: "]")) {
            if !first, !take(UInt8(ascii: ",")) { return false }
            first = false
            guard take(UInt8(ascii: "[")), let row = string(), take(UInt8(ascii: ",")), let column = string(),
                  take(UInt8(ascii: ",")) else { return false }
            // The value: null or a number.
            let value: Decimal?
            if take(UInt8(ascii: "n")) {
                guard take(UInt8(ascii: "u")), take(UInt8(ascii: "l")), take(UInt8(ascii: "l")) else { return false }
                value = nil
            } else {
                let start = at
                var whole: Int64 = 0, digits = 0, plain = true
                let negative = take(UInt8(ascii: "-"))
                while at < end {
                    let byte = text[at]
                    if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                        whole = whole &* 10 &+ Int64(byte - UInt8(ascii: "0"))
                        digits += 1
                    } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                        plain = false
                    } else {
                        break
                    }
                    at += 1
                }
                guard at > start else { return false }
                if plain, digits > 0, digits <= 18 {
                    value = Decimal(negative ? -whole : whole)
                } else {
                    guard let parsed = Decimal(string: String(decoding: UnsafeBufferPointer(rebasing: text[start..<at]), as: UTF8.self),
                                               locale: Locale(identifier: "en_US_POSIX")) else { return false }
                    value = parsed
                }
            }
            var location: SourceLocation?
            if take(UInt8(ascii: ",")) {
                guard let source = string() else { return false }
                location = DatasetRows.parseLocation(utf8: UnsafeBufferPointer(rebasing: text[source]))
            }
            guard take(UInt8(ascii: "]")) else { return false }
            let rowKey = UnsafeBufferPointer(rebasing: text[row]), columnKey = UnsafeBufferPointer(rebasing: text[column])
            guard let place = place(rowKey, columnKey, in: table, next: next) else { continue }
            table.rows[place.row].cells[place.cell].value = value
            table.rows[place.row].cells[place.cell].location = location
            next = after(place, in: table)
        }
        return at == end
    }

    /// Any JSON array of `[row, column, value]` / `[row, column, value, source]` arrays.
    private static func readAnyJSON(_ data: Data, into table: inout ValueTable) -> Bool {
        guard let cells = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else { return false }
        var next = (row: 0, cell: 0)
        for case let cell as [Any] in cells {
            guard cell.count >= 3, let row = cell[0] as? String, let column = cell[1] as? String,
                  let place = place(row.utf8, column.utf8, in: table, next: next) else { continue }
            let value: Decimal? = switch cell[2] {
            case let number as NSDecimalNumber: number.decimalValue
            case let number as Int: Decimal(number)
            case let number as Double: Decimal(string: String(number), locale: Locale(identifier: "en_US_POSIX"))
            case let number as NSNumber: Decimal(string: number.stringValue, locale: Locale(identifier: "en_US_POSIX"))
            default: nil
            }
            table.rows[place.row].cells[place.cell].value = value
            table.rows[place.row].cells[place.cell].location = cell.count > 3 ? (cell[3] as? String).flatMap(DatasetRows.parseLocation) : nil
            next = after(place, in: table)
        }
        return true
    }
}
