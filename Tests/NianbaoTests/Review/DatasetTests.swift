import Foundation
import GRDB
import Testing
@testable import NianbaoDataset
import NianbaoKit
import NianbaoModel
import NianbaoWriters

/// `--to sqlite`: the dataset file.
@Suite("SQLite dataset")
struct DatasetTests {
    static func temporaryDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-dataset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("reports.sqlite").path
    }

    static func valueCount(_ reports: [Report]) -> Int {
        reports.reduce(0) { sum, report in sum + ReportTable.allCases.reduce(0) { $0 + report[$1].allCells.count } }
    }

    @Test func writingTwiceReplacesRowsAndKeepsTheSchemaVersion() throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let reports = SeriesBuilder().build()
        let dataset = try Dataset(path: path)
        try dataset.write(reports)
        let first = try dataset.rowCounts()
        #expect(first["reports"] == 5)
        #expect(first["report_values"] == Self.valueCount(reports))
        #expect(first["sections"] == 30)
        try dataset.write(reports)
        #expect(try Dataset(path: path).rowCounts() == first)
        #expect(try dataset.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Dataset.schemaVersion)
    }

    @Test func reportsReadBackAsWritten() throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        var reports = SeriesBuilder().build()
        reports[1].diagnostics = [Diagnostic(.warning, code: "value.missing", path: "requests.granted.total", message: "缺", location: .line(12))]
        reports[2].requests["granted", "research"] = nil
        let dataset = try Dataset(path: path)
        try dataset.write(reports)
        let back = try dataset.reports()
        #expect(back.count == reports.count)
        for report in reports {
            let read = try #require(back.first { $0.source.sha256 == report.source.sha256 })
            #expect(read == report)
            #expect(read.valueLocations["requests.granted.total"] == report.valueLocations["requests.granted.total"])
        }
    }

    /// Writes `reports` as nianbao did before schema v3: one `report_values` row per value.
    static func writeLongForm(_ reports: [Report], into queue: DatabaseQueue) throws {
        try queue.write { db in
            for report in reports {
                let key = report.source.sha256
                try db.execute(sql: """
                    INSERT INTO reports (sha256, file, format, converted_by, encoding, title, agency, year, published, template, errors, warnings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, report.source.file, report.source.format.rawValue, report.source.convertedBy, report.source.encoding,
                                     report.title, report.agency, report.year, report.published, report.template.rawValue,
                                     report.diagnostics.count(of: .error), report.diagnostics.count(of: .warning)])
                var position = 0
                for table in ReportTable.allCases {
                    for row in report[table].rows {
                        for cell in row.cells {
                            position += 1
                            try db.execute(sql: """
                                INSERT INTO report_values (report_sha256, table_name, row_key, column_key, position, value, source)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """, arguments: [key, table.rawValue, row.key, cell.column, position,
                                                 DatasetRows.databaseValue(cell.value), cell.location?.description])
                        }
                    }
                }
                for part in SectionKey.allCases {
                    guard let prose = report.sections[part] else { continue }
                    try db.execute(sql: "INSERT INTO sections (report_sha256, part, section_key, text) VALUES (?, ?, ?, ?)",
                                   arguments: [key, part.number, part.rawValue, prose])
                }
                for (index, item) in report.diagnostics.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO diagnostics (report_sha256, position, severity, code, path, message, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [key, index + 1, item.severity.rawValue, item.code, item.path, item.message, item.location?.description])
                }
            }
        }
    }

    @Test(arguments: ["v1", "v2"])
    func anOlderDatabaseMigratesKeepingItsRows(version: String) throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        var reports = SeriesBuilder().build()
        reports[0].valueLocations["requests.granted.total"] = SourceLocation(line: 12, page: 3)
        reports[1].valueLocations["requests.granted.total"] = SourceLocation(table: 1, row: 5, cell: 2, page: 2)
        reports[2].requests["granted", "research"] = Decimal(string: "12.5")
        reports[3].requests["granted", "research"] = nil
        reports[4].diagnostics = [Diagnostic(.warning, code: "value.missing", path: "requests.granted.total", message: "缺", location: .line(12))]
        let oldPositions: [[String]]
        do {
            let queue = try DatabaseQueue(path: path)
            try DatasetSchema.migrator.migrate(queue, upTo: version)
            try Self.writeLongForm(reports, into: queue)
            #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == (version == "v1" ? 1 : 2))
            oldPositions = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT report_sha256, table_name, row_key, column_key, position, value, source FROM report_values ORDER BY report_sha256, position")
                    .map { row in (0..<7).map { "\(row[$0] as DatabaseValue)" } }
            }
        }
        let dataset = try Dataset(path: path)
        #expect(try dataset.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Dataset.schemaVersion)
        #expect(try dataset.rowCounts()["report_values"] == Self.valueCount(reports))
        #expect(try dataset.rowCounts()["report_tables"] == reports.count * ReportTable.allCases.count)
        // The long form reads as before: same rows, positions, values (with their SQL types) and sources.
        let newPositions = try dataset.read { db in
            try Row.fetchAll(db, sql: "SELECT report_sha256, table_name, row_key, column_key, position, value, source FROM report_values ORDER BY report_sha256, position")
                .map { row in (0..<7).map { "\(row[$0] as DatabaseValue)" } }
        }
        #expect(newPositions == oldPositions)
        let back = try dataset.reports()
        for report in reports {
            let read = try #require(back.first { $0.source.sha256 == report.source.sha256 })
            #expect(read == report)
            #expect(read.valueLocations["requests.granted.total"] == report.valueLocations["requests.granted.total"])
        }
        let total = try dataset.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM requests_wide WHERE column_key = 'total'") }
        #expect(total == reports.count)
        // Written again after the migration: replaced, not duplicated.
        try dataset.write(reports)
        #expect(try dataset.rowCounts()["report_values"] == Self.valueCount(reports))
        #expect(try dataset.reports() == back)
    }

    @Test func locationsParseBackAsWritten() {
        for location in [SourceLocation(line: 12), SourceLocation(table: 3, row: 5, cell: 2), SourceLocation(line: 7, page: 2),
                         SourceLocation(table: 1, row: 10, cell: 4, page: 12)] {
            #expect(DatasetRows.parseLocation(location.description) == location)
        }
        // The `report_tables` cells write a location byte by byte, as its description.
        for location in [SourceLocation(line: 12), SourceLocation(table: 3, row: 5, cell: 2), SourceLocation(line: 7, page: 2),
                         SourceLocation(table: 1, row: 10, cell: 4, page: 12), SourceLocation(), SourceLocation(line: 0, table: 123456789),
                         SourceLocation(row: -3, cell: Int.min), SourceLocation(cell: Int.max)] {
            var cells = CellsJSON()
            cells.append(row: "granted", column: "total", value: Decimal(string: "-12.5"), location: location)
            cells.append(row: "granted", column: "research", value: nil, location: nil)
            cells.append(row: "new_received", column: "total", value: 3, location: nil)
            #expect(cells.finish() == #"[["granted","total",-12.5,""# + location.description
                    + #""],["granted","research",null],["new_received","total",3]]"#)
        }
        for text in ["unknown", "", "line", "line x", "row 1,cell 2", "table 1, row", "line 99999999999999999999999"] {
            #expect(DatasetRows.parseLocation(text) == nil, "\(text)")
        }
    }

    @Test func cellsOfAnyJSONFormReadBack() {
        func read(_ text: String) -> (Bool, ValueTable) {
            var table = ValueTable(empty: .reviewLitigation, template: .v2021)
            let ok = Array(text.utf8).withUnsafeBufferPointer { CellsJSON.read($0, into: &table) }
            return (ok, table)
        }
        // As nianbao writes them, a cell out of template order and one the template does not have.
        let (plain, written) = read(#"[["review","total",7,"line 9"],["review","corrected",3,"line 4"],["nope","x",1],["review","upheld",-2.25]]"#)
        #expect(plain)
        #expect(written["review", "total"] == 7)
        #expect(written["review", "corrected"] == 3)
        #expect(written.location("review", "corrected") == SourceLocation(line: 4))
        #expect(written["review", "upheld"] == Decimal(string: "-2.25"))
        #expect(written.location("review", "upheld") == nil)
        // Another writer's JSON: white space, an escape, an exponent.
        let (other, table) = read(#"[ ["review", "corrected", 3, "line 4"], ["review","total",1.5e1], ["\u0072eview","upheld",null,"page 2, line 3"] ]"#)
        #expect(other)
        #expect(table["review", "corrected"] == 3)
        #expect(table.location("review", "corrected") == SourceLocation(line: 4))
        #expect(table["review", "total"] == 15)
        #expect(table["review", "upheld"] == nil)
        #expect(table.location("review", "upheld") == SourceLocation(line: 3, page: 2))
        #expect(!read("nonsense").0)
        #expect(!read(#"{"review": 1}"#).0)
    }

    @Test func anInterruptedWriteLeavesNoPartialReport() throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let reports = SeriesBuilder().build()
        let dataset = try Dataset(path: path)
        try dataset.write(Array(reports.prefix(2)))
        let before = try dataset.rowCounts()
        struct Interrupted: Error {}
        #expect(throws: Dataset.DatasetError.self) {
            try dataset.write(Array(reports.suffix(3)), beforeCommit: { throw Interrupted() })
        }
        #expect(try dataset.rowCounts() == before)
        #expect(try dataset.reports().map(\.year) == [2019, 2020])
    }

    @Test func viewsGiveTheReportsNumbers() throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let reports = SeriesBuilder().build()
        let dataset = try Dataset(path: path)
        try dataset.write(reports)
        try dataset.read { db in
            for report in reports {
                let key = report.source.sha256
                let newReceived = try Int.fetchOne(db, sql: "SELECT new_received FROM requests_wide WHERE report_sha256 = ? AND column_key = 'total'", arguments: [key])
                #expect(newReceived.map { Decimal($0) } == report.requests["new_received", "total"])
                let review = try Int.fetchOne(db, sql: "SELECT total FROM review_litigation WHERE report_sha256 = ? AND row_key = 'review'", arguments: [key])
                #expect(review.map { Decimal($0) } == report.reviewLitigation["review", "total"])
                let column = report.template == .v2019 ? "total_published" : "in_force"
                let regulations = try Int.fetchOne(db, sql: "SELECT \(column) FROM active_disclosure WHERE report_sha256 = ? AND row_key = 'regulations'", arguments: [key])
                #expect(regulations.map { Decimal($0) } == report.activeDisclosure["regulations", column])
            }
        }
    }

    @Test func convertingSamplesTwiceGivesTheSameRowsAndTheJSONNumbers() throws {
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let inputs = TestFiles.sampleStems.map { TestFiles.samplesDirectory.appendingPathComponent($0 + ".txt").path }
        let job = ConvertJob(paths: inputs, format: .sqlite, folder: URL(fileURLWithPath: path), jobs: 2)
        let outcome = try job.run(standardInput: { [] })
        #expect(outcome.failures.isEmpty)
        let counts = try Dataset(path: path).rowCounts()
        #expect(counts["reports"] == inputs.count)
        _ = try job.run(standardInput: { [] })
        #expect(try Dataset(path: path).rowCounts() == counts)
        let dataset = try Dataset(path: path)
        for input in inputs {
            let report = try Pipeline.convert(contentsOf: URL(fileURLWithPath: input))
            #expect(try dataset.reports().first { $0.source.sha256 == report.source.sha256 } == report)
            try dataset.read { db in
                for column in TemplateCatalog.applicantColumns.map(\.key) {
                    let row = try Row.fetchOne(db, sql: "SELECT new_received, carried_forward FROM requests_wide WHERE report_sha256 = ? AND column_key = ?",
                                               arguments: [report.source.sha256, column])
                    let newReceived: Int? = row?["new_received"], forward: Int? = row?["carried_forward"]
                    #expect(newReceived.map { Decimal($0) } == report.requests["new_received", column])
                    #expect(forward.map { Decimal($0) } == report.requests["carried_forward", column])
                }
            }
        }
    }
}
