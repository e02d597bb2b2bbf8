public import Foundation
public import NianbaoModel

/// The two CSV shapes of the contract.
public enum CSVShape: String, Sendable, Hashable, CaseIterable {
    /// One row per report, one column per value (``CSVWriter/wideHeader()``).
    case wide
    /// One row per value (``CSVWriter/longHeader``).
    case long
}

/// Turns reports into CSV rows and rows into RFC 4180 text.
///
/// Fields are UTF-8. A field is quoted when it contains a comma, a double quote, CR or LF; quotes
/// inside are doubled. Records end with CRLF (RFC 4180 §2.1), including the last one. Numbers are
/// written as plain decimals (`101500`, `-16`, `10.15`): no exponent, no thousands separators;
/// a missing value is an empty field.
public enum CSVWriter {
    /// The line terminator written after every record: CRLF.
    public static let lineTerminator = "\r\n"

    /// The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// The leading columns of the wide CSV (the contract's order; `format` and `converted_by` as in
    /// `source`, `converted_by` empty unless another program converted the input).
    public static let wideLeadingColumns = ["file", "format", "converted_by", "agency", "year", "published", "template"]

    /// The trailing columns of the wide CSV: diagnostic counts by severity.
    public static let wideTrailingColumns = ["errors", "warnings"]

    /// The header of the long CSV.
    public static let longHeader = ["file", "agency", "year", "template", "table", "row", "column", "value"]

    /// The header of the wide CSV: ``wideLeadingColumns``, every value column of both templates
    /// (see ``CSVColumns`` for the order), then ``wideTrailingColumns``.
    public static func wideHeader() -> [String] {
        wideLeadingColumns + CSVColumns.valueColumns.map(\.name) + wideTrailingColumns
    }

    /// The header for `shape`.
    public static func header(_ shape: CSVShape) -> [String] {
        switch shape {
        case .wide: wideHeader()
        case .long: longHeader
        }
    }

    /// The wide row of `report`, aligned with ``wideHeader()``. A column the report's template
    /// lacks, and a missing value, are empty.
    public static func wideRow(_ report: Report) -> [String] {
        var row = [
            report.source.file,
            report.source.format.rawValue,
            report.source.convertedBy ?? "",
            report.agency ?? "",
            report.year.map(String.init) ?? "",
            report.published ?? "",
            report.template.rawValue,
        ]
        // One pass over the report's cells (not a lookup per column): bulk runs write many rows.
        var values = [String](repeating: "", count: CSVColumns.valueColumns.count)
        for table in ReportTable.allCases {
            guard let rowIndex = CSVColumns.valueColumnIndex[table] else { continue }
            for tableRow in report[table].rows {
                guard let columnIndex = rowIndex[tableRow.key] else { continue }
                for cell in tableRow.cells {
                    if let position = columnIndex[cell.column] { values[position] = format(cell.value) }
                }
            }
        }
        row.append(contentsOf: values)
        row.append(String(report.diagnostics.count(of: .error)))
        row.append(String(report.diagnostics.count(of: .warning)))
        return row
    }

    /// The long rows of `report`, one per value of its template, aligned with ``longHeader``.
    /// A report whose template is `unknown` has no values and so no rows.
    public static func longRows(_ report: Report) -> [[String]] {
        let file = report.source.file
        let agency = report.agency ?? ""
        let year = report.year.map(String.init) ?? ""
        let template = report.template.rawValue
        return ReportTable.allCases.flatMap { table in
            report[table].allCells.map { cell in
                [file, agency, year, template, table.rawValue, cell.row, cell.column, format(cell.value)]
            }
        }
    }

    /// The rows of `report` in `shape` (one for wide, one per value for long), without header.
    public static func rows(_ report: Report, shape: CSVShape) -> [[String]] {
        switch shape {
        case .wide: [wideRow(report)]
        case .long: longRows(report)
        }
    }

    /// A value as written in CSV: plain decimal, or empty for `nil`.
    public static func format(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return value.plainText
    }

    /// One field, quoted when needed.
    public static func encode(field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, fields separated by commas, terminated by CRLF.
    public static func encode(row: [String]) -> String {
        var bytes: [UInt8] = []
        append(row: row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of one record (CRLF-terminated) to `bytes`.
    public static func append(row: [String], to bytes: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { bytes.append(comma) }
            if needsQuotes(field) {
                bytes.append(quote)
                for byte in field.utf8 {
                    if byte == quote { bytes.append(quote) }
                    bytes.append(byte)
                }
                bytes.append(quote)
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(carriageReturn)
        bytes.append(lineFeed)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    /// `true` when `field` holds a comma, a double quote, CR or LF (all ASCII, so a UTF-8 byte
    /// scan is exact).
    private static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }
    }

    /// Several records (each terminated by CRLF).
    public static func encode(rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        for row in rows { append(row: row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A whole CSV document of `reports` in `shape`: header then rows, optionally preceded by the
    /// UTF-8 byte-order mark.
    public static func data(for reports: [Report], shape: CSVShape, byteOrderMark: Bool = false) -> Data {
        var bytes: [UInt8] = byteOrderMark ? Array(Self.byteOrderMark) : []
        append(row: header(shape), to: &bytes)
        for report in reports {
            for row in rows(report, shape: shape) { append(row: row, to: &bytes) }
        }
        return Data(bytes)
    }
}
