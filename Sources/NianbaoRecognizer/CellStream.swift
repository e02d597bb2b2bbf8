import Foundation
import NianbaoModel

/// One cell of a table region, in reading order, whatever layout it came from.
struct StreamCell {
    enum Kind {
        /// Text that is not a value: a row label, a header cell, a fragment of either.
        case label(LabelFacts)
        /// A number, `无`, a placeholder, or (where the source gives positions) a blank cell.
        case value(CellValue)
        /// Prose: ends whatever label was being read.
        case barrier
    }

    let kind: Kind
    let raw: String
    let location: SourceLocation
    /// The source line or table row the cell came from; increases along the stream.
    let line: Int
    /// The line gives cell positions (DOCX and HTML tables, `|` rows, tab rows with empty
    /// fields): a blank cell there is a cell of its own.
    let positioned: Bool
    /// The cell is one the source delimits (a table cell, a field of a tab, `|` or HTML-markup
    /// row), not a piece of a line split on spaces or a line of its own: its place in the row is
    /// stated, not only its order in the text.
    var delimited = false
    /// The cell was placed by its character column in a space-aligned text
    /// (``TableRow/columnsFromLayout``): positioned, but to be checked by its row's sum rule.
    var placedByLayout = false
    /// The line the cell came from sets its pieces apart by runs of spaces (`      83   19    102`,
    /// a layout text's), not by single spaces (`177 98`, a text in reading order).
    var onSpacedLine = false
    /// On such a line, the cell stands one space after the one before (`53 81 2114`, see
    /// ``TableCell/oneSpaceBefore``): squeezed together, their order may not be their columns'.
    var oneSpaceBefore = false
    /// The cell stands in a `|` row of a grid that is not the report's cells
    /// (``CellStream/pipeFieldsUnplaced``): the row is a row of the PDF's table, its fields not.
    var inUnprovenGrid = false
    /// The number of fields of the delimited row the cell stands in (0 elsewhere): rows of one
    /// grid have as many (a table finder's grids on two pages differ).
    var rowFieldCount = 0
    /// The index of the field the cell stands in, in the delimited row of ``rowFieldCount`` fields
    /// (-1 elsewhere): kept where the fields place nothing too (an unproven grid), as a count of the
    /// blank fields between two values.
    var fieldIndex = -1

    var facts: LabelFacts? {
        if case .label(let facts) = kind { return facts }
        return nil
    }

    var value: CellValue? {
        if case .value(let value) = kind { return value }
        return nil
    }

    /// A number, `无` or a placeholder: a value the source gives (not a blank).
    var isGivenValue: Bool {
        switch kind {
        case .value(.blank), .label, .barrier: false
        case .value: true
        }
    }
}

/// A table region as one stream of cells: table rows cell by cell, and the lines of extracted
/// text split into cells (`|` rows, tabs, runs of two or more spaces, a label followed by its
/// values on one line). Line layout is kept only as a hint (``StreamCell/line``).
struct CellStream {
    private(set) var cells: [StreamCell] = []
    /// Each table row (DOCX, HTML, `|` rows, a text row placed by its character columns) without a label cell, every cell in its place: blank cells
    /// before the first value included (``cells`` drops those), so that a row of values alone
    /// (the 15 cells of 行政复议/行政诉讼) is read by cell index.
    private(set) var valueRows: [[StreamCell]] = []
    private var nextLine = 0
    private let cache: CellFactsCache
    /// The source line of the heading that ends the region (text inputs): where the last row's
    /// cells end in a one-cell-per-line text.
    var endLine: Int?
    /// The text sets a row's values one single space apart (`1.属于国家秘密 103 641 228 …`,
    /// `pdftotext -raw`), so a line of numbers alone is numbers one space apart too, whatever
    /// their digits: `276 741` is two cells there (a narrow row's values on a line of their own),
    /// not one number with a thousands space (``LineCells/rowsOneSpaceApart(_:)``).
    var singleSpacesSeparate = false
    /// Some `|` field of the text holds several numbers (`| 2717 2223 | 2245 |`, `| 522 300 |`: a
    /// table finder's grid on a PDF, markitdown): the `|` fields are not the report's cells, so a
    /// `|` row's fields place nothing (its blanks are dropped, its values read in their order) and
    /// a field of numbers one space apart is that many values (``LineCells/pipeFieldsHoldSeveralNumbers(_:)``).
    var pipeFieldsUnplaced = false

    init(cache: CellFactsCache) {
        self.cache = cache
    }

    var isEmpty: Bool { cells.isEmpty }

