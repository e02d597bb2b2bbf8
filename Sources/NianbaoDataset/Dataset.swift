import Foundation
public import GRDB
public import NianbaoModel

/// A growing dataset of reports in one SQLite database (through GRDB): one row per report in
/// `reports`, one per report and statutory table in `report_tables` (the cells as JSON), the long
/// form of every table value in the view `report_values`, the `diagnostics`, the prose
/// `sections`, review `findings`, and views named after the statutory tables.
///
/// A report is keyed by the SHA-256 of its input: writing it again replaces its rows. Every
/// ``write(_:)`` is one transaction, so an interrupted run leaves the database as it was before
/// the batch being written.
public final class Dataset: Sendable {
    /// The schema version kept in `PRAGMA user_version`.
    public static let schemaVersion = 3

    /// The database file could not be opened or written.
    public struct DatasetError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, naming the file.
        public var description: String
    }

    private let queue: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (creating when absent) the database at `path` and migrates it to ``schemaVersion``.
    /// - Throws: ``DatasetError`` naming the file when it is not a database or is newer than this nianbao.
    public init(path: String) throws {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // Write-ahead log: a commit appends instead of rewriting pages, and readers do not wait for
            // the writer. A killed process still loses no committed batch and keeps no partial one.
            configuration.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // 16 MiB of page cache (the default is 2 MiB): the rows' indexes (keyed by SHA-256)
                // are inserted into all over, and a small cache reads their pages back again and
                // again. 16 MiB holds the indexes of about 10,000 reports; a larger cache costs a
                // page fault per page it grows by (64 MiB cost 0.02 ms per report in a new database).
                try db.execute(sql: "PRAGMA cache_size = -16384")
                // A multi-row INSERT keeps a statement journal; in memory, not in a file under /tmp.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let version = try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
            if version > Self.schemaVersion {
                throw DatasetError(description: "\(path): schema version \(version) is newer than this nianbao's (\(Self.schemaVersion))")
            }
            try DatasetSchema.migrator.migrate(queue)
        } catch let error as DatasetError {
            throw error
        } catch {
            throw DatasetError(description: "\(path): not a nianbao dataset or not writable: \(error)")
        }
    }

    /// Writes `reports` in one transaction, each replacing any earlier rows of the same input
    /// (same `source.sha256`). `beforeCommit` runs inside the transaction after the rows are
    /// written; an error it throws rolls the whole batch back (tests use it to interrupt a write).
    /// - Throws: ``DatasetError`` naming the database; nothing of the batch is kept then.
    public func write(_ reports: [Report], beforeCommit: @Sendable () throws -> Void = {}) throws {
        try write(prepared: reports.map(PreparedReport.init), beforeCommit: beforeCommit)
    }

    /// Writes reports whose rows were built beforehand (``PreparedReport``, e.g. on the threads
    /// that converted them), in one transaction, as ``write(_:beforeCommit:)``.
    /// - Throws: ``DatasetError`` naming the database; nothing of the batch is kept then.
    public func write(prepared reports: [PreparedReport], beforeCommit: @Sendable () throws -> Void = {}) throws {
        guard !reports.isEmpty else { return }
        do {
            try queue.inTransaction { db in
                let statements = try InsertStatements(db)
                for report in reports { try DatasetRows.insert(report, into: statements) }
                try beforeCommit()
                return .commit
            }
        } catch {
            throw DatasetError(description: "\(path): could not write \(reports.count) report(s): \(error)")
        }
    }

    /// Row counts of the tables (`reports`, `report_tables`, `diagnostics`, `sections`, `findings`)
    /// and of the long-form view `report_values` (one per value).
    public func rowCounts() throws -> [String: Int] {
        try queue.read { db in
            var counts: [String: Int] = [:]
            for table in DatasetSchema.tables {
                counts[table] = try Table(table).fetchCount(db)
            }
            return counts
        }
    }

    /// Every report in the database, rebuilt as read (values, locations, sections, diagnostics),
    /// ordered by agency, year and file.
    public func reports() throws -> [Report] {
        try queue.read { db in try DatasetRows.reports(in: db) }
    }

    /// Runs `body` with read access (for queries such as those the README shows).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// Replaces every finding of an earlier review with `findings`, in one transaction.
    public func replaceFindings(_ findings: [FindingRow]) throws {
        try queue.inTransaction { db in
            try db.execute(sql: "DELETE FROM findings")
            let statement = try db.cachedStatement(sql: """
                INSERT INTO findings (report_sha256, agency, year, file, rule, severity, message, matched_words, cells)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for finding in findings {
                try statement.execute(arguments: [finding.reportSHA256, finding.agency, finding.year, finding.file, finding.rule,
                                                  finding.severity, finding.message, finding.matchedWords, finding.cellsJSON])
            }
            return .commit
        }
    }
}

/// A review finding as stored in the `findings` table.
public struct FindingRow: Sendable {
    /// The report the finding is about (its input's SHA-256), when it is about one report.
    public var reportSHA256: String?
    /// The agency as written in the report.
    public var agency: String?
    /// The year reported on.
    public var year: Int?
    /// The report's file.
    public var file: String?
    /// The rule (`"6"`, `"8"`, `"series.gap"`, …).
    public var rule: String
    /// `error`, `warning` or `info`.
    public var severity: String
    /// The message, in Chinese.
    public var message: String
    /// The prose words a rule-8 finding matched.
    public var matchedWords: String?
    /// The cells involved, as a JSON array.
    public var cellsJSON: String

    /// Creates a row.
    public init(reportSHA256: String?, agency: String?, year: Int?, file: String?, rule: String, severity: String,
                message: String, matchedWords: String?, cellsJSON: String) {
        self.reportSHA256 = reportSHA256
        self.agency = agency
        self.year = year
        self.file = file
        self.rule = rule
        self.severity = severity
        self.message = message
        self.matchedWords = matchedWords
        self.cellsJSON = cellsJSON
    }
}
