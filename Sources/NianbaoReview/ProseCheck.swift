import Foundation
import NianbaoModel

/// Rule 8: counts the prose states against the table values.
///
/// Precision before recall: a statement is matched only when it names the table's own quantity
/// (本年新收/共收到 政府信息公开申请 N 件, not 备案 … N 件; 行政复议 N 件 only in a clause about
/// 政府信息公开 that is not about cases the agency itself handled as the reviewing body), and the
/// finding records the words that matched.
enum ProseCheck {
    /// A quantity the prose may state.
    struct Quantity: Sendable {
        /// What the quantity is, in Chinese.
        let name: String
        /// The table cells whose sum it is.
        let paths: [String]
        /// The pattern; group 1 is the number.
        let pattern: NSRegularExpression?
        /// The factor from the prose's unit to the table's (万元 → 元: 10,000).
        let factor: Decimal
        /// For review and litigation: the clause must be about 政府信息公开 and not about cases handled.
        let clauseAboutDisclosure: Bool
        /// Text right after the number that makes the statement another quantity (含上年结转 …).
        let excludedAfter: [String]
        /// Words one of which a line must hold for the pattern to be tried (a cheap first test).
        let keywords: [String]
    }

    /// The patterns are literals of this file: a bad one (`nil`) is caught by the tests.
    private static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern)
    }

    static let quantities: [Quantity] = [
        Quantity(name: "本年新收政府信息公开申请", paths: ["requests.new_received.total"],
                 pattern: regex(#"(?:新收|收到)(?:到)?(?:各类|了|的)?政府信息公开申请(?:数量)?(?:共计|合计|共|为)?\s*(\d+)\s*(?:件|个)"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: ["（含", "(含", "，含", "，其中上年结转", "（其中上年结转"],
                 keywords: ["政府信息公开申请"]),
        Quantity(name: "上年结转政府信息公开申请", paths: ["requests.carried_over.total"],
                 pattern: regex(#"上年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:数量)?(?:为|共)?\s*(\d+)\s*件"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["结转"]),
        Quantity(name: "办结（答复）政府信息公开申请", paths: ["requests.results_total.total"],
                 pattern: regex(#"(?:(?:办结|答复)(?:了)?(?:政府信息公开)?申请(?:共)?|(?:已|共|全部)(?:全部)?(?:办结|答复))\s*(\d+)\s*件"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["办结", "答复"]),
        Quantity(name: "结转下年度继续办理", paths: ["requests.carried_forward.total"],
                 pattern: regex(#"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:为|共)?\s*(\d+)\s*件"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["结转"]),
        Quantity(name: "政府信息公开行政复议", paths: ["review_litigation.review.total"],
                 pattern: regex(#"行政复议(?:案件|申请)?(?:共)?\s*(\d+)\s*(?:件|起)"#),
                 factor: 1, clauseAboutDisclosure: true, excludedAfter: [],
                 keywords: ["行政复议"]),
        Quantity(name: "政府信息公开行政诉讼", paths: ["review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"],
                 pattern: regex(#"行政诉讼(?:案件)?(?:共)?\s*(\d+)\s*(?:件|起)"#),
                 factor: 1, clauseAboutDisclosure: true, excludedAfter: [],
                 keywords: ["行政诉讼"]),
        // 主动公开 … N 条/件, only where the table has the row and the column is the quantity the
        // prose names: 2019 template 本年新公开数量 of 规章 / 规范性文件; 2021 template 本年制发件数.
        Quantity(name: "本年新公开规章", paths: ["active_disclosure.regulations.new_published"],
                 pattern: regex(#"(?:主动|新)公开(?:了)?(?:本机关|本部门|本单位)?(?:制定的|制发的|的)?规章(?:共)?\s*(\d+)\s*(?:件|条|部)"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["规章"]),
        Quantity(name: "本年新公开规范性文件", paths: ["active_disclosure.normative_documents.new_published"],
                 pattern: regex(#"(?:主动|新)公开(?:了)?(?:本机关|本部门|本单位)?(?:制定的|制发的|的)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*(?:件|条|个)"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["规范性文件"]),
        Quantity(name: "本年制发规章", paths: ["active_disclosure.regulations.issued"],
                 pattern: regex(#"制发(?:了)?规章(?:共)?\s*(\d+)\s*(?:件|部)"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["规章"]),
        Quantity(name: "本年制发行政规范性文件", paths: ["active_disclosure.normative_documents.issued"],
                 pattern: regex(#"制发(?:了)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*(?:件|个)"#),
                 factor: 1, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["规范性文件"]),
        Quantity(name: "行政事业性收费金额", paths: ["active_disclosure.fees.amount_yuan"],
                 pattern: regex(#"行政事业性收费[^。；;，,]{0,12}?(\d+(?:\.\d+)?)\s*万元"#),
                 factor: 10_000, clauseAboutDisclosure: false, excludedAfter: [],
                 keywords: ["行政事业性收费"]),
    ]

    /// Words that make a clause about cases the agency handled, not cases about its own disclosure.
    private static let handledCases = ["备案", "审理", "受理", "办理", "收到", "作出", "承办"]

    /// A statement found in the prose.
    struct Statement {
        let quantity: Quantity
        let number: Decimal
        let words: String
        let section: SectionKey
        let paragraph: Int
    }

    static func statements(in report: Report) -> [Statement] {
        var found: [Statement] = []
        for section in SectionKey.allCases {
            guard let text = report.sections[section] else { continue }
            for (index, text) in TextSearch.lines(text).enumerated() {
                let candidates = quantities.filter { quantity in quantity.keywords.contains { TextSearch.contains(text, $0) } }
                guard !candidates.isEmpty else { continue }
                let line = text as NSString
                let range = NSRange(location: 0, length: line.length)
                for quantity in candidates {
                    guard let pattern = quantity.pattern else { continue }
                    for match in pattern.matches(in: line as String, range: range) {
                        let numberRange = match.range(at: 1)
                        guard numberRange.location != NSNotFound, let number = Decimal(string: line.substring(with: numberRange)) else { continue }
                        let after = line.substring(from: match.range.location + match.range.length)
                        if quantity.excludedAfter.contains(where: { after.hasPrefix($0) }) { continue }
                        if quantity.clauseAboutDisclosure {
                            let clause = clauseBefore(line, at: match.range.location)
                            guard TextSearch.contains(clause, "信息公开"),
                                  !handledCases.contains(where: { TextSearch.contains(clause, $0) }) else { continue }
                        }
                        found.append(Statement(quantity: quantity, number: number * quantity.factor,
                                               words: line.substring(with: match.range), section: section, paragraph: index + 1))
                    }
                }
            }
        }
        return found
    }

    /// The text from the start of the sentence (after the last 。；！?) up to `location`.
    private static func clauseBefore(_ line: NSString, at location: Int) -> String {
        let head = line.substring(to: location)
        let start = head.lastIndex(where: { "。；;！!？?".contains($0) }).map { head.index(after: $0) } ?? head.startIndex
        return String(head[start...])
    }

    static func check(_ report: Report, agencyID: String) -> [Finding] {
        var findings: [Finding] = []
        for statement in statements(in: report) {
            let values = statement.quantity.paths.map { Cells.value(report, $0) }
            // Only where the report's template has the cells and the table gives every value.
            guard statement.quantity.paths.allSatisfy({ hasCell(report, $0) }), values.allSatisfy({ $0 != nil }) else { continue }
            let total = values.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            guard total != statement.number else { continue }
            let prose = Finding.Cell(path: "sections.\(statement.section.rawValue)", value: statement.number,
                                     source: "sections.\(statement.section.rawValue), 第\(statement.paragraph)段",
                                     file: report.source.file, year: report.year)
            let unit = statement.quantity.factor == 1 ? "" : "元"
            findings.append(Finding(report, rule: "8", severity: .warning, agencyID: agencyID,
                                    cells: statement.quantity.paths.map { Cells.cell(report, $0) } + [prose],
                                    matchedWords: statement.words,
                                    message: "正文“\(statement.words)”所述\(statement.quantity.name)\(Cells.show(statement.number))\(unit)与表格数值\(Cells.show(total))\(unit)不一致"))
        }
        return findings
    }

    private static func hasCell(_ report: Report, _ path: String) -> Bool {
        let parts = path.split(separator: ".")
        guard parts.count == 3, let table = ReportTable(rawValue: String(parts[0])) else { return false }
        return report[table].has(String(parts[1]), String(parts[2]))
    }
}

/// For tests: whether every rule-8 pattern compiles.
public enum ProseCheckPatterns {
    /// `true` when every pattern of ``ProseCheck`` compiled.
    public static var allCompile: Bool { ProseCheck.quantities.allSatisfy { $0.pattern != nil } }
}
