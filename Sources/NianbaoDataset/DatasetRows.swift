import Foundation
import GRDB
import NianbaoModel

/// Reports to rows and back.
enum DatasetRows {
    /// Inserts `report`, deleting the rows of an earlier write of the same input first.
    static func insert(_ report: Report, into db: Database) throws {
        let key = report.source.sha256
        try db.cachedStatement(sql: "DELETE FROM reports WHERE sha256 = ?").execute(arguments: [key])
        try db.cachedStatement(sql: """
            INSERT INTO reports (sha256, file, format, converted_by, encoding, title, agency, year, published, template, errors, warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                key, report.source.file, report.source.format.rawValue, report.source.convertedBy, report.source.encoding,
                report.title, report.agency, report.year, report.published, report.template.rawValue,
                report.diagnostics.count(of: .error), report.diagnostics.count(of: .warning),
            ])
        let value = try db.cachedStatement(sql: """
            INSERT INTO report_values (report_sha256, table_name, row_key, column_key, position, value, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var position = 0
        for table in ReportTable.allCases {
            for row in report[table].rows {
                for cell in row.cells {
                    position += 1
                    try value.execute(arguments: [key, table.rawValue, row.key, cell.column, position,
                                                  databaseValue(cell.value), cell.location?.description])
                }
            }
        }
        let diagnostic = try db.cachedStatement(sql: """
            INSERT INTO diagnostics (report_sha256, position, severity, code, path, message, source) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, item) in report.diagnostics.enumerated() {
            try diagnostic.execute(arguments: [key, index + 1, item.severity.rawValue, item.code, item.path, item.message,
                                               item.location?.description])
        }
        let section = try db.cachedStatement(sql: "INSERT INTO sections (report_sha256, part, section_key, text) VALUES (?, ?, ?, ?)")
        for part in SectionKey.allCases {
            if let text = report.sections[part] {
                try section.execute(arguments: [key, part.number, part.rawValue, text])
            }
        }
    }

    /// A value as stored: whole numbers as integers, others as reals; `NULL` when missing.
    static func databaseValue(_ value: Decimal?) -> DatabaseValue {
        guard let value else { return .null }
        var rounded = Decimal(), copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        if rounded == value, let whole = Int64(exactly: NSDecimalNumber(decimal: value).int64Value), Decimal(whole) == value {
            return whole.databaseValue
        }
        return NSDecimalNumber(decimal: value).doubleValue.databaseValue
    }

    /// A stored value back as a `Decimal`.
    static func decimal(_ value: DatabaseValue) -> Decimal? {
        switch value.storage {
        case .int64(let whole): Decimal(whole)
        case .double(let real): Decimal(string: String(real))
        case .string(let text): Decimal(string: text)
        case .null, .blob: nil
        }
    }

    /// Every report, rebuilt.
    static func reports(in db: Database) throws -> [Report] {
        var reports: [Report] = []
        var index: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT sha256, file, format, converted_by, encoding, title, agency, year, published, template FROM reports
            ORDER BY agency, year, file
            """)
        while let row = try rows.next() {
            let key: String = row["sha256"]
            let format = SourceFormat(rawValue: row["format"] ?? "") ?? .json
            let template = TemplateVersion(rawValue: row["template"] ?? "") ?? .unknown
            var report = Report(source: SourceInfo(file: row["file"], format: format, sha256: key, encoding: row["encoding"],
                                                   convertedBy: row["converted_by"]), template: template)
            report.title = row["title"]
            report.agency = row["agency"]
            report.year = row["year"]
            report.published = row["published"]
            index[key] = reports.count
            reports.append(report)
        }
        var places: [CellKey: (row: Int, cell: Int)?] = [:]
        let values = try Row.fetchCursor(db, sql: """
            SELECT report_sha256, table_name, row_key, column_key, value, source FROM report_values
            """)
        while let row = try values.next() {
            guard let at = index[row[0]], let table = ReportTable(rawValue: row[1]) else { continue }
            let rowKey: String = row[2], column: String = row[3]
            // Where the cell sits in the report's table, found once per template and cell.
            let template = reports[at].template
            let cacheKey = CellKey(template: template, table: table, row: rowKey, column: column)
            let place: (row: Int, cell: Int)?
            if let known = places[cacheKey] {
                place = known
            } else {
                let rows = reports[at][table].rows
                place = rows.firstIndex { $0.key == rowKey }.flatMap { r in
                    rows[r].cells.firstIndex { $0.column == column }.map { (r, $0) }
                }
                places[cacheKey] = place
            }
            guard let place else { continue }
            let value = decimal(row[4] as DatabaseValue)
            let source: String? = row[5]
            let location = source.flatMap(parseLocation)
            switch table {
            case .activeDisclosure:
                reports[at].activeDisclosure.rows[place.row].cells[place.cell].value = value
                reports[at].activeDisclosure.rows[place.row].cells[place.cell].location = location
            case .requests:
                reports[at].requests.rows[place.row].cells[place.cell].value = value
                reports[at].requests.rows[place.row].cells[place.cell].location = location
            case .reviewLitigation:
                reports[at].reviewLitigation.rows[place.row].cells[place.cell].value = value
                reports[at].reviewLitigation.rows[place.row].cells[place.cell].location = location
            }
        }
        let sections = try Row.fetchCursor(db, sql: "SELECT report_sha256, section_key, text FROM sections")
        while let row = try sections.next() {
            guard let at = index[row[0]], let part = SectionKey(rawValue: row[1]) else { continue }
            reports[at].sections[part] = row[2]
        }
        let diagnostics = try Row.fetchCursor(db, sql: """
            SELECT report_sha256, severity, code, path, message, source FROM diagnostics ORDER BY report_sha256, position
            """)
        while let row = try diagnostics.next() {
            guard let at = index[row[0]], let severity = Severity(rawValue: row[1]) else { continue }
            let source: String? = row[5]
            reports[at].diagnostics.append(Diagnostic(severity, code: row[2], path: row[3], message: row[4],
                                                      location: source.flatMap(parseLocation)))
        }
        return reports
    }

    /// A cell of a template's table, as the key of its place.
    struct CellKey: Hashable {
        var template: TemplateVersion
        var table: ReportTable
        var row: String
        var column: String
    }

    /// `"page 3, table 1, row 5, cell 2"` (as ``SourceLocation/description``) back to a location.
    static func parseLocation(_ text: String) -> SourceLocation? {
        var location = SourceLocation()
        var any = false
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ")
            guard words.count == 2, let number = Int(words[1]) else { return nil }
            switch words[0] {
            case "page": location.page = number
            case "line": location.line = number
            case "table": location.table = number
            case "row": location.row = number
            case "cell": location.cell = number
            default: return nil
            }
            any = true
        }
        return any ? location : nil
    }
}
