public import Foundation

/// The values of one statutory table, row by row, in template order.
///
/// A value is a `Decimal` or `nil` where the source does not give it: missing is never zero.
public struct ValueTable: Sendable, Hashable {
    /// One row: its key and its cells in column order.
    public struct Row: Sendable, Hashable {
        /// The row's JSON key.
        public var key: String
        /// The row's cells, in column order.
        public var cells: [Cell]

        /// Creates a row.
        public init(key: String, cells: [Cell]) {
            self.key = key
            self.cells = cells
        }
    }

    /// One cell: its column key, value and where the value was read.
    public struct Cell: Sendable, Hashable {
        /// The column's JSON key.
        public var column: String
        /// The value, or `nil` when the source does not give it.
        public var value: Decimal?
        /// Where the value was read, when known. Not part of the JSON contract: it lets
        /// diagnostics name the input cell (see ``Report/valueLocations``).
        public var location: SourceLocation?

        /// Creates a cell.
        public init(column: String, value: Decimal?, location: SourceLocation? = nil) {
            self.column = column
            self.value = value
            self.location = location
        }

        /// Cells are equal when column and value are: where a value was read is provenance, not
        /// content (the same report read from text and from DOCX has equal tables).
        public static func == (left: Cell, right: Cell) -> Bool {
            left.column == right.column && left.value == right.value
        }

        /// Hashes column and value, consistently with ``==``.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(column)
            hasher.combine(value)
        }
    }

    /// The rows, in template order.
    public var rows: [Row]

    /// Creates a table from rows.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// A table with every row and column of `table` under `template`, all values `nil`.
    public init(empty table: ReportTable, template: TemplateVersion) {
        rows = TemplateCatalog.rows(table, template).map { spec in
            Row(key: spec.key, cells: spec.columns.map { Cell(column: $0.key, value: nil) })
        }
    }

    /// `true` when the table has a row `row` with a column `column`.
    public func has(_ row: String, _ column: String) -> Bool {
        guard let r = rowIndex(row) else { return false }
        return columnIndex(column, in: r) != nil
    }

    /// The value at `row`/`column`; `nil` when missing or when the template lacks the cell.
    public subscript(row: String, column: String) -> Decimal? {
        get {
            guard let r = rowIndex(row), let c = columnIndex(column, in: r) else { return nil }
            return rows[r].cells[c].value
        }
        set {
            guard let r = rowIndex(row), let c = columnIndex(column, in: r) else { return }
            rows[r].cells[c].value = newValue
        }
    }

    /// Sets `values[i]` at `row`/`columns[i]` for each `i`, as the subscript would one by one:
    /// cells the template lacks are left alone. The row is found once.
    public mutating func set(row: String, columns: [String], values: [Decimal?]) {
        guard let r = rowIndex(row) else { return }
        for (column, value) in zip(columns, values) {
            guard let c = columnIndex(column, in: r) else { continue }
            rows[r].cells[c].value = value
        }
    }

    /// Where the value at `row`/`column` was read; `nil` when unknown or when the template lacks the cell.
    public func location(_ row: String, _ column: String) -> SourceLocation? {
        guard let r = rowIndex(row), let c = columnIndex(column, in: r) else { return nil }
        return rows[r].cells[c].location
    }

    /// Records where the value at `row`/`column` was read; ignored when the template lacks the cell.
    public mutating func setLocation(_ location: SourceLocation?, _ row: String, _ column: String) {
        guard let r = rowIndex(row), let c = columnIndex(column, in: r) else { return }
        rows[r].cells[c].location = location
    }

    /// ``setLocation(_:_:_:)`` for `columns[i]` with `locations[i]`, finding the row once.
    public mutating func setLocations(row: String, columns: [String], locations: [SourceLocation?]) {
        guard let r = rowIndex(row) else { return }
        for (column, location) in zip(columns, locations) {
            guard let c = columnIndex(column, in: r) else { continue }
            rows[r].cells[c].location = location
        }
    }

    private func rowIndex(_ key: String) -> Int? {
        rows.firstIndex { Self.sameKey($0.key, key) }
    }

    private func columnIndex(_ key: String, in row: Int) -> Int? {
        rows[row].cells.firstIndex { Self.sameKey($0.column, key) }
    }

    /// `left == right` for keys, answered from the byte counts first: every lookup walks the
    /// rows, and most keys it passes differ in length, which `==` on `String` does not test first.
    @inline(__always)
    private static func sameKey(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left == right
    }

    /// Every (row, column, value) triple in order.
    public var allCells: [(row: String, column: String, value: Decimal?)] {
        rows.flatMap { row in row.cells.map { (row.key, $0.column, $0.value) } }
    }
}
