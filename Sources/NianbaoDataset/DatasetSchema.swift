import GRDB
import NianbaoModel

/// The database schema, built by migrations. Each migration also sets `PRAGMA user_version`, so
/// that tools without GRDB see the version; a later schema adds a migration `v2` … here.
enum DatasetSchema {
    /// The tables, for row counts.
    static let tables = ["reports", "report_values", "diagnostics", "sections", "findings"]

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
        return migrator
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
        let columns = keys.map { "MAX(CASE WHEN \(pivot) = '\($0)' THEN v.value END) AS \($0)" }.joined(separator: ",\n  ")
        return """
            CREATE VIEW \(name) AS
            SELECT r.sha256 AS report_sha256, r.file, r.agency, r.year, r.template, \(group) AS \(groupName),
              \(columns)
            FROM report_values v JOIN reports r ON r.sha256 = v.report_sha256
            WHERE v.table_name = '\(table.rawValue)'
            GROUP BY r.sha256, \(group)
            """
    }
}
