import Foundation
public import NianbaoModel

/// Checks a report against the template's own consistency rules (勾稽关系, contract §rules).
public enum Validator {
    /// The rules, as numbered in the contract.
    public enum Rule: Int, Sendable, CaseIterable {
        /// 一 + 二 = 三(七) + 四, per column of part 三.
        case balance = 1
        /// 总计 = the six applicant columns, per row of part 三.
        case rowTotal = 2
        /// 三(七)总计 = the sum of the result rows, per column.
        case resultsTotal = 3
        /// 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group of part 四.
        case reviewTotal = 4
        /// Whole, non-negative numbers (except 本年增/减; money may have fractions).
        case wholeNonNegative = 5

        /// The diagnostic code of a break of this rule.
        public var code: String {
            switch self {
            case .balance: "requests.balance"
            case .rowTotal: "requests.row_total"
            case .resultsTotal: "requests.results_total"
            case .reviewTotal: "review_litigation.total"
            case .wholeNonNegative: "value.invalid"
            }
        }
    }

    /// The diagnostics for every rule break in `report` (values that are `nil` are not checked:
    /// the recognizer already reported them).
    public static func check(_ report: Report) -> [Diagnostic] {
        if let layout = Layout.of(report.template), layout.matches(report) {
            return check(report, layout: layout)
        }
        return checkByKeys(report)
    }

    /// ``check(_:)`` looking every value up by its row and column keys: for tables whose rows or
    /// columns are not exactly the template's (hand-built reports).
    static func checkByKeys(_ report: Report) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func location(_ path: String) -> SourceLocation? { report.valueLocations[path] }
        let columns = TemplateCatalog.applicantColumns
        let requests = report.requests

        // Rule 1.
        if requests.has("new_received", "total") {
            for column in columns {
                guard let new = requests["new_received", column.key], let over = requests["carried_over", column.key],
                      let results = requests["results_total", column.key], let forward = requests["carried_forward", column.key] else { continue }
                if new + over != results + forward {
                    let path = "requests.carried_forward.\(column.key)"
                    findings.append(Diagnostic(.error, code: Rule.balance.code, path: path,
                        message: "一+二 (\(show(new + over))) ≠ 三(七) + 四 (\(show(results + forward))) in column \(column.label)",
                        location: location(path)))
                }
            }
        }

        // Rule 2.
        for row in TemplateCatalog.rows(.requests, report.template) {
            let parts = columns.dropLast().map { requests[row.key, $0.key] }
            guard let total = requests[row.key, "total"], !parts.contains(where: { $0 == nil }) else { continue }
            let sum = parts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            if sum != total {
                let path = "requests.\(row.key).total"
                findings.append(Diagnostic(.error, code: Rule.rowTotal.code, path: path,
                    message: "\(row.label): 总计 \(show(total)) ≠ 自然人 + 法人或其他组织 (\(show(sum)))",
                    location: location(path)))
            }
        }

        // Rule 3.
        let resultRows = TemplateCatalog.resultRowKeys(report.template)
        if !resultRows.isEmpty {
            for column in columns {
                let parts = resultRows.map { requests[$0, column.key] }
                guard let total = requests["results_total", column.key], !parts.contains(where: { $0 == nil }) else { continue }
                let sum = parts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
                if sum != total {
                    let path = "requests.results_total.\(column.key)"
                    findings.append(Diagnostic(.error, code: Rule.resultsTotal.code, path: path,
                        message: "三(七)总计 \(show(total)) ≠ the sum of the result rows (一)…(六) (\(show(sum))) in column \(column.label)",
                        location: location(path)))
                }
            }
        }

        // Rule 4.
        for group in TemplateCatalog.rows(.reviewLitigation, report.template) {
            let parts = ["upheld", "corrected", "other", "pending"].map { report.reviewLitigation[group.key, $0] }
            guard let total = report.reviewLitigation[group.key, "total"], !parts.contains(where: { $0 == nil }) else { continue }
            let sum = parts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            if sum != total {
                let path = "review_litigation.\(group.key).total"
                findings.append(Diagnostic(.error, code: Rule.reviewTotal.code, path: path,
                    message: "\(group.group.map { $0 + "·" } ?? "")\(group.label): 总计 \(show(total)) ≠ 维持 + 纠正 + 其他 + 尚未审结 (\(show(sum)))",
                    location: location(path)))
            }
        }

        // Rule 5.
        for table in ReportTable.allCases {
            for row in TemplateCatalog.rows(table, report.template) {
                for column in row.columns {
                    guard let value = report[table][row.key, column.key] else { continue }
                    let path = "\(table.rawValue).\(row.key).\(column.key)"
                    if value < 0 && !column.isSigned {
                        findings.append(Diagnostic(.error, code: Rule.wholeNonNegative.code, path: path,
                            message: "\(row.label) \(column.label) is negative (\(show(value)))", location: location(path)))
                    } else if !column.isMoney && !isWhole(value) {
                        findings.append(Diagnostic(.error, code: Rule.wholeNonNegative.code, path: path,
                            message: "\(row.label) \(column.label) is not a whole number (\(show(value)))", location: location(path)))
                    }
                }
            }
        }
        return findings
    }

    /// The diagnostic codes of all rules.
    private static let ruleCodes = Set(Rule.allCases.map(\.code))

    /// Adds the rule breaks of `report` to its diagnostics, replacing any earlier validation.
    public static func validate(_ report: inout Report) {
        let codes = ruleCodes
        report.diagnostics.removeAll { codes.contains($0.code) }
        report.diagnostics += check(report)
    }

    static func isWhole(_ value: Decimal) -> Bool {
        // A finite value with a non-negative exponent is mantissa × 10^exponent: whole as it is.
        if value.exponent >= 0 && !value.isNaN { return true }
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == value
    }

    static func show(_ value: Decimal) -> String { "\(value)" }
}
