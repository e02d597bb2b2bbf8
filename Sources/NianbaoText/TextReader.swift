public import Foundation
public import NianbaoModel

/// Reads PDF-extracted, Word-extracted or scraped report text into the neutral block stream.
///
/// Tables are reconstructed from the shapes extractors leave behind:
/// - **one cell per line** (Word text export): each cell on a line starting with a tab, rows
///   separated by blank lines, a cell's text sometimes wrapped onto the next line without a tab;
/// - **tab-separated rows** (PDF extraction): one row per line, cells separated by tabs;
/// - **space-aligned rows** (layout-preserving extraction): a label followed by numbers separated
///   by spaces.
/// Everything else is a paragraph; paragraphs broken by a page break are joined again.
public enum TextReader {
    /// Reads a text file.
    /// - Throws: ``TextReadError`` when the file is empty, binary or undecodable; file-system errors.
    public static func read(contentsOf url: URL) throws -> SourceDocument {
        let data = try Data(contentsOf: url)
        return try read(data: data, fileName: url.lastPathComponent)
    }

    /// Reads text from bytes in memory; `fileName` goes into `source.file`.
    /// - Throws: ``TextReadError`` when the bytes are empty, binary or undecodable.
    public static func read(data: Data, fileName: String) throws -> SourceDocument {
        let decoded = try TextDecoding.decode(data)
        if isAllWhitespace(decoded.text) { throw TextReadError.empty }
        var diagnostics: [Diagnostic] = []
        if decoded.replacedBytes > 0 {
            diagnostics.append(Diagnostic(.warning, code: "input.encoding",
                message: "\(decoded.replacedBytes) byte(s) could not be decoded as \(decoded.encoding) and were replaced by U+FFFD"))
        }
        let blocks = parse(decoded.text)
        // Only white space, tabs (empty cells), artifacts or page furniture: nothing to read.
        let hasText = blocks.contains { block in
            switch block {
            case .paragraph(let paragraph): !paragraph.text.isEmpty
            case .table(let table): table.rows.contains { $0.cells.contains { !$0.text.isEmpty } }
            }
        }
        if !hasText { throw TextReadError.empty }
        let source = SourceInfo(file: fileName, format: .text, sha256: "", encoding: decoded.encoding)
        return SourceDocument(source: source, blocks: blocks, diagnostics: diagnostics)
    }

    /// Parses decoded text into blocks.
    public static func parse(_ text: String) -> [Block] {
        parse(BrokenPipeRows.joined(text), placingColumns: true)
    }

    /// Parses decoded text into blocks; `placingColumns: false` leaves the rows as the line
    /// classifiers give them (``ColumnLayout`` not applied), as the equivalence tests compare them.
    /// `characterRulesOnly`: every line is classified by ``CharacterLine``'s rules on Characters,
    /// none by ``SimpleLine`` on bytes: the reference the equivalence tests check the byte rules
    /// against (the byte rules make a text report's reading about a third cheaper).
    static func parse(_ text: String, placingColumns: Bool, characterRulesOnly: Bool = false) -> [Block] {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var builder = BlockBuilder()
            var cleaned: [UInt8] = []
            var start = 0
            var lineNumber = 0
            while true {
                let line = LineScan.scan(bytes, from: start)
                lineNumber += 1
                let kind: LineKind?
                if characterRulesOnly || !line.isSimple {
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<line.end]), as: UTF8.self)
                    kind = CharacterLine.kind(of: Substring(raw))
                } else if line.hasInvisible || line.hasBracket {
                    SimpleLine.clean(bytes, start, line.end, into: &cleaned, hasBracket: line.hasBracket)
                    kind = cleaned.withUnsafeBufferPointer { SimpleLine($0, 0, $0.count, source: nil).kind(hasTab: line.hasTab) }
                } else {
                    kind = SimpleLine(bytes, start, line.end, source: text).kind(hasTab: line.hasTab)
                }
                if let kind {
                    builder.consume(kind, lineNumber: lineNumber)
                    switch kind {
                    case .row(let cells, delimited: false):
                        // A space-aligned row: its values' character columns, for ColumnLayout.
                        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<line.end]), as: UTF8.self)
                        let spaced = Self.hasSpaceRun(raw)
                        builder.recordSpans(of: Substring(raw), cells: cells, lineNumber: lineNumber, spaced: spaced)
                        if spaced {
                            builder.markLastRowSpaced(true)
                            if Self.hasSqueezedMarks(raw) { builder.markLastRowSqueezedMarks() }
                        }
                    case .text:
                        // Where a text line is, should it turn out to be a table's header.
                        builder.textLines.append(.init(line: lineNumber, bytes: start..<line.end))
                    default:
                        break
                    }
                }
                guard line.breakLength > 0 else { break }
                // A form feed ends the line: `pdftotext` starts a page after it, laid out on its own.
                if bytes[line.end] == 0x0C { builder.pageBreakLines.append(lineNumber + 1) }
                start = line.end + line.breakLength
            }
            return builder.finish(placingColumns: placingColumns) { range in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
        }
    }

    /// `true` when two blank marks stand one space apart on the line (`36  / /    41`).
    static func hasSqueezedMarks(_ line: String) -> Bool {
        var previousMark = false, gap = 0
        for token in line.split(separator: " ", omittingEmptySubsequences: false) {
            if token.isEmpty {
                gap += 1
                continue
            }
            let mark = CharacterLine.isBlankMark(token)
            if mark && previousMark && gap == 0 { return true }
            previousMark = mark
            gap = 0
        }
        return false
    }

    /// `true` when the line, its trailing spaces aside, holds two spaces in a row (leading ones too).
    static func hasSpaceRun(_ line: String) -> Bool {
        let space = UInt8(ascii: " ")
        var previousWasSpace = false, run = false
        for byte in line.utf8 {
            if byte == space {
                if previousWasSpace { run = true }
                previousWasSpace = true
            } else {
                if run { return true }
                previousWasSpace = false
            }
        }
        return false
    }

    /// `text.allSatisfy(\.isWhitespace)`, without breaking grapheme clusters in the usual case.
    /// Every scalar before the first non-white-space one is white space, and none of those is a
    /// prepended mark, so an ASCII or CJK-ideograph scalar there starts a Character (grapheme
    /// clusters only join a scalar to one before it when it is a mark, joiner, jamo or regional
    /// indicator), and that Character is not white space.
    static func isAllWhitespace(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            if scalar.isASCII || (0x4E00...0x9FFF).contains(scalar.value) { return false }
            return text.allSatisfy(\.isWhitespace)
        }
        return true
    }
}

