import Foundation
import Dispatch
public import NianbaoModel

/// Reviews many reports at once, as the collecting office does: each agency's reports in year
/// order, across years (contract rules 6–7), prose against tables (rule 8), completeness, and —
/// through `perReport` — rules 1–5 of each report. Values are only read, never changed.
public enum Reviewer {
    /// One agency's reports, by year (a year present twice keeps both, in file order).
    public struct Series: Sendable {
        /// The agency id (normalised or mapped name).
        public var agencyID: String
        /// The reports, by year then file.
        public var reports: [Report]
    }

    /// What a review found.
    public struct Result: Sendable {
        /// Every agency's series, by agency id.
        public var series: [Series]
        /// The findings, series by series, each series' report-level findings by year.
        public var findings: [Finding]
    }

    /// Reviews `reports`. The same input given twice (same SHA-256) counts once. `perReport`
    /// returns a report's rule 1–5 diagnostics (the validator's); the others are ignored.
    public static func review(_ reports: [Report], agencies: AgencyDirectory = AgencyDirectory(),
                              perReport: @Sendable (Report) -> [Diagnostic] = { _ in [] }) -> Result {
        let series = group(reports, agencies: agencies)
        // The series are independent: reviewed in chunks on all cores, the findings kept in series order.
        let chunks = max(1, min(series.count, ProcessInfo.processInfo.activeProcessorCount * 8))
        let slots = Slots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var found: [Keyed] = []
            for index in stride(from: chunk, to: series.count, by: chunks) {
                found.append(Keyed(series: index, findings: review(series[index], perReport: perReport)))
            }
            slots.set(chunk, found)
        }
        var bySeries = [[Finding]](repeating: [], count: series.count)
        for keyed in slots.all { bySeries[keyed.series] = keyed.findings }
        let findings = bySeries.flatMap { $0 }
        return Result(series: series, findings: findings)
    }

    private struct Keyed: Sendable {
        var series: Int
        var findings: [Finding]
    }

    /// Per-chunk results filled by the workers.
    private final class Slots: @unchecked Sendable {
        // Safety: `values` is only touched with `lock` held.
        private let lock = NSLock()
        private var values: [[Keyed]]
        init(count: Int) { values = Array(repeating: [], count: count) }
        func set(_ index: Int, _ keyed: [Keyed]) {
            lock.lock()
            values[index] = keyed
            lock.unlock()
        }
        var all: [Keyed] {
            lock.lock()
            defer { lock.unlock() }
            return values.flatMap { $0 }
        }
    }

    /// One series: each report's own checks by year, then across years.
    private static func review(_ one: Series, perReport: (Report) -> [Diagnostic]) -> [Finding] {
        var findings: [Finding] = []
        for report in one.reports {
            findings += ruleFindings(report, agencyID: one.agencyID, diagnostics: perReport(report))
            findings += Completeness.check(report, agencyID: one.agencyID)
            findings += ProseCheck.check(report, agencyID: one.agencyID)
        }
        return findings + AcrossYears.check(one)
    }

    /// Groups reports by agency id and orders each group by year and file.
    public static func group(_ reports: [Report], agencies: AgencyDirectory) -> [Series] {
        var seen = Set<String>()
        var groups: [String: [Report]] = [:]
        for report in reports {
            if !report.source.sha256.isEmpty {
                guard seen.insert(report.source.sha256).inserted else { continue }
            }
            groups[agencies.id(for: report.agency), default: []].append(report)
        }
        return groups.keys.sorted().map { id in
            let sorted = (groups[id] ?? []).sorted {
                ($0.year ?? Int.max, $0.source.file) < ($1.year ?? Int.max, $1.source.file)
            }
            return Series(agencyID: id, reports: sorted)
        }
    }

    /// Rule numbers of the validator's diagnostic codes.
    private static let ruleOfCode = [
        "requests.balance": "1", "requests.row_total": "2", "requests.results_total": "3",
        "review_litigation.total": "4", "value.invalid": "5",
    ]

    private static func ruleFindings(_ report: Report, agencyID: String, diagnostics: [Diagnostic]) -> [Finding] {
        diagnostics.compactMap { diagnostic in
            guard let rule = ruleOfCode[diagnostic.code], diagnostic.severity != .info else { return nil }
            let cells = diagnostic.path.map { [Cells.cell(report, $0)] } ?? []
            return Finding(report, rule: rule, severity: diagnostic.severity, agencyID: agencyID, cells: cells,
                           message: diagnostic.message)
        }
    }
}

extension Finding {
    /// A finding about `report`.
    init(_ report: Report, rule: String, severity: Severity, agencyID: String, cells: [Cell], matchedWords: String? = nil,
         message: String) {
        self.init(rule: rule, severity: severity, agencyID: agencyID, agency: report.agency, year: report.year,
                  file: report.source.file, sha256: report.source.sha256, cells: cells, matchedWords: matchedWords,
                  message: message)
    }
}

/// Cell references.
enum Cells {
    /// The cell at `path` (`table.row.column`) of `report`, with its value and location.
    static func cell(_ report: Report, _ path: String) -> Finding.Cell {
        Finding.Cell(path: path, value: value(report, path), source: report.valueLocations[path]?.description,
                     file: report.source.file, year: report.year)
    }

    /// The value at `path`; `nil` when missing or not a cell path.
    static func value(_ report: Report, _ path: String) -> Decimal? {
        let parts = path.split(separator: ".")
        guard parts.count == 3, let table = ReportTable(rawValue: String(parts[0])) else { return nil }
        return report[table][String(parts[1]), String(parts[2])]
    }

    /// A number as written, without a trailing `.0`.
    static func show(_ value: Decimal?) -> String {
        guard let value else { return "空" }
        return NSDecimalNumber(decimal: value).stringValue
    }
}
