public import Foundation
import NianbaoDataset
import NianbaoModel
public import NianbaoReview
import NianbaoValidator
public import NianbaoWriters

/// `nianbao review`: reports from files, nianbao JSON and `.sqlite` datasets reviewed together
/// (``Reviewer``), written as `findings.csv`, `findings.json` and `panel.csv` (one row per
/// agency-year), and with ``toDatabase`` the findings in a database too. Values are never changed.
public struct ReviewJob: Sendable {
    /// What a run did.
    public struct Outcome: Sendable {
        /// Reports reviewed (each input once).
        public var reports: Int
        /// Agencies (series).
        public var agencies: Int
        /// The findings.
        public var findings: [Finding]
        /// Inputs that could not be read (also in `errors.csv`).
        public var failures: [ConversionError]
        /// The database the findings were written to, when any.
        public var database: String?
    }

    /// Files, folders and databases as given.
    public var paths: [String]
    /// The output folder.
    public var folder: URL
    /// Maps agency names to ids.
    public var agencies: AgencyDirectory
    /// Also write the findings into a database: the one database input when there is exactly
    /// one, else `DIR/reports.sqlite` (with every reviewed report).
    public var toDatabase: Bool
    /// Parallel jobs for converting report files.
    public var jobs: Int

    /// Creates a job.
    public init(paths: [String], folder: URL, agencies: AgencyDirectory = AgencyDirectory(), toDatabase: Bool = false,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.paths = paths
        self.folder = folder
        self.agencies = agencies
        self.toDatabase = toDatabase
        self.jobs = jobs
    }

    /// `true` when `path` is a SQLite database (by its header).
    public static func isDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }

    /// Runs the review.
    /// - Throws: ``ConvertJob/OutputError`` when the outputs cannot be written.
    public func run(failed: (ConversionError) -> Void = { _ in }) throws -> Outcome {
        var reports: [Report] = []
        var failures: [ConversionError] = []
        let databases = paths.filter(Self.isDatabase)
        for path in databases {
            do {
                reports += try Dataset(path: path).reports()
            } catch {
                let failure = ConversionError(file: path, stage: .read, message: String(describing: error))
                failures.append(failure)
                failed(failure)
            }
        }
        let others = paths.filter { !databases.contains($0) }
        if !others.isEmpty {
            let collection = InputCollector.gather(others, extensions: InputCollector.folderExtensions.union(["json"]),
                                                   excludedFolders: [folder.path], standardInput: { [] })
            for problem in collection.problems {
                let failure = ConversionError(file: problem.path, stage: .read, message: problem.message)
                failures.append(failure)
                failed(failure)
            }
            // Databases inside folders are not searched: only report files and nianbao JSON are.
            _ = BatchConverter(jobs: jobs).run(collection.items, work: { _, _ in }, ordered: { outcome in
                switch outcome.result {
                case .success(let report): reports.append(report)
                case .failure(let error):
                    failures.append(error)
                    failed(error)
                }
            })
        }
        let result = Reviewer.review(reports, agencies: agencies, perReport: Validator.check)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(FindingsOutput.csv(result.findings).utf8), to: folder.appendingPathComponent("findings.csv"))
            try AtomicFile.write(Data(FindingsOutput.json(result.findings).serializedUTF8(pretty: true)),
                                 to: folder.appendingPathComponent("findings.json"))
            try AtomicFile.write(Data(FindingsOutput.panel(result.series).utf8), to: folder.appendingPathComponent("panel.csv"))
            try ErrorList.write(failures, to: folder.appendingPathComponent("errors.csv"))
        } catch {
            throw ConvertJob.OutputError(description: "cannot write to \(folder.path): \(ErrorText.describe(error))")
        }
        var databasePath: String?
        if toDatabase {
            let target = databases.count == 1 && others.isEmpty ? databases[0] : folder.appendingPathComponent("reports.sqlite").path
            do {
                let dataset = try Dataset(path: target)
                if target != databases.first || !others.isEmpty {
                    for start in stride(from: 0, to: reports.count, by: DatasetConversion.batchSize) {
                        try dataset.write(Array(reports[start..<min(start + DatasetConversion.batchSize, reports.count)]))
                    }
                }
                try dataset.replaceFindings(result.findings.map(FindingsOutput.row))
            } catch {
                throw ConvertJob.OutputError(description: "cannot write the findings to \(target): \(error)")
            }
            databasePath = target
        }
        return Outcome(reports: result.series.reduce(0) { $0 + $1.reports.count }, agencies: result.series.count,
                       findings: result.findings, failures: failures, database: databasePath)
    }
}

/// The findings and the panel as CSV and JSON.
public enum FindingsOutput {
    /// The columns of `findings.csv`.
    public static let header = ["agency_id", "agency", "year", "file", "rule", "severity", "message", "matched_words", "cells"]

    /// `findings.csv`: one row per finding; the cells as `path=value @source [file]` joined by `; `.
    public static func csv(_ findings: [Finding]) -> String {
        var rows = [header]
        for finding in findings {
            rows.append([finding.agencyID, finding.agency ?? "", finding.year.map(String.init) ?? "", finding.file ?? "",
                         finding.rule, finding.severity.rawValue, finding.message, finding.matchedWords ?? "",
                         finding.cells.map(describe).joined(separator: "; ")])
        }
        return CSVWriter.encode(rows: rows)
    }

    private static func describe(_ cell: Finding.Cell) -> String {
        "\(cell.path)=\(CSVWriter.format(cell.value))" + (cell.source.map { " @\($0)" } ?? "") + " [\(cell.file)]"
    }

    /// `findings.json`: an array of findings.
    public static func json(_ findings: [Finding]) -> JSONValue {
        .array(findings.map(json))
    }

    static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
            ("agency_id", .string(finding.agencyID)), ("agency", .optional(finding.agency)), ("year", .optional(finding.year)),
            ("file", .optional(finding.file)), ("sha256", .optional(finding.sha256)),
            ("cells", cellsJSON(finding.cells)), ("matched_words", .optional(finding.matchedWords)), ("message", .string(finding.message)),
        ])
    }

    static func cellsJSON(_ cells: [Finding.Cell]) -> JSONValue {
        .array(cells.map { cell in
            .object([("path", .string(cell.path)), ("value", .optional(cell.value)), ("source", .optional(cell.source)),
                     ("file", .string(cell.file)), ("year", .optional(cell.year))])
        })
    }

    static func row(_ finding: Finding) -> FindingRow {
        FindingRow(reportSHA256: finding.sha256, agency: finding.agency, year: finding.year, file: finding.file, rule: finding.rule,
                   severity: finding.severity.rawValue, message: finding.message, matchedWords: finding.matchedWords,
                   cellsJSON: cellsJSON(finding.cells).serialized(pretty: false))
    }

    /// `panel.csv`: one row per agency and report (agency-year), `agency_id` then the wide columns.
    public static func panel(_ series: [Reviewer.Series]) -> String {
        var rows = [["agency_id"] + CSVWriter.wideHeader()]
        for one in series {
            for report in one.reports { rows.append([one.agencyID] + CSVWriter.wideRow(report)) }
        }
        return CSVWriter.encode(rows: rows)
    }
}