    mutating func append(contentsOf other: CellStream) {
        finish()
        let offset = nextLine
        func shifted(_ cell: StreamCell) -> StreamCell {
            var moved = StreamCell(kind: cell.kind, raw: cell.raw, location: cell.location, line: cell.line + offset, positioned: cell.positioned)
            moved.delimited = cell.delimited
            moved.placedByLayout = cell.placedByLayout
            moved.onSpacedLine = cell.onSpacedLine
            moved.oneSpaceBefore = cell.oneSpaceBefore
            return moved
        }
        cells.append(contentsOf: other.cells.map(shifted))
        valueRows.append(contentsOf: other.valueRows.map { $0.map(shifted) })
        nextLine += other.nextLine
    }

    /// A table row: its cells in order. DOCX cells and text rows with an empty field between
    /// filled ones give positions; cells before the first text are dropped when blank.
    mutating func append(row: TableRow) {
        finish()
        let cells = row.cells
        let fromTable = cells.first?.location.table != nil
        if !fromTable, cells.count >= 2, cells[0].text.hasPrefix("|") {
            // A `| … |` row whose blank cells hold tabs (a web page's text): the text reader split
            // it on the tabs; its cells are the `|` fields.
            appendLine(cells.map(\.text).joined(separator: "\t"), location: row.location)
            return
        }
        let line = nextLine
        nextLine += 1
        var positioned = fromTable
        if !positioned, let first = cells.firstIndex(where: { !$0.text.isEmpty }) {
            positioned = cells[first...].contains { LineCells.isBlank($0.text) }
        }
        // Cells of a document's table (DOCX, HTML, a PDF's rebuilt grid), tab fields and tab-led
        // cell lines are delimited; a row a text reader rebuilt from space-aligned columns is not.
        delimiting = row.delimited
        placingByLayout = row.columnsFromLayout
        lineSpaced = row.spacedApart
        defer {
            delimiting = false
            placingByLayout = false
            lineSpaced = false
        }
        var seenText = false
        // Every cell in its place, blanks before the first value included: a document's table row,
        // or a text row placed by its character columns.
        let keepsPlaces = fromTable || row.columnsFromLayout
        var full: [StreamCell] = []
        func placed(_ kind: StreamCell.Kind, _ raw: String, _ location: SourceLocation) -> StreamCell {
            var cell = StreamCell(kind: kind, raw: raw, location: location, line: line, positioned: true)
            cell.placedByLayout = row.columnsFromLayout
            cell.onSpacedLine = lineSpaced
            return cell
        }
        defer { oneSpaceBefore = false }
        for cell in cells where !cell.continuesVerticalMerge {
            // Readers give table cells trimmed and free of markup.
            let text = cell.text
            oneSpaceBefore = cell.oneSpaceBefore
            if LineCells.isBlank(text) {
                if keepsPlaces { full.append(placed(.value(.blank), "", cell.location)) }
                if seenText && positioned { add(.value(.blank), "", cell.location, line, positioned) }
                continue
            }
            seenText = true
            if row.squeezedMarks, case .value = classify(text) {
                // Values of a line squeezed among blank marks: there, but their order proves no place.
                add(.value(.text), text, cell.location, line, positioned)
            } else if row.wrappedPieces {
                // Pieces of wrapped numbers: there, but not readable as values.
                add(LineCells.isBlank(text) ? .value(.blank) : .value(.text), text, cell.location, line, positioned)
            } else if fromTable {
                let kind = classify(text)
                add(kind, text, cell.location, line, positioned)
                full.append(placed(kind, text, cell.location))
            } else if row.columnsFromLayout {
                // Classified once, for its place in the row and for the stream.
                if let numbers = LineCells.spacedNumbers(text) {
                    full.append(placed(.value(.text), text, cell.location))
                    addNumbers(numbers, cell.location, line, positioned)
                } else {
                    let kind = classify(text, spacedChecked: true)
                    full.append(placed(kind, text, cell.location))
                    addSplitting(text, cell.location, line, positioned, classified: kind)
                }
            } else {
                addSplitting(text, cell.location, line, positioned)
            }
        }
        if keepsPlaces, full.contains(where: \.isGivenValue), !full.contains(where: { $0.value == nil }) { valueRows.append(full) }
    }

    /// The lines of a grid-table row read so far (`| 本 |` / `| 年新制作数量 |` between `+---+`
    /// borders), cell texts by column, and where the row starts.
    private var gridRow: (cells: [String], location: SourceLocation)?
    /// A `+---+` border was seen and no other line since: `|` lines are grid-table lines.
    private var inGrid = false
    /// The text's `|` tables have `|` only between cells (the last `|` border or row seen had none at
    /// its ends: `---|---`, `行政复议 | 行政诉讼`): a `|` at a row's end stands next to an empty cell.
    private var pipesBetweenOnly = false
    /// A `---|---` border (no `|` at its ends) was the last border seen, with no prose since: the
    /// table's rows have `|` only between cells, whatever a row's ends show.
    private var pipesFromBorder = false

