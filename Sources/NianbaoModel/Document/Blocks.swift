/// A paragraph of running text as a reader found it.
public struct Paragraph: Sendable, Hashable {
    /// The paragraph's text, including any visible numbering marker (`一、`, `（二）`) that the
    /// format renders (DOCX auto-numbering is rendered into the text by the reader).
    public var text: String
    /// Where the paragraph starts.
    public var location: SourceLocation
    /// Outline level when the format says it is a heading (1 = top), else `nil`.
    public var headingLevel: Int?

    /// Creates a paragraph.
    public init(text: String, location: SourceLocation, headingLevel: Int? = nil) {
        self.text = text
        self.location = location
        self.headingLevel = headingLevel
    }
}

/// One cell of a table row.
public struct TableCell: Sendable, Hashable {
    /// The cell's text; several paragraphs inside one cell are joined with `"\n"`.
    public var text: String
    /// Where the cell is.
    public var location: SourceLocation
    /// How many grid columns the cell spans (`w:gridSpan`); 1 for plain cells.
    public var columnSpan: Int
    /// `true` when the cell continues a vertically merged cell above (`w:vMerge` continue): its
    /// text is empty and its content belongs to the cell where the merge started.
    public var continuesVerticalMerge: Bool
    /// `true` for a value of a layout text's line (space-aligned, ``TableRow/spacedApart``) that
    /// stands one space after the value before it (`53 81 2114`): the extractor squeezed them
    /// together, so their order may not be their columns'.
    public var oneSpaceBefore = false

    /// Creates a cell.
    public init(text: String, location: SourceLocation, columnSpan: Int = 1, continuesVerticalMerge: Bool = false) {
        self.text = text
        self.location = location
        self.columnSpan = columnSpan
        self.continuesVerticalMerge = continuesVerticalMerge
    }
}

/// A row of table cells, in reading order.
public struct TableRow: Sendable, Hashable {
    /// The cells, left to right.
    public var cells: [TableCell]
    /// Where the row starts.
    public var location: SourceLocation
    /// `true` when the source delimits the cells (a document's table, tab-separated fields, a
    /// cell on its own tab-led line); `false` for a row rebuilt from space-aligned columns, whose
    /// cells are only pieces of a line in their order.
    public var delimited: Bool
    /// `true` for a space-aligned row whose cells a text reader placed by their character columns
    /// under the table's full rows (blank cells included): positioned, but by the text's layout
    /// rather than by a delimiter, so the recognizer checks the row by its own sum rule.
    public var columnsFromLayout: Bool
    /// `true` for a line of a layout text whose values are pieces of numbers wrapped in their
    /// cells (`3041` printed as `304` above the row's label and `1` below it), or the second line
    /// of a row squeezed over two whose values interleave with the first's by character: no
    /// value is read from it.
    public var wrappedPieces: Bool
    /// `true` for a space-aligned row of a text whose line sets its pieces apart by runs of spaces
    /// (`      83   19    102`, a layout text), not by single spaces (`21 300 144 89`, a text in
    /// reading order).
    public var spacedApart = false
    /// `true` for a space-aligned row of a layout text whose blank marks stand one space apart
    /// (`260   36  / /    41`): the extractor squeezed the line there, and the marks' order among
    /// the values is not proven (research's `/` written after social welfare's `36`). Its values
    /// are not read by their order.
    public var squeezedMarks = false

    /// Creates a row.
    public init(cells: [TableCell], location: SourceLocation, delimited: Bool = true, columnsFromLayout: Bool = false,
                wrappedPieces: Bool = false) {
        self.cells = cells
        self.location = location
        self.delimited = delimited
        self.columnsFromLayout = columnsFromLayout
        self.wrappedPieces = wrappedPieces
    }
}

/// A table: rows of cells. Tables split over pages may arrive as two tables; the recognizer joins
/// them by their labels.
public struct Table: Sendable, Hashable {
    /// The rows, top to bottom.
    public var rows: [TableRow]
    /// Where the table starts.
    public var location: SourceLocation

    /// Creates a table.
    public init(rows: [TableRow], location: SourceLocation) {
        self.rows = rows
        self.location = location
    }
}

/// One unit of the neutral block stream that every reader produces.
public enum Block: Sendable, Hashable {
    /// Running text.
    case paragraph(Paragraph)
    /// A table.
    case table(Table)
}
