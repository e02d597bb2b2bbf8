import Foundation
import NianbaoModel

/// A statutory table laid out on a grid, ready to be written as `w:tbl`: the official header rows
/// with their merged cells, then the value rows. Pure values, built from ``TemplateCatalog``.
struct DOCXTableLayout: Equatable {
    /// How a cell takes part in a vertical merge (`w:vMerge`).
    enum VerticalMerge: Equatable {
        case none
        /// The first cell of a vertical merge; carries the text.
        case restart
        /// A cell covered by the cell above; empty.
        case `continue`
    }

    /// One cell.
    struct Cell: Equatable {
        var text: String
        /// Grid columns covered (`w:gridSpan`).
        var span = 1
        var verticalMerge = VerticalMerge.none
        /// Left-aligned (labels) instead of centred.
        var leftAligned = false

        static func covered(span: Int = 1) -> Cell { Cell(text: "", span: span, verticalMerge: .continue) }
    }

    /// Widths of the grid columns in twentieths of a point.
    var columnWidths: [Int]
    /// The rows; each row's spans add up to `columnWidths.count`.
    var rows: [[Cell]]
    /// How many leading rows are header rows (repeated on each page).
    var headerRowCount: Int

    /// The width of the text area on an A4 page with the margins `DOCXWriter` uses.
    static let textWidth = 9070

    /// `true` when every row covers the grid exactly.
    var isConsistent: Bool {
        rows.allSatisfy { $0.reduce(0) { $0 + $1.span } == columnWidths.count }
    }
}

// MARK: - The three statutory tables

extension DOCXTableLayout {
    /// The layout of `table` for `report`'s template; `nil` when the template has no such table.
    static func layout(_ table: ReportTable, for report: Report) -> DOCXTableLayout? {
        guard !TemplateCatalog.rows(table, report.template).isEmpty else { return nil }
        switch table {
        case .activeDisclosure: return activeDisclosure(report)
        case .requests: return requests(report)
        case .reviewLitigation: return reviewLitigation(report)
        }
    }

    /// 二: per group (第二十条第（一）项 …) a title row over the whole width, a header row
    /// `信息内容 | column labels`, then one row per item. A row with fewer columns than the grid
    /// stretches its last cell.
    static func activeDisclosure(_ report: Report) -> DOCXTableLayout {
        let specs = TemplateCatalog.rows(.activeDisclosure, report.template)
        let valueColumns = specs.map(\.columns.count).max() ?? 1
        let labelWidth = 2870
        let valueWidth = (textWidth - labelWidth) / valueColumns
        var rows: [[Cell]] = []

        func fill(_ first: Cell, _ rest: [Cell]) -> [Cell] {
            var cells = [first] + rest
            if let last = cells.indices.last, rest.count < valueColumns {
                cells[last].span += valueColumns - rest.count
            }
            return cells
        }

        var index = 0
        while index < specs.count {
            let group = specs[index].group
            var end = index
            while end < specs.count, specs[end].group == group { end += 1 }
            if let group {
                rows.append([Cell(text: group, span: valueColumns + 1)])
            }
            rows.append(fill(Cell(text: "信息内容"), specs[index].columns.map { Cell(text: headerLabel($0)) }))
            for spec in specs[index..<end] {
                let values = spec.columns.map { column in
                    Cell(text: cellText(report.activeDisclosure[spec.key, column.key], column: column))
                }
                rows.append(fill(Cell(text: spec.label, leftAligned: true), values))
            }
            index = end
        }
        return DOCXTableLayout(
            columnWidths: [labelWidth] + Array(repeating: valueWidth, count: valueColumns),
            rows: rows,
            headerRowCount: 0
        )
    }