/// The state machine that turns classified lines into paragraphs and tables.
private struct BlockBuilder {
    private var blocks: [Block] = []
    private var tableRows: [TableRow] = []
    private var tableStart: Int?
    private var pendingCells: [TableCell] = []
    private var pendingRowLine = 0
    private var previousWasCell = false
    /// A paragraph waiting to see whether the next line continues it across a page break.
    private var pendingParagraph: Paragraph?
    /// Every scalar of the pending paragraph is a ``SimpleScalar`` (each a Character).
    private var pendingIsSimple = false
    /// The pending paragraph's scalar count, when `pendingIsSimple`.
    private var pendingScalarCount = 0
    private var blankLinesSincePending = 0
    /// The pending paragraph's line has a column gap (``TextLine/hasColumnGap``).
    private var pendingLineHasColumns = false
    /// The character columns of the space-aligned rows: of the table being built (by row), and of
    /// the tables built (by block).
    private var pendingSpans: [(row: Int, line: Int, values: [ColumnLayout.Extent], labelEnd: ColumnLayout.Extent?)] = []
    private var rowSpans: [ColumnLayout.RowSpans] = []
    /// The text lines read, by their bytes in the source.
    var textLines: [ColumnLayout.TextLineBytes] = []
    /// The lines that start a page (after a form feed), ascending.
    var pageBreakLines: [Int] = []

    /// Records whether the space-aligned row just consumed sets its pieces apart by runs of spaces.
    mutating func markLastRowSpaced(_ spaced: Bool) {
        guard spaced, !tableRows.isEmpty else { return }
        tableRows[tableRows.count - 1].spacedApart = true
    }

    /// Records that the space-aligned row just consumed has blank marks one space apart.
    mutating func markLastRowSqueezedMarks() {
        guard !tableRows.isEmpty else { return }
        tableRows[tableRows.count - 1].squeezedMarks = true
    }

    /// Records where the values of the space-aligned row just consumed stand on its line, and, on
    /// a line `spaced` apart by runs of spaces, which values stand one space after the one before.
    mutating func recordSpans(of raw: Substring, cells: [String], lineNumber: Int, spaced: Bool) {
        guard !tableRows.isEmpty, let first = cells.first else { return }
        let hasLabel = !CharacterLine.isNumberToken(first) && !CharacterLine.isBlankMark(first)
        let valueCount = hasLabel ? cells.count - 1 : cells.count
        guard let extents = ColumnLayout.valueExtents(of: raw, valueCount: valueCount) else { return }
        let row = tableRows.count - 1, firstValue = cells.count - valueCount
        if spaced, tableRows[row].cells.count == cells.count {
            for index in extents.values.indices.dropFirst()
            where extents.values[index].characters.start - extents.values[index - 1].characters.end == 1 {
                tableRows[row].cells[firstValue + index].oneSpaceBefore = true
            }
        }
        pendingSpans.append((tableRows.count - 1, lineNumber, extents.values, hasLabel ? extents.labelEnd : nil))
    }

