/// The canonical report model: what every reader's output is recognised into and every writer
/// renders. Mirrors the JSON contract (`../shared/spec/contract.md`, version 1).
public struct Report: Sendable, Hashable {
    /// The contract identifier written as `schema`.
    public static let schemaIdentifier = "nianbao.report/1"

    /// About the input.
    public var source: SourceInfo
    /// The report's title, whitespace removed; `nil` when none was found.
    public var title: String?
    /// The reporting agency.
    public var agency: String?
    /// The year reported on (not the year published).
    public var year: Int?
    /// ISO date (`yyyy-MM-dd`) of the report's own date line.
    public var published: String?
    /// The template the report follows.
    public var template: TemplateVersion
    /// Prose of each part, paragraphs joined by `"\n"`; a part not found is absent.
    public var sections: [SectionKey: String]
    /// 二、主动公开政府信息情况.
    public var activeDisclosure: ValueTable
    /// 三、收到和处理政府信息公开申请情况.
    public var requests: ValueTable
    /// 四、政府信息公开行政复议、行政诉讼情况.
    public var reviewLitigation: ValueTable
    /// Everything noticed while reading, recognising and validating.
    public var diagnostics: [Diagnostic]

    /// Creates a report whose tables are empty (all `nil`) for `template`.
    public init(source: SourceInfo, template: TemplateVersion = .unknown) {
        self.source = source
        self.template = template
        sections = [:]
        activeDisclosure = ValueTable(empty: .activeDisclosure, template: template)
        requests = ValueTable(empty: .requests, template: template)
        reviewLitigation = ValueTable(empty: .reviewLitigation, template: template)
        diagnostics = []
    }

    /// The values of `table`.
    public subscript(table: ReportTable) -> ValueTable {
        get {
            switch table {
            case .activeDisclosure: activeDisclosure
            case .requests: requests
            case .reviewLitigation: reviewLitigation
            }
        }
        set {
            switch table {
            case .activeDisclosure: activeDisclosure = newValue
            case .requests: requests = newValue
            case .reviewLitigation: reviewLitigation = newValue
            }
        }
    }
}

extension Report {
    /// Where each value was read, by its JSON path (`"requests.granted.total"`). Not part of the
    /// JSON contract: it lets diagnostics name the input cell. The locations are kept in the
    /// tables' cells (``ValueTable/Cell/location``); this is a view of them by path. Like the
    /// cells' equality, a report's equality ignores them.
    public var valueLocations: ValueLocations {
        get { ValueLocations(report: self) }
        set {
            activeDisclosure = newValue.report.activeDisclosure
            requests = newValue.report.requests
            reviewLitigation = newValue.report.reviewLitigation
        }
    }
}

/// The locations of a report's values, looked up and set by JSON path (`table.row.column`).
/// A path that names no cell of the report's tables has no location, and setting one is ignored.
public struct ValueLocations: Sendable {
    fileprivate var report: Report

    /// The location of the value at `path`.
    public subscript(path: String) -> SourceLocation? {
        get {
            guard let (table, row, column) = Self.split(path) else { return nil }
            return report[table].location(row, column)
        }
        set {
            guard let (table, row, column) = Self.split(path) else { return }
            switch table {
            case .activeDisclosure: report.activeDisclosure.setLocation(newValue, row, column)
            case .requests: report.requests.setLocation(newValue, row, column)
            case .reviewLitigation: report.reviewLitigation.setLocation(newValue, row, column)
            }
        }
    }

    /// `table.row.column` split into its parts; `nil` for any other shape.
    private static func split(_ path: String) -> (ReportTable, String, String)? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let table = ReportTable(rawValue: String(parts[0])) else { return nil }
        return (table, String(parts[1]), String(parts[2]))
    }
}