    /// A paragraph of text in a table region, split into cells; prose becomes a barrier.
    /// Returns `true` when the paragraph split into cells (``LineCells/split(_:)`` is not `nil`),
    /// `false` for prose, so that the recognizer need not split it again.
    @discardableResult
    mutating func append(paragraph: Paragraph) -> Bool {
        let text = paragraph.text
        if text.hasPrefix("+"), LineCells.isBorder(text) {
            flushGridRow()
            inGrid = true
            return true
        }
        if inGrid, text.hasPrefix("|"), let split = LineCells.split(text), split.positioned {
            // A grid-table cell wraps over lines: its pieces are joined column by column.
            if var row = gridRow, row.cells.count == split.cells.count {
                for column in row.cells.indices { row.cells[column] += split.cells[column] }
                gridRow = row
            } else {
                flushGridRow()
                gridRow = (split.cells, paragraph.location)
            }
            return true
        }
        flushGridRow()
        inGrid = false
        return appendLine(text, location: paragraph.location)
    }

    /// Ends the stream: a grid-table row still being read is added.
    mutating func finish() {
        flushGridRow()
        inGrid = false
    }

    private mutating func flushGridRow() {
        guard let row = gridRow else { return }
        gridRow = nil
        delimiting = true
        defer { delimiting = false }
        appendCells(row.cells, positioned: true, location: row.location)
    }

    /// `false` when the line is prose (a barrier).
    @discardableResult
    private mutating func appendLine(_ text: String, location: SourceLocation) -> Bool {
        // `has`, not `contains`: `String.contains(String)` goes through Foundation on Linux.
        lineSpaced = text.has("  ")
        defer { lineSpaced = false }
        // html2text and scrapers write `|` only between cells (html2text's border `---|---`, rows
        // `行政复议 | 行政诉讼`): there a row that starts or ends with `|` has an empty cell there
        // (行政复议's blank 结果维持: `|  169 |  327 | …`). A row with `|` at both ends says the opposite.
        if text.utf8.contains(UInt8(ascii: "|")) {
            let trimmed = text.trimmingSpaces()
            let opens = trimmed.hasPrefix("|"), closes = trimmed.hasSuffix("|")
            if LineCells.isBorder(trimmed) {
                pipesBetweenOnly = !opens
                pipesFromBorder = !opens
            } else if !opens && !closes {
                pipesBetweenOnly = true
            } else if opens && closes && !pipesFromBorder {
                // (Not under a `---|---` border of the same table: there a row with a blank first
                // and a blank last cell has both, `|  44 | … |  1062 |    |  |  |  |`.)
                pipesBetweenOnly = false
            }
        }
        guard let split = LineCells.split(text, pipesBetweenOnly: pipesBetweenOnly) else {
            pipesFromBorder = false
            cells.append(StreamCell(kind: .barrier, raw: text, location: location, line: nextLine, positioned: false))
            nextLine += 1
            return false
        }
        // Fields of a tab, `|` or markup row are delimited; pieces of a line split on spaces are not.
        let gridUnproven = pipeFieldsUnplaced && text.utf8.contains(UInt8(ascii: "|"))
        // (Fields of such a grid are no cells: their values stand in the text's order alone.)
        delimiting = split.delimited && !gridUnproven
        defer { delimiting = false }
        // A border line of such a grid (`| --- | --- |`) is no line of the report's: the row after
        // it stands on the next line (a label after a row of values, `valuesBetweenLabels`).
        if gridUnproven && split.cells.isEmpty { return true }
        let spacesSeparate = singleSpacesSeparate
        if gridUnproven { singleSpacesSeparate = true }
        defer { singleSpacesSeparate = spacesSeparate }
        inUnprovenGrid = gridUnproven
        defer { inUnprovenGrid = false }
        rowFieldCount = split.delimited ? split.cells.count : 0
        defer { rowFieldCount = 0 }
        appendCells(split.cells, positioned: split.positioned && !gridUnproven, location: location)
        return true
    }

    private mutating func appendCells(_ pieces: [String], positioned: Bool, location: SourceLocation) {
        let line = nextLine
        nextLine += 1
        var seenText = false
        var full: [StreamCell] = []
        defer { fieldIndex = -1 }
        for (index, text) in pieces.enumerated() {
            if rowFieldCount > 0 { fieldIndex = index }
            if text.isEmpty {
                if positioned { full.append(StreamCell(kind: .value(.blank), raw: "", location: location, line: line, positioned: true)) }
                if seenText && positioned { add(.value(.blank), "", location, line, true) }
                continue
            }
            seenText = true
            if positioned {
                let kind = classify(text)
                add(kind, text, location, line, true)
                full.append(StreamCell(kind: kind, raw: text, location: location, line: line, positioned: true))
            } else {
                addSplitting(text, location, line, false)
            }
        }
        if positioned, full.contains(where: \.isGivenValue), !full.contains(where: { $0.value == nil }) { valueRows.append(full) }
    }

