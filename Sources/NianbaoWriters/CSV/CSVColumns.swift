public import NianbaoModel

/// One value column of the wide CSV: a table, row and column of the contract.
public struct CSVValueColumn: Sendable, Hashable {
    /// The table the value belongs to.
    public let table: ReportTable
    /// The row's JSON key, e.g. `"new_received"`.
    public let row: String
    /// The column's JSON key, e.g. `"natural_person"`.
    public let column: String

    /// Creates a value column.
    public init(table: ReportTable, row: String, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// The column's name in the wide CSV: the JSON path joined with dots,
    /// e.g. `"requests.new_received.natural_person"`.
    public var name: String { "\(table.rawValue).\(row).\(column)" }
}

/// The value columns of the wide CSV, derived from ``TemplateCatalog``.
///
/// The rule (stable; change it only with a contract version bump):
///
/// 1. Tables in contract order: `active_disclosure`, `requests`, `review_litigation`.
/// 2. Within a table, rows are the union of the templates' rows, merged in the order of
///    `TemplateVersion.allCases` (2019, then 2021): the 2019 rows in contract order, then each
///    row that only 2021 has is placed immediately **before the next row (in 2021 order) that is
///    already in the list**; if no such row follows it, it is appended at the end.
/// 3. Within a row, columns are merged by the same rule: 2019 columns first, 2021-only columns
///    before the next shared column, or at the end.
/// 4. A key that both templates have (e.g. `active_disclosure.licensing.decisions`) is one column.
///
/// So `requests.other_handling` (2019) is followed by `other_overdue_correction`,
/// `other_overdue_fee` and `other_misc` (2021), then `results_total`;
/// `active_disclosure.regulations` has `new_made`, `new_published`, `total_published`, then
/// `issued`, `repealed`, `in_force`; `active_disclosure.fees` ends with `amount_yuan`.
public enum CSVColumns {
    /// The templates whose keys the wide CSV covers, in merge order.
    public static let templates: [TemplateVersion] = TemplateVersion.allCases.filter { $0 != .unknown }

    /// Every value column of the wide CSV, in order.
    public static let valueColumns: [CSVValueColumn] = ReportTable.allCases.flatMap { table in
        mergedRows(table).flatMap { row in
            row.columns.map { CSVValueColumn(table: table, row: row.key, column: $0) }
        }
    }

    /// Position of each value column in ``valueColumns``, by table, row key and column key.
    static let valueColumnIndex: [ReportTable: [String: [String: Int]]] = {
        var index: [ReportTable: [String: [String: Int]]] = [:]
        for (position, column) in valueColumns.enumerated() {
            index[column.table, default: [:]][column.row, default: [:]][column.column] = position
        }
        return index
    }()

    /// A row of the union: its key and merged column keys.
    struct MergedRow {
        var key: String
        var columns: [String]
    }

    /// The union of `table`'s rows (with merged columns) over ``templates``.
    static func mergedRows(_ table: ReportTable) -> [MergedRow] {
        var rowKeys: [String] = []
        var columnsByRow: [String: [String]] = [:]
        for template in templates {
            let specs = TemplateCatalog.rows(table, template)
            rowKeys = merge(rowKeys, specs.map(\.key))
            for spec in specs {
                columnsByRow[spec.key] = merge(columnsByRow[spec.key] ?? [], spec.columns.map(\.key))
            }
        }
        return rowKeys.map { MergedRow(key: $0, columns: columnsByRow[$0] ?? []) }
    }

    /// Merges `incoming` into `existing`: keys not yet present go immediately before the next
    /// key of `incoming` that is present, or at the end when none follows.
    static func merge(_ existing: [String], _ incoming: [String]) -> [String] {
        var result = existing
        var pending: [String] = []
        for key in incoming {
            if let index = result.firstIndex(of: key) {
                result.insert(contentsOf: pending, at: index)
                pending.removeAll()
            } else {
                pending.append(key)
            }
        }
        result.append(contentsOf: pending)
        return result
    }
}
