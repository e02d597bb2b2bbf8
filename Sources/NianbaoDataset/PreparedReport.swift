import Foundation
import GRDB
public import NianbaoModel

/// The rows of one report, ready to insert: built where the report is converted (a worker
/// thread), so that the single thread writing the database only binds and steps statements.
/// Rows of one table go in multi-row `INSERT`s of up to ``rowsPerStatement`` rows each (one
/// statement step and one argument list per chunk instead of per value).
public struct PreparedReport: Sendable {
    /// One multi-row `INSERT`: which table (``PreparedReport/inserts``), how many rows, and its
    /// arguments, in the statement's order (the key first when the insert is keyed).
    struct Chunk: Sendable {
        let insert: Int
        let rows: Int
        let values: [DatabaseValue]
    }

    /// Rows per multi-row `INSERT`.
    static let rowsPerStatement = 64

    /// A table's `INSERT` of 1 … ``rowsPerStatement`` rows, by row count. A keyed insert binds its
    /// first column (the report's SHA-256) once, as `?1` in every row: the rows give the others.
    struct Insert: Sendable {
        let columns: Int
        let keyed: Bool
        let statements: [String]

        init(_ table: String, _ columns: [String], keyed: Bool = true) {
            self.keyed = keyed
            self.columns = keyed ? columns.count - 1 : columns.count
            let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            let placeholders = (keyed ? ["?1"] : []) + Array(repeating: "?", count: self.columns)
            let row = "(" + placeholders.joined(separator: ", ") + ")"
            statements = (0...PreparedReport.rowsPerStatement).map { count in
                head + Array(repeating: row, count: count).joined(separator: ", ")
            }
        }
    }

    /// The tables' inserts; a ``Chunk`` names one by its index here.
    static let inserts = [
        Insert("reports", ["sha256", "file", "format", "converted_by", "encoding", "title", "agency", "year",
                           "published", "template", "errors", "warnings"], keyed: false),
        Insert("report_tables", ["report_sha256", "table_name", "first_position", "cells"]),
        Insert("diagnostics", ["report_sha256", "position", "severity", "code", "path", "message", "source"]),
        Insert("sections", ["report_sha256", "part", "section_key", "text"]),
    ]
    static let reportsInsert = 0, tablesInsert = 1, diagnosticsInsert = 2, sectionsInsert = 3

    /// The input's SHA-256, the report's key.
    let key: String
    /// The `reports` row, then the `report_tables` (one per table, its cells in table order:
    /// `position` 1, 2, … through the three tables), `diagnostics` and `sections` rows, as chunks.
    let chunks: [Chunk]

    /// The rows of `report`. The values are built as `DatabaseValue`s in one array per table (the
    /// key first when the insert is keyed) and bound one by one by the writer: GRDB's
    /// `StatementArguments` would convert each value once more through a key path or an existential.
    public init(_ report: Report) {
        let key = report.source.sha256
        self.key = key
        let keyValue = key.databaseValue
        func text(_ value: String?) -> DatabaseValue { value.map { $0.databaseValue } ?? .null }
        var chunks: [Chunk] = []
        chunks.reserveCapacity(4)
        func add(_ insert: Int, _ values: [DatabaseValue]) {
            Self.chunks(of: insert, values, into: &chunks)
        }
        add(Self.reportsInsert, [
            keyValue, report.source.file.databaseValue, report.source.format.rawValue.databaseValue,
            text(report.source.convertedBy), text(report.source.encoding), text(report.title), text(report.agency),
            report.year.map { $0.databaseValue } ?? .null, text(report.published),
            report.template.rawValue.databaseValue, report.diagnostics.count(of: .error).databaseValue,
            report.diagnostics.count(of: .warning).databaseValue,
        ])
        // One `report_tables` row per table, its cells as one JSON text (the long form is the
        // `report_values` view over them): three rows instead of one per value.
        var tables: [DatabaseValue] = [keyValue]
        tables.reserveCapacity(1 + 3 * ReportTable.allCases.count)
        var position = 1
        for table in ReportTable.allCases {
            let rows = report[table].rows
            guard !rows.isEmpty else { continue }
            // About 40 bytes a cell with its location: room for all at once.
            var cells = CellsJSON(capacity: 64 * rows.reduce(0) { $0 + $1.cells.count })
            let first = position
            for row in rows {
                // Through the buffer: a `for cell in row.cells` loop copies every cell.
                row.cells.withUnsafeBufferPointer { rowCells in
                    for index in rowCells.indices {
                        cells.append(row: row.key, column: rowCells[index].column, value: rowCells[index].value,
                                     location: rowCells[index].location)
                    }
                }
                position += row.cells.count
            }
            tables.append(table.rawValue.databaseValue)
            tables.append(first.databaseValue)
            tables.append(cells.finish().databaseValue)
        }
        add(Self.tablesInsert, tables)
        var diagnostics: [DatabaseValue] = [keyValue]
        diagnostics.reserveCapacity(1 + 6 * report.diagnostics.count)
        for (index, item) in report.diagnostics.enumerated() {
            diagnostics.append((index + 1).databaseValue)
            diagnostics.append(item.severity.rawValue.databaseValue)
            diagnostics.append(item.code.databaseValue)
            diagnostics.append(text(item.path))
            diagnostics.append(item.message.databaseValue)
            diagnostics.append(text(item.location?.description))
        }
        add(Self.diagnosticsInsert, diagnostics)
        var sections: [DatabaseValue] = [keyValue]
        sections.reserveCapacity(1 + 3 * SectionKey.allCases.count)
        for part in SectionKey.allCases {
            if let prose = report.sections[part] {
                sections.append(part.number.databaseValue)
                sections.append(part.rawValue.databaseValue)
                sections.append(prose.databaseValue)
            }
        }
        add(Self.sectionsInsert, sections)
        self.chunks = chunks
    }

    /// `values` of `insert` (the key first when the insert is keyed, then ``Insert/columns`` per
    /// row) as chunks of up to ``rowsPerStatement`` whole rows, appended to `chunks`; none when
    /// there is no row.
    private static func chunks(of insert: Int, _ values: [DatabaseValue], into chunks: inout [Chunk]) {
        let table = inserts[insert]
        let head = table.keyed ? 1 : 0
        let rows = (values.count - head) / table.columns
        guard rows > 0 else { return }
        if rows <= rowsPerStatement {
            chunks.append(Chunk(insert: insert, rows: rows, values: values))
            return
        }
        for first in stride(from: 0, to: rows, by: rowsPerStatement) {
            let count = min(rowsPerStatement, rows - first)
            var part: [DatabaseValue] = table.keyed ? [values[0]] : []
            part.append(contentsOf: values[(head + first * table.columns)..<(head + (first + count) * table.columns)])
            chunks.append(Chunk(insert: insert, rows: count, values: part))
        }
    }
}
