import Foundation
import NianbaoModel

/// Completeness of one report: the six parts in order under their headings, blank cells, template
/// against year, publication date.
enum Completeness {
    static func check(_ report: Report, agencyID: String) -> [Finding] {
        var findings: [Finding] = []
        let file = report.source.file
        // A part whose heading the recognizer found out of template order (`section.order`): listed
        // once, as out of order, not also as missing.
        var outOfOrder: [(part: SectionKey, source: String?)] = []
        for diagnostic in report.diagnostics where diagnostic.code == "section.order" {
            guard let path = diagnostic.path, path.hasPrefix("sections."),
                  let part = SectionKey(rawValue: String(path.dropFirst("sections.".count))),
                  !outOfOrder.contains(where: { $0.part == part }) else { continue }
            outOfOrder.append((part, diagnostic.location?.description))
        }
        if !outOfOrder.isEmpty {
            findings.append(Finding(report, rule: "completeness.order", severity: .warning, agencyID: agencyID,
                cells: outOfOrder.map { Finding.Cell(path: "sections.\($0.part.rawValue)", value: nil, source: $0.source, file: file, year: report.year) },
                message: "以下部分的标题未按模板顺序出现（排在其后的部分之后）：" + outOfOrder.map { "\(numeral($0.part.number))、\($0.part.officialHeading)" }.joined(separator: "；")))
        }
        // A part found under its heading is present even without prose (parts 二–四 often hold only their table).
        let missing = SectionKey.allCases.filter { part in report.sections[part] == nil && !outOfOrder.contains { $0.part == part } }
        if !missing.isEmpty {
            findings.append(Finding(report, rule: "completeness.parts", severity: .warning, agencyID: agencyID,
                cells: missing.map { Finding.Cell(path: "sections.\($0.rawValue)", value: nil, source: nil, file: file, year: report.year) },
                message: "未找到以下部分（标题）：" + missing.map { "\(numeral($0.number))、\($0.officialHeading)" }.joined(separator: "；")))
        }
        var blank: [Finding.Cell] = []
        for table in ReportTable.allCases {
            for row in report[table].rows {
                for cell in row.cells where cell.value == nil {
                    let path = "\(table.rawValue).\(row.key).\(cell.column)"
                    blank.append(Finding.Cell(path: path, value: nil, source: cell.location?.description, file: file, year: report.year))
                }
            }
        }
        if !blank.isEmpty {
            findings.append(Finding(report, rule: "completeness.blank_cells", severity: .warning, agencyID: agencyID, cells: blank,
                                    message: "法定表格中有\(blank.count)个单元格空白、为“/”或未能读出"))
        }
        if let year = report.year {
            let expected = TemplateVersion.expected(forYear: year)
            if expected != .unknown, report.template != .unknown, report.template != expected {
                findings.append(Finding(report, rule: "completeness.template", severity: .error, agencyID: agencyID,
                    cells: [Finding.Cell(path: "template", value: Decimal(string: report.template.rawValue), source: nil, file: file, year: year)],
                    message: "\(year)年度报告应使用\(expected.rawValue)年版模板，实际为\(report.template.rawValue)年版"))
            }
            findings += published(report, year: year, agencyID: agencyID)
        }
        return findings
    }

    /// The publication date: after the year reported on, and by 条例 第四十九条's deadline.
    private static func published(_ report: Report, year: Int, agencyID: String) -> [Finding] {
        let cell = Finding.Cell(path: "published", value: nil, source: report.published, file: report.source.file, year: year)
        guard let text = report.published else {
            return [Finding(report, rule: "completeness.published", severity: .info, agencyID: agencyID, cells: [cell],
                            message: "未找到报告的发布日期，未核对公布期限")]
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return [] }
        let date = (parts[0], parts[1], parts[2])
        if date <= (year, 12, 31) {
            return [Finding(report, rule: "completeness.published", severity: .error, agencyID: agencyID, cells: [cell],
                            message: "发布日期\(text)不在所报年度（\(year)年）结束之后")]
        }
        let government = isGovernmentsOwnReport(report)
        let deadline = government ? (year + 1, 3, 31) : (year + 1, 1, 31)
        if date > deadline {
            let which = government
                ? "县级以上地方人民政府本级年度报告，3月31日前（条例第四十九条）"
                : "政府部门年度报告，1月31日前（条例第四十九条）"
            return [Finding(report, rule: "completeness.published", severity: .warning, agencyID: agencyID, cells: [cell],
                            message: "发布日期\(text)晚于公布期限\(deadline.0)-\(pad(deadline.1))-\(pad(deadline.2))（适用：\(which)）")]
        }
        return []
    }

    /// `true` for a people's government's own report (…人民政府, or …人民政府办公室 publishing it):
    /// the subject the title names ends in 人民政府. Township governments (乡、镇) are not county-level:
    /// the department deadline applies to them.
    static func isGovernmentsOwnReport(_ report: Report) -> Bool {
        var subject = report.agency ?? ""
        if let title = report.title, let range = title.range(of: "人民政府") {
            let rest = title[range.upperBound...]
            if rest.first?.isNumber == true || rest.hasPrefix("政府信息公开") { subject = String(title[..<range.upperBound]) }
        }
        guard subject.hasSuffix("人民政府") else { return false }
        let place = subject.dropLast(4)
        return !(place.hasSuffix("乡") || place.hasSuffix("镇"))
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    static func numeral(_ number: Int) -> String {
        ["一", "二", "三", "四", "五", "六"][max(0, min(5, number - 1))]
    }
}
