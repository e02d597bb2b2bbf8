/// Where in an input a block, cell or diagnostic comes from.
///
/// Text inputs give a 1-based `line`; table-structured inputs (DOCX) give 1-based `table`, `row`
/// and `cell` indices; PDF inputs add the 1-based `page` (with the `line` on that page, or the table's
/// place). Any may be absent when unknown.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based page number in a paged input (PDF).
    public var page: Int?
    /// 1-based line number in a text input.
    public var line: Int?
    /// 1-based index of the table in the document (DOCX).
    public var table: Int?
    /// 1-based row index inside the table.
    public var row: Int?
    /// 1-based cell index inside the row.
    public var cell: Int?

    /// Creates a location; pass only what is known.
    public init(line: Int? = nil, table: Int? = nil, row: Int? = nil, cell: Int? = nil, page: Int? = nil) {
        self.page = page
        self.line = line
        self.table = table
        self.row = row
        self.cell = cell
    }

    /// A location at a text line.
    public static func line(_ number: Int) -> SourceLocation { SourceLocation(line: number) }

    /// `"line 12"` or `"table 3, row 5, cell 2"` (PDF: `"page 3, line 12"`, `"page 2, table 1, row 5,
    /// cell 2"`), as the JSON contract's `source` field.
    public var description: String {
        var parts: [String] = []
        if let table { parts.append("table \(table)") }
        if let row { parts.append("row \(row)") }
        if let cell { parts.append("cell \(cell)") }
        if let line { parts.insert("line \(line)", at: 0) }
        if let page { parts.insert("page \(page)", at: 0) }
        return parts.isEmpty ? "unknown" : parts.joined(separator: ", ")
    }
}
