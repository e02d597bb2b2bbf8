import Foundation
import NianbaoModel

/// Turns the pages' words into blocks: page furniture dropped, table regions rebuilt as tables,
/// the other lines joined into paragraphs, tables continued across pages joined.
struct DocumentLayout {
    let pages: [PDFPage]
    private(set) var diagnostics: [Diagnostic] = []

    init(pages: [PDFPage]) {
        self.pages = pages
    }

    /// What one page holds, top to bottom.
    private enum Piece {
        case line(VisualLine, number: Int)
        case table(TableGrid, lineNumber: Int)
    }

    mutating func blocks() -> [Block] {
        let pageLines = pages.map { VisualLine.lines($0.words) }
        let furniture = furnitureLines(pageLines)
        var pieces: [[Piece]] = []
        var dropped = 0
        // The header columns of the table that ends the previous page.
        var inherited: HeaderColumns?
        for (pageIndex, lines) in pageLines.enumerated() {
            var kept: [(VisualLine, Int)] = []
            for (index, line) in lines.enumerated() {
                if furniture.contains(PageLine(page: pageIndex, index: index)) { dropped += 1 } else { kept.append((line, index + 1)) }
            }
            pieces.append(Self.pieces(kept, inherited: &inherited))
        }
        if dropped > 0 {
            diagnostics.append(Diagnostic(.info, code: "pdf.page_furniture", message: "\(dropped) page header, footer or page-number line(s) left out"))
        }
        return assemble(pieces)
    }

    // MARK: Page furniture

    private struct PageLine: Hashable {
        var page: Int
        var index: Int
    }

    /// Page numbers, and lines repeated near the top or bottom of several pages.
    private func furnitureLines(_ pageLines: [[VisualLine]]) -> Set<PageLine> {
        var candidates: [(PageLine, String)] = []
        for (pageIndex, lines) in pageLines.enumerated() {
            let height = pages[pageIndex].height
            guard height > 0 else { continue }
            let edge = Set([0, 1, lines.count - 2, lines.count - 1].filter { $0 >= 0 && $0 < lines.count })
            for index in edge.sorted() {
                let line = lines[index]
                guard line.segments.count <= 3, line.y1 < 0.1 * height || line.y0 > 0.9 * height else { continue }
                // A line as close to the body as the body's own lines are to each other is body
                // text, not a header or footer: the digits of numbers wrapped in a table row at the
                // foot of a page (`70121` over `2`, `70204` over `0`) are no page number "20".
                let body = line.y1 < 0.1 * height ? (index + 1 < lines.count ? lines[index + 1] : nil) : (index > 0 ? lines[index - 1] : nil)
                if let body {
                    let gap = line.y1 < 0.1 * height ? body.y0 - line.y1 : line.y0 - body.y1
                    if gap < 0.5 * min(line.height, body.height) { continue }
                }
                let text = line.text.filter { !$0.isWhitespace }
                candidates.append((PageLine(page: pageIndex, index: index), text))
            }
        }
        var result: Set<PageLine> = []
        var counts: [String: Set<Int>] = [:]
        for (place, text) in candidates {
            counts[Self.normalized(text), default: []].insert(place.page)
        }
        for (place, text) in candidates {
            let repeated = pageLines.count >= 2 && (counts[Self.normalized(text)]?.count ?? 0) >= max(2, pageLines.count / 2)
            if Self.isPageNumber(text) || repeated { result.insert(place) }
        }
        return result
    }

    /// Arabic digits made one mark, so "第 3 页" on every page reads the same (Chinese numerals
    /// stay: "第二十条第（八）项" and "第二十条第（九）项" differ).
    private static func normalized(_ text: String) -> String {
        String(text.map { ("0"..."9").contains($0) || ("０"..."９").contains($0) ? "#" : $0 })
    }

    /// `3`, `- 3 -`, `—3—`, `第3页`, `第3页 共5页`, `3/5`, `Page 3 of 5`.
    static func isPageNumber(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return TextPattern.pageNumbers.contains { $0.matches(compact) }
    }

