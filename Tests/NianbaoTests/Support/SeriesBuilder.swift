import Foundation
import NianbaoModel

/// Builds a consistent series of one agency's reports over consecutive years from the model
/// types: rules 1–4 hold in each report, 上年结转 of Y = 结转下年度 of Y−1, table 二's item
/// counts roll on (2019 template: 上一年项目数量 + 本年增/减; 2021: 现行有效 + 制发 − 废止), the
/// prose states the tables' own counts, every part is present and the report is published by its
/// deadline. Values come from a seeded generator and are non-zero. Tests then plant one
/// inconsistency at a time.
struct SeriesBuilder {
    /// A small deterministic generator (SplitMix64).
    struct Seeded {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return range.lowerBound + Int(z % UInt64(range.count))
        }
    }

    var agency = "某市交通运输局"
    var years = Array(2019...2023)
    var seed: UInt64 = 7
    /// A template other than the year's own, by year.
    var templateOverride: [Int: TemplateVersion] = [:]

    func build() -> [Report] {
        var random = Seeded(state: seed)
        let columns = TemplateCatalog.applicantColumns.map(\.key).filter { $0 != "total" }
        var carried = columns.map { _ in random.next(1...9) }
        var previousItems: [String: Int] = [:]
        var inForce: [String: Int] = [:]
        var reports: [Report] = []
        for year in years {
            let template = templateOverride[year] ?? TemplateVersion.expected(forYear: year)
            var report = Report(source: SourceInfo(file: "\(agency)_\(year).txt", format: .text,
                                                   sha256: "sha-\(agency)-\(year)-\(seed)", encoding: "UTF-8"), template: template)
            report.agency = agency
            report.year = year
            report.title = "\(agency)\(year)年政府信息公开工作年度报告"
            report.published = "\(year + 1)-01-\(10 + random.next(0...9))"

            // 三: per column, new + over = results + forward; results spread over the result rows.
            let resultRows = TemplateCatalog.resultRowKeys(template)
            var forward: [Int] = []
            for (index, column) in columns.enumerated() {
                let new = random.next(120...300), over = carried[index], next = random.next(1...9)
                let results = new + over - next
                var spread = resultRows.dropFirst().map { _ in random.next(1...3) }
                spread.insert(results - spread.reduce(0, +), at: 0)
                report.requests["new_received", column] = Decimal(new)
                report.requests["carried_over", column] = Decimal(over)
                report.requests["carried_forward", column] = Decimal(next)
                report.requests["results_total", column] = Decimal(results)
                for (row, value) in zip(resultRows, spread) { report.requests[row, column] = Decimal(value) }
                forward.append(next)
            }
            for row in report.requests.rows.map(\.key) {
                report.requests[row, "total"] = columns.reduce(Decimal(0)) { $0 + (report.requests[row, $1] ?? 0) }
            }
            carried = forward

            // 四: total = upheld + corrected + other + pending.
            for group in ["review", "litigation_direct", "litigation_after_review"] {
                var sum = 0
                for column in ["upheld", "corrected", "other", "pending"] {
                    let value = random.next(1...5)
                    sum += value
                    report.reviewLitigation[group, column] = Decimal(value)
                }
                report.reviewLitigation[group, "total"] = Decimal(sum)
            }

            // 二.
            var feesYuan = 0
            for row in TemplateCatalog.rows(.activeDisclosure, template) {
                for column in row.columns {
                    let value: Int
                    switch column.key {
                    case "previous_items":
                        value = previousItems[row.key] ?? random.next(50...90)
                    case "change":
                        var change = random.next(-5...10)
                        if change == 0 { change = 3 }
                        value = change
                        previousItems[row.key] = (report.activeDisclosure[row.key, "previous_items"].map { NSDecimalNumber(decimal: $0).intValue } ?? 0) + change
                    case "in_force":
                        let issued = report.activeDisclosure[row.key, "issued"].map { NSDecimalNumber(decimal: $0).intValue } ?? 0
                        let repealed = report.activeDisclosure[row.key, "repealed"].map { NSDecimalNumber(decimal: $0).intValue } ?? 0
                        value = (inForce[row.key] ?? random.next(40...80)) + issued - repealed
                        inForce[row.key] = value
                    case "amount_yuan":
                        value = random.next(100...9_999) * 100
                        if row.key == "fees" { feesYuan = value }
                    default:
                        value = random.next(1...40)
                    }
                    report.activeDisclosure[row.key, column.key] = Decimal(value)
                }
            }
            // Where each value was read: table 1–3, row and cell by position.
            for (number, table) in ReportTable.allCases.enumerated() {
                for (rowIndex, row) in report[table].rows.enumerated() {
                    for (cellIndex, cell) in row.cells.enumerated() {
                        report.valueLocations["\(table.rawValue).\(row.key).\(cell.column)"] =
                            SourceLocation(table: number + 1, row: rowIndex + 3, cell: cellIndex + 2)
                    }
                }
            }
            report.sections = Self.prose(report, feesYuan: template == .v2021 ? feesYuan : nil)
            reports.append(report)
        }
        return reports
    }

    /// Prose that states the tables' own counts (and counts of another kind that rule 8 must not
    /// take for the table's: 备案 … 行政复议案件 in part 六, 主动公开政府信息 … 条 in part 二).
    static func prose(_ report: Report, feesYuan: Int? = nil) -> [SectionKey: String] {
        func show(_ value: Decimal?) -> String { value.map { NSDecimalNumber(decimal: $0).stringValue } ?? "" }
        let requests = report.requests, review = report.reviewLitigation
        let litigation = (review["litigation_direct", "total"] ?? 0) + (review["litigation_after_review", "total"] ?? 0)
        // 主动公开 … 条 of all information has no table row (not compared); the documents have one.
        var active = "本机关依法主动公开政府信息，全年主动公开政府信息2345条。"
        switch report.template {
        case .v2019: active += "本年主动公开规范性文件\(show(report.activeDisclosure["normative_documents", "new_published"]))件。"
        case .v2021: active += "本年制发行政规范性文件\(show(report.activeDisclosure["normative_documents", "issued"]))件。"
        default: break
        }
        if let feesYuan {
            active += "\n行政事业性收费共计\(show(Decimal(feesYuan) / 10_000))万元。"
        }
        return [
            .overview: "本年共收到政府信息公开申请\(show(requests["new_received", "total"]))件，上年结转\(show(requests["carried_over", "total"]))件。\n全年办结政府信息公开申请\(show(requests["results_total", "total"]))件，结转下年度继续办理\(show(requests["carried_forward", "total"]))件。",
            .activeDisclosure: active,
            .requests: "依申请公开工作按时办理。",
            .reviewLitigation: "本年度因政府信息公开被申请行政复议\(show(review["review", "total"]))件，被提起政府信息公开行政诉讼\(show(litigation))件。",
            .problems: "存在的问题：公开内容有待细化。",
            .other: "全年备案行政复议案件134件。本年度未收取信息处理费。",
        ]
    }
}