    /// 三: three header rows (the 勾稽关系 note over the label columns; 申请人情况; 自然人,
    /// 法人或其他组织 over five columns, 总计; the five organisation kinds), then the rows with the
    /// merged left labels (三、本年度办理结果 over all result rows, （三）不予公开 etc. over
    /// their items).
    static func requests(_ report: Report) -> DOCXTableLayout {
        let specs = TemplateCatalog.rows(.requests, report.template)
        let applicants = TemplateCatalog.applicantColumns
        let labelColumns = 3
        let labelWidths = [620, 1030, 2370]
        let valueWidth = (textWidth - labelWidths.reduce(0, +)) / applicants.count
        let organisations = Array(applicants.dropFirst().dropLast())

        var rows: [[Cell]] = []
        rows.append([
            Cell(text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                 span: labelColumns, verticalMerge: .restart),
            Cell(text: "申请人情况", span: applicants.count),
        ])
        var second = [Cell.covered(span: labelColumns)]
        if let first = applicants.first { second.append(Cell(text: first.label, verticalMerge: .restart)) }
        second.append(Cell(text: "法人或其他组织", span: organisations.count))
        if let last = applicants.last, applicants.count > 1 { second.append(Cell(text: last.label, verticalMerge: .restart)) }
        rows.append(second)
        var third = [Cell.covered(span: labelColumns)]
        if !applicants.isEmpty { third.append(.covered()) }
        third += organisations.map { Cell(text: $0.label) }
        if applicants.count > 1 { third.append(.covered()) }
        rows.append(third)

        let resultKeys = Set(TemplateCatalog.resultRowKeys(report.template) + ["results_total"])
        let outerLabel = specs.first { $0.key == "granted" }?.group ?? "三、本年度办理结果"
        var outerStarted = false
        var previousSubgroup: String?
        for spec in specs {
            var cells: [Cell] = []
            if resultKeys.contains(spec.key) {
                cells.append(outerStarted ? .covered() : Cell(text: outerLabel, verticalMerge: .restart))
                outerStarted = true
                if let subgroup = spec.group, subgroup != outerLabel {
                    cells.append(subgroup == previousSubgroup ? .covered() : Cell(text: subgroup, verticalMerge: .restart))
                    cells.append(Cell(text: spec.label, leftAligned: true))
                    previousSubgroup = subgroup
                } else {
                    cells.append(Cell(text: spec.label, span: labelColumns - 1, leftAligned: true))
                    previousSubgroup = nil
                }
            } else {
                cells.append(Cell(text: spec.label, span: labelColumns, leftAligned: true))
                previousSubgroup = nil
            }
            cells += spec.columns.map { Cell(text: cellText(report.requests[spec.key, $0.key], column: $0)) }
            rows.append(cells)
        }
        return DOCXTableLayout(
            columnWidths: labelWidths + Array(repeating: valueWidth, count: applicants.count),
            rows: rows,
            headerRowCount: 3
        )
    }

    /// 四: 行政复议 over five columns and 行政诉讼 over ten; the review outcomes spanning two
    /// header rows, 未经复议直接起诉 / 复议后起诉 over five each with their outcomes below; then
    /// one row of fifteen values.
    static func reviewLitigation(_ report: Report) -> DOCXTableLayout {
        let specs = TemplateCatalog.rows(.reviewLitigation, report.template)
        var top: [Cell] = [], middle: [Cell] = [], bottom: [Cell] = [], values: [Cell] = []
        var index = 0
        while index < specs.count {
            let spec = specs[index]
            if let group = spec.group {
                var end = index
                while end < specs.count, specs[end].group == group { end += 1 }
                let members = specs[index..<end]
                top.append(Cell(text: group, span: members.reduce(0) { $0 + $1.columns.count }))
                for member in members {
                    middle.append(Cell(text: member.label, span: member.columns.count))
                    bottom += member.columns.map { Cell(text: $0.label) }
                }
                index = end
            } else {
                top.append(Cell(text: spec.label, span: spec.columns.count))
                middle += spec.columns.map { Cell(text: $0.label, verticalMerge: .restart) }
                bottom += spec.columns.map { _ in Cell.covered() }
                index += 1
            }
        }
        for spec in specs {
            values += spec.columns.map { Cell(text: cellText(report.reviewLitigation[spec.key, $0.key], column: $0)) }
        }
        let count = max(values.count, 1)
        return DOCXTableLayout(
            columnWidths: Array(repeating: textWidth / count, count: count),
            rows: [top, middle, bottom, values],
            headerRowCount: 3
        )
    }

    // MARK: Values and labels

    /// The header label of `column`: a money column whose label names no unit gets `（元）`.
    static func headerLabel(_ column: ColumnSpec) -> String {
        guard column.isMoney, !column.label.contains("元") else { return column.label }
        return column.label + "（元）"
    }

    /// The cell text of `value` in `column`: empty for `nil`; a money value is shown in the unit
    /// the column's label states (万元 when the label says so; the model holds 元).
    static func cellText(_ value: Decimal?, column: ColumnSpec) -> String {
        guard var value else { return "" }
        if column.isMoney, column.label.contains("万元") { value /= 10_000 }
        return plainNumber(value)
    }

    /// A plain decimal (`Decimal.description`: no exponent, no grouping, `.` as separator).
    static func plainNumber(_ value: Decimal) -> String { value.plainText }
}