    private mutating func add(_ kind: StreamCell.Kind, _ raw: String, _ location: SourceLocation, _ line: Int, _ positioned: Bool) {
        var cell = StreamCell(kind: kind, raw: raw, location: location, line: line, positioned: positioned)
        cell.delimited = delimiting
        cell.placedByLayout = placingByLayout
        cell.onSpacedLine = lineSpaced
        cell.oneSpaceBefore = oneSpaceBefore
        cell.inUnprovenGrid = inUnprovenGrid
        cell.rowFieldCount = rowFieldCount
        cell.fieldIndex = fieldIndex
        cells.append(cell)
    }

    /// The cells being added are fields the source delimits (see `StreamCell.delimited`).
    private var delimiting = false
    /// The cells being added were placed by their character columns (see `StreamCell.placedByLayout`).
    private var placingByLayout = false
    /// The line being added sets its pieces apart by runs of spaces (see `StreamCell.onSpacedLine`).
    private var lineSpaced = false
    /// The cell being added stands one space after the one before (see `StreamCell.oneSpaceBefore`).
    private var oneSpaceBefore = false
    /// The cells being added stand in a row of a grid not the report's (see `StreamCell.inUnprovenGrid`).
    private var inUnprovenGrid = false
    /// The fields of the delimited row being added (see `StreamCell.rowFieldCount`).
    private var rowFieldCount = 0
    /// The field of that row being added (see `StreamCell.fieldIndex`).
    private var fieldIndex = -1

    /// `spacedChecked`: the caller has just found that `text` is not ``LineCells/spacedNumbers(_:)``.
    private func classify(_ text: String, spacedChecked: Bool = false) -> StreamCell.Kind {
        // `13612 252`, `1 0`: two numbers that met in one cell, not one number (unreadable, null).
        if !spacedChecked, LineCells.spacedNumbers(text) != nil { return .value(.text) }
        if let plain = CellValue.plainInteger(text) { return .value(.number(Decimal(plain), unit: nil)) }
        let facts = cache.facts(text)
        if let label = facts.label { return .label(label) }
        return .value(facts.value)
    }

    /// Several numbers in one field (``LineCells/spacedNumbers(_:)``): their places are their order alone.
    private mutating func addNumbers(_ numbers: [String], _ location: SourceLocation, _ line: Int, _ positioned: Bool) {
        let wasDelimiting = delimiting
        delimiting = false
        defer { delimiting = wasDelimiting }
        for number in numbers { add(classify(number), number, location, line, positioned) }
    }

    /// A cell of a line without positions: `行政许可 470` (a label and its values after single
    /// spaces), `其他对外管理服务事项11` (a row label and a number run together), `减 16`.
    /// `classified`: the caller has found that `text` is not ``LineCells/spacedNumbers(_:)`` and
    /// classified it (`classify(text, spacedChecked: true)`).
    private mutating func addSplitting(_ text: String, _ location: SourceLocation, _ line: Int, _ positioned: Bool,
                                       classified: StreamCell.Kind? = nil) {
        let kind: StreamCell.Kind
        if let classified {
            kind = classified
        } else if let numbers = LineCells.spacedNumbers(text, groupingAllowed: !singleSpacesSeparate) {
            addNumbers(numbers, location, line, positioned)
            return
        } else if singleSpacesSeparate, let marks = LineCells.spacedMarks(text) {
            // Blank marks one space apart where single spaces part cells (`| — — | — — |` of a
            // table finder's grid, two of the report's blank cells in one field): one mark a cell,
            // so that a row of marks keeps its count (not `——`, one blank).
            for mark in marks { add(classify(mark, spacedChecked: true), mark, location, line, positioned) }
            return
        } else {
            kind = classify(text, spacedChecked: true)
        }
        guard case .label(let facts) = kind else {
            add(kind, text, location, line, positioned)
            return
        }
        if LineCells.mayEndInValue(text), text.utf8.contains(UInt8(ascii: " ")), let (label, values) = LineCells.trailingValues(text) {
            if !label.isEmpty { addSplitting(label, location, line, positioned) }
            let wasDelimiting = delimiting
            delimiting = false
            defer { delimiting = wasDelimiting }
            for value in values { add(classify(value), value, location, line, positioned) }
            return
        }
        if let last = text.unicodeScalars.last, ("0"..."9").contains(last), let (label, number) = LineCells.gluedNumber(text) {
            let labelFacts = cache.facts(label).label
            // A row's label, or an enumerated one (`4.无正当理由大量反0`: the label wrapped, its end later).
            if let labelFacts, labelFacts.activeRow != nil || labelFacts.requestRow != nil || labelFacts.reviewGroup != nil
                || LabelText.splitEnumerator(labelFacts.key).ordinal != nil && labelFacts.stripped.count >= 2 {
                add(.label(labelFacts), label, location, line, positioned)
                add(classify(number), number, location, line, positioned)
                return
            }
        }
        add(.label(facts), text, location, line, positioned)
    }
}