    mutating func consume(_ kind: LineKind, lineNumber: Int) {
        switch kind {
        case .blank:
            flushPendingRow()
            if pendingParagraph != nil { blankLinesSincePending += 1 }
            previousWasCell = false
        case .cell(let text):
            flushParagraph()
            if tableStart == nil { tableStart = lineNumber }
            if pendingCells.isEmpty { pendingRowLine = lineNumber }
            pendingCells.append(TableCell(text: text, location: .line(lineNumber)))
            previousWasCell = true
        case .row(let cells, let delimited):
            flushParagraph()
            flushPendingRow()
            if tableStart == nil { tableStart = lineNumber }
            let row = TableRow(cells: cells.map { TableCell(text: $0, location: .line(lineNumber)) },
                               location: .line(lineNumber), delimited: delimited)
            tableRows.append(row)
            previousWasCell = false
        case .text(let line):
            if previousWasCell, line.continuesCell, !pendingCells.isEmpty {
                // A cell whose text wrapped onto the next line (`本年新` / `制作数量`).
                pendingCells[pendingCells.count - 1].text += line.text
                return
            }
            flushPendingRow()
            flushTable()
            addParagraph(line, lineNumber: lineNumber)
            previousWasCell = false
        }
    }

    /// The blocks read; `text` gives the source text of a byte range (for header lines).
    mutating func finish(placingColumns: Bool, text: (Range<Int>) -> String) -> [Block] {
        flushPendingRow()
        flushTable()
        flushParagraph()
        if placingColumns, rowSpans.count >= 1 {
            ColumnLayout.place(&blocks, rowSpans, textLines: textLines, pageBreakLines: pageBreakLines, text: text)
        }
        return blocks
    }

    // MARK: Flushing

    private mutating func flushPendingRow() {
        guard !pendingCells.isEmpty else { return }
        tableRows.append(TableRow(cells: pendingCells, location: .line(pendingRowLine)))
        // The next row is likely as wide: one allocation instead of growing from empty.
        pendingCells.removeAll(keepingCapacity: true)
    }

    private mutating func flushTable() {
        flushPendingRow()
        if !tableRows.isEmpty {
            flushParagraph()
            blocks.append(.table(Table(rows: MergedCellRepeats.collapsed(tableRows), location: .line(tableStart ?? tableRows[0].location.line ?? 1))))
            for entry in pendingSpans {
                rowSpans.append(ColumnLayout.RowSpans(block: blocks.count - 1, row: entry.row, line: entry.line,
                                                      values: entry.values, labelEnd: entry.labelEnd))
            }
        }
        pendingSpans = []
        tableRows = []
        tableStart = nil
    }

    private mutating func addParagraph(_ line: TextLine, lineNumber: Int) {
        // Text laid out in columns (two spaces apart) is a table's line, never prose to join.
        let columns = line.hasColumnGap
        if let pending = pendingParagraph, blankLinesSincePending <= 2, !columns, !pendingLineHasColumns,
           continuesAcrossPageBreak(pending.text, line) {
            pendingParagraph?.text += line.text
            pendingIsSimple = pendingIsSimple && line.isSimple
            pendingScalarCount += line.scalarCount
            blankLinesSincePending = 0
            return
        }
        flushParagraph()
        pendingLineHasColumns = columns
        let text = CharacterLine.withoutHeadingMarker(line.text, hasDoubleAsterisk: line.hasDoubleAsterisk)
        pendingParagraph = Paragraph(text: text, location: .line(lineNumber))
        pendingIsSimple = line.isSimple
        pendingScalarCount = text.utf8.count == line.text.utf8.count ? line.scalarCount : text.unicodeScalars.count
        blankLinesSincePending = 0
    }

    private mutating func flushParagraph() {
        if let pending = pendingParagraph.take() { blocks.append(.paragraph(pending)) }
        blankLinesSincePending = 0
    }

    /// A long line that stops mid-sentence, followed by a line that is not a new item or heading,
    /// is one paragraph split by a page break (`有待加` / `强；二是…`).
    private func continuesAcrossPageBreak(_ previous: String, _ next: TextLine) -> Bool {
        guard pendingIsSimple && next.isSimple else { return CharacterLine.continuesAcrossPageBreak(previous, next) }
        // Every Character a scalar: `CharacterLine.continuesAcrossPageBreak` on scalars.
        guard pendingScalarCount >= 30, let last = previous.unicodeScalars.last, let first = next.text.unicodeScalars.first else { return false }
        if "。！？；：:;!?”」』）)…|>".unicodeScalars.contains(last) || next.text.utf8.contains(UInt8(ascii: "|"))
            || previous.utf8.contains(UInt8(ascii: "|")) { return false }
        if next.startsWithEnumerator { return false }
        if "“「『（(#<".unicodeScalars.contains(first) { return false }
        if CharacterLine.isTitleShaped(previous) { return false }
        return !CharacterLine.isBareValue(next.text)
    }
}
