import Foundation
import GRDB
import NianbaoModel

/// The statements one write transaction inserts reports with, each looked up once (GRDB's
/// statement cache is keyed by the SQL text, which a multi-row `INSERT` makes long).
///
/// The values are bound one by one (`StatementBinding.bind(to:at:)`, as GRDB binds them), without
/// building GRDB's `StatementArguments` (which converts every value once more, through a key
/// path or an existential: a quarter of the time a report's rows took to build). Before, the
/// statement is reset and its bindings cleared with `setUncheckedArguments` and no arguments,
/// which also tells GRDB that the statement's arguments are bound; `execute()` then runs it with
/// the values bound since. Should GRDB ever check those (empty) arguments instead, it throws a
/// "wrong number of statement arguments" error and the batch is rolled back: nothing is written wrong.
final class InsertStatements {
    private let db: Database
    /// `DELETE FROM reports WHERE sha256 = ?`: the rows of an earlier write of an input go by cascade.
    private let deleteReport: Statement
    /// By insert (``PreparedReport/inserts``) and row count.
    private var statements: [Statement?]

    init(_ db: Database) throws {
        self.db = db
        deleteReport = try db.cachedStatement(sql: "DELETE FROM reports WHERE sha256 = ?")
        statements = Array(repeating: nil, count: PreparedReport.inserts.count * (PreparedReport.rowsPerStatement + 1))
    }

    /// No arguments: resets a statement for binding.
    private static let noArguments = StatementArguments()

    /// Deletes the rows of the report `key` (none when it is not in the database).
    func delete(_ key: String) throws {
        deleteReport.setUncheckedArguments(Self.noArguments)
        try bind(key.databaseValue, at: 1, deleteReport)
        try deleteReport.execute()
    }

    /// Inserts `chunk`.
    func insert(_ chunk: PreparedReport.Chunk) throws {
        let statement = try insertStatement(chunk.insert, rows: chunk.rows)
        statement.setUncheckedArguments(Self.noArguments)
        var index: CInt = 1
        for value in chunk.values {
            try bind(value, at: index, statement)
            index += 1
        }
        try statement.execute()
    }

    private func bind(_ value: DatabaseValue, at index: CInt, _ statement: Statement) throws {
        let code = value.bind(to: statement.sqliteStatement, at: index)
        guard code == ResultCode.SQLITE_OK.rawValue else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind argument \(index)", sql: statement.sql)
        }
    }

    /// The `INSERT` of `rows` rows into the table of `insert`.
    private func insertStatement(_ insert: Int, rows: Int) throws -> Statement {
        let index = insert * (PreparedReport.rowsPerStatement + 1) + rows
        if let statement = statements[index] { return statement }
        let statement = try db.cachedStatement(sql: PreparedReport.inserts[insert].statements[rows])
        statements[index] = statement
        return statement
    }
}

/// Reports to rows and back.
enum DatasetRows {
    /// Inserts rows built beforehand (on any thread), deleting the rows of an earlier write of the
    /// same input first (the delete of an input not in the database yet finds no row).
    static func insert(_ prepared: PreparedReport, into statements: InsertStatements) throws {
        try statements.delete(prepared.key)
        for chunk in prepared.chunks { try statements.insert(chunk) }
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
        let tables = try Row.fetchCursor(db, sql: "SELECT report_sha256, table_name, cells FROM report_tables")
        // The rows come in key order (the primary key starts with the report): the report is looked
        // up when the key changes, not for every table.
        var lastKey = Data(), lastAt: Int?
        while let row = try tables.next() {
            let sameReport = try row.withUnsafeData(atIndex: 0) { $0 == lastKey }
            if !sameReport {
                // A copy: the bytes GRDB lends are only valid during the call.
                lastKey = try row.withUnsafeData(atIndex: 0) { $0.map { Data([UInt8]($0)) } ?? Data() }
                lastAt = index[row[0]]
            }
            guard let at = lastAt, let table = ReportTable(rawValue: row[1]) else { continue }
            // Taken out of the report while it is filled, so that its rows are not copied.
            var values = reports[at][table]
            reports[at][table] = ValueTable(rows: [])
            let read = try row.withUnsafeData(atIndex: 2) { data in
                data?.withUnsafeBytes { CellsJSON.read($0.bindMemory(to: UInt8.self), into: &values) } ?? false
            }
            reports[at][table] = values
            guard read else {
                let file = reports[at].source.file
                throw Dataset.DatasetError(description: "report_tables: the \(table.rawValue) cells of \(file) are not a JSON array of cells")
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

    /// `"page 3, table 1, row 5, cell 2"` (as ``SourceLocation/description``) back to a location.
    /// Read byte by byte: a review reads one per stored value.
    static func parseLocation(_ text: String) -> SourceLocation? {
        parseLocation(utf8: text.utf8)
    }

    /// A location from the UTF-8 bytes of its description, as ``parseLocation(_:)``.
    static func parseLocation(utf8: some Sequence<UInt8>) -> SourceLocation? {
        var location = SourceLocation()
        var any = false
        var word: [UInt8] = []
        word.reserveCapacity(8)
        var number: Int?
        var inNumber = false
        func finish() -> Bool {
            guard let value = number, !word.isEmpty else { return false }
            if word == LocationWord.page { location.page = value
            } else if word == LocationWord.line { location.line = value
            } else if word == LocationWord.table { location.table = value
            } else if word == LocationWord.row { location.row = value
            } else if word == LocationWord.cell { location.cell = value
            } else { return false }
            any = true
            word.removeAll(keepingCapacity: true)
            number = nil
            inNumber = false
            return true
        }
        var bytes = utf8.makeIterator()
        var expectSpaceAfterComma = false
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: ","):
                guard finish() else { return nil }
                expectSpaceAfterComma = true
            case UInt8(ascii: " "):
                if expectSpaceAfterComma {
                    expectSpaceAfterComma = false
                } else if !word.isEmpty, !inNumber {
                    inNumber = true
                } else {
                    return nil
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard inNumber else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                number = sum
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !inNumber, !expectSpaceAfterComma else { return nil }
                word.append(byte)
            default:
                return nil
            }
        }
        guard finish() else { return nil }
        return any ? location : nil
    }

    /// The words of a location, as bytes.
    private enum LocationWord {
        static let page = Array("page".utf8)
        static let line = Array("line".utf8)
        static let table = Array("table".utf8)
        static let row = Array("row".utf8)
        static let cell = Array("cell".utf8)
    }
}
