import Foundation
import NianbaoModel

extension Validator {
    /// Where the cells each rule reads sit in a template's tables, worked out once per template:
    /// a report whose tables are laid out exactly as the template's (every recognised or decoded
    /// report) is then checked by position instead of by searching rows and columns for keys.
    struct Layout: Sendable {
        /// A cell's row and column index in its table.
        typealias Position = (row: Int, column: Int)

        /// Rows of each table, in `ReportTable.allCases` order.
        let tables: [[RowSpec]]
        /// Rule 1 applies (`requests.has("new_received", "total")`).
        let balanceApplies: Bool
        /// Rule 1, per applicant column: 一, 二, 三(七), 四.
        let balance: [(column: ColumnSpec, new: Position?, over: Position?, results: Position?, forward: Position?)]
        /// Rule 2, per requests row: the six applicant columns and 总计.
        let rowTotals: [(row: RowSpec, parts: [Position?], total: Position?)]
        /// Rule 3, per applicant column: the result rows and 三(七)总计 (empty without result rows).
        let resultsTotals: [(column: ColumnSpec, parts: [Position?], total: Position?)]
        /// Rule 4, per review/litigation group: 维持, 纠正, 其他, 尚未审结 and 总计.
        let reviewTotals: [(row: RowSpec, parts: [Position?], total: Position?)]

        /// The layout of `template` (`nil` when its keys are not unique, so positions would not
        /// mean what a key search finds).
        static func of(_ template: TemplateVersion) -> Layout? {
            switch template {
            case .v2019: v2019
            case .v2021: v2021
            case .unknown: unknown
            }
        }

        private static let v2019 = Layout(template: .v2019)
        private static let v2021 = Layout(template: .v2021)
        private static let unknown = Layout(template: .unknown)

        private init?(template: TemplateVersion) {
            let tables = ReportTable.allCases.map { TemplateCatalog.rows($0, template) }
            for rows in tables {
                guard Set(rows.map(\.key)).count == rows.count,
                      rows.allSatisfy({ Set($0.columns.map(\.key)).count == $0.columns.count }) else { return nil }
            }
            self.tables = tables
            let requests = tables[ReportTable.allCases.firstIndex(of: .requests) ?? 0]
            let review = tables[ReportTable.allCases.firstIndex(of: .reviewLitigation) ?? 0]
            func position(_ rows: [RowSpec], _ row: String, _ column: String) -> Position? {
                guard let r = rows.firstIndex(where: { $0.key == row }),
                      let c = rows[r].columns.firstIndex(where: { $0.key == column }) else { return nil }
                return (r, c)
            }
            let columns = TemplateCatalog.applicantColumns
            balanceApplies = position(requests, "new_received", "total") != nil
            balance = columns.map { column in
                (column, position(requests, "new_received", column.key), position(requests, "carried_over", column.key),
                 position(requests, "results_total", column.key), position(requests, "carried_forward", column.key))
            }
            rowTotals = requests.map { row in
                (row, columns.dropLast().map { position(requests, row.key, $0.key) }, position(requests, row.key, "total"))
            }
            let resultRows = TemplateCatalog.resultRowKeys(template)
            resultsTotals = resultRows.isEmpty ? [] : columns.map { column in
                (column, resultRows.map { position(requests, $0, column.key) }, position(requests, "results_total", column.key))
            }
            reviewTotals = review.map { group in
                (group, ["upheld", "corrected", "other", "pending"].map { position(review, group.key, $0) },
                 position(review, group.key, "total"))
            }
        }

        /// `true` when every table of `report` has exactly the template's rows and columns, in order.
        func matches(_ report: Report) -> Bool {
            for (table, specs) in zip(ReportTable.allCases, tables) {
                let rows = report[table].rows
                guard rows.count == specs.count else { return false }
                for (row, spec) in zip(rows, specs) {
                    guard row.key == spec.key, row.cells.count == spec.columns.count else { return false }
                    for (cell, column) in zip(row.cells, spec.columns) where cell.column != column.key { return false }
                }
            }
            return true
        }
    }

