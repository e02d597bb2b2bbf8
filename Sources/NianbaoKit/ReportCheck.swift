public import NianbaoModel
public import NianbaoWriters

/// What `nianbao validate` says about one report; the CLI and `POST /v1/validate` both call it.
public enum ReportCheck {
    /// Diagnostic codes that are rule breaks (the 勾稽关系 and value rules).
    public static let ruleCodes: Set<String> = ["requests.balance", "requests.row_total", "requests.results_total", "review_litigation.total", "value.invalid"]

    /// A `value.missing` warning for each `null` cell that no diagnostic names yet (a cell
    /// nulled in a JSON file, say); cells of a row or table reported missing as a whole are
    /// covered by that diagnostic.
    public static func unlistedNullCells(_ report: Report) -> [Diagnostic] {
        let named = Set(report.diagnostics.compactMap(\.path))
        var extra: [Diagnostic] = []
        for table in ReportTable.allCases {
            if named.contains(table.rawValue) { continue }
            for cell in report[table].allCells where cell.value == nil {
                let rowPath = "\(table.rawValue).\(cell.row)"
                let cellPath = "\(rowPath).\(cell.column)"
                if named.contains(cellPath) || report.diagnostics.contains(where: { $0.path == rowPath && $0.code == "table.row_missing" }) {
                    continue
                }
                extra.append(Diagnostic(.warning, code: "value.missing", path: cellPath, message: "value not given (null)"))
            }
        }
        return extra
    }

    /// The rule breaks among `report`'s diagnostics.
    public static func ruleBreaks(_ report: Report) -> [Diagnostic] {
        report.diagnostics.filter { ruleCodes.contains($0.code) }
    }

    /// One entry of `validate --format json`'s `reports` for a report checked (its diagnostics
    /// already completed by ``unlistedNullCells(_:)``).
    public static func entry(_ report: Report, file: String) -> JSONValue {
        .object([
            ("file", .string(file)),
            ("agency", .optional(report.agency)),
            ("year", .optional(report.year)),
            ("template", .string(report.template.rawValue)),
            ("clean", .bool(ruleBreaks(report).isEmpty)),
            ("diagnostics", ReportJSON.value(report).member("diagnostics") ?? .array([])),
        ])
    }

    /// One entry of `validate --format json`'s `reports` for an input that could not be checked.
    public static func failureEntry(file: String, message: String) -> JSONValue {
        .object([("file", .string(file)), ("error", .string(message))])
    }

    /// The `summary` object of `validate --format json`.
    public static func summary(checked: Int, clean: Int, withBreaks: Int, failed: Int, byRule: [String: Int]) -> JSONValue {
        .object([
            ("checked", .optional(checked)), ("clean", .optional(clean)), ("with_breaks", .optional(withBreaks)),
            ("failed", .optional(failed)),
            ("by_rule", .object(byRule.sorted { $0.key < $1.key }.map { ($0.key, .optional($0.value)) })),
        ])
    }
}
