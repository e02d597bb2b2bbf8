import Foundation
import NianbaoModel

/// Rules 6–7 of the contract, gaps and duplicates in one agency's series.
enum AcrossYears {
    static func check(_ series: Reviewer.Series) -> [Finding] {
        var findings: [Finding] = []
        let dated = series.reports.filter { $0.year != nil }
        var byYear: [Int: [Report]] = [:]
        for report in dated { byYear[report.year ?? 0, default: []].append(report) }
        let years = byYear.keys.sorted()
        for year in years {
            guard let reports = byYear[year], reports.count > 1, let first = reports.first else { continue }
            findings.append(Finding(first, rule: "series.duplicate", severity: .warning, agencyID: series.agencyID,
                                    cells: reports.map { yearCell($0) },
                                    message: "\(year)年有\(reports.count)份报告：\(reports.map(\.source.file).joined(separator: "、"))；跨年度核对只用第一份"))
        }
        for (earlier, later) in zip(years, years.dropFirst()) where later > earlier + 1 {
            guard let before = byYear[earlier]?.first, let after = byYear[later]?.first else { continue }
            let missing = later - earlier == 2 ? "\(earlier + 1)年" : "\(earlier + 1)—\(later - 1)年"
            findings.append(Finding(rule: "series.gap", severity: .warning, agencyID: series.agencyID, agency: after.agency,
                                    year: earlier + 1, file: nil, sha256: nil, cells: [yearCell(before), yearCell(after)],
                                    message: "缺少\(missing)的报告（\(earlier)年与\(later)年之间）"))
        }
        for (earlier, later) in zip(years, years.dropFirst()) where later == earlier + 1 {
            guard let previous = byYear[earlier]?.first, let current = byYear[later]?.first else { continue }
            findings += carriedOver(previous, current, agencyID: series.agencyID)
            findings += itemCounts(previous, current, agencyID: series.agencyID)
        }
        return findings
    }

    private static func yearCell(_ report: Report) -> Finding.Cell {
        Finding.Cell(path: "year", value: report.year.map { Decimal($0) }, source: nil, file: report.source.file, year: report.year)
    }

    /// Rule 6: 上年结转 of Y = 结转下年度继续办理 of Y−1, per column.
    private static func carriedOver(_ previous: Report, _ current: Report, agencyID: String) -> [Finding] {
        var cells: [Finding.Cell] = []
        var parts: [String] = []
        for column in TemplateCatalog.applicantColumns {
            let now = "requests.carried_over.\(column.key)", then = "requests.carried_forward.\(column.key)"
            guard let over = Cells.value(current, now), let forward = Cells.value(previous, then), over != forward else { continue }
            cells += [Cells.cell(current, now), Cells.cell(previous, then)]
            parts.append("\(column.label) \(Cells.show(over)) ≠ \(Cells.show(forward))")
        }
        guard !cells.isEmpty, let year = current.year else { return [] }
        return [Finding(current, rule: "6", severity: .error, agencyID: agencyID, cells: cells,
                        message: "\(year)年“上年结转”与\(year - 1)年“结转下年度继续办理”不一致：\(parts.joined(separator: "；"))")]
    }

    /// Rule 7: table 二 item counts carried from year to year (a warning: agencies count differently).
    private static func itemCounts(_ previous: Report, _ current: Report, agencyID: String) -> [Finding] {
        var cells: [Finding.Cell] = []
        var parts: [String] = []
        let table = "active_disclosure"
        switch (previous.template, current.template) {
        case (.v2019, .v2019):
            for row in TemplateCatalog.rows(.activeDisclosure, .v2019) where row.columns.contains(where: { $0.key == "previous_items" }) {
                let now = "\(table).\(row.key).previous_items", then = "\(table).\(row.key).previous_items", change = "\(table).\(row.key).change"
                guard let items = Cells.value(current, now), let before = Cells.value(previous, then),
                      let delta = Cells.value(previous, change), items != before + delta else { continue }
                cells += [Cells.cell(current, now), Cells.cell(previous, then), Cells.cell(previous, change)]
                parts.append("\(row.label) 上一年项目数量 \(Cells.show(items)) ≠ \(Cells.show(before)) + (\(Cells.show(delta)))")
            }
        case (.v2021, .v2021):
            for key in ["regulations", "normative_documents"] {
                let label = TemplateCatalog.row(.activeDisclosure, .v2021, key: key)?.label ?? key
                let now = "\(table).\(key).in_force", then = "\(table).\(key).in_force"
                let issued = "\(table).\(key).issued", repealed = "\(table).\(key).repealed"
                guard let inForce = Cells.value(current, now), let before = Cells.value(previous, then),
                      let made = Cells.value(current, issued), let gone = Cells.value(current, repealed),
                      inForce != before + made - gone else { continue }
                cells += [Cells.cell(current, now), Cells.cell(previous, then), Cells.cell(current, issued), Cells.cell(current, repealed)]
                parts.append("\(label) 现行有效件数 \(Cells.show(inForce)) ≠ \(Cells.show(before)) + \(Cells.show(made)) − \(Cells.show(gone))")
            }
        default:
            return []
        }
        guard !cells.isEmpty, let year = current.year else { return [] }
        return [Finding(current, rule: "7", severity: .warning, agencyID: agencyID, cells: cells,
                        message: "\(year)年表二与\(year - 1)年不衔接：\(parts.joined(separator: "；"))")]
    }
}