    // MARK: Tables on a page

    /// The page's lines, with table regions made tables. A table region is a run of lines that
    /// break into cells with wide gaps (at least two of them), with the few closely packed lines
    /// between them (as close as the table's rows), and the header lines just above.
    /// `inherited` holds the header columns of the last table read (given to a table without a
    /// header: its continuation) and is set to those of each table; a page without a table clears it.
    private static func pieces(_ lines: [(VisualLine, Int)], inherited: inout HeaderColumns?) -> [Piece] {
        let anchorIndices = lines.indices.filter { isTableLine(lines[$0].0) }
        guard !anchorIndices.isEmpty else {
            if !lines.isEmpty { inherited = nil }
            return lines.map { .line($0.0, number: $0.1) }
        }
        let heights = anchorIndices.map { lines[$0].0.height }.sorted()
        let rowHeight = max(heights[heights.count / 2], 1)
        func gap(_ upper: Int, _ lower: Int) -> Double { lines[lower].0.y0 - lines[upper].0.y1 }
        // Lines of one table are no further apart than its rows usually are: half a line, or a
        // little more than the median gap between adjacent table lines (tables with tall rows).
        // Measured twice, the larger taken: between adjacent table lines, and above each table
        // line (the row before may end in a piece of its wrapped label, no table line: with large
        // type every row of 不予公开 wraps, and no two table lines are adjacent). Lines of one row
        // set at different heights (a header's wrapped cells) overlap: their negative gaps are no
        // gap between rows (with a small font they made the rows of 主动公开's tables, 6.9 pt
        // apart, too far apart to be one table).
        func median(_ gaps: [Double]) -> Double {
            let sorted = gaps.filter { $0 >= 0 }.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
        let typicalGap = max(median(zip(anchorIndices, anchorIndices.dropFirst()).filter { $1 == $0 + 1 }.map { gap($0, $1) }),
                             median(anchorIndices.filter { $0 > 0 }.map { gap($0 - 1, $0) }))
        // Small type in tall cells (MuPDF, 9.6 pt text in rows 21 pt apart) still makes one table.
        let tight = max(0.5 * rowHeight, min(1.2 * typicalGap, 3 * rowHeight))
        func isHeading(_ line: VisualLine) -> Bool {
            line.height > 1.15 * rowHeight || isPartHeading(line.text) && line.segments.count == 1 && line.height > 1.05 * rowHeight
        }

        var regions: [ClosedRange<Int>] = []
        var start = anchorIndices[0], end = anchorIndices[0]
        for anchor in anchorIndices.dropFirst() {
            let between = (end + 1)..<anchor
            // Up to 8 lines between two table lines, or any number of short ones (a label wrapped
            // in a narrow column runs over many lines).
            let anchorWidth = lines[anchor].0.x1 - lines[anchor].0.x0
            let fewOrShort = between.count <= 8 || between.allSatisfy { lines[$0].0.x1 - lines[$0].0.x0 < 0.4 * anchorWidth }
            // Header lines naming template columns stay with the rows below them across a wider gap.
            let joined = fewOrShort && ((end + 1)...anchor).allSatisfy {
                    gap($0 - 1, $0) <= tight || gap($0 - 1, $0) <= 3 * rowHeight && HeaderColumns.namesColumn(lines[$0 - 1].0)
                }
                && between.allSatisfy { !isHeading(lines[$0].0) && !(isPartHeading(lines[$0].0.text) && lines[$0].0.segments.count == 1 && lines[$0].0.x0 < lines[anchor].0.x0 - 0.5) }
            if joined { end = anchor } else {
                regions.append(start...end)
                start = anchor
                end = anchor
            }
        }
        regions.append(start...end)

        var pieces: [Piece] = []
        var next = 0
        for region in regions {
            let anchors = anchorIndices.filter { region.contains($0) }
            var first = region.lowerBound, last = region.upperBound
            // Header lines just above: tightly packed, no headings.
            // A header line that names a template column (or a wrapped piece of one) may sit
            // further above (cell padding, header cells aligned at the top).
            while first - 1 >= next, first - 1 >= 0,
                  gap(first - 1, first) <= tight || gap(first - 1, first) <= 3 * rowHeight && HeaderColumns.namesColumn(lines[first - 1].0),
                  !isHeading(lines[first - 1].0), !isPartHeading(lines[first - 1].0.text) {
                first -= 1
            }
            // Two table lines make a table; one alone only at the top of a page (the last row of a
            // table continued there, under the rest of its header or not) and with three cells or more.
            guard anchors.count >= 2 || ((anchors[0] <= 1 || first == 0) && lines[anchors[0]].0.segments.count >= 3) else { continue }
            // Wrapped label lines just below: tightly packed, inside the table, short, or pieces
            // of wrapped header cells (a header at the foot of a page, its rows on the next).
            let left = lines[region].map(\.0.x0).min() ?? 0, right = lines[region].map(\.0.x1).max() ?? 0
            while last + 1 < lines.count, gap(last, last + 1) <= tight, !isHeading(lines[last + 1].0),
                  !isPartHeading(lines[last + 1].0.text), lines[last + 1].0.x0 > left - 2,
                  lines[last + 1].0.x1 - lines[last + 1].0.x0 < 0.4 * (right - left) || HeaderColumns.namesColumn(lines[last + 1].0) {
                last += 1
            }
            while next < first {
                pieces.append(.line(lines[next].0, number: lines[next].1))
                next += 1
            }
            // A table may continue the last one (on the previous page, or past rows left blank that
            // broke the region): without a header of its own it takes that table's columns.
            let grid = TableGrid(lines: lines[first...last].map(\.0), inherited: inherited)
            pieces.append(.table(grid, lineNumber: lines[first].1))
            inherited = grid.lastHeaderColumns
            next = last + 1
        }
        while next < lines.count {
            pieces.append(.line(lines[next].0, number: lines[next].1))
            next += 1
        }
        return pieces
    }

    /// A line that breaks into cells: two or more segments with a gap wider than the text is tall,
    /// or with a value (a count, `无`) after the first.
    /// Letter-spaced text (`年 度 报 告`: mostly one-character pieces that are not values) is not.
    private static func isTableLine(_ line: VisualLine) -> Bool {
        guard line.segments.count >= 2 else { return false }
        let texts = line.segments.map { TextJoin.join($0.words.map(\.text)) }
        let spacedCharacters = texts.filter { $0.count == 1 && !TextJoin.isValueLike($0) }.count
        if spacedCharacters * 2 > texts.count { return false }
        return line.widestGap >= 0.9 * line.height
            || line.segments.dropFirst().contains { TextJoin.isValueLike(TextJoin.join($0.words.map(\.text))) }
    }

    /// `一、`…`十、`, `（一）`: the shape of a part or sub-part heading.
    static func isPartHeading(_ text: String) -> Bool {
        TextPattern.partHeading.matches(text)
    }

    /// `1.`, `2、`, `（1）`, `（一）`, `一、`: the start of an enumerated table label.
    static func isEnumeratedLabel(_ text: String) -> Bool {
        isPartHeading(text) || TextPattern.arabicEnumerator.matches(text)
    }

    // MARK: Blocks

    /// Paragraphs and tables in page order; a paragraph or a table that runs over a page break is
    /// joined to its first part.
    private mutating func assemble(_ pieces: [[Piece]]) -> [Block] {
        var blocks: [Block] = []
        var tableNumber = 0
        // The paragraph being built: its lines' text, location, last line.
        var paragraph: (pieces: [String], location: SourceLocation, last: VisualLine, page: Int)?
        // The last table, open for a continuation at the top of the next page.
        var openTable: (rows: [TableRow], location: SourceLocation, headerKeys: [String])?
        var lastWasTableAtPageEnd = false
        // The left edges of the label cells of the table's last row with values.
        var lastLabels: [Double] = []

        func flushParagraph() {
            if let current = paragraph {
                let text = BBoxXHTML.trimmed(TextJoin.join(current.pieces), .whitespaces)
                if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: text, location: current.location))) }
            }
            paragraph = nil
        }
        func flushTable() {
            if let table = openTable { blocks.append(.table(Table(rows: table.rows, location: table.location))) }
            openTable = nil
        }

        for (pageIndex, page) in pieces.enumerated() {
            let pageNumber = pageIndex + 1
            let (lineLeft, lineRight) = margins(pieces, page: pageIndex)
            for (pieceIndex, piece) in page.enumerated() {
                switch piece {
                case .table(let grid, let lineNumber):
                    flushParagraph()
                    let continues = pieceIndex == 0 && lastWasTableAtPageEnd && openTable != nil
                    if !continues {
                        flushTable()
                        tableNumber += 1
                    }
                    for note in grid.unplaced {
                        diagnostics.append(Diagnostic(.warning, code: "pdf.value_unplaced",
                            message: "table \(tableNumber) on page \(pageNumber): \(note); nianbao could not read the cell, it is null",
                            location: SourceLocation(table: tableNumber, page: pageNumber)))
                    }
                    var rows = openTable?.rows ?? []
                    let location = openTable?.location ?? SourceLocation(table: tableNumber, page: pageNumber)
                    var headerKeys = openTable?.headerKeys ?? []
                    var leading = true
                    var droppedHeaders = 0
                    for gridRow in grid.rows {
                        let key = gridRow.cells.map(\.text).joined(separator: "|").filter { !$0.isWhitespace }
                        if leading && !gridRow.hasValues {
                            if continues && headerKeys.contains(key) {
                                droppedHeaders += 1
                                continue
                            }
                            // The rest of the labels of a row that broke over the page: each piece
                            // joined to the label cell of that row nearest its left edge.
                            if continues, gridRow.labelsOnly, !gridRow.labels.isEmpty, let last = rows.indices.last,
                               !lastLabels.isEmpty, !gridRow.labels.contains(where: { Self.isEnumeratedLabel($0.text) }) {
                                for piece in gridRow.labels {
                                    let nearest = lastLabels.indices.min { abs(lastLabels[$0] - piece.x0) < abs(lastLabels[$1] - piece.x0) } ?? 0
                                    if nearest < rows[last].cells.count {
                                        rows[last].cells[nearest].text = TextJoin.join([rows[last].cells[nearest].text, piece.text])
                                    }
                                }
                                continue
                            }
                            if !continues { headerKeys.append(key) }
                        } else if leading, continues, gridRow.labels.isEmpty, let last = rows.indices.last,
                                  let joined = Self.piecesJoined(rows[last].cells.map(\.text), gridRow.cells.map(\.text)) {
                            // The rest of the numbers of a row that broke over the page.
                            for (offset, text) in joined { rows[last].cells[offset].text = text }
                            leading = false
                            continue
                        } else {
                            leading = false
                        }
                        let rowNumber = rows.count + 1
                        let cells = gridRow.cells.enumerated().map { offset, cell in
                            TableCell(text: cell.text, location: SourceLocation(table: tableNumber, row: rowNumber, cell: offset + 1, page: pageNumber),
                                      columnSpan: cell.span)
                        }
                        rows.append(TableRow(cells: cells, location: SourceLocation(table: tableNumber, row: rowNumber, page: pageNumber)))
                        lastLabels = gridRow.hasValues ? gridRow.labels.map(\.x0) : []
                    }
                    if continues {
                        diagnostics.append(Diagnostic(.info, code: "pdf.table_continued",
                            message: "table \(tableNumber) continues on page \(pageNumber)" + (droppedHeaders > 0 ? "; \(droppedHeaders) repeated header row(s) dropped" : ""),
                            location: SourceLocation(table: tableNumber, page: pageNumber)))
                    }
                    openTable = (rows, location, headerKeys)
                    _ = lineNumber
                case .line(let line, let number):
                    let text = line.text
                    if let current = paragraph, continuesParagraph(current.last, samePage: current.page == pageIndex, line, text: text,
                                                                     left: lineLeft, right: lineRight) {
                        paragraph?.pieces.append(text)
                        paragraph?.last = line
                    } else {
                        flushParagraph()
                        flushTable()
                        paragraph = ([text], SourceLocation(line: number, page: pageNumber), line, pageIndex)
                    }
                    if openTable != nil {
                        // Prose after a table closes it.
                        flushTable()
                    }
                }
            }
            if case .table = page.last { lastWasTableAtPageEnd = true } else { lastWasTableAtPageEnd = false }
        }
        flushParagraph()
        flushTable()
        return blocks
    }

    /// The cells of a table's last row once the numbers it broke over a page are joined: `pieces`
    /// (the first row at the top of the next page, no label) holds digits only under cells of
    /// `previous` that hold digits (`5552` / `26` for 555226, `5554` / `44`), and nothing
    /// elsewhere. Joined (`555226`) when the row's last number is then the sum of its others (a
    /// request row's 总计, blank marks and labels counting nothing); otherwise each such cell gets
    /// both pieces apart (`5552 26`: two numbers in one cell, which no reader takes for one) and
    /// stays unread, rather than keep its first piece as a number. `nil` when `pieces` is not such
    /// a row.
    static func piecesJoined(_ previous: [String], _ pieces: [String]) -> [Int: String]? {
        func isDigits(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard previous.count == pieces.count else { return nil }
        var joined: [Int: String] = [:]
        for (offset, piece) in pieces.enumerated() where !piece.isEmpty {
            guard isDigits(piece), isDigits(previous[offset]), previous[offset].utf8.count + piece.utf8.count <= 15 else { return nil }
            joined[offset] = previous[offset] + piece
        }
        guard !joined.isEmpty else { return nil }
        var numbers: [Int] = []
        for (offset, text) in previous.enumerated() {
            let cell = joined[offset] ?? text
            if isDigits(cell), let number = Int(cell) { numbers.append(number) }
        }
        if let total = numbers.last, numbers.count >= 2, numbers.dropLast().reduce(0, +) == total { return joined }
        var apart: [Int: String] = [:]
        for offset in joined.keys { apart[offset] = previous[offset] + " " + pieces[offset] }
        return apart
    }

    /// The left and right edges of running text: the most common left and right ends of the prose
    /// lines of the whole document (a page with a few short lines says little), else the page's.
    private func margins(_ pieces: [[Piece]], page: Int) -> (left: Double, right: Double) {
        func lines(_ list: [Piece]) -> [VisualLine] {
            list.compactMap { piece in
                if case .line(let line, _) = piece { return line }
                return nil
            }
        }
        func mode(_ values: [Double]) -> Double? {
            let counts = Dictionary(values.map { ($0.rounded(), 1) }, uniquingKeysWith: +)
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        let all = pieces.flatMap(lines)
        let pageLines = lines(pieces[page])
        let left = mode(all.map(\.x0)) ?? pageLines.map(\.x0).min() ?? 0
        let right = mode(all.map(\.x1)).map { common in max(common, 0) } ?? pageLines.map(\.x1).max() ?? 0
        return (left, right)
    }

    /// `true` when `line` carries on the paragraph whose last line is `previous`: that line ran to
    /// the right margin, and this one is not indented, not a heading, and close below it (or at
    /// the top of the next page).
    private func continuesParagraph(_ previous: VisualLine, samePage: Bool, _ line: VisualLine, text: String, left: Double, right: Double) -> Bool {
        let character = max(previous.height, line.height) * 0.75
        guard previous.x1 >= right - 1.5 * character else { return false }
        guard line.x0 <= left + 0.8 * character else { return false }
        guard !Self.isEnumeratedLabel(text) else { return false }
        guard abs(previous.height - line.height) <= 0.2 * max(previous.height, line.height) else { return false }
        if samePage {
            let gap = line.y0 - previous.y1
            return gap <= 0.8 * line.height
        }
        return true
    }
}
