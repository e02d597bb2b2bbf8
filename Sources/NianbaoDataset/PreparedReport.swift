import Foundation
import GRDB
public import NianbaoModel

/// The rows of one report, ready to insert: built where the report is converted (a worker
/// thread), so that the single thread writing the database only binds and steps statements.
/// Rows of one table go in multi-row `INSERT`s of up to ``rowsPerStatement`` rows each (one
/// statement step and one argument list per chunk instead of per value).
public struct PreparedReport: Sendable {
    /// One multi-row `INSERT` and its arguments.
    struct Chunk: Sendable {
        let sql: String
        let arguments: StatementArguments
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

        /// `values` (``columns`` per row) as chunks of whole rows, each chunk's arguments led by
        /// `key` when the insert is keyed. The values come as `DatabaseValueConvertible`
        /// existentials: GRDB turns those into its arguments with a closure, where a sequence of
        /// `DatabaseValue` goes through a key path per value.
        func chunks(key: DatabaseValue? = nil, _ values: [(any DatabaseValueConvertible)?]) -> [Chunk] {
            let perChunk = columns * PreparedReport.rowsPerStatement
            return stride(from: 0, to: values.count, by: perChunk).map { start in
                let end = min(start + perChunk, values.count)
                var arguments = StatementArguments(values[start..<end])
                if keyed, let key { arguments = [key] + arguments }
                return Chunk(sql: statements[(end - start) / columns], arguments: arguments)
            }
        }
    }

    static let reportsInsert = Insert("reports", ["sha256", "file", "format", "converted_by", "encoding", "title", "agency", "year",
                                                  "published", "template", "errors", "warnings"], keyed: false)
    static let tablesInsert = Insert("report_tables", ["report_sha256", "table_name", "first_position", "cells"])
    static let diagnosticsInsert = Insert("diagnostics", ["report_sha256", "position", "severity", "code", "path", "message", "source"])
    static let sectionsInsert = Insert("sections", ["report_sha256", "part", "section_key", "text"])

    /// The input's SHA-256, the report's key.
    let key: String
    /// The `reports` row, then the `report_tables` (one per table, its cells in table order:
    /// `position` 1, 2, … through the three tables), `diagnostics` and `sections` rows, as chunks.
    let chunks: [Chunk]

    /// The rows of `report`.
    public init(_ report: Report) {
        let key = report.source.sha256
        self.key = key
        let keyValue = key.databaseValue
        func text(_ value: String?) -> DatabaseValue { value.map { $0.databaseValue } ?? .null }
        var chunks = Self.reportsInsert.chunks([
            keyValue, report.source.file.databaseValue, report.source.format.rawValue.databaseValue,
            text(report.source.convertedBy), text(report.source.encoding), text(report.title), text(report.agency),
            report.year.map { $0.databaseValue } ?? .null, text(report.published),
            report.template.rawValue.databaseValue, report.diagnostics.count(of: .error).databaseValue,
            report.diagnostics.count(of: .warning).databaseValue,
        ])
        // One `report_tables` row per table, its cells as one JSON text (the long form is the
        // `report_values` view over them): three rows instead of one per value.
        var tables: [(any DatabaseValueConvertible)?] = []
        var position = 1
        for table in ReportTable.allCases {
            let rows = report[table].rows
            guard !rows.isEmpty else { continue }
            var cells = CellsJSON()
            let first = position
            for row in rows {
                for cell in row.cells {
                    position += 1
                    cells.append(row: row.key, column: cell.column, value: cell.value, location: cell.location)
                }
            }
            tables.append(table.rawValue.databaseValue)
            tables.append(first.databaseValue)
            tables.append(cells.finish().databaseValue)
        }
        chunks += Self.tablesInsert.chunks(key: keyValue, tables)
        var diagnostics: [(any DatabaseValueConvertible)?] = []
        for (index, item) in report.diagnostics.enumerated() {
            diagnostics += [(index + 1).databaseValue, item.severity.rawValue.databaseValue, item.code.databaseValue,
                            text(item.path), item.message.databaseValue, text(item.location?.description)]
        }
        chunks += Self.diagnosticsInsert.chunks(key: keyValue, diagnostics)
        var sections: [(any DatabaseValueConvertible)?] = []
        for part in SectionKey.allCases {
            if let prose = report.sections[part] {
                sections += [part.number.databaseValue, part.rawValue.databaseValue, prose.databaseValue]
            }
        }
        chunks += Self.sectionsInsert.chunks(key: keyValue, sections)
        self.chunks = chunks
    }
}
