import Foundation
import GRDB
import NianbaoModel

/// The database schema, built by migrations. Each migration also sets `PRAGMA user_version`, so
/// that tools without GRDB see the version; a later schema adds a migration `v4` … here.
enum DatasetSchema {
    /// The tables (and the long-form view `report_values`), for row counts.
    static let tables = ["reports", "report_tables", "report_values", "diagnostics", "sections", "findings"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "reports") { t in
                t.primaryKey("sha256", .text)
                t.column("file", .text).notNull()
                t.column("format", .text).notNull()
                t.column("converted_by", .text)
                t.column("encoding", .text)
                t.column("title", .text)
                t.column("agency", .text)
                t.column("year", .integer)
                t.column("published", .text)
                t.column("template", .text).notNull()
                t.column("errors", .integer).notNull()
                t.column("warnings", .integer).notNull()
            }
            try db.create(index: "reports_agency_year", on: "reports", columns: ["agency", "year"])
            try db.create(table: "report_values") { t in
                t.column("report_sha256", .text).notNull().references("reports", onDelete: .cascade)
                t.column("table_name", .text).notNull()
                t.column("row_key", .text).notNull()
                t.column("column_key", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("value", .numeric)
                t.column("source", .text)
                t.primaryKey(["report_sha256", "table_name", "row_key", "column_key"])
            }
            try db.create(index: "report_values_cell", on: "report_values", columns: ["table_name", "row_key", "column_key"])
            try db.create(table: "diagnostics") { t in
                t.column("report_sha256", .text).notNull().indexed().references("reports", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("severity", .text).notNull()
                t.column("code", .text).notNull()
                t.column("path", .text)
                t.column("message", .text).notNull()
                t.column("source", .text)
            }
            try db.create(table: "sections") { t in
                t.column("report_sha256", .text).notNull().references("reports", onDelete: .cascade)
                t.column("part", .integer).notNull()
                t.column("section_key", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["report_sha256", "section_key"])
            }
            try db.create(table: "findings") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("report_sha256", .text).indexed()
                t.column("agency", .text)
                t.column("year", .integer)
                t.column("file", .text)
                t.column("rule", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("message", .text).notNull()
                t.column("matched_words", .text)
                t.column("cells", .text).notNull()
            }
            for table in ReportTable.allCases {
                try db.execute(sql: wideView(table))
            }
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // v2: `report_values` without a rowid, its primary key the table itself (one B-tree per
        // value row instead of three: rowid table, primary-key index and the `report_values_cell`
        // index). Same columns, same rows; a conversion writes about twice as fast.
        migrator.registerMigration("v2") { db in
            for table in ReportTable.allCases { try db.execute(sql: "DROP VIEW IF EXISTS \(viewName(table))") }
            try db.create(table: "report_values_v2", options: [.withoutRowID]) { t in
                t.column("report_sha256", .text).notNull().references("reports", onDelete: .cascade)
                t.column("table_name", .text).notNull()
                t.column("row_key", .text).notNull()
                t.column("column_key", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("value", .numeric)
                t.column("source", .text)
                t.primaryKey(["report_sha256", "table_name", "row_key", "column_key"])
            }
            try db.execute(sql: """
                INSERT INTO report_values_v2 (report_sha256, table_name, row_key, column_key, position, value, source)
                SELECT report_sha256, table_name, row_key, column_key, position, value, source FROM report_values
                """)
            try db.drop(table: "report_values")
            try db.rename(table: "report_values_v2", to: "report_values")
            for table in ReportTable.allCases {
                try db.execute(sql: wideView(table))
            }
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // v3: the values stored one row per report and table (`report_tables`, the cells as a JSON
        // array) instead of one row per value; `report_values` becomes a view giving the same long
        // form. About 200 B-tree inserts per report become 3.
        migrator.registerMigration("v3") { db in
            for table in ReportTable.allCases { try db.execute(sql: "DROP VIEW IF EXISTS \(viewName(table))") }
            try createReportTables(db)
            try moveLongFormRows(db)
            try db.drop(table: "report_values")
            try db.execute(sql: longFormView)
            for table in ReportTable.allCases {
                try db.execute(sql: wideView(table))
            }
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        return migrator
    }

    /// `report_tables`: one row per report and statutory table. `cells` is a JSON array of the
    /// table's cells in template order, each `[row_key, column_key, value]` or, with a source
    /// location, `[row_key, column_key, value, source]`; `first_position` is the `position` of
    /// the first (the positions run on through the report's three tables).
    static func createReportTables(_ db: Database) throws {
        try db.create(table: "report_tables") { t in
            t.column("report_sha256", .text).notNull().references("reports", onDelete: .cascade)
            t.column("table_name", .text).notNull()
            t.column("first_position", .integer).notNull()
            t.column("cells", .text).notNull()
            t.primaryKey(["report_sha256", "table_name"])
        }
    }

    /// The long form over `report_tables`: one row per value, the columns of the v1/v2 table.
    static let longFormView = """
        CREATE VIEW report_values AS
        SELECT t.report_sha256 AS report_sha256, t.table_name AS table_name,
          json_extract(c.value, '$[0]') AS row_key, json_extract(c.value, '$[1]') AS column_key,
          t.first_position + c.key AS position, json_extract(c.value, '$[2]') AS value,
          json_extract(c.value, '$[3]') AS source
        FROM report_tables t, json_each(t.cells) c
        """

    /// Moves the rows of the v1/v2 `report_values` table into `report_tables`, in position order.
    /// Read in the order of the table's key (no sort of the whole table, which would hold every
    /// row in memory); the cells of one report's table are put in position order here.
    private static func moveLongFormRows(_ db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO report_tables (report_sha256, table_name, first_position, cells) VALUES (?, ?, ?, ?)
            """)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT report_sha256, table_name, row_key, column_key, position, value, source FROM report_values
            ORDER BY report_sha256, table_name
            """)
        typealias Cell = (position: Int, row: String, column: String, value: Decimal?, source: String?)
        var current: (key: String, table: String)?
        var group: [Cell] = []
        func flush() throws {
            guard let current, !group.isEmpty else { return }
            group.sort { $0.position < $1.position }
            var cells = CellsJSON()
            for cell in group { cells.append(row: cell.row, column: cell.column, value: cell.value, source: cell.source) }
            try insert.execute(arguments: [current.key, current.table, group[0].position, cells.finish()])
            group.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let key: String = row[0], table: String = row[1]
            if current?.key != key || current?.table != table {
                try flush()
                current = (key, table)
            }
            group.append((row[4], row[2], row[3], DatasetRows.decimal(row[5] as DatabaseValue), row[6]))
        }
        try flush()
    }

    /// The view of `table`: `requests_wide`, `active_disclosure`, `review_litigation`.
    static func viewName(_ table: ReportTable) -> String {
        table == .requests ? "requests_wide" : table.rawValue
    }

    /// A view named after a statutory table: one row per report and table row (for `requests`: per
    /// report and applicant column), its cells as columns named by their keys, union over both templates.
    static func wideView(_ table: ReportTable) -> String {
        // Pivot over the row keys (requests: the columns are the applicant types) or the column keys.
        let pivotRows = table == .requests
        var keys: [String] = []
        for template in [TemplateVersion.v2019, .v2021] {
            for row in TemplateCatalog.rows(table, template) {
                if pivotRows {
                    if !keys.contains(row.key) { keys.append(row.key) }
                } else {
                    for column in row.columns where !keys.contains(column.key) { keys.append(column.key) }
                }
            }
        }
        let name = viewName(table)
        let pivot = pivotRows ? "v.row_key" : "v.column_key"
        let group = pivotRows ? "v.column_key" : "v.row_key"
        let groupName = pivotRows ? "column_key" : "row_key"
        // Grouped by the report's columns too (they depend on `sha256` alone): a query's condition on
        // `year`, `agency` or the grouping key is then applied before the values are pivoted.
        let columns = keys.map { "MAX(CASE WHEN \(pivot) = '\($0)' THEN v.value END) AS \($0)" }.joined(separator: ",\n  ")
        return """
            CREATE VIEW \(name) AS
            SELECT r.sha256 AS report_sha256, r.file, r.agency, r.year, r.template, \(group) AS \(groupName),
              \(columns)
            FROM report_values v JOIN reports r ON r.sha256 = v.report_sha256
            WHERE v.table_name = '\(table.rawValue)'
            GROUP BY r.sha256, r.file, r.agency, r.year, r.template, \(group)
            """
    }
}