    /// ``checkByKeys(_:)`` for a report that `layout` matches: the same rules, in the same order,
    /// with the same messages, reading each cell by position.
    static func check(_ report: Report, layout: Layout) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func location(_ path: String) -> SourceLocation? { report.valueLocations[path] }
        let requests = report.requests.rows
        func request(_ position: Layout.Position?) -> Decimal? {
            guard let position else { return nil }
            return requests[position.row].cells[position.column].value
        }

        // Rule 1.
        if layout.balanceApplies {
            for (column, newPosition, overPosition, resultsPosition, forwardPosition) in layout.balance {
                guard let new = request(newPosition), let over = request(overPosition),
                      let results = request(resultsPosition), let forward = request(forwardPosition) else { continue }
                if new + over != results + forward {
                    let path = "requests.carried_forward.\(column.key)"
                    findings.append(Diagnostic(.error, code: Rule.balance.code, path: path,
                        message: "一+二 (\(show(new + over))) ≠ 三(七) + 四 (\(show(results + forward))) in column \(column.label)",
                        location: location(path)))
                }
            }
        }

        // Rule 2.
        for (row, partPositions, totalPosition) in layout.rowTotals {
            guard let total = request(totalPosition) else { continue }
            guard let sum = sum(partPositions, request) else { continue }
            if sum != total {
                let path = "requests.\(row.key).total"
                findings.append(Diagnostic(.error, code: Rule.rowTotal.code, path: path,
                    message: "\(row.label): 总计 \(show(total)) ≠ 自然人 + 法人或其他组织 (\(show(sum)))",
                    location: location(path)))
            }
        }

        // Rule 3.
        for (column, partPositions, totalPosition) in layout.resultsTotals {
            guard let total = request(totalPosition) else { continue }
            guard let sum = sum(partPositions, request) else { continue }
            if sum != total {
                let path = "requests.results_total.\(column.key)"
                findings.append(Diagnostic(.error, code: Rule.resultsTotal.code, path: path,
                    message: "三(七)总计 \(show(total)) ≠ the sum of the result rows (一)…(六) (\(show(sum))) in column \(column.label)",
                    location: location(path)))
            }
        }

        // Rule 4.
        let review = report.reviewLitigation.rows
        func reviewValue(_ position: Layout.Position?) -> Decimal? {
            guard let position else { return nil }
            return review[position.row].cells[position.column].value
        }
        for (group, partPositions, totalPosition) in layout.reviewTotals {
            guard let total = reviewValue(totalPosition) else { continue }
            guard let sum = sum(partPositions, reviewValue) else { continue }
            if sum != total {
                let path = "review_litigation.\(group.key).total"
                findings.append(Diagnostic(.error, code: Rule.reviewTotal.code, path: path,
                    message: "\(group.group.map { $0 + "·" } ?? "")\(group.label): 总计 \(show(total)) ≠ 维持 + 纠正 + 其他 + 尚未审结 (\(show(sum)))",
                    location: location(path)))
            }
        }

        // Rule 5.
        let zero = Decimal(0)
        for (table, specs) in zip(ReportTable.allCases, layout.tables) {
            let rows = report[table].rows
            for (row, spec) in zip(rows, specs) {
                for (cell, column) in zip(row.cells, spec.columns) {
                    guard let value = cell.value else { continue }
                    if value < zero && !column.isSigned {
                        let path = "\(table.rawValue).\(spec.key).\(column.key)"
                        findings.append(Diagnostic(.error, code: Rule.wholeNonNegative.code, path: path,
                            message: "\(spec.label) \(column.label) is negative (\(show(value)))", location: location(path)))
                    } else if !column.isMoney && !isWhole(value) {
                        let path = "\(table.rawValue).\(spec.key).\(column.key)"
                        findings.append(Diagnostic(.error, code: Rule.wholeNonNegative.code, path: path,
                            message: "\(spec.label) \(column.label) is not a whole number (\(show(value)))", location: location(path)))
                    }
                }
            }
        }
        return findings
    }

    /// `0 + part₁ + part₂ + …` in that order, as the by-key rules add; `nil` when a part is missing.
    private static func sum(_ positions: [Layout.Position?], _ value: (Layout.Position?) -> Decimal?) -> Decimal? {
        var total = Decimal(0)
        for position in positions {
            guard let part = value(position) else { return nil }
            total = total + part
        }
        return total
    }
}
