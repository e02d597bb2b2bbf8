import Foundation
import NianbaoModel

/// Recognises the three statutory tables from table rows, by their labels.
struct TableRecognizer {
    let template: TemplateVersion
    var report: Report
    private(set) var diagnostics: [Diagnostic] = []

    init(template: TemplateVersion, report: Report) {
        self.template = template
        self.report = report
    }

    // MARK: Assigning tables to parts

    /// The part a table belongs to by its labels, or `fallback` (the part it sits in) on no signal.
    static func part(of rows: [RowCells], fallback: SectionKey?) -> ReportTable? {
        var votes: [ReportTable: Int] = [:]
        for cells in rows {
            for label in cells.labels {
                let facts = label.facts
                if facts.activeVotes > 0 { votes[.activeDisclosure, default: 0] += facts.activeVotes }
                if facts.requestVotes > 0 { votes[.requests, default: 0] += facts.requestVotes }
                if facts.reviewVotes > 0 { votes[.reviewLitigation, default: 0] += facts.reviewVotes }
            }
        }
        let best = votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }
        if let best, best.value > 0 {
            if let fallback, let fallbackTable = ReportTable.allCases.first(where: { $0.section == fallback }),
               votes[fallbackTable] == best.value {
                return fallbackTable
            }
            return best.key
        }
        return fallback.flatMap { section in ReportTable.allCases.first { $0.section == section } }
    }

    // MARK: Shared helpers

    private mutating func note(_ severity: Severity, _ code: String, _ path: String?, _ message: String, _ location: SourceLocation?) {
        diagnostics.append(Diagnostic(severity, code: code, path: path, message: message, location: location))
    }

    /// Converts a value cell to a number, reporting placeholders and stray text. The cell's path
    /// is built only for a diagnostic. `recordLocation: false` leaves the location to the caller.
    private mutating func number(_ cell: RowCells.Value, _ table: ReportTable, _ row: String, _ columnKey: String,
                                 column: ColumnSpec, headerUnit: MoneyUnit?, defaultUnit: MoneyUnit?,
                                 recordLocation: Bool = true) -> Decimal? {
        switch cell.value {
        case .number(let value, let cellUnit):
            var result = value
            if column.isMoney {
                if let unit = cellUnit ?? headerUnit {
                    result = value * unit.multiplier
                } else if let unit = defaultUnit {
                    result = value * unit.multiplier
                    if value != 0 {
                        note(.warning, "value.unit_guessed", path(table, row, columnKey), "no money unit stated for \(cell.raw.trimmingCharacters(in: .whitespaces)); assumed \(unit.rawValue)", cell.location)
                    }
                }
            }
            if recordLocation { setLocation(cell.location, table, row, columnKey) }
            return result
        case .none:
            if recordLocation { setLocation(cell.location, table, row, columnKey) }
            note(.info, "value.none_as_zero", path(table, row, columnKey), "“无” read as 0", cell.location)
            return 0
        case .blank:
            note(.warning, "value.missing", path(table, row, columnKey), "the cell is blank: value not given (null, not 0)", cell.location)
            return nil
        case .placeholder(let mark):
            note(.warning, "value.missing", path(table, row, columnKey), "the cell holds “\(mark)”: value not given (null, not 0)", cell.location)
            return nil
        case .text:
            note(.warning, "value.unreadable", path(table, row, columnKey), "“\(cell.raw)” is not a number", cell.location)
            return nil
        }
    }

    /// `table.row.column`, built only for a diagnostic.
    private func path(_ table: ReportTable, _ row: String, _ column: String) -> String {
        table.rawValue + "." + row + "." + column
    }

    /// Sets one value through the report's stored table, so the table is changed in place rather
    /// than copied out through `report[table]`, changed and copied back for every cell.
    private mutating func setValue(_ value: Decimal?, _ table: ReportTable, _ row: String, _ column: String) {
        switch table {
        case .activeDisclosure: report.activeDisclosure[row, column] = value
        case .requests: report.requests[row, column] = value
        case .reviewLitigation: report.reviewLitigation[row, column] = value
        }
    }

    /// Records where the value at `row`/`column` was read.
    private mutating func setLocation(_ location: SourceLocation?, _ table: ReportTable, _ row: String, _ column: String) {
        switch table {
        case .activeDisclosure: report.activeDisclosure.setLocation(location, row, column)
        case .requests: report.requests.setLocation(location, row, column)
        case .reviewLitigation: report.reviewLitigation.setLocation(location, row, column)
        }
    }

    /// Records where a row's values were read, finding the row once.
    private mutating func setLocations(_ locations: [SourceLocation?], _ table: ReportTable, _ row: String, _ columns: [String]) {
        switch table {
        case .activeDisclosure: report.activeDisclosure.setLocations(row: row, columns: columns, locations: locations)
        case .requests: report.requests.setLocations(row: row, columns: columns, locations: locations)
        case .reviewLitigation: report.reviewLitigation.setLocations(row: row, columns: columns, locations: locations)
        }
    }

    /// Sets a row's values column by column, finding the row once.
    private mutating func setValues(_ values: [Decimal?], _ table: ReportTable, _ row: String, _ columns: [String]) {
        switch table {
        case .activeDisclosure: report.activeDisclosure.set(row: row, columns: columns, values: values)
        case .requests: report.requests.set(row: row, columns: columns, values: values)
        case .reviewLitigation: report.reviewLitigation.set(row: row, columns: columns, values: values)
        }
    }

    // MARK: 二、主动公开

    mutating func recognizeActiveDisclosure(_ rows: [RowCells]) -> Set<String> {
        var found: Set<String> = []
        var headerColumns: [(key: String, unit: MoneyUnit?)] = []
        for cells in rows {
            if !cells.hasValues {
                let columns = cells.labels.compactMap { label -> (String, MoneyUnit?)? in
                    label.facts.activeColumn.map { ($0, label.facts.moneyUnit) }
                }
                if !columns.isEmpty { headerColumns = columns }
                continue
            }
            guard let (rowKey, label) = cells.rowKey(\.facts.activeRow) else { continue }
            guard let spec = admit(rowKey, label: label, table: .activeDisclosure, found: &found) else { continue }
            // Columns: the latest header if it fits this row, else the template's own order.
            let specKeys = spec.columns.map(\.key)
            var columns: [(key: String, unit: MoneyUnit?)] = headerColumns.filter { specKeys.contains($0.key) }
            if columns.isEmpty || columns.count < min(cells.values.count, specKeys.count) {
                columns = spec.columns.map { ($0.key, nil) }
            }
            var values = cells.values
            while values.count > columns.count, let last = values.last, case .blank = last.value { values.removeLast() }
            if values.count != columns.count {
                if values.count > columns.count, values.count == specKeys.count {
                    columns = spec.columns.map { ($0.key, nil) }
                } else {
                    note(.warning, "table.row_shape", "active_disclosure.\(rowKey)",
                         "row “\(label.key)” has \(values.count) value(s) for \(columns.count) column(s); its values are left null", cells.location)
                    continue
                }
            }
            let defaultUnit: MoneyUnit? = rowKey == "fees" && template == .v2021 ? .tenThousandYuan : .yuan
            for (column, cell) in zip(columns, values) {
                guard let columnSpec = spec.columns.first(where: { $0.key == column.key }) else { continue }
                report.activeDisclosure[rowKey, column.key] = number(cell, .activeDisclosure, rowKey, column.key, column: columnSpec,
                                                                     headerUnit: column.unit, defaultUnit: defaultUnit)
            }
        }
        return found
    }

    // MARK: 三、申请

    /// The applicant column order the header states; the template's when it says nothing clear.
    private func requestColumnOrder(_ rows: [RowCells]) -> [String] {
        let canonical = TemplateCatalog.applicantColumns.map(\.key)
        let organisations: Set<String> = ["commercial", "research", "social_welfare", "legal_service", "other_org"]
        var best: [String] = []
        for cells in rows {
            guard !cells.hasValues else { continue }
            let keys = cells.labels.compactMap(\.facts.requestColumn)
            if keys.filter(organisations.contains).count > best.filter(organisations.contains).count { best = keys }
        }
        var order: [String] = []
        for key in best where !order.contains(key) { order.append(key) }
        if !order.contains("natural_person") { order.insert("natural_person", at: 0) }
        if !order.contains("total") { order.append("total") }
        return Set(order) == Set(canonical) && order.count == canonical.count ? order : canonical
    }

    mutating func recognizeRequests(_ rows: [RowCells]) -> Set<String> {
        var found: Set<String> = []
        let order = requestColumnOrder(rows)
        let totalSlot = order.firstIndex(of: "total") ?? 6
        let aligner = RowAligner(slotCount: order.count, rules: [
            RowAligner.SumRule(total: totalSlot, parts: order.indices.filter { $0 != totalSlot }),
        ])
        for cells in rows {
            guard cells.hasValues, let (rowKey, label) = cells.rowKey(\.facts.requestRow),
                  admit(rowKey, label: label, table: .requests, found: &found) != nil else { continue }
            assign(cells, to: .requests, row: rowKey, columns: order, aligner: aligner, ruleName: "rule 2 (总计 = 自然人 + 法人或其他组织)")
        }
        return found
    }

    /// The template's spec for a recognised row, recording it as found; `nil` (with a warning) when
    /// the template lacks the row or the row was already read.
    private mutating func admit(_ rowKey: String, label: RowCells.Label, table: ReportTable, found: inout Set<String>) -> RowSpec? {
        guard let spec = TemplateCatalog.row(table, template, key: rowKey) else {
            note(.warning, "table.row_not_in_template", "\(table.rawValue).\(rowKey)",
                 "row “\(label.key)” is not part of the \(template.rawValue) template; ignored", label.location)
            return nil
        }
        guard found.insert(rowKey).inserted else {
            note(.warning, "table.duplicate_row", "\(table.rawValue).\(rowKey)", "row “\(label.key)” appears again; the first one is kept", label.location)
            return nil
        }
        return spec
    }

    /// The columns of parts 三 and 四, joined once.
    private static let valueColumns = TemplateCatalog.applicantColumns + TemplateCatalog.outcomeColumns

    /// Places a row's values through the aligner and records how they were placed.
    private mutating func assign(_ cells: RowCells, to table: ReportTable, row rowKey: String, columns: [String], aligner: RowAligner, ruleName: String) {
        let spec = Self.valueColumns
        var numbers: [Decimal?] = []
        var sources: [RowCells.Value] = []
        var cellColumns: [String] = []
        numbers.reserveCapacity(cells.values.count)
        sources.reserveCapacity(cells.values.count)
        cellColumns.reserveCapacity(cells.values.count)
        for (offset, cell) in cells.values.enumerated() {
            // Extra cells are read for the last column.
            let column = offset < columns.count ? columns[offset] : columns.last ?? "total"
            let columnSpec = spec.first { $0.key.utf8.count == column.utf8.count && $0.key == column } ?? ColumnSpec(key: column, label: column)
            // Locations are recorded below, once the placement is known.
            numbers.append(number(cell, table, rowKey, column, column: columnSpec, headerUnit: nil, defaultUnit: nil, recordLocation: false))
            sources.append(cell)
            cellColumns.append(column)
        }
        switch aligner.align(numbers) {
        case .exact(let values):
            setValues(values, table, rowKey, columns)
            setLocations(sources.map(\.location), table, rowKey, columns)
        case .repaired(let values, let derived, let dropped):
            let what = dropped > 0 ? "\(dropped) extra cell(s) ignored" : "\(columns.count - numbers.count) missing cell(s) derived"
            note(.warning, "table.row_repaired", "\(table.rawValue).\(rowKey)",
                 "row has \(numbers.count) value(s) for \(columns.count) columns: \(what); every placement that keeps \(ruleName) gives the same row", cells.location)
            if dropped == 0 && derived.isEmpty {
                note(.info, "value.derived", "\(table.rawValue).\(rowKey)",
                     "which cell is missing is unknown, but every placement gives the same values by \(ruleName)", cells.location)
            }
            setValues(values, table, rowKey, columns)
            setLocations(Array(repeating: cells.location, count: columns.count), table, rowKey, columns)
            for (index, column) in columns.enumerated() {
                if derived.contains(index) {
                    note(.info, "value.derived", path(table, rowKey, column), "not in the source; derived by \(ruleName)", cells.location)
                } else if values[index] == nil {
                    note(.warning, "value.missing", path(table, rowKey, column), "value not given (null)", cells.location)
                }
            }
        case .ambiguous:
            // Nothing placed: each value cell keeps the location of the column it was read for.
            for (cell, column) in zip(sources, cellColumns) where cell.value.isNumeric {
                setLocation(cell.location, table, rowKey, column)
            }
            for column in columns { setValue(nil, table, rowKey, column) }
            note(.warning, "table.row_shape", "\(table.rawValue).\(rowKey)",
                 "row has \(numbers.count) value(s) for \(columns.count) columns and no unique placement keeps \(ruleName); its values are left null", cells.location)
        }
    }

    // MARK: 四、复议诉讼

    mutating func recognizeReviewLitigation(_ rows: [RowCells]) -> Set<String> {
        let groups = TemplateCatalog.rows(.reviewLitigation, template).map(\.key)
        var outcomes = TemplateCatalog.outcomeColumns.map(\.key)
        for cells in rows {
            guard !cells.hasValues else { continue }
            var keys: [String] = []
            for label in cells.labels {
                if let key = label.facts.reviewColumn, !keys.contains(key) { keys.append(key) }
            }
            if Set(keys) == Set(outcomes), keys.count == outcomes.count { outcomes = keys; break }
        }
        let slotsPerGroup = outcomes.count
        let totalOffset = outcomes.firstIndex(of: "total") ?? 4
        var found: Set<String> = []
        var flat: [RowCells.Value] = []
        for cells in rows {
            guard cells.hasValues else { continue }
            if let (group, _) = cells.rowKey(\.facts.reviewGroup), cells.values.count == slotsPerGroup, !found.contains(group) {
                let aligner = RowAligner(slotCount: slotsPerGroup, rules: [
                    RowAligner.SumRule(total: totalOffset, parts: (0..<slotsPerGroup).filter { $0 != totalOffset }),
                ])
                assign(cells, to: .reviewLitigation, row: group, columns: outcomes, aligner: aligner, ruleName: "rule 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结)")
                found.insert(group)
            } else {
                flat += cells.values
            }
        }
        guard !flat.isEmpty else { return found }
        let remaining = groups.filter { !found.contains($0) }
        let rules = remaining.indices.map { group in
            RowAligner.SumRule(total: group * slotsPerGroup + totalOffset,
                               parts: (0..<slotsPerGroup).filter { $0 != totalOffset }.map { group * slotsPerGroup + $0 })
        }
        let aligner = RowAligner(slotCount: remaining.count * slotsPerGroup, rules: rules)
        let location = flat.first?.location ?? SourceLocation()
        var numbers: [Decimal?] = []
        for (offset, cell) in flat.enumerated() {
            let group = remaining[min(offset / slotsPerGroup, remaining.count - 1)]
            let column = outcomes[offset % slotsPerGroup]
            numbers.append(number(cell, .reviewLitigation, group, column, column: ColumnSpec(key: column, label: column), headerUnit: nil, defaultUnit: nil))
        }
        let ruleName = "rule 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结)"
        let placed: [Decimal?]
        switch aligner.align(numbers) {
        case .exact(let values):
            placed = values
        case .repaired(let values, let derived, let dropped):
            placed = values
            let what = dropped > 0 ? "\(dropped) extra cell(s) ignored" : "missing cell(s) derived"
            note(.warning, "table.row_repaired", "review_litigation",
                 "\(numbers.count) value(s) for \(aligner.slotCount) cells: \(what); every placement that keeps \(ruleName) gives the same values", location)
            if dropped == 0 && derived.isEmpty {
                note(.info, "value.derived", "review_litigation",
                     "which cell is missing is unknown, but every placement gives the same values by \(ruleName)", location)
            }
            for slot in derived {
                note(.info, "value.derived", path(.reviewLitigation, remaining[slot / slotsPerGroup], outcomes[slot % slotsPerGroup]),
                     "not in the source; derived by \(ruleName)", location)
            }
        case .ambiguous:
            note(.warning, "table.row_shape", "review_litigation",
                 "\(numbers.count) value(s) for \(aligner.slotCount) cells and no unique placement keeps \(ruleName); values left null", location)
            return found
        }
        for (slot, value) in placed.enumerated() {
            let group = remaining[slot / slotsPerGroup], column = outcomes[slot % slotsPerGroup]
            report.reviewLitigation[group, column] = value
            if slot < flat.count { report.reviewLitigation.setLocation(flat[slot].location, group, column) }
        }
        found.formUnion(remaining)
        return found
    }
}