/// Splitting one line of extracted text into cells.
enum LineCells {
    /// Markdown escapes and emphasis removed: `1\.属于国家秘密` → `1.属于国家秘密`, `**总计**` → `总计`.
    static func clean(_ text: String) -> String {
        var text = text
        var backslash = false, emphasis = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): backslash = true
            case UInt8(ascii: "*"), UInt8(ascii: "_"): emphasis = true
            default: break
            }
        }
        // Spaces can only be trimmed where a space's first or last byte stands at an end.
        func mayBeSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0xC2 || byte == 0xE3 || byte == 0xA0 || byte == 0x80 }
        if !backslash && !emphasis && !mayBeSpace(text.utf8.first) && !mayBeSpace(text.utf8.last) { return text }
        if backslash {
            var result = ""
            var escaped = false
            for character in text {
                if !escaped, character == "\\" {
                    escaped = true
                    continue
                }
                if escaped, !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { result.append("\\") }
                escaped = false
                result.append(character)
            }
            if escaped { result.append("\\") }
            text = result
        }
        if emphasis {
            let trimmed = text.trimmingSpaces()
            let inner = trimmed.drop { $0 == "*" || $0 == "_" }.reversed().drop { $0 == "*" || $0 == "_" }
            let stripped = String(inner.reversed())
            if !stripped.isEmpty { text = stripped }
        }
        return text.trimmingSpaces()
    }

    /// `true` when the text ends as a value can (a digit, `元`, `无`, a dash or slash, a counter
    /// word): only then can ``trailingValues(_:)`` find values in it.
    static func mayEndInValue(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        switch last {
        case "0"..."9", "元", "无", "—", "-", "/", "－", "件", "项", "个", "条", "次", "宗", "有": return true
        default: return false
        }
    }

    /// `true` for a cell of white space only (spaces, tabs, line breaks, no-break and ideographic spaces).
    static func isBlank(_ text: String) -> Bool {
        // A blank's first scalar is one of those below, whose UTF-8 starts with 09–0D, 20, C2 or
        // E3: any other first byte (nearly every cell asked, several times a cell) answers at once.
        if let first = text.utf8.first, !(0x09...0x0D).contains(first), first != 0x20, first != 0xC2, first != 0xE3 { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x3000: true
            default: false
            }
        }
    }

    /// `true` for a table border: `+----+----+`, `|---|:---:|`, `-----  -----`, `=====`.
    static func isBorder(_ text: String) -> Bool {
        var dashes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "-", "=", "—", "─", "━": dashes += 1
            case "+", "|", ":", " ", "\t", "\u{3000}", "┼", "┬", "┴", "├", "┤", "│": continue
            default: return false
            }
        }
        return dashes >= 3
    }

    /// The cells of a line, and whether they keep their positions; `nil` for prose (a sentence,
    /// or a long line that does not split). A border gives no cells.
    /// `pipesBetweenOnly`: the text's `|` tables have no outer `|` (html2text), so a `|` at either
    /// end of a row stands after or before an empty cell.
    static func split(_ line: String, pipesBetweenOnly: Bool = false) -> (cells: [String], positioned: Bool, delimited: Bool)? {
        var text = line.trimmingSpaces()
        if text.isEmpty || isBorder(text) { return ([], false, false) }
        // Text of trivial scalars (``Swift/String/isTriviallyNormalized``, no `\r`): each scalar is
        // a Character and equal only to itself, so its Characters are found as bytes and walked
        // as scalars. `String.contains(String)` went through Foundation's `CFStringFind` (4.7 %
        // of a text run's samples, issue 24's profile).
        let simple = !text.utf8.contains(UInt8(ascii: "\r")) && text.isTriviallyNormalized
        func contains(_ needle: String) -> Bool { simple ? text.has(needle) : text.contains(needle) }
        if contains("<") || contains(">") {
            if let pieces = htmlCells(text) { return (pieces, false, pieces.count >= 2) }
        }
        while text.hasPrefix("#") { text = String(text.dropFirst()).trimmingSpaces() }
        if contains("|") && !contains("\\|") || contains(" | ") {
            var raw = text.split(separator: "|", omittingEmptySubsequences: false)
            // markdownify writes a cell spanning columns as the cell and ` |` for each column more,
            // an empty cell as `  |`: in a row with both, a one-space piece is a span's column,
            // no cell (`| 二、上年结转… | | |  | 116 |`: the label over three columns, 自然人 blank).
            if raw.contains(where: { $0 == " " }), raw.contains(where: { $0.count >= 2 && $0.allSatisfy { $0 == " " } }) {
                raw.removeAll { $0 == " " }
            }
            // trafilatura writes an empty cell with the tabs of its HTML (`|  \t\t\t\t\t |`) and a
            // spanned column as `|  |`: in a row with both, a piece of spaces alone is no cell.
            if raw.contains(where: { $0.contains("\t") && $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
                raw.removeAll { !$0.isEmpty && $0.allSatisfy { $0 == " " } }
            }
            var pieces = raw.map { clean(String($0)) }
            if !pipesBetweenOnly, text.hasPrefix("|"), pieces.first?.isEmpty == true { pieces.removeFirst() }
            if !pipesBetweenOnly, text.hasSuffix("|"), pieces.last?.isEmpty == true { pieces.removeLast() }
            if pieces.count >= 2 { return (pieces, true, true) }
        }
        if contains("\t") {
            let pieces = text.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) }
            let filled = pieces.indices.filter { !pieces[$0].isEmpty }
            let positioned = filled.count >= 2 && pieces[(filled.first ?? 0)...].contains(where: \.isEmpty)
            return (pieces, positioned, filled.count >= 2)
        }
        let pieces = simple
            ? splitOnWideSpaces(scalarsOf: text).flatMap(splitBetweenIdeographs(scalarsOf:)).map(clean)
            : splitOnWideSpaces(text).flatMap { splitBetweenIdeographs($0) }.map(clean)
        if pieces.count == 1, let only = pieces.first {
            // A sentence, or a long line that does not split, is prose.
            if (simple ? only.has("。") : only.contains("。")) || only.unicodeScalars.count > 60 { return nil }
        }
        return (pieces, false, false)
    }

    /// ``splitOnWideSpaces(_:)`` for text whose every scalar is a Character of its own (trivial,
    /// no `\r`): the same pieces, each a slice of the text (a single space inside a piece is the
    /// text's own), found by scalars rather than built Character by Character.
    static func splitOnWideSpaces(scalarsOf text: String) -> [String] {
        let scalars = text.unicodeScalars
        var pieces: [String] = []
        var start: String.Index?, end = scalars.startIndex
        var spaces = 0, spaceStart = scalars.startIndex
        var wide = false
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{3000}" || scalar == "\u{00A0}" {
                if spaces == 0 { spaceStart = index }
                spaces += 1
                if scalar != " " { wide = true }
                index = scalars.index(after: index)
                continue
            }
            if spaces > 0 {
                if spaces >= 2 || wide {
                    if let first = start { pieces.append(String(scalars[first..<end])) }
                    start = nil
                } else if start == nil {
                    start = spaceStart
                }
                spaces = 0
                wide = false
            }
            if start == nil { start = index }
            index = scalars.index(after: index)
            end = index
        }
        if let first = start { pieces.append(String(scalars[first..<end])) }
        return pieces
    }

    /// ``splitBetweenIdeographs(_:)`` for text whose every scalar is a Character of its own
    /// (trivial, no `\r`), by scalars, each piece a slice of the text.
    static func splitBetweenIdeographs(scalarsOf piece: String) -> [String] {
        guard piece.utf8.contains(UInt8(ascii: " ")) else { return [piece] }
        func isWide(_ scalar: Unicode.Scalar) -> Bool {
            (0x4E00...0x9FFF).contains(scalar.value) || (0xFF01...0xFF60).contains(scalar.value) || (0x3001...0x3011).contains(scalar.value)
        }
        let scalars = Array(piece.unicodeScalars)
        let view = piece.unicodeScalars
        var pieces: [String] = []
        var start = view.startIndex, index = view.startIndex
        for offset in scalars.indices {
            defer { index = view.index(after: index) }
            guard scalars[offset] == " ", offset > 0, offset + 1 < scalars.count, isWide(scalars[offset - 1]) else { continue }
            let next = scalars[offset + 1]
            let enumerator = ("0"..."9").contains(next) && offset + 2 < scalars.count
                && (scalars[offset + 2] == "." || scalars[offset + 2] == "、")
            guard isWide(next) || enumerator else { continue }
            pieces.append(String(view[start..<index]))
            start = view.index(after: index)
        }
        pieces.append(String(view[start...]))
        return pieces
    }

    /// The cell texts of a line of HTML table markup (as pandoc writes tables it cannot draw):
    /// tags removed, each `<td>`/`<th>` a cell; a line that starts inside a tag opened on the line
    /// before (`rowspan="3">…`) starts after it. `nil` when the line is not markup.
    static func htmlCells(_ text: String) -> [String]? {
        var rest = Substring(text)
        if let close = rest.firstIndex(of: ">"), !rest[..<close].contains("<"), rest[..<close].contains("=\"") {
            rest = rest[rest.index(after: close)...]
        } else if !(rest.contains("<") && (rest.contains("</") || rest.contains(">") || rest.hasPrefix("<"))) {
            return nil
        }
        var pieces: [String] = []
        var current = ""
        var tag: String?
        for character in rest {
            if tag == nil, character == "<" {
                tag = ""
                continue
            }
            if var name = tag {
                if character == ">" {
                    let lower = name.lowercased()
                    if lower.hasPrefix("td") || lower.hasPrefix("th") || lower.hasPrefix("/td") || lower.hasPrefix("/th") || lower.hasPrefix("br") || lower.hasPrefix("tr") || lower.hasPrefix("/tr") {
                        pieces.append(current)
                        current = ""
                    }
                    tag = nil
                } else {
                    name.append(character)
                    tag = name
                }
                continue
            }
            current.append(character)
        }
        if tag == nil { pieces.append(current) }
        return pieces.map { clean($0.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")) }.filter { !$0.isEmpty }
    }

    /// A piece split at each single space between two ideographs (or an ideograph and an
    /// enumerator): Chinese text has no spaces, so there a space is a gap between two columns
    /// (`（三 1.属`, `）不 于国`).
    static func splitBetweenIdeographs(_ piece: String) -> [String] {
        guard piece.utf8.contains(UInt8(ascii: " ")) else { return [piece] }
        func isWide(_ character: Character?) -> Bool {
            guard let scalar = character?.unicodeScalars.first else { return false }
            return (0x4E00...0x9FFF).contains(scalar.value) || (0xFF01...0xFF60).contains(scalar.value) || (0x3001...0x3011).contains(scalar.value)
        }
        let characters = Array(piece)
        var pieces: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count, isWide(characters[index - 1]) {
                let next = characters[index + 1]
                let enumerator = next.isASCII && next.isNumber && index + 2 < characters.count && ".、".contains(characters[index + 2])
                if isWide(next) || enumerator {
                    pieces.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    /// Pieces separated by two or more spaces, an ideographic space or a no-break space run.
    static func splitOnWideSpaces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var spaces = 0
        var wide = false
        for character in text {
            if character == " " || character == "\u{3000}" || character == "\u{00A0}" {
                spaces += 1
                if character != " " { wide = true }
                continue
            }
            if spaces > 0 {
                if spaces >= 2 || wide {
                    if !current.isEmpty { pieces.append(current) }
                    current = ""
                } else {
                    current.append(" ")
                }
                spaces = 0
                wide = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Whole numbers apart at single spaces that are no thousands grouping (`13612 252`, `1 0`, as
    /// `pdftotext` runs two cells together; `12 345` is one number): the numbers, else `nil`.
    /// Decided on the UTF-8 bytes in one pass, before any token is made (every cell of a line
    /// without positions is asked, and nearly all are labels that fail at their first byte): a
    /// token must be ASCII digits only, so any other byte, a combining mark after a space included,
    /// answers `nil` as the Character split did.
    /// `groupingAllowed: false`: a text whose rows set values one space apart, where a thousands
    /// grouping is two numbers too (``CellStream/singleSpacesSeparate``).
    static func spacedNumbers(_ text: String, groupingAllowed: Bool = true) -> [String]? {
        // The tokens' count, the first one's length and whether every later one has three digits
        // are all the answer needs: the token list is built only for numbers that split (an array
        // for every value cell asked was most of this function's time, issue 24's profile).
        var tokenCount = 0, firstLength = 0, laterAllThree = true
        var start = -1, offset = 0, sawSpace = false
        func endToken() {
            guard start >= 0 else { return }
            let length = offset - start
            if tokenCount == 0 { firstLength = length } else if length != 3 { laterAllThree = false }
            tokenCount += 1
            start = -1
        }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if start < 0 { start = offset }
                offset += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if byte == UInt8(ascii: " ") { sawSpace = true }
                endToken()
                offset += 1
            case 0xC2:  // a no-break space is C2 A0
                guard bytes.next() == 0xA0 else { return nil }
                sawSpace = true
                endToken()
                offset += 2
            default:
                return nil
            }
        }
        endToken()
        guard sawSpace, tokenCount >= 2 else { return nil }
        let grouped = (1...3).contains(firstLength) && laterAllThree
        if grouped && groupingAllowed { return nil }
        // Only digits and spaces: the tokens are the runs of digits.
        return text.utf8.split { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The tokens of `text` when it is blank marks and numbers one space apart, two tokens or more
    /// and one mark at least (`— —`, `/ / 12`); `nil` otherwise (numbers alone are
    /// ``spacedNumbers(_:groupingAllowed:)``'s).
    static func spacedMarks(_ text: String) -> [String]? {
        guard text.utf8.contains(UInt8(ascii: " ")) else { return nil }
        let tokens = text.split(separator: " ")
        guard tokens.count >= 2 else { return nil }
        var marks = 0
        for token in tokens {
            if CellValue.placeholderTexts.contains(String(token)) {
                marks += 1
            } else if !token.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                return nil
            }
        }
        return marks > 0 ? tokens.map(String.init) : nil
    }

    /// `true` when a `|` field of `texts` holds numbers (or blank marks) one space apart, two or
    /// more (`| 2717 2223 |`, `| 522 300 |`, `| 222 / |`): a table finder's grid laid on a PDF
    /// (markitdown, pdfplumber) that ran two of the report's cells into one field, so that the
    /// text's `|` fields are not the report's cells (``CellStream/pipeFieldsUnplaced``).
    static func pipeFieldsHoldSeveralNumbers(_ texts: some Sequence<String>) -> Bool {
        for text in texts where text.utf8.contains(UInt8(ascii: "|")) {
            for field in text.split(separator: "|") {
                let tokens = field.split(separator: " ")
                guard tokens.count >= 2 else { continue }
                if tokens.allSatisfy({ token in
                    token.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } || CellValue.placeholderTexts.contains(String(token))
                }), tokens.contains(where: { $0.utf8.first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }) {
                    return true
                }
            }
        }
        return false
    }

    /// `true` when a `|` row of `texts` with a field that is a whole number stands right above a
    /// border line (`| 行政许可 |  | 159 |  |` / `| ---- | --- | --- | --- |`): a markdown table whose
    /// first row is a row of values, which a converter of a document's tables does not write (the
    /// header comes first) and a table finder laid on a PDF's lines does (markitdown).
    static func tableStartsAtValues(_ texts: some Sequence<String>) -> Bool {
        var previousHasNumber = false
        for text in texts {
            let isPipeRow = text.utf8.contains(UInt8(ascii: "|"))
            let fields = isPipeRow ? text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } : []
            let nonEmpty = fields.filter { !$0.isEmpty }
            if isPipeRow, !nonEmpty.isEmpty, nonEmpty.allSatisfy({ $0.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") } }) {
                if previousHasNumber { return true }
                previousHasNumber = false
                continue
            }
            previousHasNumber = nonEmpty.contains { field in
                !field.isEmpty && field.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
        }
        return false
    }

    /// `true` when three lines or more of `texts` are a label and three whole numbers or more
    /// after it, every gap a single space (`1.属于国家秘密 103 641 228 609 297 20 1898`): a text
    /// that sets a row's values one space apart (`pdftotext -raw`), not by columns.
    static func rowsOneSpaceApart(_ texts: some Sequence<String>) -> Bool {
        var rows = 0
        for text in texts {
            // Cheap refusals first: a line ending in a digit, with single spaces only.
            guard let last = text.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last),
                  text.utf8.contains(UInt8(ascii: " ")), !text.has("  "), !text.utf8.contains(UInt8(ascii: "\t")),
                  let (label, values) = trailingValues(text), !label.isEmpty, values.count >= 3,
                  values.allSatisfy({ CellValue.plainInteger($0) != nil }) else { continue }
            rows += 1
            if rows >= 3 { return true }
        }
        return false
    }

    /// `label v1 v2 …` split at single spaces when it ends in values: the label (maybe empty)
    /// and the values; a lone `增`/`减`/`+`/`-` joins the number after it (`减 16`). `nil` when
    /// the text does not end in a value.
    static func trailingValues(_ text: String) -> (label: String, values: [String])? {
        let tokens = text.split(separator: " ").map(String.init)
        var values: [String] = []
        var index = tokens.count
        while index > 0 {
            let token = tokens[index - 1]
            // (A sign joins a number only: `- - -` are three blank marks, not one.)
            if ["增", "减", "增加", "减少", "+", "-"].contains(token), let first = values.first,
               let digit = first.unicodeScalars.first, ("0"..."9").contains(digit) {
                values[0] = token + first
                index -= 1
                continue
            }
            guard CellValue.parse(token).isValueLike else { break }
            values.insert(token, at: 0)
            index -= 1
        }
        guard !values.isEmpty else { return nil }
        return (tokens[..<index].joined(separator: " "), values)
    }

    /// `其他对外管理服务事项11` → (`其他对外管理服务事项`, `11`); `行政许可增9` → (`行政许可`, `增9`).
    static func gluedNumber(_ text: String) -> (label: String, number: String)? {
        var scalars = Array(text.unicodeScalars)
        var digits: [Unicode.Scalar] = []
        while let last = scalars.last, ("0"..."9").contains(last) || last == "," || last == "." {
            digits.insert(last, at: 0)
            scalars.removeLast()
        }
        if let last = scalars.last, last == "增" || last == "减" {
            digits.insert(last, at: 0)
            scalars.removeLast()
        }
        guard let last = scalars.last, let firstDigit = digits.first, firstDigit != ".", firstDigit != ",",
              !"第(（.、,，".unicodeScalars.contains(last) else { return nil }
        var label = String.UnicodeScalarView()
        label.append(contentsOf: scalars)
        var number = String.UnicodeScalarView()
        number.append(contentsOf: digits)
        return (String(label), String(number))
    }
}

extension String {
    /// Spaces (ASCII, ideographic, no-break) and tabs trimmed from both ends.
    func trimmingSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if start == scalars.startIndex && scalars.index(after: end) == scalars.endIndex { return self }
        return String(scalars[start...end])
    }
}
