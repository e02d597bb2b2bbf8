import Foundation
import NianbaoModel

/// Recognises the three statutory tables from table rows, by their labels.
struct TableRecognizer {
    let template: TemplateVersion
    var report: Report
    private(set) var diagnostics: [Diagnostic] = []
    private let cache: CellFactsCache
    /// Rows whose columns are only their values' order in the text and that break their own sum
    /// rule, per table: nulled once the table is read.
    private var countedRowsBreakingRules: [ReportTable: [(row: String, columns: [String], values: String, location: SourceLocation)]] = [:]
    /// Tables whose text gives a row's values out of column order (a rule broken as read, kept
    /// by another order of the same values), with that row's description, for the warnings.
    private var scrambledTables: [ReportTable: String] = [:]
    /// Request rows placed by their values' order in the text alone (with their locations), for
    /// ``nullRowsOutOfColumnOrder(columns:)``.
    private var orderOnlyRequestRows: [String: SourceLocation] = [:]
    /// Request rows read from space-aligned lines (their marks keeping places, or their order),
    /// for ``nullResultRowsOutOfColumnOrder(_:columns:cells:found:)``.
    private var textLineRequestRows: [String: SourceLocation] = [:]
    /// Tables whose text gives every run of values after a row label, none longer than a row
    /// (``readsRowByRow(_:_:row:width:)``): there a row label straight before the next one is a
    /// row left blank.
    private var rowByRow: Set<ReportTable> = []
    /// Rows read as left blank (a label with no value before the next row's label, or a blank mark in
    /// every cell), per table.
    private var blankRowKeys: [ReportTable: Set<String>] = [:]
    /// Request rows whose blank cells left no trace, waiting for the column rules (``ColumnRuleSolver``).
    /// `wholeOnly`: a row spread over lines of several values each, which only a whole placement proves.
    private var pendingRequestRows: [(key: String, values: [Int], columns: [String], warning: PendingWarning, wholeOnly: Bool)] = []
    /// Request rows read without the blank marks among their values (``withoutUnplacedBlankMarks``).
    private var rowsWithoutTheirMarks: Set<String> = []
    /// Request rows whose label stands right after the table's header repeated on a new page, in a
    /// text rebuilt in reading order from the page (``emptyLinesPartCells``, ``labelsApart``).
    private var rowsAfterRepeatedHeader: Set<String> = []
    /// Request rows read by the order of their values' blocks, straight after a row that gave
    /// several values on one line (with their locations), for ``nullRowsAfterSpanningBlocks(columns:cells:found:)``.
    private var rowsAfterSpanningBlock: [String: SourceLocation] = [:]
    /// The request row read from a bare `总计` label (no `（七）`), with its location: a column
    /// header until the table shows no other label for it.
    private var bareTotalRow: (key: String, location: SourceLocation)?
    /// Request rows whose labels stood stacked before another row's label, with the values the
    /// split of ``stackedRequestRuns(_:values:_:width:)`` proved theirs: read once that label is.
    private var stackedRequestRows: [(label: FoundLabel, values: [Int])] = []
    /// The rows whose labels stood stacked over a row's label (by that row's key), their values
    /// cut from the run after it: left null with it when its reading is found uncertain.
    private var stackedOver: [String: [String]] = [:]
    /// Request rows read by the order of the values after their labels (none placed by the source,
    /// none on a line of space-aligned columns), with the index of the label's cell and the values:
    /// for ``nullRowsBeforeValuelessLabels(_:row:column:)``.
    private var runAfterLabelRows: [String: (labelIndex: Int, values: [Int], location: SourceLocation)] = [:]
    /// Of those, the rows read right after a row left null for more values than cells (a text that
    /// sets rows' values before their labels there): for the same.
    private var rowsAfterDisplaced: Set<String> = []

    /// The text shows a blank cell as an empty line inside a row of some table
    /// (``blankLinePitch(_:)``): an empty line after a row's last value is a blank cell too.
    var emptyLinesShowBlanks: Bool { documentPitch != nil }
    /// The lines a cell takes in a table of the text that proves it (``blankLinePitch(_:)``): a
    /// table whose own rows show no two neighbouring values (主动公开's, `规章` / `198` / `` / `934`)
    /// may count its cells in that pitch.
    var documentPitch: Int?
    /// The text sets an empty line between a row's label and the value after it, most times
    /// (``labelsApartFromValues(_:)``): not a text of one cell a line with an empty line for a
    /// blank cell one line apart (``linePitch(_:_:maxWidth:blanksShown:rowLabel:documentPitch:labelsApart:)``).
    var labelsApart = false
    /// ``labelsApart`` and no empty line stands for a blank cell (``documentPitch`` is `nil`):
    /// blocks of words separated by empty lines (`pdftotext`), in which two words on neighbouring
    /// lines stand one over the other.
    var documentBlocks: Bool { documentPitch == nil && labelsApart }
    /// The text sets empty lines between the tables' cells (eight or more) that are not blank
    /// cells (``documentPitch`` is `nil`): not a text of a row a line (`pdftotext -raw`, PyMuPDF).
    var emptyLinesPartCells = false
    /// The text's `|` tables start at rows of values (``LineCells/tableStartsAtValues(_:)``): a table
    /// finder's grids laid on a PDF's lines (markitdown), which sets a value written beside its
    /// label before or after it as its box's top falls.
    var tableFinderGrids = false

    /// The pitch (``linePitch(_:_:maxWidth:blanksShown:rowLabel:documentPitch:labelsApart:)``) of the
    /// first of `tables` (each its cells) that is one cell per line with an empty line standing for
    /// a blank cell inside a row (before a value of it); `nil` when none is.
    static func blankLinePitch(_ tables: [(cells: [StreamCell], width: Int)], labelsApart: Bool = false) -> Int? {
        for table in tables {
            if let pitch = linePitch(groups(table.cells), table.cells, maxWidth: table.width,
                                     rowLabel: { $0.activeRow != nil || $0.requestRow != nil }, labelsApart: labelsApart) {
                return pitch
            }
        }
        return nil
    }

    init(template: TemplateVersion, report: Report, cache: CellFactsCache) {
        self.template = template
        self.report = report
        self.cache = cache
    }

    // MARK: Assigning tables to parts

    /// The part a table belongs to by its labels, or `fallback` (the part it sits in) on no signal.
    static func part(of cells: [StreamCell], fallback: SectionKey?) -> ReportTable? {
        var votes: [ReportTable: Int] = [:]
        for cell in cells {
            guard let facts = cell.facts else { continue }
            if facts.activeVotes > 0 { votes[.activeDisclosure, default: 0] += facts.activeVotes }
            if facts.requestVotes > 0 { votes[.requests, default: 0] += facts.requestVotes }
            if facts.reviewVotes > 0 { votes[.reviewLitigation, default: 0] += facts.reviewVotes }
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

    // MARK: The grammar

    /// A value cell as the recognizer reads it.
    struct ValueCell {
        let value: CellValue
        let raw: String
        let location: SourceLocation
        /// `true` when the source states the cell's place (a table cell, a field of a tab or `|`
        /// row, an empty line counted at a proven pitch); `false` for a value whose column is
        /// only its position in the text's order.
        private(set) var positioned: Bool
        /// The place is the cell's character column in a space-aligned text: read off the
        /// layout, so the row's own sum rule checks it as it checks a counted order.
        private(set) var placedByLayout: Bool
        /// A cell of a document's table, a tab or `|` row, or a blank at a proven place: not a
        /// value of a space-aligned line, whose order a squeezed line can upset (`92 - 199`).
        let delimited: Bool
        /// One space after the value before it on a layout text's line (``StreamCell/oneSpaceBefore``).
        private(set) var oneSpaceBefore = false
        /// The field of its `|` row the cell stands in (``StreamCell/fieldIndex``), -1 elsewhere.
        private(set) var fieldIndex = -1

        init(_ cell: StreamCell) {
            value = cell.value ?? .text
            raw = cell.raw
            location = cell.location
            positioned = cell.positioned || cell.delimited
            placedByLayout = cell.placedByLayout
            delimited = cell.delimited
            oneSpaceBefore = cell.oneSpaceBefore
            fieldIndex = cell.fieldIndex
        }

        init(blankAt location: SourceLocation) {
            value = .blank
            raw = ""
            self.location = location
            positioned = true
            placedByLayout = false
            delimited = true
        }

        /// One number wrapped in its cell over lines (`32659` / `7`), read for its order alone.
        init(joining pieces: [ValueCell], number: Decimal) {
            value = .number(number, unit: nil)
            raw = pieces.map(\.raw).joined()
            location = pieces.first?.location ?? .line(0)
            positioned = false
            placedByLayout = false
            delimited = false
        }

        /// A piece of a number squashed with its neighbour's (`2931066` for `293` `1066`), read for
        /// its order alone.
        init(piece: Substring, of cell: ValueCell) {
            value = .number(Decimal(string: String(piece)) ?? 0, unit: nil)
            raw = String(piece)
            location = cell.location
            positioned = false
            placedByLayout = false
            delimited = false
        }

        /// The cell read for its order alone: a place read off a layout that does not fit the row.
        var unplaced: ValueCell {
            var cell = self
            cell.positioned = false
            cell.placedByLayout = false
            return cell
        }

        /// The cells' texts as a warning names them, a blank shown as `—`.
        static func shown(_ cells: some Collection<ValueCell>) -> String {
            cells.map { $0.raw.isEmpty ? "—" : $0.raw }.joined(separator: " ")
        }
    }

    /// Label cells (since the previous values) and the run of value cells after them.
    struct CellGroup {
        var run: [Int]
        var values: [Int]
    }

    /// The stream cut into groups: each run of values with the labels read since the values
    /// before. Blank cells alone (merged header cells, an empty row) make no group.
    static func groups(_ cells: [StreamCell]) -> [CellGroup] {
        var groups: [CellGroup] = []
        var run: [Int] = [], values: [Int] = []
        var given = false
        /// Emits the values read; `true` when they made a group.
        func flush() -> Bool {
            defer {
                values = []
                given = false
            }
            guard given else { return false }
            groups.append(CellGroup(run: run, values: values))
            return true
        }
        for index in cells.indices {
            let cell = cells[index]
            switch cell.kind {
            case .barrier:
                _ = flush()
                run = []
            case .label:
                // Text between two values of one line holds a value's place (`1 | 约2 | 0`).
                if given, let last = values.last, cells[last].line == cell.line, index + 1 < cells.count,
                   cells[index + 1].line == cell.line, cells[index + 1].value != nil {
                    values.append(index)
                    continue
                }
                if flush() { run = [] }
                run.append(index)
            case .value(let value):
                if case .blank = value, values.isEmpty {
                    // A blank cell is a value only right after a label of its own positioned line.
                    guard cell.positioned, let last = run.last, cells[last].line == cell.line else { continue }
                }
                if cell.isGivenValue { given = true }
                values.append(index)
            }
        }
        _ = flush()
        return groups
    }

    /// The stream without a header repeated where the table goes on after a page break: label
    /// cells (not row labels) whose text the table's header, before its first value, already had.
    static func withoutRepeatedHeader(_ cells: [StreamCell], row: (LabelFacts) -> String?) -> [StreamCell] {
        withoutRepeatedHeaderLines(cells, row: row).cells
    }

    /// ``withoutRepeatedHeader(_:row:)``, and the lines of the header cells it took out.
    static func withoutRepeatedHeaderLines(_ cells: [StreamCell], row: (LabelFacts) -> String?) -> (cells: [StreamCell], removedLines: [Int]) {
        guard let firstValue = cells.firstIndex(where: \.isGivenValue) else { return (cells, []) }
        // Cells of one text share their facts (``CellFactsCache``): compared by identity, not by hashing text.
        var header: Set<ObjectIdentifier> = []
        for cell in cells[..<firstValue] {
            if let facts = cell.facts { header.insert(ObjectIdentifier(facts)) }
        }
        guard !header.isEmpty else { return (cells, []) }
        func repeated(_ cell: StreamCell) -> Bool {
            guard !cell.positioned, let facts = cell.facts, header.contains(ObjectIdentifier(facts)) else { return false }
            return row(facts) == nil
        }
        // Most tables repeat no header: the stream is kept as it is, without a copy.
        guard cells[firstValue...].contains(where: repeated) else { return (cells, []) }
        var kept = Array(cells[..<firstValue])
        kept.reserveCapacity(cells.count)
        var removedLines: [Int] = []
        for cell in cells[firstValue...] {
            if repeated(cell) { removedLines.append(cell.line) } else { kept.append(cell) }
        }
        return (kept, removedLines)
    }

    /// A row label found at the end of a run: the key, where in the run its cells start, its text.
    struct FoundLabel {
        let key: String
        let start: Int
        let text: String
        let location: SourceLocation
        let line: Int
    }

    /// The row the last label cells of `run` name: the last cell alone, else up to the last sixteen
    /// joined (a label wrapped over lines or cells), never joining a column header or a
    /// fragment of a row already read; a cell that is only an enumerator (`（五）`, the group
    /// column) is passed over. A label wrapped around its values (`2.其他法律行政法规` / values /
    /// `禁止公开`) is completed from a cell of the next run's first line (`next`); `taken` lists
    /// the positions in `next` it used.
    static func findLabel(_ run: [Int], next: [Int], _ cells: [StreamCell], cache: CellFactsCache, found: Set<String>,
                          accept: (String) -> Bool = { _ in true },
                          row: (LabelFacts) -> String?, column: (LabelFacts) -> String?) -> (label: FoundLabel, taken: [Int])? {
        guard let lastIndex = run.last else { return nil }
        // A row the template lacks or already read is kept only when no other reading is found.
        var fallback: (label: FoundLabel, taken: [Int])?
        /// A short label that fits, tried last.
        var short: (label: FoundLabel, taken: [Int])?
        var text = ""
        var heads: [(text: String, first: Int)] = []
        var position = run.count
        while position > 0 && heads.count < 16 {
            position -= 1
            let cell = cells[run[position]]
            guard let facts = cell.facts else { break }
            if facts.stripped.isEmpty { continue }
            // A piece of a group cell's label written down the table's left column (`度办` of
            // 三、本年度办理结果) on the values' line, a numbered label above it that it does not
            // complete (`禁止` / `公开` is the label's own end): not the row's label.
            if text.isEmpty, position == run.count - 1, position > 0, !facts.hasEnumerator, Self.isGroupColumnPiece(facts.stripped),
               row(facts) == nil, column(facts) == nil, Self.containsNumbered(cells[run[position - 1]].raw),
               cache.facts(cells[run[position - 1]].raw + cell.raw).label.flatMap(row) == nil {
                continue
            }
            // A line holding only a piece of a group cell's label (`其他处`, `理` of （六）其他处理),
            // between the lines of a wrapped row label: passed over.
            if !text.isEmpty, position > 0, !facts.hasEnumerator, Self.isGroupColumnPiece(facts.stripped),
               row(facts) == nil, column(facts) == nil,
               cells[run[position - 1]].line != cell.line, cells[run[position + 1]].line != cell.line {
                continue
            }
            // A column header (`其他`; not an enumerated label like `（六）其他`) ends the label.
            let isHeader = column(facts) != nil && !facts.hasEnumerator
            if !heads.isEmpty, isHeader { break }
            // A column header right after another (`法律服务机构` / `其他`: a header row read cell by
            // cell) is a header, never a row label (`其他` is also 3.其他's short name).
            if isHeader, position > 0, let before = cells[run[position - 1]].facts, column(before) != nil, !before.hasEnumerator { break }
            if !heads.isEmpty, let own = row(facts), found.contains(own) { break }
            // A label that holds its own number (`3.补正后…`, or `果3.补正后…` behind a piece of the
            // group column) starts on its line: the text above is another row's (a blank row's
            // wrapped label, `2.没有现成信息需要` / `另行制作`), unless it is the group cell `（四）…`.
            if !heads.isEmpty, Self.containsNumbered(text), !cell.raw.hasPrefix("（"), !cell.raw.hasPrefix("(") { break }
            // Two numbered labels (`2.没有现成…` above `理结3.补正后…`) are two rows, never one label.
            if !heads.isEmpty, Self.containsNumbered(text), Self.containsNumbered(cell.raw) { break }
            // The first cell taken is the label's text alone: its facts are at hand (comparing the
            // joined text with the cell's, a `String` comparison, told the same).
            let alone = text.isEmpty
            text = cell.raw + text
            if !isHeader { heads.append((text, position)) }
            let joined = alone ? facts : cache.facts(text).label
            if let joined, let key = row(joined) {
                let candidate = (FoundLabel(key: key, start: position, text: text, location: cell.location, line: cells[lastIndex].line), [Int]())
                if accept(key) {
                    // A short label (`2.其他`) may be the start of a longer one wrapped below its values.
                    guard heads.count == 1, facts.stripped.hasAtMost(3), next.count >= 2 else { return candidate }
                    short = candidate
                    break
                }
                if fallback == nil { fallback = candidate }
                // An enumerated row label standing whole (`（七）总计`, a row read already): the label
                // above it (`（六）其他处理`, a blank row) is another row, not its start.
                if alone, facts.hasEnumerator, !isHeader, found.contains(key) { break }
            }
            // A column header starts no label that continues after the values.
            if isHeader { break }
        }
        // The label's end after its values (wrapped in its column below the values' line): the
        // last cell of each following line, up to the line of the next row's label.
        guard !heads.isEmpty, next.count >= 2 else { return short ?? fallback }
        var tails: [Int] = []
        var position2 = 0
        while position2 < next.count {
            var end = position2
            while end + 1 < next.count, cells[next[end + 1]].line == cells[next[position2]].line { end += 1 }
            if end == next.count - 1 || tails.count == 8 { break }
            guard let facts = cells[next[end]].facts, column(facts) == nil, !facts.hasEnumerator else { break }
            tails.append(end)
            position2 = end + 1
        }
        // The first following line may belong to the group column alone (`开` of `不予公开`): tried without it too.
        // (Not from a part 二 table's caption, `第二十条第（八）项`, which no row label holds: values
        // after it, then `行政处罚`, read as that row's, were the columns of the rows above, written
        // one after another by pdfminer.)
        for skip in 0..<min(2, tails.count) {
            for head in heads where !head.text.has("第二十条") {
                var joinedText = head.text
                var tailText = ""
                for count in skip..<tails.count {
                    joinedText += cells[next[tails[count]]].raw
                    tailText += cells[next[tails[count]]].raw
                    // A short label that is a row already (`规章`) does not take the next row's label (`行政规范性文件`).
                    if short != nil, count == skip, let tailFacts = cache.facts(tailText).label, row(tailFacts) != nil { break }
                    if let joined = cache.facts(joinedText).label, let key = row(joined), accept(key) {
                        let first = cells[run[head.first]]
                        return (FoundLabel(key: key, start: head.first, text: joinedText, location: first.location,
                                           line: cells[lastIndex].line), Array(tails[skip...count]))
                    }
                }
            }
        }
        return short ?? fallback
    }

    /// The group cells of the request table's left columns, whose labels a layout text writes
    /// down the column a few characters a line (`本年` / `度办` / `理结果`).
    static let groupColumnLabels = ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]

    /// `true` for a piece (four characters at most) of one of ``groupColumnLabels``.
    static func isGroupColumnPiece(_ text: String) -> Bool {
        // `has`, not `contains`: `String.contains(String)` goes through Foundation on Linux (3.5 %
        // of a text run in `findLabel`, issue 24's profile).
        !text.isEmpty && text.count <= 4 && groupColumnLabels.contains { $0.has(text) }
    }

    /// `true` for a cell's stripped text made of one or two pieces of ``groupColumnLabels`` of any
    /// length: `(四)无法提`, `理结果(四)无法提` (the ends of two group cells written down the left
    /// columns, on one line).
    static func isGroupColumnText(_ stripped: String) -> Bool {
        guard !stripped.isEmpty else { return false }
        // Brackets as the labels write them (a cell's stripped text has them half-width).
        let text = String(stripped.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
        func isPiece<S: StringProtocol>(_ piece: S) -> Bool {
            let piece = String(piece)
            return groupColumnLabels.contains { $0.has(piece) }
        }
        if isPiece(text) { return true }
        var split = text.index(after: text.startIndex)
        while split < text.endIndex {
            if isPiece(text[..<split]) && isPiece(text[split...]) { return true }
            split = text.index(after: split)
        }
        return false
    }

    /// `true` for text holding an arabic enumerator not inside a number: `3.补正`, `理结3.补正`.
    static func containsNumbered(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices.dropLast() where ("0"..."9").contains(scalars[index]) {
            let next = scalars[index + 1]
            guard next == "." || next == "、" || next == "．" else { continue }
            if index == 0 || !(scalars[index - 1].isASCII) { return true }
        }
        return false
    }

    /// `true` for text that starts with an arabic enumerator: `3.`, `3、`, `3．`.
    static func startsWithNumber(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
        guard let after = scalars.first(where: { !("0"..."9").contains($0) }) else { return false }
        return after == "." || after == "、" || after == "．"
    }

    /// `true` when the run holds, before the label, another row's label that has not been read:
    /// the extractor wrote labels and values in separate runs, and which values belong to which
    /// label is not certain.
    func orderUncertain(_ run: [Int], _ label: FoundLabel, _ cells: [StreamCell], table: ReportTable, found: Set<String>,
                        row: (LabelFacts) -> String?, column: (LabelFacts) -> String?) -> String? {
        unreadLabels(run, label, cells, table: table, found: found, row: row, column: column).first?.key
    }

    /// The row labels of `table` not read yet that stand in the run before `label`, in order,
    /// each once, with their cells.
    func unreadLabels(_ run: [Int], _ label: FoundLabel, _ cells: [StreamCell], table: ReportTable, found: Set<String>,
                      row: (LabelFacts) -> String?, column: (LabelFacts) -> String?) -> [(key: String, cell: StreamCell)] {
        var result: [(key: String, cell: StreamCell)] = []
        let before = run[..<label.start]
        var blockText: Bool?
        for (position, index) in zip(before.indices, before) {
            let cell = cells[index]
            // A column header is no row's label; an enumerated label (`（七）总计`) is.
            guard !cell.positioned, let facts = cell.facts, column(facts) == nil || facts.hasEnumerator else { continue }
            var key = row(facts)
            // In a text of one block per cell (`pdftotext`), a numbered label wrapped over lines
            // (`2.其他法律行政法规禁止公` / `开`) is its pieces joined, when only labels follow it
            // before this one; so in a text read row by row, where it is a row left blank
            // (PyMuPDF: `3.补正后申请内容仍不明` / `确` / `（五）不` / `予处理` / `1.信访…` and its values).
            // Elsewhere a label straight before another may be a row left blank whose marks the
            // text dropped (`-raw`: `4.无正当理由大量反` / `复申请` / `— — —`).
            if key == nil, Self.startsWithNumber(cell.raw) {
                blockText = blockText ?? (Self.separatedByEmptyLines(cells) || rowByRow.contains(table))
            }
            if key == nil, Self.startsWithNumber(cell.raw), blockText == true {
                var text = cell.raw
                for next in before[(position + 1)...].prefix(3) {
                    guard !cells[next].positioned, let nextFacts = cells[next].facts, !nextFacts.hasEnumerator else { break }
                    text += cells[next].raw
                    if let joined = cache.facts(text).label, let joinedKey = row(joined) {
                        if run.indices.contains(label.start), next < run[label.start],
                           cells[(next + 1)..<run[label.start]].allSatisfy({ $0.facts != nil }) { key = joinedKey }
                        break
                    }
                }
            }
            guard let key, key != label.key, !found.contains(key), TemplateCatalog.row(table, template, key: key) != nil,
                  !result.contains(where: { $0.key == key }) else { continue }
            result.append((key, cell))
        }
        return result
    }

    /// The text of the first row label in cells `range` whose row has not been read (not in
    /// `found`), a column header excepted; `nil` when there is none.
    static func unreadRowLabel(in range: Range<Int>, _ cells: [StreamCell], found: Set<String>, row: (LabelFacts) -> String?,
                               column: (LabelFacts) -> String?, isRow: (String) -> Bool) -> String? {
        for cell in cells[range.clamped(to: cells.indices)] where !cell.positioned {
            guard let facts = cell.facts, column(facts) == nil || facts.hasEnumerator, let key = row(facts),
                  !found.contains(key), isRow(key) else { continue }
            return cell.raw
        }
        return nil
    }

    /// `true` when every run of values in `groups` follows a row label of its own and holds no
    /// more values than the widest row: the text gives the table row by row, each row's values
    /// after its label (lynx, mammoth's Markdown, html2text), not its columns one after another.
    /// With `totalSlot`, a run of more values counts when numbers wrapped in their cells, joined
    /// as the row is read (``joinedWrappedNumbers(_:width:totalSlot:)``), make it no wider
    /// (PyMuPDF: `78791` / `7` in a narrow column).
    /// With `column`, a run of values straight after a column header does not count. A label
    /// wrapped over lines (`2.其他法律行政法规禁止公` / `开`) counts when `cache` joins its last
    /// lines into a row label.
    static func readsRowByRow(_ groups: [CellGroup], _ cells: [StreamCell], row: (LabelFacts) -> String?, width: Int,
                              totalSlot: Int? = nil, column: ((LabelFacts) -> String?)? = nil, cache: CellFactsCache? = nil) -> Bool {
        /// The run's last two to four cells joined make a row label.
        func endsWithWrappedLabel(_ run: [Int]) -> Bool {
            guard let cache else { return false }
            for count in 2...4 where count <= run.count {
                let text = run.suffix(count).map { cells[$0].raw }.joined()
                if cache.facts(text).label.flatMap(row) != nil { return true }
            }
            return false
        }
        return !groups.isEmpty && groups.allSatisfy { group in
            guard group.run.contains(where: { cells[$0].facts.flatMap(row) != nil }) || endsWithWrappedLabel(group.run) else { return false }
            // With `column`, values straight after a column header (`现行有效件数` `250`) follow the
            // header, not a row's label.
            if let column, let last = group.run.last, let facts = cells[last].facts, column(facts) != nil, row(facts) == nil {
                return false
            }
            if group.values.count <= width { return true }
            guard let totalSlot else { return false }
            return joinedWrappedNumbers(group.values.map { ValueCell(cells[$0]) }, width: width, totalSlot: totalSlot) != nil
        }
    }

    /// The value cells of a row whose label is `label`, `count` columns wide, and the cells left over.
    /// `gridWider`: the table's grid has more value columns than the table (``gridWiderThanColumns(_:_:width:)``).
    static func rowValues(_ group: CellGroup, _ label: FoundLabel, count: Int, _ cells: [StreamCell],
                          gridWider: Bool = false) -> (values: [ValueCell], leftOver: [Int]) {
        guard let firstIndex = group.values.first else { return ([], []) }
        let first = cells[firstIndex]
        if gridWider && first.positioned {
            // A grid wider than the table: a blank field is the grid's or a blank cell's, and
            // which field is which column nothing shows. A row of exactly as many values as
            // cells, none blank, is read in its order; any other, for its order alone.
            let row = group.values.filter { cells[$0].line == first.line }.map { ValueCell(cells[$0]) }
            let leftOver = group.values.filter { cells[$0].line != first.line }
            let given = row.filter { if case .blank = $0.value { false } else { true } }
            let core = row.drop { if case .blank = $0.value { true } else { false } }
            let span = core.count - core.reversed().prefix { if case .blank = $0.value { true } else { false } }.count
            if given.count != count || span != count { return (given.map(\.unplaced), leftOver) }
        }
        if first.positioned && first.line == label.line {
            // Positions given: the cells of the label's line, blanks in their places.
            var row = group.values.filter { cells[$0].line == label.line }.map { ValueCell(cells[$0]) }
            let leftOver = group.values.filter { cells[$0].line != label.line }
            if first.placedByLayout && row.count != count {
                // Character columns that are not the row's columns prove no place: the values are
                // read for their order alone.
                return (row.filter { if case .blank = $0.value { false } else { true } }.map(\.unplaced), leftOver)
            }
            // Blanks between the label and the first value may be label columns or blank values: when
            // the values from the first one on are too few for the row, which is which is unknown,
            // and the row is read from its values alone (row repair decides).
            let lead = row.prefix { if case .blank = $0.value { true } else { false } }.count
            if lead > 0 && row.count > count {
                var core = Array(row.dropFirst(lead))
                while let last = core.last, case .blank = last.value { core.removeLast() }
                if core.count < count { return (core, leftOver) }
            }
            // Blank cells beyond the row's width: label columns left empty first, then trailing ones.
            while row.count > count, let first = row.first, case .blank = first.value { row.removeFirst() }
            while row.count > count, let last = row.last, case .blank = last.value { row.removeLast() }
            while row.count < count { row.append(ValueCell(blankAt: row.last?.location ?? first.location)) }
            return (row, leftOver)
        }
        let all = group.values
        // A label in a row of a grid not the report's (a table finder's, markitdown) with values in
        // that row: the row's values are those; values on the lines below before the next label
        // are the next row's written before its label (`| 行政许可 | … | 794 |` / `| | 217 | -88 |` /
        // `其他对外管理服务事项`) or pieces of wrapped numbers, not more of this row's.
        if group.run.contains(where: { cells[$0].line == label.line && cells[$0].inUnprovenGrid }) {
            let onLabelLine = all.filter { cells[$0].line == label.line }
            if !onLabelLine.isEmpty, onLabelLine.count < all.count, onLabelLine.allSatisfy({ cells[$0].inUnprovenGrid }) {
                return (onLabelLine.map { ValueCell(cells[$0]) }, all.filter { cells[$0].line != label.line })
            }
        }
        if all.count > count + 2, cells[all[count - 1]].line != cells[all[count]].line {
            return (all.prefix(count).map { ValueCell(cells[$0]) }, Array(all[count...]))
        }
        return (all.map { ValueCell(cells[$0]) }, [])
    }

    /// `true` when a row of `groups` placed by the source (a `|` row, a table row) spans more
    /// fields from its first value to its last than the table has value columns (`58 | 82 | 486 |  |
    /// 13 | 280 | 172 | 1091` for 7): the grid is not the table's (a table finder's lines laid on a
    /// PDF, markitdown), so its blank fields place nothing in any row.
    static func gridWiderThanColumns(_ groups: [CellGroup], _ cells: [StreamCell], width: Int) -> Bool {
        groups.contains { group in
            guard let first = group.values.first, cells[first].positioned else { return false }
            let line = cells[first].line
            let onLine = group.values.filter { cells[$0].line == line && cells[$0].positioned }
            guard let start = onLine.firstIndex(where: { cells[$0].isGivenValue }),
                  let end = onLine.lastIndex(where: { cells[$0].isGivenValue }) else { return false }
            return end - start + 1 > width
        }
    }

    /// The field counts of a text's `|` grids (rows of as many fields) narrower than the table:
    /// two rows or more with values, none with as many fields after its label as the table has
    /// value columns (`| 二、上年结转… | | 175 | 143 | 91 | 135 | 544 |` under `| … | 自然人 商业企 |
    /// 科研机 社会公 | 法律服 | | 总计 |` for 7): the grid merged columns (a table finder's, markitdown,
    /// on one page of a table whose next page it cut otherwise), so its fields are not cells.
    static func narrowGrids(_ groups: [CellGroup], _ cells: [StreamCell], width: Int) -> Set<Int> {
        var rows: [Int: Int] = [:]
        var wide: Set<Int> = []
        for group in groups {
            guard let first = group.values.first, cells[first].positioned, cells[first].rowFieldCount > 0,
                  cells[first].location.line != nil, cells[first].location.page == nil else { continue }
            let onLine = group.values.filter { cells[$0].line == cells[first].line }
            guard onLine.contains(where: { cells[$0].isGivenValue }) else { continue }
            if onLine.count >= width { wide.insert(cells[first].rowFieldCount) }
            rows[cells[first].rowFieldCount, default: 0] += 1
        }
        return Set(rows.filter { $0.value >= 2 && !wide.contains($0.key) }.keys)
    }

    /// `true` when a row's values are numbers on lines of their own (no grid) followed by one `|`
    /// row whose fields from its first value to its last are exactly `width`, blank fields between
    /// (`0` / `| | | | | 68 | | 112 | 129 | 150 | 197 | 656 |` for 7): the `|` row is a whole row by
    /// itself, blank cell and all, so the numbers before it are not its cells, though their count
    /// makes up the row where the grid's blank fields are dropped (a table finder's grid, whose
    /// fields place nothing); which placement is right nothing proves.
    static func pieceBeforeWholeGridRow(_ group: CellGroup, _ cells: [StreamCell], width: Int) -> Bool {
        guard let last = group.values.last(where: { cells[$0].isGivenValue }), cells[last].fieldIndex >= 0 else { return false }
        let gridLine = cells[last].line
        let before = group.values.filter { cells[$0].line < gridLine }
        let row = group.values.filter { cells[$0].line == gridLine && cells[$0].isGivenValue }
        guard !before.isEmpty, row.count < width,
              before.allSatisfy({ cells[$0].fieldIndex < 0 && !cells[$0].placedByLayout && cells[$0].isGivenValue }),
              let start = row.first, Set(row.map { cells[$0].fieldIndex }).count == row.count else { return false }
        return cells[last].fieldIndex - cells[start].fieldIndex + 1 == width
    }

    /// The label columns of part 三's table: its deepest row label nests three cells (`三、本年度办理结果`
    /// `（三）不予公开` `1.属于国家秘密`).
    static let requestLabelColumns = 3

    /// The fields of `|` rows, by line, that do not prove their values' columns, in a text's grid of
    /// more fields than part 三's table has (its label columns and `width` value columns): a table
    /// finder's grid, whose fields are clusters of words' edges. A value's field is one when no row of
    /// the grid fills it together with a neighbouring field, that neighbour blank in the row and
    /// filled in more rows of the grid (`| | 2.重复申请 | … | 525 | | | 2 | 238 | …`, 2 in field 9
    /// where the grid's other rows put 科研机构's values in field 8): the two fields may be one column,
    /// a narrow number off its centre, so both fields are given.
    static func offColumnFields(_ cells: [StreamCell], width: Int) -> [Int: Set<Int>] {
        var rows: [Int: (count: Int, fields: Set<Int>)] = [:]
        for cell in cells where cell.positioned && cell.isGivenValue && cell.fieldIndex >= 0 && cell.location.page == nil
            && cell.rowFieldCount > requestLabelColumns + width {
            rows[cell.line, default: (cell.rowFieldCount, [])].fields.insert(cell.fieldIndex)
        }
        var uses: [Int: [Int: Int]] = [:]
        var together: [Int: Set<Int>] = [:]
        for row in rows.values {
            for field in row.fields {
                uses[row.count, default: [:]][field, default: 0] += 1
                if row.fields.contains(field + 1) { together[row.count, default: []].insert(field) }
            }
        }
        var contested: [Int: Set<Int>] = [:]
        for (line, row) in rows {
            let use = uses[row.count] ?? [:], pairs = together[row.count] ?? []
            for field in row.fields {
                for neighbour in [field - 1, field + 1] where !row.fields.contains(neighbour) && !pairs.contains(min(field, neighbour))
                    && (use[neighbour] ?? 0) > (use[field] ?? 0) {
                    contested[line, default: []].formUnion([field, neighbour])
                }
            }
        }
        return contested
    }

    /// The field counts of a text's `|` grids whose header row names the first value column
    /// (自然人) and the last (总计) fewer fields apart than the table has value columns (`| | | … | |
    /// 自然人 | | | | | 总计 |`, 6 fields for 7): the grid merged two columns into one field (a table
    /// finder's, markitdown), so its fields are not cells.
    static func narrowHeaderGrids(_ cells: [StreamCell], width: Int, column: (LabelFacts) -> String?) -> Set<Int> {
        var firstField: [Int: (field: Int, count: Int)] = [:]
        var narrow: Set<Int> = []
        for cell in cells where cell.fieldIndex >= 0 && cell.location.line != nil && cell.location.page == nil {
            guard let facts = cell.facts, let key = column(facts) else { continue }
            if key == "natural_person" {
                firstField[cell.line] = (cell.fieldIndex, cell.rowFieldCount)
            } else if key == "total", let first = firstField[cell.line], first.count == cell.rowFieldCount,
                      cell.fieldIndex > first.field, cell.fieldIndex - first.field + 1 < width {
                narrow.insert(cell.rowFieldCount)
            }
        }
        return narrow
    }

    /// The text of the next row label when `groups[position]`'s label stands on a line of its own
    /// (not in a table row) and all its values in table rows below it without a label, and the
    /// group after it names two rows or more before its values (`2.重复申请` / `| | （五）不予 | … | 70 |
    /// … | 500 |` / `3.要求提供公开出版物` / `处理` / `| | | 4.无正当理由大量反复申请 | … |`): the first of
    /// those rows has no values of its own, and the values above may be its. `nil` otherwise.
    static func gridRowBeforeValuelessLabel(_ groups: [CellGroup], _ position: Int, _ label: FoundLabel, _ cells: [StreamCell],
                                            row: (LabelFacts) -> String?) -> String? {
        let group = groups[position]
        guard position + 1 < groups.count, group.run.indices.contains(label.start), !cells[group.run[label.start]].positioned,
              let first = group.values.first, cells[first].line > cells[group.run[label.start]].line,
              group.values.allSatisfy({ cells[$0].positioned && cells[$0].delimited }) else { return nil }
        var keys: [(key: String, index: Int)] = []
        for index in groups[position + 1].run {
            guard let facts = cells[index].facts, let key = row(facts), key != label.key,
                  facts.hasEnumerator || startsWithNumber(cells[index].raw), !keys.contains(where: { $0.key == key }) else { continue }
            keys.append((key, index))
        }
        // (That label on a line of its own too: a table row's label with no value after it is a
        // row left blank, its blank cells the source's, `| 1.属于国家秘密 | | … |`.)
        guard keys.count >= 2, !cells[keys[0].index].positioned else { return nil }
        return cells[keys[0].index].raw
    }

    // MARK: One cell per line

    /// The source lines of a group's values after its label's last line, when the text gives one
    /// cell per line (LibreOffice text export, docx2txt): the label and each value alone on a
    /// source line. `nil` otherwise.
    static func lineOffsets(_ group: CellGroup, _ cells: [StreamCell]) -> [Int]? {
        guard let last = group.run.last, !cells[last].positioned, let labelLine = cells[last].location.line else { return nil }
        var offsets: [Int] = []
        for index in group.values {
            let cell = cells[index]
            guard !cell.positioned, cell.isGivenValue, let line = cell.location.line, line > labelLine,
                  index == 0 || cells[index - 1].line != cell.line,
                  index + 1 == cells.count || cells[index + 1].line != cell.line else { return nil }
            offsets.append(line - labelLine)
        }
        return offsets
    }

    /// How many source lines one cell takes in a one-cell-per-line text (1 where empty lines are
    /// blank cells, 2 where each cell is followed by an empty line): the greatest common divisor
    /// of every value's distance from its row's label, proven by two values of one row exactly
    /// that far apart and, in a table whose rows have labels (`rowLabel`), by a row whose first
    /// value stands one pitch below its label (where the first cell starts), no value more than
    /// `maxWidth` cells below its label. `nil` when a group is not one cell per line or nothing
    /// proves a pitch.
    /// Decided once for the whole table: only then is an empty line a blank cell.
    static func linePitch(_ groups: [CellGroup], _ cells: [StreamCell], maxWidth: Int, blanksShown: Bool = false,
                          rowLabel: ((LabelFacts) -> Bool)? = nil, documentPitch: Int? = nil, labelsApart: Bool = false) -> Int? {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var pitch = 0
        var all: [[Int]] = []
        for group in groups {
            guard let offsets = lineOffsets(group, cells) else { return nil }
            all.append(offsets)
            pitch = offsets.reduce(pitch, gcd)
        }
        // Two values of one row a pitch apart prove it, or another table of the text with the same pitch.
        guard pitch > 0, pitch <= 3, pitch == documentPitch
                || all.contains(where: { offsets in zip(offsets, offsets.dropFirst()).contains { $1 - $0 == pitch } }) else { return nil }
        // `pdftotext` writes every block after an empty line and drops blank cells: `规章` / `` /
        // `71` reads as a blank 本年制发件数 and 71 废止 where the source has 71 制发. A text that
        // shows blanks as empty lines puts a row's first value, when it has one, right below.
        // Only a row's own label proves it: a column header above a value (`本年收费金额` / `466.04`) does not.
        if let rowLabel, !zip(groups, all).contains(where: { group, offsets in
            offsets.first == pitch && group.run.last.flatMap { cells[$0].facts }.map(rowLabel) == true
        }) { return nil }
        // A text of one block per cell, blocks parted by an empty line (`pdftotext`), writes two
        // values on neighbouring lines as one block (two rows' cells stacked), never as two cells
        // with no blank between: there an empty line parts blocks and is no blank cell.
        // So does a text whose row labels stand an empty line above their values most times
        // (`labelsApart`): one showing blanks so would do that only for rows whose first cell is blank.
        if pitch == 1, labelsApart || separatedByEmptyLines(cells) { return nil }
        // Empty lines are blank cells only where the text shows one inside a row (before a value
        // of it), in this table or another (`blanksShown`): after a row's last value an empty line
        // may be the space after the table (PyMuPDF's and mammoth's ` ` line after 政府集中采购's
        // one value, whose blank cell they dropped before the value).
        if !blanksShown, !all.contains(where: { offsets in
            (offsets.first ?? pitch) > pitch || zip(offsets, offsets.dropFirst()).contains { $1 - $0 > pitch }
        }) { return nil }
        // A value further below its label than the widest row has cells: not one cell per line
        // (`pdftotext` writes a table's columns one after another).
        return all.allSatisfy({ $0.allSatisfy { $0 <= maxWidth * pitch } }) ? pitch : nil
    }

    /// Positions in `run` of row labels followed by a whole row of empty lines before the next
    /// label, in a one-cell-per-line text of `pitch` lines per cell: rows the source left blank.
    static func blankRowLabels(_ run: [Int], _ cells: [StreamCell], pitch: Int, width: (String) -> Int?,
                               row: (LabelFacts) -> String?) -> [(position: Int, key: String)] {
        var blank: [(position: Int, key: String)] = []
        for position in run.indices.dropLast() {
            let cell = cells[run[position]], next = cells[run[position + 1]]
            guard !cell.positioned, next.line == cell.line + 1, let facts = cell.facts, let key = row(facts), let width = width(key),
                  let line = cell.location.line,
                  let nextLine = next.location.line, nextLine - line >= (width + 1) * pitch else { continue }
            blank.append((position, key))
        }
        return blank
    }

    /// `true` when each total slot given equals the sum of its parts, a blank or unreadable part
    /// counted as 0 (a blank total too when `blankTotal`): the check of a placement counted from
    /// empty lines or of blank cells left out.
    static func keepsSums(_ row: [ValueCell], totals: [Int: [Int]], blankTotal: Bool = false) -> Bool {
        func number(_ slot: Int) -> Decimal? {
            guard slot < row.count else { return nil }
            switch row[slot].value {
            case .number(let value, _): return value
            case .none: return 0
            default: return nil
            }
        }
        for (total, parts) in totals {
            // A blank total is 0 only where asked (`blankTotal`); otherwise it checks nothing.
            let blank: Bool = if total < row.count, case .blank = row[total].value { true } else { false }
            guard let sum = number(total) ?? (blankTotal && blank ? 0 : nil) else { continue }
            if parts.reduce(Decimal(0), { $0 + (number($1) ?? 0) }) != sum { return false }
        }
        return true
    }

    /// A row's cells counted from its label in a one-cell-per-line text of `pitch` lines per cell:
    /// a value `k` pitches below the label is cell `k`, and cells no value stands in are blank (an
    /// empty line). `nil` when the values do not sit on the cells' lines, or when the next text
    /// comes before the row's last cell: then which cell is missing is not shown, and the row is
    /// read as before.
    static func slotValues(_ group: CellGroup, _ cells: [StreamCell], pitch: Int, width: Int, endLine: Int?) -> [ValueCell]? {
        guard group.values.count < width, let offsets = lineOffsets(group, cells), let lastValue = group.values.last,
              let labelIndex = group.run.last, let labelLine = cells[labelIndex].location.line,
              // Nothing but the values between the label and the next text (no header left out after a page break).
              lastValue + 1 == cells.count || cells[lastValue + 1].line - cells[labelIndex].line == group.values.count + 1,
              let nextLine = lastValue + 1 < cells.count ? cells[lastValue + 1].location.line : endLine,
              nextLine - labelLine >= (width + 1) * pitch else { return nil }
        var row = (0..<width).map { slot in ValueCell(blankAt: .line(labelLine + (slot + 1) * pitch)) }
        for (index, offset) in zip(group.values, offsets) {
            guard offset % pitch == 0, (1...width).contains(offset / pitch) else { return nil }
            row[offset / pitch - 1] = ValueCell(cells[index])
        }
        return row
    }

    /// `true` when the table's text gives each cell as a block of its own, blocks separated by an
    /// empty line (`pdftotext`, docx2txt, mammoth): of the neighbouring unpositioned cells on
    /// different lines, at least eight and four in five are more than one line apart.
    static func separatedByEmptyLines(_ cells: [StreamCell]) -> Bool {
        var apart = 0, adjacent = 0
        for (upper, lower) in zip(cells, cells.dropFirst()) where !upper.positioned && !lower.positioned {
            guard let top = upper.location.line, let bottom = lower.location.line, bottom > top else { continue }
            if bottom - top == 1 { adjacent += 1 } else { apart += 1 }
        }
        return apart >= 8 && adjacent * 4 <= apart
    }

    /// The number of neighbouring cells of `tables` (each its cells, the tables in order) with an
    /// empty line between them. (By index: a `StreamCell` copied is a dozen references retained.)
    static func emptyLinesBetween(_ tables: [[StreamCell]]) -> Int {
        var apart = 0
        var previous: (line: Int?, positioned: Bool)?
        for cells in tables {
            for index in cells.indices {
                let line = cells[index].location.line, positioned = cells[index].positioned
                if let previous, !previous.positioned, !positioned, let top = previous.line, let bottom = line, bottom > top + 1 {
                    apart += 1
                }
                previous = (line, positioned)
            }
        }
        return apart
    }

    /// `true` when, over `tables` (each its cells and what makes a label a row's), a row label
    /// followed by a value stands an empty line or more above it four times or more, and at
    /// least twice as often as on the line right above it: a text of blocks parted by empty lines
    /// (`pdftotext`), not one of a row a block (`规章` / `0` / `0` / `0` / ``) nor of a row a line.
    static func labelsApartFromValues(_ tables: [(cells: [StreamCell], rowLabel: (LabelFacts) -> Bool)]) -> Bool {
        var apart = 0, adjacent = 0
        for table in tables {
            let cells = table.cells
            for index in cells.indices.dropLast() where !cells[index].positioned && !cells[index + 1].positioned && cells[index + 1].isGivenValue {
                guard case .label(let facts) = cells[index].kind, table.rowLabel(facts), let top = cells[index].location.line,
                      let bottom = cells[index + 1].location.line, bottom > top else { continue }
                if bottom == top + 1 { adjacent += 1 } else { apart += 1 }
            }
        }
        return apart >= 4 && adjacent * 2 <= apart
    }

    /// In a text whose cells are blocks separated by empty lines, the first two values of `group`
    /// on neighbouring lines with no empty line between: one block of two lines, which such a text
    /// writes for words standing one over the other (two rows' cells, or a number wrapped in its
    /// cell), never for two cells of one row. `nil` when there is none.
    static func stackedValues(_ group: CellGroup, _ cells: [StreamCell]) -> (upper: StreamCell, lower: StreamCell)? {
        for (upper, lower) in zip(group.values, group.values.dropFirst()) where lower == upper + 1 {
            let first = cells[upper], second = cells[lower]
            guard !first.positioned, !second.positioned, first.isGivenValue, second.isGivenValue,
                  let top = first.location.line, let bottom = second.location.line, bottom == top + 1 else { continue }
            return (first, second)
        }
        return nil
    }

    /// In a text whose cells are blocks separated by empty lines, the first value of `group` when
    /// it stands right after the row's label, on the line below the label's (one line, no empty
    /// line between): one block of two lines, which such a text writes for words standing one over
    /// the other, so the value is under the label, in the row below (`pdftotext`: `行政处罚` /
    /// `806` / `` / `行政强制`, 806 行政强制's with 行政处罚 blank). `nil` when there is none.
    static func valueUnderLabel(_ group: CellGroup, _ label: FoundLabel, _ cells: [StreamCell]) -> StreamCell? {
        guard let first = group.values.first, first > 0, group.run.last == first - 1 else { return nil }
        let labelCell = cells[first - 1], value = cells[first]
        guard labelCell.line == label.line, labelCell.location == label.location, !labelCell.positioned, !value.positioned,
              value.isGivenValue, let top = labelCell.location.line, let bottom = value.location.line, bottom == top + 1 else { return nil }
        return value
    }

    /// `true` when the cell after the group's values is a row label and no value follows it (the
    /// cell after it is not a value, or there is none).
    static func nextRowLabelValueless(_ group: CellGroup, _ cells: [StreamCell], row: (LabelFacts) -> String?) -> Bool {
        guard let last = group.values.last, last + 1 < cells.count, cells[last + 1].facts.flatMap(row) != nil else { return false }
        return last + 2 == cells.count || !cells[last + 2].isGivenValue
    }

    /// Notes a row whose values include two stacked ones (``stackedValues(_:_:)``); its values stay null.
    private mutating func noteStacked(_ stacked: (upper: StreamCell, lower: StreamCell), _ table: ReportTable, _ label: FoundLabel) {
        note(.warning, "table.order_unproven", "\(table.rawValue).\(label.key)",
             "the values `\(stacked.upper.raw)` and `\(stacked.lower.raw)` after row “\(LabelText.key(label.text))” stand on two neighbouring lines where every other cell is a block of its own: the text shows them one over the other (two rows' cells, or one number wrapped), not side by side in this row; its values are left null", label.location)
    }

    /// A row's values read by their order alone from a text that writes several of them on one
    /// line and the row over several lines (`pdftotext -layout` wrapping a row's cells), without
    /// their blank marks: where a mark stands among values of other lines is not shown (such a
    /// text has put a `/` left of the value that stands left of it). `nil` when the row is not one.
    static func withoutUnplacedBlankMarks(_ row: [ValueCell]) -> [ValueCell]? {
        func isMark(_ cell: ValueCell) -> Bool {
            switch cell.value {
            case .blank, .placeholder: true
            default: false
            }
        }
        guard row.contains(where: isMark), row.allSatisfy({ !$0.positioned && !$0.placedByLayout }) else { return nil }
        guard spreadOverLines(row.map(\.location)) else { return nil }
        return row.filter { !isMark($0) }
    }

    /// `true` when cells at `locations` stand on two lines or more and one of the lines holds two
    /// or more of them: a row a layout text wrapped, or a number wrapped into pieces.
    static func spreadOverLines(_ locations: [SourceLocation]) -> Bool {
        var perLine: [Int: Int] = [:]
        for location in locations { perLine[location.line ?? -1, default: 0] += 1 }
        return perLine.count >= 2 && perLine.values.contains { $0 >= 2 }
    }

    /// `true` when the values of `groups[position]` stand on one line or more of their own below
    /// its row label, two values or more a line, and the next row label stands on the line right after
    /// them with none of its values on its line (`3.危及“三安全一稳定”` / `83 19 102 91` /
    /// `268 129 692` / `4.保护第三方合法权益`, or `16 41 986 258 150 236 1687` on one line,
    /// `pdftotext -layout`): nothing says whose they are.
    /// Only on lines that set their values apart by runs of spaces: a text in reading order
    /// (`pdftotext`'s, `pdftotext -raw`'s: `177 98` / `59 161 154 147 796`) gives a row's values
    /// after its label.
    static func valuesBetweenLabels(_ groups: [CellGroup], _ position: Int, _ cells: [StreamCell], label: FoundLabel,
                                    row: (LabelFacts) -> String?) -> Bool {
        let values = groups[position].values
        guard let first = values.first, let last = values.last, position + 1 < groups.count else { return false }
        // The label's last line, pieces of the group column on the values' line not counted
        // (`6.属于四类过程性信息` / `三、本年  246  78 …` / `7.属于行政执法案卷`; `理结果 （四）无法提  164 …`).
        let run = groups[position].run
        let labelLine = run.indices.filter { $0 >= label.start }.map { run[$0] }.filter { index in
            guard cells[index].line == cells[first].line, let facts = cells[index].facts, row(facts) == nil,
                  !facts.stripped.isEmpty else { return true }
            return !isGroupColumnText(facts.stripped)
        }.map { cells[$0].line }.max() ?? label.line
        guard cells[first].line > labelLine else { return false }
        let next = groups[position + 1]
        // The next label: not the end of this row's own label wrapped around its values (`5.要求行政机关确认或` /
        // values / `重新出具已获取信息`).
        guard let nextLabel = next.run.first(where: { cells[$0].facts.flatMap(row) != nil }),
              cells[nextLabel].facts.flatMap(row) != label.key,
              cells[nextLabel].line == cells[last].line + 1,
              !next.values.contains(where: { cells[$0].line == cells[nextLabel].line }) else { return false }
        guard values.allSatisfy({ cells[$0].onSpacedLine }) else { return false }
        var perLine: [Int: Int] = [:]
        for value in values { perLine[cells[value].line, default: 0] += 1 }
        return perLine.count >= 1 && perLine.values.allSatisfy { $0 >= 2 }
    }

    /// `true` when the values between the row label above and this row's label are more than a row
    /// for that label but less than two (a row and pieces of wrapped numbers), and end in a run that
    /// keeps this row's rule 2 on its own, while the values after the label are more than a row
    /// too: the row's values may stand before its label as well as after it (`pdftotext` on a row
    /// below one whose numbers wrapped: `一、本年新收…` / `18` `08` / `135 — 1 73 — 180 389` /
    /// `二、上年结转…` / `687 — 40 11 — 221 959` `160 …`, the values after it those of （一）予以公开 and
    /// （二）部分公开, whose labels stand elsewhere). For the table's first row (`firstRow`), any
    /// values after the header will do, blank cells unwritten too (`3228 — — 1721 2151 2094 9194` or
    /// `2100 2479 2304 1449 8332` / `一、本年新收…` / `159 — — 53 …`). Texts of one value a line only, not a document's table nor
    /// a layout text. `afterDisplaced`: the row above was left null for values before its label or
    /// for more values than cells; `afterFirstRow`: that row was the table's first; `blockText`:
    /// the text parts its cells by empty lines (values that follow no row label count then).
    static func rowBeforeLabel(_ groups: [CellGroup], _ position: Int, _ cells: [StreamCell], width: Int, firstRow: Bool,
                               afterDisplaced: Bool = false, afterFirstRow: Bool = false, blockText: Bool = false,
                               row: (LabelFacts) -> String?) -> Bool {
        guard position > 0, width >= 3 else { return false }
        let above = groups[position - 1]
        // Two numbers of one block (`157 564`) count as two.
        let aboveCount = above.values.reduce(0) { count, index in count + max(1, numberPieces(cells[index].raw)?.count ?? 1) }
        // Below the header (the table's first row), any run of values is: they follow no row at all.
        // Right after the first row left null so (`afterDisplaced` and `afterFirstRow`), a row's worth
        // or less will do: pieces of the first row's numbers and this row's values (`3` / `136 … 157 564`).
        // After any row left null so (`afterDisplaced`), the table sets its rows' values before their
        // labels, and any values after the label will do.
        // Values that follow no row label at all (only pieces of labels before them: `1.信访举报投诉类申`
        // `210 … 1043` `不予处 请` / `/ / 292 82 220 286 880` / `理` `2.重复申请` / `24 …`): three or more
        // will do, and any values after the label. Only in a text that parts cells by empty lines
        // (`blockText`, `pdftotext`): a text of one line a row (`-raw`, PyMuPDF) sets a row's label
        // pieces around its values and then the next row's values after its own label.
        // A numbered label piece no row matched (`4.无正当理由大量反` / `理` / values / `复申请`) wraps
        // around its row's values: they are that row's, not orphans.
        let orphans = blockText && !firstRow
            && !above.run.contains(where: { cells[$0].facts.flatMap(row) != nil || containsNumbered(cells[$0].raw) })
        // A row's worth exactly after the label above that breaks that row's sum rule, one block a
        // value (`1.属于国家秘密` / `52` `75` (pieces of wrapped numbers) / `284 246 270 241 1041` /
        // `2.其他…禁止公开` / the next row's values): the run's end keeping the rule is this row's.
        let brokenRowAbove = blockText && !firstRow && aboveCount == width && above.values.count == width
            && !keepsRuleTwo(above.values.map { cells[$0] })
        guard brokenRowAbove || ((firstRow || orphans || afterDisplaced && afterFirstRow ? 3 : width + 1)..<2 * width).contains(aboveCount),
              groups[position].values.count > (firstRow || afterDisplaced || orphans ? 0 : width),
              (above.values + groups[position].values).allSatisfy({ !cells[$0].positioned && !cells[$0].onSpacedLine })
        else { return false }
        // Below the header, three numbers or more before the first row's label are a row's values
        // or pieces of them (`1413` / `3189 1831 1081 2770 2437 2822` / `一、本年新收…` / `0`, 14130
        // wrapped in a narrow cell), whatever their sums.
        if firstRow, above.values.allSatisfy({ index in
            switch cells[index].value {
            case .number(_, unit: nil)?, .placeholder?: true
            default: false
            }
        }) {
            return true
        }
        // From the label backwards: numbers, a blank cell's mark as nil.
        var numbers: [Decimal?] = []
        scan: for index in above.values.reversed() where numbers.count < width {
            // Two numbers on one line with a space between (`119 104`, two cells' blocks that
            // `pdftotext` set side by side) are two values, not one with a thousands space.
            if let pieces = numberPieces(cells[index].raw) {
                for piece in pieces.reversed() where numbers.count < width { numbers.append(piece) }
                continue
            }
            switch cells[index].value {
            case .number(let number, unit: nil)?: numbers.append(number)
            case .placeholder?: numbers.append(nil)
            default: break scan
            }
        }
        // (Where the row above broke its rule, not the whole of its run.)
        let longest = brokenRowAbove ? numbers.count - 1 : numbers.count
        guard longest >= 3, let total = numbers[0] else { return false }
        for length in 3...longest {
            let others = numbers[1..<length].compactMap { $0 }
            if others.count >= 2, others.reduce(0, +) == total { return true }
        }
        return false
    }

    /// `true` when `row`'s last cell is a number that the others sum to (blank marks 0); `false`
    /// when it is not, or a cell is neither a number nor a mark.
    static func keepsRuleTwo(_ row: [StreamCell]) -> Bool {
        guard let last = row.last, case .number(let total, unit: nil)? = last.value else { return false }
        var sum: Decimal = 0
        for cell in row.dropLast() {
            switch cell.value {
            case .number(let value, unit: nil)?: sum += value
            case .placeholder?, .none?, .blank?: break
            default: return false
            }
        }
        return sum == total
    }

    /// `true` when a header of the table stands between the row's label and its values, none of
    /// them placed by the source: header cells repeated on a new page (the lines
    /// ``withoutRepeatedHeaderLines(_:row:)`` took out, `headerLines`) or column headers left in
    /// the run after the label (`2.其他法律行政法规禁止公开` / `申请人情况` … `自然人` … / `14 187 …`,
    /// `pdftotext` on a blank row at a page's foot). A text in page order gives a page's rows
    /// before the next page's header, so the values after it are a row of the new page — unless
    /// the label is that page's first row, set before its header (the caller checks that no row
    /// below it was read before it).
    static func valuesAfterHeader(_ group: CellGroup, _ label: FoundLabel, _ cells: [StreamCell], headerLines: [Int],
                                  column: (LabelFacts) -> String?) -> Bool {
        guard let first = group.values.first, !cells[first].positioned, !cells[first].placedByLayout,
              group.run.indices.contains(label.start) else { return false }
        let labelLine = cells[group.run[label.start]].line, valueLine = cells[first].line
        guard labelLine < valueLine else { return false }
        if headerLines.contains(where: { $0 > labelLine && $0 < valueLine }) { return true }
        return group.run[(label.start + 1)...].contains { index in
            guard cells[index].line > labelLine, !cells[index].positioned, let facts = cells[index].facts, !facts.hasEnumerator else { return false }
            return column(facts) != nil
        }
    }

    /// `true` for text that can be a label's wrapped end: it holds a Chinese character (not a line
    /// of blank marks, `———————`).
    static func isWrappedPiece(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isIdeographic }
    }

    /// `true` when the table's header stands right before `label` in `group`'s run: its last
    /// cells (one to four of them joined name an applicant column, `法律服` `务机构`), or its lines
    /// taken out (``followsRemovedHeader(_:_:headerLines:)``).
    func headerRightBefore(_ label: FoundLabel, in group: CellGroup, _ cells: [StreamCell], headerLines: [Int]) -> Bool {
        label.start > 0 && (1...min(4, label.start)).contains(where: { count in
            cache.facts(group.run[(label.start - count)..<label.start].map { cells[$0].raw }.joined()).label?.requestColumn != nil
        }) || Self.followsRemovedHeader(group.run[label.start], cells, headerLines: headerLines)
    }

    /// `true` when header cells repeated on a new page were taken out of the stream right before
    /// cell `index` (``withoutRepeatedHeaderLines(_:row:)``): `商业企` / `业` … `务机构` / `其他`, the
    /// header's last column left in as a row label.
    static func followsRemovedHeader(_ index: Int, _ cells: [StreamCell], headerLines: [Int]) -> Bool {
        guard cells.indices.contains(index) else { return false }
        let before = index > 0 ? cells[index - 1].line : Int.min
        return headerLines.contains { $0 > before && $0 < cells[index].line }
    }

    /// `true` when the nearest label cell before cell `index`, past values only, is an applicant
    /// column's header (`其他`, not `3.其他`): the header's cells interleaved with values (a
    /// `pdftotext` page of one block per cell: `组织` `机构` values `其他` values `总计` values), so
    /// a bare `总计` there is the header's last column, not the 总计 row.
    static func nearestLabelIsColumnHeader(before index: Int, _ cells: [StreamCell]) -> Bool {
        var position = index - 1
        while position >= 0, index - position <= 64 {
            switch cells[position].kind {
            case .barrier: return false
            case .value: position -= 1
            case .label(let facts): return facts.requestColumn != nil && !facts.hasEnumerator
            }
        }
        return false
    }

    /// The values of `group` after the last header line taken out as repeated among them, when
    /// such a line stands between two of its values or before its first (with no label of the
    /// group after it).
    static func valuesAfterRemovedHeader(_ group: CellGroup, _ cells: [StreamCell], headerLines: [Int]) -> [Int]? {
        guard let last = group.values.indices.last(where: { followsRemovedHeader(group.values[$0], cells, headerLines: headerLines) }),
              !group.run.contains(where: { $0 > group.values[last] }) else { return nil }
        return Array(group.values[last...])
    }

    /// The request rows below `key`'s in the template, in order (none for a key it lacks).
    func requestRows(below key: String) -> ArraySlice<RowSpec> {
        let rows = TemplateCatalog.rows(.requests, template)
        guard let index = rows.firstIndex(where: { $0.key == key }) else { return [] }
        return rows[(index + 1)...]
    }

    /// The label of a request row below `key`'s in the template that has been read already, if any.
    func laterRowRead(_ key: String, found: Set<String>) -> String? {
        requestRows(below: key).first { found.contains($0.key) }?.label
    }

    /// The label text of the row after `label`'s in the template when, in the run after this
    /// row's values, it stands wrapped over two lines and another row's label follows it there
    /// (it is given no values of its own; a piece of the group column's label, `本年`, `开`, is
    /// no wrap): `1.申请人无正当理由逾期不补正…` / `38 288 … 912` /
    /// `2.申请人逾期未按收费…政府信息` / `公开申请` / … `3.其他`. `pdftotext` sets the values of a row
    /// whose label is taller than they are before the label, so this row's values may be that
    /// row's (a blank row above, its marks dropped). Only for runs of one row's worth of values,
    /// none placed by the source.
    func wrappedRowBelow(_ groups: [CellGroup], _ position: Int, _ cells: [StreamCell], label: FoundLabel, width: Int,
                         row: (LabelFacts) -> String?, column: (LabelFacts) -> String?) -> String? {
        let values = groups[position].values
        guard position + 1 < groups.count, !values.isEmpty, values.count <= width,
              values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }) else { return nil }
        guard let belowRow = requestRows(below: label.key).first else { return nil }
        let below = belowRow.key
        let run = groups[position + 1].run
        // Chinese characters, not marks or punctuation, tell a label with more text in its block.
        func ideographs(_ text: String) -> Int { text.unicodeScalars.filter { $0.properties.isIdeographic }.count }
        let belowLabel = ideographs(belowRow.label)
        for offset in run.indices.dropLast() {
            let cell = cells[run[offset]], piece = cells[run[offset + 1]]
            guard !cell.positioned, let facts = cell.facts else { continue }
            var end = offset
            if row(facts) == below {
                // The label with more text in its block (its lines joined with the next page's header).
                guard ideographs(cell.raw) > belowLabel || piece.line > cell.line && Self.isWrappedPiece(piece.raw) && piece.facts.map({
                    !$0.hasEnumerator && column($0) == nil && row($0) == nil && !Self.isGroupColumnPiece($0.stripped)
                }) == true else { return nil }
                if ideographs(cell.raw) <= belowLabel { end = offset + 1 }
            } else {
                // The label's pieces on two lines (`…政府信息` / `公开申请`).
                guard piece.line > cell.line, Self.isWrappedPiece(piece.raw), let pieceFacts = piece.facts, !pieceFacts.hasEnumerator, column(pieceFacts) == nil,
                      row(pieceFacts) == nil, !Self.isGroupColumnPiece(pieceFacts.stripped),
                      cache.facts(cell.raw + piece.raw).label.flatMap(row) == below else { continue }
                end = offset + 1
            }
            let after = run[(end + 1)...].contains { next in cells[next].facts.flatMap(row).map { $0 != below } ?? false }
            return after ? run[offset...end].map { cells[$0].raw }.joined() : nil
        }
        return nil
    }

    /// The numbers of a block holding two whole numbers or more with single spaces between them
    /// (`119 104`), `nil` for anything else.
    static func numberPieces(_ raw: String) -> [Decimal]? {
        // Most cells hold one piece: told without splitting (`split`'s array was 1 % of a text run).
        guard raw.utf8.contains(0x20) else { return nil }
        let pieces = raw.split(separator: " ")
        guard pieces.count >= 2, pieces.allSatisfy({ $0.utf8.count <= 9 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
        return pieces.compactMap { Decimal(string: String($0)) }
    }

    /// `true` for a lone number after a row's label on one line, the row wider than one value:
    /// a sentence (`本年新收政府信息公开申请数量 4`), not the row.
    static func isSentence(_ group: CellGroup, _ label: FoundLabel, width: Int, _ cells: [StreamCell]) -> Bool {
        guard width > 1, group.values.count == 1, let only = group.values.first else { return false }
        return !cells[only].positioned && cells[only].line == label.line
    }

    /// Notes value cells that no row label claims.
    /// The row label that claims the values of `groups[position]` (a wrapped label's end may be
    /// taken from the next group's first line), or `nil`, noted, when no label of `table` is found
    /// or the order of labels and values was lost.
    private mutating func claimLabel(_ position: Int, in groups: inout [CellGroup], _ cells: [StreamCell], table: ReportTable,
                                     found: inout Set<String>, row: (LabelFacts) -> String?,
                                     column: (LabelFacts) -> String?) -> FoundLabel? {
        let group = groups[position]
        let next = position + 1 < groups.count ? groups[position + 1].run : []
        let template = template, known = found
        guard let (label, taken) = Self.findLabel(group.run, next: next, cells, cache: cache, found: known,
                                                  accept: { !known.contains($0) && TemplateCatalog.row(table, template, key: $0) != nil },
                                                  row: row, column: column) else {
            unplaced(group.values, cells, table)
            return nil
        }
        var continuationLines = taken.map { cells[groups[position + 1].run[$0]].line }
        // A label read whole without its wrapped end (`3.危及“三安全一稳` matching 3.危及“三安全一稳定”):
        // the end still stands on the line below the values, the next run's first cell.
        if continuationLines.isEmpty, position + 1 < groups.count, let first = groups[position + 1].run.first,
           let facts = cells[first].facts, !facts.hasEnumerator, row(facts) == nil, column(facts) == nil,
           !Self.containsNumbered(cells[first].raw) {
            continuationLines = [cells[first].line]
        }
        for offset in taken.reversed() { groups[position + 1].run.remove(at: offset) }
        // Values on the label's own line (its row's cells, or the rest of its line) belong to it,
        // whatever labels came before.
        let placedOnLabelLine = group.values.first.map { cells[$0].line == label.line } ?? false
        // So do values on the one line between a label's two lines (`2.其他法律行政法规禁止公` /
        // `117  982 …` / `开`): a layout text (`pdftotext -layout`) sets a row's cells midway
        // down its wrapped label, and a label is never split by another row's values.
        let enclosedByLabel = continuationLines.count == 1 && continuationLines.first == label.line + 2
            && !group.values.isEmpty && group.values.allSatisfy { cells[$0].line == label.line + 1 }
        // In a text given row by row, row labels straight before this one, with no value between
        // them, are rows left blank, also where this row's values stand on its label's line
        // (`3.补正后申请内容仍不明` / `确` / `（五）不` / `予处理` / `1.信访举报投诉类申请 143 182 …`):
        // lines of text in reading order, each label free of numbers (not a PDF's line that ran a
        // row's values into its label, `（一）予以公开38 1 93 161 293理结果`; not a layout text's line,
        // `pdftotext -layout` setting a row's values beside the middle of its tall cell).
        if placedOnLabelLine || enclosedByLabel, label.start > 0, rowByRow.contains(table),
           group.run.allSatisfy({ !cells[$0].positioned && !cells[$0].onSpacedLine }),
           group.values.allSatisfy({ !cells[$0].positioned && !cells[$0].onSpacedLine }),
           !group.run.contains(where: { Self.holdsNumberPastEnumerator(cells[$0].raw) }) {
            let unread = unreadLabels(group.run, label, cells, table: table, found: known, row: row, column: column)
            markBlankRows(unread, table: table, found: &found)
        }
        if !placedOnLabelLine && !enclosedByLabel {
            let unread = unreadLabels(group.run, label, cells, table: table, found: known, row: row, column: column)
            // In a text given row by row, row labels straight before this one, with no value
            // between them, are rows left blank; these values are this row's (numbers wrapped in
            // their cells counted once joined: `10588` / `6` / `841 …` / `10752` / `2`).
            if !unread.isEmpty, rowByRow.contains(table), let columns = TemplateCatalog.row(table, template, key: label.key)?.columns,
               group.values.count <= columns.count || table == .requests && Self.joinedWrappedNumbers(
                   group.values.map { ValueCell(cells[$0]) }, width: columns.count,
                   totalSlot: columns.firstIndex { $0.key == "total" } ?? columns.count - 1) != nil {
                markBlankRows(unread, table: table, found: &found)
            } else if table == .requests, let first = unread.first, let width = TemplateCatalog.row(table, template, key: label.key)?.columns.count,
                      position == 0 || groups[position - 1].values.count <= width, rowsAboveRead(first.key),
                      // Values before the stack that follow no row label (the header's, `2678 64393 …`
                      // then `一、本年新收…` `二、上年结转…`) may be the first stacked row's.
                      position == 0 || groups[position - 1].values.isEmpty || groups[position - 1].run.contains(where: { index in
                          cells[index].facts.map { row($0) != nil && (column($0) == nil || $0.hasEnumerator) } == true
                      }),
                      let runs = Self.stackedRequestRuns(unread.map(\.key) + [label.key], values: group.values, cells, width: width) {
                // Labels stacked over their rows (`三、本 （一）予以公开` / `年度办 （二）部分公开…`,
                // `pdftotext`), their values after the last: one split into rows keeps rule 2 in each.
                for (blank, run) in zip(unread, runs) {
                    let cell = blank.cell
                    stackedRequestRows.append((FoundLabel(key: blank.key, start: 0, text: cell.raw, location: cell.location, line: cell.line), run))
                }
                stackedOver[label.key] = unread.map(\.key)
                groups[position].values = runs.last ?? []
            } else if let other = unread.first {
                uncertain([other.key, label.key], table, label, found: &found)
                return nil
            }
        }
        return label
    }

    /// `true` when `text` holds an ASCII digit past its leading enumerator (`3.`, `12、`).
    static func holdsNumberPastEnumerator(_ text: String) -> Bool {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return text.utf8.drop { digits.contains($0) }.contains { digits.contains($0) }
    }

    /// Rows whose labels stand with no value before the next row's label in a text given row by
    /// row: left blank (null), known as blank for the column rules.
    private mutating func markBlankRows(_ labels: [(key: String, cell: StreamCell)], table: ReportTable, found: inout Set<String>) {
        for blank in labels {
            guard let spec = TemplateCatalog.row(table, template, key: blank.key), found.insert(blank.key).inserted else { continue }
            blankRowKeys[table, default: []].insert(blank.key)
            for column in spec.columns {
                setValue(nil, table, blank.key, column.key)
                note(.warning, "value.missing", path(table, blank.key, column.key),
                     "the row's label stands with no value before the next row's label, in a text that gives each row's values after its label: a row left blank (null, not 0)", blank.cell.location)
            }
        }
    }

    private mutating func unplaced(_ indices: [Int], _ cells: [StreamCell], _ table: ReportTable) {
        let given = indices.filter { cells[$0].isGivenValue }
        guard let first = given.first else { return }
        note(.warning, "table.values_unplaced", table.rawValue,
             "\(given.count) value(s) follow no row label of the table; they are not read", cells[first].location)
    }

    /// Leaves request row `key` null as `table.order_uncertain` (once), its values unread.
    private mutating func leaveRowUncertain(_ key: String, _ message: String, at location: SourceLocation,
                                            values: [Int], _ cells: [StreamCell], columns: [String], found: inout Set<String>) {
        guard found.insert(key).inserted else { return }
        for column in columns { setValue(nil, .requests, key, column) }
        note(.warning, "table.order_uncertain", "requests.\(key)", message, location)
        unplaced(values, cells, .requests)
    }

    /// The labels of request rows not read (not in `found`, not `excluding`) among the cells after
    /// `index`, in order, each once: a column header excepted.
    private func trailingRowLabels(after index: Int, _ cells: [StreamCell], found: Set<String>, excluding: String,
                                   row: (LabelFacts) -> String?, column: (LabelFacts) -> String?) -> [FoundLabel] {
        var labels: [FoundLabel] = []
        for cell in cells[(index + 1)...] where !cell.positioned {
            guard let facts = cell.facts, column(facts) == nil || facts.hasEnumerator, let key = row(facts), key != excluding,
                  !found.contains(key), TemplateCatalog.row(.requests, template, key: key) != nil,
                  !labels.contains(where: { $0.key == key }) else { continue }
            labels.append(FoundLabel(key: key, start: 0, text: cell.raw, location: cell.location, line: cell.line))
        }
        return labels
    }

    /// `true` when the two request rows above `key` in the template were read with a value, or
    /// read as left blank: no row's values went astray in the text just before it (the values that
    /// stand before stacked labels may be the first stacked row's, the values after them the next
    /// rows': `（一）予以公开` with no values, then `（二）部分公开…` with 1.属于国家秘密's). Rows further up
    /// (every row above: 1,100 fields fewer on a 600-report seed, no wrong number more) say nothing
    /// of the text here.
    private func rowsAboveRead(_ key: String) -> Bool {
        let rows = TemplateCatalog.rows(.requests, template)
        guard let index = rows.firstIndex(where: { $0.key == key }) else { return false }
        return rows[max(0, index - 2)..<index].allSatisfy { spec in
            blankRowKeys[.requests]?.contains(spec.key) == true || spec.columns.contains { report.requests[spec.key, $0.key] != nil }
        }
    }

    /// The values after labels of consecutive request rows stacked one over the other (`keys`, in
    /// the text's order, the last the label the values follow), cut into one run per row: the only
    /// cut into runs of one to `width` values in which every run keeps rule 2 with its last value
    /// as 总计 (blank marks 0, the 总计 a number or `无`). With a whole row for every label, the
    /// columns written one after another (each row's first value, then each row's second…) must
    /// not keep rule 2 in every row too; where no cut keeps it and they do (one row at least with
    /// two values not 0 and a 总计 not 0), they are the rows. `nil` when the labels are not
    /// consecutive rows, a value was placed by the source, or no reading or more than one keeps
    /// the rules.
    static func stackedRequestRuns(_ keys: [String], values: [Int], _ cells: [StreamCell], width: Int) -> [[Int]]? {
        guard keys.count >= 2, width >= 2, values.count >= keys.count, values.count <= keys.count * width,
              values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout && !cells[$0].delimited }) else { return nil }
        // Consecutive rows of one template, in order.
        guard let template = [TemplateVersion.v2021, .v2019].first(where: { version in
            let rows = TemplateCatalog.rows(.requests, version).map(\.key)
            guard let first = rows.firstIndex(of: keys[0]), first + keys.count <= rows.count else { return false }
            return Array(rows[first..<(first + keys.count)]) == keys
        }), TemplateCatalog.rows(.requests, template).last?.columns.count == width else { return nil }
        /// A part's amount (a blank mark 0), or `nil` for text.
        func part(_ index: Int) -> Decimal? {
            switch cells[index].value ?? .text {
            case .number(let value, _): value
            case .none, .blank, .placeholder: 0
            default: nil
            }
        }
        /// Rule 2 on the cells `run`, the last its 总计.
        func keepsRuleTwo(_ run: ArraySlice<Int>) -> Bool {
            guard let last = run.last else { return false }
            var sum: Decimal = 0
            for index in run.dropLast() {
                guard let value = part(index) else { return false }
                sum += value
            }
            switch cells[last].value ?? .text {
            case .number(let total, _): return total == sum
            case .none: return sum == 0
            // A mark for 总计 only in a row of marks.
            case .blank, .placeholder: return sum == 0 && run.count == width
            default: return false
            }
        }
        // ways[i][r]: the cuts (capped at 2) of the first i values into r runs.
        let count = values.count, rows = keys.count
        var ways = Array(repeating: Array(repeating: 0, count: rows + 1), count: count + 1)
        ways[0][0] = 1
        for end in 1...count {
            for length in 1...min(width, end) where keepsRuleTwo(values[(end - length)..<end]) {
                for row in 1...rows where ways[end - length][row - 1] > 0 {
                    ways[end][row] = min(2, ways[end][row] + ways[end - length][row - 1])
                }
            }
        }
        // The columns written one after another (each row's first value, then each row's
        // second…), read back into rows.
        let transposed = count == rows * width ? (0..<rows).map { row in (0..<width).map { column in values[column * rows + row] } } : nil
        if ways[count][rows] == 0, let transposed, transposed.allSatisfy({ keepsRuleTwo($0[...]) }) {
            // No cut keeps rule 2 and the columns one after another do (`82` `—` `143` `—` … `487` `—`:
            // （一）予以公开 82 143 — — 262 — 487, （二）部分公开 blank), one row at least checking it with
            // two values or more not 0.
            let checked = transposed.contains { run in
                guard let last = run.last, case .number(let total, _)? = cells[last].value, total != 0 else { return false }
                return run.dropLast().filter { if case .number(let part, _)? = cells[$0].value { part != 0 } else { false } }.count >= 2
            }
            return checked ? transposed : nil
        }
        guard ways[count][rows] == 1 else { return nil }
        // The one cut, walked back from the end.
        var runs: [[Int]] = []
        var end = count
        for row in stride(from: rows, to: 0, by: -1) {
            guard let length = (1...min(width, end)).first(where: { keepsRuleTwo(values[(end - $0)..<end]) && ways[end - $0][row - 1] > 0 }) else { return nil }
            runs.insert(Array(values[(end - length)..<end]), at: 0)
            end -= length
        }
        if let transposed {
            if transposed.allSatisfy({ keepsRuleTwo($0[...]) }) && transposed.map({ $0.map { cells[$0].raw } }) != runs.map({ $0.map { cells[$0].raw } }) { return nil }
        }
        return runs
    }

    /// `true` when `values` start with a run that keeps rule 2, of any length: two to `width`
    /// values, the last the sum of the others (a blank mark 0), or `width` marks (a row left blank,
    /// `-` in every cell).
    static func startsWithRuleTwoRun(_ values: [Int], _ cells: [StreamCell], width: Int) -> Bool {
        func isMark(_ index: Int) -> Bool {
            switch cells[index].value {
            case .placeholder?, .none?, .blank?: true
            default: false
            }
        }
        return (2...max(2, width)).contains { length in
            guard length <= values.count else { return false }
            let run = values[0..<length]
            return keepsRuleTwo(run.map { cells[$0] }) || length == width && run.allSatisfy(isMark)
        }
    }

    /// How many runs of two to `width` of `values` (cell indices), one after another from the
    /// first, keep rule 2 (``keepsRuleTwo(_:)``), each the one length that does, and how many
    /// values they take.
    static func leadingRuleTwoRuns(_ values: [Int], _ cells: [StreamCell], width: Int) -> (runs: Int, consumed: Int) {
        var start = 0, runs = 0
        while start < values.count {
            let lengths = (2...max(2, width)).filter { length in
                start + length <= values.count && keepsRuleTwo(values[start..<(start + length)].map { cells[$0] })
            }
            guard lengths.count == 1, let length = lengths.first else { break }
            runs += 1
            start += length
        }
        return (runs, start)
    }

    /// Notes rows whose labels and values the extractor wrote apart; their values are left null.
    private mutating func uncertain(_ keys: [String], _ table: ReportTable, _ label: FoundLabel, found: inout Set<String>) {
        for key in keys where found.insert(key).inserted {
            for column in (TemplateCatalog.row(table, template, key: key)?.columns ?? []) { setValue(nil, table, key, column.key) }
            note(.warning, "table.order_uncertain", "\(table.rawValue).\(key)",
                 "the text gives row labels apart from their values (columns written one after another): which values belong to this row is uncertain, so they are left null",
                 label.location)
        }
    }

    /// The columns of part 四 that the label cells of `run` name, in order, a name's pieces
    /// joined (`其他` `结果`: up to three cells, the fewest that name a column); cells that name
    /// none are skipped.
    static func columnNames(_ run: [Int], _ cells: [StreamCell], cache: CellFactsCache) -> [String] {
        var names: [String] = []
        var start = 0
        while start < run.count {
            var matched = 1
            for length in 1...min(3, run.count - start) {
                let text = run[start..<(start + length)].map { cells[$0].raw }.joined()
                if let column = cache.facts(text).label?.reviewColumn {
                    names.append(column)
                    matched = length
                    break
                }
            }
            start += matched
        }
        return names
    }

    // MARK: Shared helpers

    private mutating func note(_ severity: Severity, _ code: String, _ path: String?, _ message: String, _ location: SourceLocation?) {
        diagnostics.append(Diagnostic(severity, code: code, path: path, message: message, location: location))
    }

    /// Converts a value cell to a number, reporting placeholders and stray text. The cell's path
    /// is built only for a diagnostic. `recordLocation: false` leaves the location to the caller.
    private mutating func number(_ cell: ValueCell, _ table: ReportTable, _ row: String, _ columnKey: String,
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
            // A number or mark read as text: a piece of a line whose values the reader gave no place
            // (``TableRow/wrappedPieces``, ``TableRow/squeezedMarks``).
            if case .text = cache.facts(cell.raw).value {
                note(.warning, "value.unreadable", path(table, row, columnKey), "“\(cell.raw)” is not a number", cell.location)
            } else {
                note(.warning, "value.unreadable", path(table, row, columnKey),
                     "“\(cell.raw)” stands on a line whose values the text gives no proven place (pieces of numbers wrapped in their cells, or values squeezed among blank marks one space apart, `36  / /`): not read", cell.location)
            }
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

    /// Reads part 二 from its cells; `endLine` is the source line of the heading after the table.
    mutating func recognizeActiveDisclosure(_ cells: [StreamCell], endLine: Int? = nil) -> Set<String> {
        let cells = Self.withoutRepeatedHeader(cells) { $0.activeRow }
        var found: Set<String> = []
        var headerColumns: [String] = []
        var units: [String: MoneyUnit] = [:]
        let row: (LabelFacts) -> String? = { $0.activeRow }
        let column: (LabelFacts) -> String? = { $0.activeColumn }
        var groups = Self.groups(cells)
        // (Against the widest row's columns: a grid wider than that is wider than any row's.)
        let gridWider = Self.gridWiderThanColumns(groups, cells, width: TemplateCatalog.rows(.activeDisclosure, template).map(\.columns.count).max() ?? 0)
        // The values that stood right after a header line with no row label before them.
        var valuesAfterHeader = 0
        // One cell per line with empty lines for blank cells: decided once for the whole table.
        let linePitch = Self.linePitch(groups, cells, maxWidth: 3, blanksShown: emptyLinesShowBlanks, rowLabel: { $0.activeRow != nil },
                                       documentPitch: documentPitch, labelsApart: labelsApart)
        let blockPerCell = Self.separatedByEmptyLines(cells)
        if Self.readsRowByRow(groups, cells, row: row, width: 3, column: column) { rowByRow.insert(.activeDisclosure) }
        let template = template
        let width: (String) -> Int? = { TemplateCatalog.row(.activeDisclosure, template, key: $0)?.columns.count }
        for position in groups.indices {
            if let pitch = linePitch {
                // A row label with a whole row of empty lines below it is a row the source left blank.
                for blank in Self.blankRowLabels(groups[position].run, cells, pitch: pitch, width: width, row: row).reversed()
                where !found.contains(blank.key) {
                    let cell = cells[groups[position].run[blank.position]]
                    let label = FoundLabel(key: blank.key, start: 0, text: cell.raw, location: cell.location, line: cell.line)
                    groups[position].run.remove(at: blank.position)
                    guard let spec = admit(blank.key, label: label, table: .activeDisclosure, found: &found) else { continue }
                    for column in spec.columns {
                        setValue(nil, .activeDisclosure, blank.key, column.key)
                        note(.warning, "value.missing", path(.activeDisclosure, blank.key, column.key),
                             "the cell is blank: value not given (null, not 0)", cell.location)
                    }
                }
            }
            let group = groups[position]
            // The header: the latest line of column labels; units wherever a column label states one.
            var line = -1
            var lineColumns: [String] = []
            for index in group.run {
                guard let facts = cells[index].facts, let key = facts.activeColumn else { continue }
                if let unit = facts.moneyUnit { units[key] = unit }
                if cells[index].line != line {
                    if lineColumns.count >= 2 { headerColumns = lineColumns }
                    line = cells[index].line
                    lineColumns = []
                }
                if !lineColumns.contains(key) { lineColumns.append(key) }
            }
            if lineColumns.count >= 2 { headerColumns = lineColumns }
            // Column order is read only from a line naming several columns: a lone column label
            // on its line says nothing about where it stands (columns written one after another).
            if headerColumns.count < 2 { headerColumns = [] }

            guard let label = claimLabel(position, in: &groups, cells, table: .activeDisclosure, found: &found, row: row, column: column) else {
                // Values right after a header line, no row label before them (counted over the
                // header's cells when each is followed by its value: `上一年项目数量  920  本年增/减  52 …`).
                if group.run.contains(where: { cells[$0].facts?.activeColumn != nil }),
                   group.values.contains(where: { cells[$0].isGivenValue && !cells[$0].positioned && !cells[$0].placedByLayout }) {
                    valuesAfterHeader += group.values.count
                }
                continue
            }
            if Self.isSentence(group, label, width: TemplateCatalog.row(.activeDisclosure, template, key: label.key)?.columns.count ?? 0, cells) {
                unplaced(group.values, cells, .activeDisclosure)
                continue
            }
            guard let spec = admit(label.key, label: label, table: .activeDisclosure, found: &found) else { continue }
            // Labels of two other rows not read stacked before this row's label, no value among them,
            // and values further on that follow no row label (pdfminer: `规章` `行政规范性文件` `信息内容`
            // `行政许可` `行政处罚` `行政强制` `信息内容` `行政事业性收费` `276` `第二十条第（五）项` `172` …,
            // or `规章` `行政规范性文件` `信息内容` `行政许可` `79` `第二十条第（五）项` `本年处理决定数量` `435`):
            // the text writes the labels of several tables first and their values after, so the
            // values after this label are not proven its own (276 and 79 are 行政规范性文件's). A
            // header among the labels is not asked for: the text takes a repeated header's cells out
            // (`信息内容`). Rows left blank stack their labels too (pandoc: `行政许可` / `第二十条第（六）项` /
            // `信息内容` / `行政处罚` / `行政强制  555`), but every value there follows its row's label.
            let stackedRows = Set(group.run.compactMap { cells[$0].facts.flatMap(row) }).subtracting(found)
            if stackedRows.count >= 2,
               !group.values.isEmpty,
               groups[(position + 1)...].contains(where: { later in
                   !later.run.contains(where: { cells[$0].facts.flatMap(row) != nil })
                       && later.values.contains(where: { cells[$0].isGivenValue && !cells[$0].positioned && !cells[$0].placedByLayout })
               }),
               group.values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }) {
                for column in spec.columns { setValue(nil, .activeDisclosure, label.key, column.key) }
                note(.warning, "table.order_uncertain", "active_disclosure.\(label.key)",
                     "the row's label follows the labels of other rows not read (\(stackedRows.sorted().joined(separator: ", "))), with no value among them, and values further on follow no row label: the text writes the labels of several tables before their values, so which values are this row's is uncertain; left null",
                     label.location)
                unplaced(group.values, cells, .activeDisclosure)
                continue
            }
            // Values right after the header, before any row label, fewer than a row, then this row's
            // label and more values, none placed by the source: the text sets a row's values before
            // its label as well as after it (`pdftotext`: `194` / `规章` / `84  198  993`, the last
            // three 规范性文件's, its label far below), so which are this row's is uncertain.
            defer { valuesAfterHeader = 0 }
            if valuesAfterHeader > 0, valuesAfterHeader < spec.columns.count, !group.values.isEmpty,
               group.values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }) {
                for column in spec.columns { setValue(nil, .activeDisclosure, label.key, column.key) }
                note(.warning, "table.order_uncertain", "active_disclosure.\(label.key)",
                     "values stand right after the table's header before any row label, and more after “\(label.text)”: the text sets a row's values before its label as well as after it, so which are this row's is uncertain; left null",
                     label.location)
                unplaced(group.values, cells, .activeDisclosure)
                continue
            }
            // Part 二's rows have no sum rule to check their values' order: stacked values void it.
            if blockPerCell, let stacked = Self.stackedValues(group, cells) {
                noteStacked(stacked, .activeDisclosure, label)
                continue
            }
            // Nor a value that stands under the label in the label's own block: the next row's.
            // (In a text whose empty lines part cells, only where the next row's label follows with
            // no value after it, `行政处罚` / `2` / `` / `行政强制` / `第二十条第（八）项`: a text of one cell
            // a line, `行政处罚` / `633` / `` / `7` / `行政强制` / `35`, gives each row its own. So too
            // in a table finder's text, `行政处罚` / `19` / `行政强制` / `第二十条第（八）项`, 19 行政强制's.)
            if blockPerCell || documentBlocks || (emptyLinesPartCells || tableFinderGrids) && Self.nextRowLabelValueless(group, cells, row: row),
               let under = Self.valueUnderLabel(group, label, cells) {
                note(.warning, "table.order_unproven", "active_disclosure.\(label.key)",
                     blockPerCell || documentBlocks || emptyLinesPartCells
                        ? "the value `\(under.raw)` after row “\(LabelText.key(label.text))” stands on the line right below the label with no empty line between, in a text that parts its blocks by empty lines: the text shows it under the label (the next row's cell, its label set after it), not beside it in this row; its values are left null"
                        : "the value `\(under.raw)` after row “\(LabelText.key(label.text))” stands on the line right below the label, and the next row's label right after it with no value of its own, in a text whose `|` tables start at rows of values (a table finder's, markitdown), which writes a value beside its label before or after it: it may be the next row's; its values are left null",
                     label.location)
                unplaced(group.values, cells, .activeDisclosure)
                continue
            }
            // Columns: the latest header if it fits this row, else the template's own order.
            let specKeys = spec.columns.map(\.key)
            var columns = headerColumns.filter { specKeys.contains($0) }
            var (values, leftOver) = linePitch.flatMap { Self.slotValues(group, cells, pitch: $0, width: specKeys.count, endLine: endLine) }
                .map { ($0, [Int]()) } ?? Self.rowValues(group, label, count: specKeys.count, cells, gridWider: gridWider)
            unplaced(leftOver, cells, .activeDisclosure)
            if columns.isEmpty || columns.count < min(values.count, specKeys.count) { columns = specKeys }
            while values.count > columns.count, let last = values.last, case .blank = last.value { values.removeLast() }
            if values.count != columns.count {
                if values.count > columns.count, values.count == specKeys.count {
                    columns = specKeys
                } else {
                    note(.warning, "table.row_shape", "active_disclosure.\(label.key)",
                         "row “\(label.text)” has \(values.count) value(s) for \(columns.count) column(s); its values are left null", label.location)
                    continue
                }
            }
            // A change (增9, 减16) stands only in a change column: anywhere else the values are not this row's.
            if let misplaced = zip(columns, values).first(where: { $0.0 != "change" && Self.isSigned($0.1.raw) }) {
                note(.warning, "table.row_shape", "active_disclosure.\(label.key)",
                     "row “\(label.text)” would put the change “\(misplaced.1.raw)” in column \(misplaced.0): its values are not in order, so they are left null", label.location)
                continue
            }
            // A number with a fraction is money, never a count: one read in a count column (a
            // lone 采购总金额 `562.86` counted into 采购项目数量's place) shows the values out of place.
            if let misplaced = zip(columns, values).first(where: { pair in
                guard spec.columns.first(where: { $0.key == pair.0 })?.isMoney == false, case .number(let value, _) = pair.1.value else { return false }
                var whole = Decimal()
                var copy = value
                NSDecimalRound(&whole, &copy, 0, .plain)
                return whole != value
            }) {
                note(.warning, "table.order_unproven", "active_disclosure.\(label.key)",
                     "row “\(label.text)” would put `\(misplaced.1.raw)`, not a whole number, in the count column \(misplaced.0): its values are not in place, so they are left null", label.location)
                continue
            }
            let defaultUnit: MoneyUnit? = label.key == "fees" && template == .v2021 ? .tenThousandYuan : .yuan
            for (columnKey, cell) in zip(columns, values) {
                guard let columnSpec = spec.columns.first(where: { $0.key == columnKey }) else { continue }
                report.activeDisclosure[label.key, columnKey] = number(cell, .activeDisclosure, label.key, columnKey, column: columnSpec,
                                                                       headerUnit: units[columnKey], defaultUnit: defaultUnit)
            }
        }
        return found
    }

    /// `true` for a change written with its sign word: `增9`, `减16`.
    private static func isSigned(_ raw: String) -> Bool {
        let text = raw.trimmingSpaces()
        return text.hasPrefix("增") || text.hasPrefix("减")
    }

    // MARK: 三、申请

    /// Column keys of each line of labels that has no values, in order.
    private static func headerLines(_ cells: [StreamCell], _ column: (LabelFacts) -> String?) -> [[String]] {
        // Lines increase along the stream: a flag per line, not a set.
        var withValues = Array(repeating: false, count: (cells.last?.line ?? 0) + 1)
        for index in cells.indices where cells[index].isGivenValue {
            let line = cells[index].line
            if line < withValues.count { withValues[line] = true }
        }
        var lines: [[String]] = []
        var line = -1
        // A key met again on its line starts the next group's header (part 四's three groups on
        // one line): the line's order is its first group's, whatever cells later groups merged
        // (`结果维持 结果纠正 | 其他结果 | … | 结果维持 | 结果纠正 其他结果`, a table finder's grid).
        var repeated = false
        for index in cells.indices {
            let cellLine = cells[index].line
            guard cellLine < withValues.count, !withValues[cellLine], let facts = cells[index].facts, let key = column(facts) else { continue }
            if cellLine != line {
                lines.append([])
                line = cellLine
                repeated = false
            }
            if repeated { continue }
            if lines[lines.count - 1].contains(key) { repeated = true } else { lines[lines.count - 1].append(key) }
        }
        return lines
    }

    /// The applicant column order the header states; the template's when it says nothing clear.
    private func requestColumnOrder(_ cells: [StreamCell]) -> [String] {
        let canonical = TemplateCatalog.applicantColumns.map(\.key)
        let organisations: Set<String> = ["commercial", "research", "social_welfare", "legal_service", "other_org"]
        var best: [String] = []
        for keys in Self.headerLines(cells, { $0.requestColumn })
        where keys.filter(organisations.contains).count > best.filter(organisations.contains).count {
            best = keys
        }
        var order: [String] = []
        for key in best where !order.contains(key) { order.append(key) }
        if !order.contains("natural_person") { order.insert("natural_person", at: 0) }
        if !order.contains("total") { order.append("total") }
        return Set(order) == Set(canonical) && order.count == canonical.count ? order : canonical
    }

    /// Reads part 三 from its cells; `endLine` is the source line of the heading after the table.
    mutating func recognizeRequests(_ cells: [StreamCell], endLine: Int? = nil) -> Set<String> {
        // (Asked of the cells before repeated header lines are taken out: the header is the evidence.
        // The order's width is the template's applicant columns, whatever their order.)
        let narrowHeaders = Self.narrowHeaderGrids(cells, width: TemplateCatalog.applicantColumns.count) { $0.requestColumn }
        let (cells, headerLines) = Self.withoutRepeatedHeaderLines(cells) { $0.requestRow }
        var found: Set<String> = []
        let order = requestColumnOrder(cells)
        let totalSlot = order.firstIndex(of: "total") ?? 6
        let aligner = RowAligner(slotCount: order.count, rules: [
            RowAligner.SumRule(total: totalSlot, parts: order.indices.filter { $0 != totalSlot }),
        ])
        let row: (LabelFacts) -> String? = { $0.requestRow }
        let column: (LabelFacts) -> String? = { $0.requestColumn }
        var groups = Self.groups(cells)
        // One cell per line with empty lines for blank cells: decided once for the whole table.
        let linePitch = Self.linePitch(groups, cells, maxWidth: order.count, blanksShown: emptyLinesShowBlanks, rowLabel: { $0.requestRow != nil },
                                       labelsApart: labelsApart)
        if Self.readsRowByRow(groups, cells, row: row, width: order.count, totalSlot: totalSlot, cache: cache) { rowByRow.insert(.requests) }
        // A text of one block per cell (`pdftotext`): whether the group just before gave a row two
        // or more of whose values stand on one line, one block spanning several columns.
        let blockPerCell = Self.separatedByEmptyLines(cells)
        let gridWider = Self.gridWiderThanColumns(groups, cells, width: order.count)
        let narrowGrids = Self.narrowGrids(groups, cells, width: order.count).union(narrowHeaders)
        let offColumnFields = Self.offColumnFields(cells, width: order.count)
        var previousSpanned = false
        // Labels of rows given one value alone (not placed by the source), by group.
        var shortRowLabels: [Int: String] = [:]
        // The last group whose numbered label piece matched no row, and that piece.
        var unmatchedNumbered: (position: Int, text: String)?
        // The last group whose row was left null because its values stood before its label.
        var displacedRow: Int?
        // Whether that row was the table's first.
        var displacedFirstRow = false
        for position in groups.indices {
            let afterSpanned = previousSpanned
            previousSpanned = false
            if let pitch = linePitch {
                // A row label with a whole row of empty lines below it is a row the source left blank.
                for blank in Self.blankRowLabels(groups[position].run, cells, pitch: pitch, width: { _ in order.count }, row: row).reversed()
                where !found.contains(blank.key) && TemplateCatalog.row(.requests, template, key: blank.key) != nil {
                    let cell = cells[groups[position].run[blank.position]]
                    let label = FoundLabel(key: blank.key, start: 0, text: cell.raw, location: cell.location, line: cell.line)
                    groups[position].run.remove(at: blank.position)
                    guard admit(blank.key, label: label, table: .requests, found: &found) != nil else { continue }
                    let blanks = (0..<order.count).map { slot in ValueCell(blankAt: .line((cell.location.line ?? 0) + (slot + 1) * pitch)) }
                    assign(blanks, at: cell.location, to: .requests, row: blank.key, columns: order, aligner: aligner, ruleName: "rule 2 (总计 = 自然人 + 法人或其他组织)")
                }
            }
            let unclaimed = groups[position]
            guard let label = claimLabel(position, in: &groups, cells, table: .requests, found: &found, row: row, column: column) else {
                // Values left unread that share a line span columns all the same: the blocks under
                // them come out of order (`（七）总计` read before, `3162` / `3688 571672` / … then
                // `四、结转下年度继续办理`'s blocks).
                // (Whether the text is one of blocks is asked of the row after them.)
                previousSpanned = Self.sharesALine(unclaimed.values.map { ValueCell(cells[$0]) })
                // A numbered label piece no row matches, its values unread (`3.补正后申请内容仍`
                // then `15213 15251 — 83 88 — 209`): its end may stand after them.
                if let last = unclaimed.run.last, !unclaimed.values.isEmpty, Self.containsNumbered(cells[last].raw) {
                    unmatchedNumbered = (position, cells[last].raw)
                }
                // A row label given one value alone, left unread (two rows' labels before one value).
                if unclaimed.values.count == 1, let value = unclaimed.values.first, !cells[value].positioned,
                   let labelCell = unclaimed.run.last(where: { cells[$0].facts.flatMap(row) != nil }) {
                    shortRowLabels[position] = cells[labelCell].raw
                }
                continue
            }
            // Rows whose labels stood stacked over this one's, their values cut from this run.
            for stacked in stackedRequestRows {
                guard admit(stacked.label.key, label: stacked.label, table: .requests, found: &found) != nil else { continue }
                let values = stacked.values.map { ValueCell(cells[$0]) }
                note(.info, "table.stacked_labels", "requests.\(stacked.label.key)",
                     "the row's label stands over the next row's (“\(LabelText.key(label.text))”) with no value between them, the values of both after the last: `\(ValueCell.shown(values))` are this row's, the one reading of those values (a run per row, or their columns one after another) that keeps rule 2 in every row", stacked.label.location)
                assign(values, at: stacked.label.location, to: .requests, row: stacked.label.key, columns: order, aligner: aligner,
                       ruleName: "rule 2 (总计 = 自然人 + 法人或其他组织)")
            }
            stackedRequestRows = []
            // The numbered label of a row already read right before this one's, no value between,
            // and two runs or more after them that keep rule 2 (pdfminer: `（七）总计` /
            // `四、结转下年度继续办理` / 14 values, 总计's row taken by a bare `总计` header before): the
            // first run may be that row's, so none is proven this row's.
            if groups[position].values.count > order.count,
               groups[position].values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }),
               Self.leadingRuleTwoRuns(groups[position].values, cells, width: order.count).runs >= 2,
               let other = groups[position].run[..<label.start].last(where: { index in
                   guard let facts = cells[index].facts, let key = row(facts) else { return false }
                   return key != label.key && facts.hasEnumerator && found.contains(key)
               }) {
                leaveRowUncertain(label.key, "the row's label follows another row's (“\(cells[other].raw)”) with no value between them, and \(groups[position].values.count) values follow, two rows or more by rule 2: the first of them may be that row's, so which are this row's is uncertain; left null",
                                  at: label.location, values: groups[position].values, cells, columns: order, found: &found)
                continue
            }
            // More values than the row has, the table's last run of values, and labels of rows not
            // read after them with no values of their own (`（七）总计` / 14 values / `四、结转下年度继续办理`):
            // the text set those rows' values before their labels. The values are cut into one run
            // per row where one cut alone keeps rule 2 in every row (as for labels stacked before
            // their values); otherwise which are this row's is uncertain (`5.要求行政机关确认…` / 7
            // values, （六）其他处理's / the 总计's pieces / `（六）其他处理` `（七）总计` …).
            if position == groups.count - 1, groups[position].values.count > order.count, let last = groups[position].values.last,
               groups[position].values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }) {
                let unread = trailingRowLabels(after: last, cells, found: found, excluding: label.key, row: row, column: column)
                // Labels of rows above this one among them (`3.要求提供公开出版物`, its values read
                // nowhere) are set aside where every row below is given a whole row of values.
                let rows = TemplateCatalog.rows(.requests, template).map(\.key)
                let below = rows.firstIndex(of: label.key).map { Set(rows[($0 + 1)...]) } ?? []
                let trailing = unread.filter { below.contains($0.key) }
                let wholeRows = groups[position].values.count == (trailing.count + 1) * order.count
                if let first = unread.first {
                    let values = groups[position].values
                    guard trailing.count == unread.count || wholeRows && !trailing.isEmpty,
                          let runs = Self.stackedRequestRuns([label.key] + trailing.map(\.key), values: values, cells, width: order.count) else {
                        leaveRowUncertain(label.key, "the row is followed by \(values.count) values for its \(order.count) cells, the table's last, and then by the label of a row not read (“\(LabelText.key(first.text))”) with no values after it: the text set that row's values before its label, and no one cut of the values into a run per row keeps rule 2 in each, so which of these values are this row's is uncertain; left null",
                                          at: label.location, values: values, cells, columns: order, found: &found)
                        continue
                    }
                    groups[position].values = runs[0]
                    for (trailingLabel, run) in zip(trailing, runs.dropFirst()) {
                        guard admit(trailingLabel.key, label: trailingLabel, table: .requests, found: &found) != nil else { continue }
                        let cellsOfRun = run.map { ValueCell(cells[$0]) }
                        note(.info, "table.stacked_labels", "requests.\(trailingLabel.key)",
                             "the row's label follows the values of the rows above it (“\(LabelText.key(label.text))” and on) with no value after it, the table's last: `\(ValueCell.shown(cellsOfRun))` are this row's, the one reading of those values (a run per row, or their columns one after another) that keeps rule 2 in every row", trailingLabel.location)
                        assign(cellsOfRun, at: trailingLabel.location, to: .requests, row: trailingLabel.key, columns: order, aligner: aligner,
                               ruleName: "rule 2 (总计 = 自然人 + 法人或其他组织)")
                    }
                }
            }
            let group = groups[position]
            // The end of that label (`不明确`) read as the row's label after those values: the
            // label wraps around a run of values, and the values after its end may be pieces of
            // numbers wrapped in their cells (`1` `1` of 152131 and 152511), so neither run is
            // proven the row's (`pdftotext`). Left null.
            if let before = unmatchedNumbered, before.position == position - 1, !Self.containsNumbered(label.text),
               cache.facts(label.text).label?.hasEnumerator == false, cache.facts(before.text).label.flatMap(row) == nil,
               cache.facts(before.text + label.text).label.flatMap(row) == label.key {
                unmatchedNumbered = nil
                leaveRowUncertain(label.key, "row label “\(LabelText.key(before.text + label.text))” is written around a run of values (“\(before.text)” before them, “\(label.text)” after): which values are this row's is uncertain; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            unmatchedNumbered = nil
            // A bare `总计` after part 四's column headers (`其他结` `果` `尚未审` `结` `总计`, then
            // that table's values, set by `pdftotext` before part 四's heading) is a header of that
            // table, not the requests' 总计 row.
            if label.key == "results_total", cache.facts(label.text).label?.hasEnumerator == false, label.start > 0,
               cache.facts(group.run[max(0, label.start - 4)..<label.start].map { cells[$0].raw }.joined()).label?.reviewColumn != nil {
                let given = group.values.filter { cells[$0].isGivenValue }.count
                note(.warning, "table.values_unplaced", ReportTable.requests.rawValue,
                     "“\(label.text)” follows column headers of part 四 (行政复议、行政诉讼): a header of that table, not this table's 总计 row; the \(given) value(s) after it are not read", label.location)
                continue
            }
            // A bare `其他` or `总计` right after the applicant columns' headers (`法律服` `务机构` `其他`,
            // the header repeated on a new page, `pdftotext`) is the header's column, not row 3.其他
            // or the 总计 row: the values after it are a row whose label stands elsewhere.
            if label.key == "other_misc" || label.key == "results_total", cache.facts(label.text).label?.hasEnumerator == false,
               headerRightBefore(label, in: group, cells, headerLines: headerLines)
               || label.key == "results_total" && label.start == 0 && cache.facts(label.text).label?.hasEnumerator == false
               && Self.nearestLabelIsColumnHeader(before: group.run[label.start], cells) {
                let given = group.values.filter { cells[$0].isGivenValue }.count
                note(.warning, "table.values_unplaced", ReportTable.requests.rawValue,
                     "“\(label.text)” follows the applicant columns' headers: the header's column, not a row; the \(given) value(s) after it are not read", label.location)
                continue
            }
            if Self.isSentence(group, label, width: order.count, cells) {
                unplaced(group.values, cells, .requests)
                continue
            }
            if Self.valuesBetweenLabels(groups, position, cells, label: label, row: row) {
                leaveRowUncertain(label.key, "the row's values stand on lines of their own between its label and the next row's, whose line holds none of its values: as near to that row as to this one (a layout text centring a row's values in a cell taller than its label), so which row they are is uncertain; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            // Three values or more right after the header repeated on a new page, fewer than a row,
            // following no row label (header cells left in, `总计` `其他`, aside), then this label and
            // more values: the new page's first row sets its values before its label (`…  536` /
            // `申请人情况` … `223  165  253  686  118  1445` / `2.其他法律行政法规禁止公开` / `159 …`, the
            // last 3.危及's). (After a row label and a value before the header, `2.其他…` `/` / header /
            // `78 81 239 125 212`, they are that row's.)
            if position > 0, !group.values.isEmpty,
               let tail = Self.valuesAfterRemovedHeader(groups[position - 1], cells, headerLines: headerLines),
               (3..<order.count).contains(tail.count), tail.count == groups[position - 1].values.count,
               !groups[position - 1].run.contains(where: { cells[$0].facts.map { row($0) != nil && column($0) == nil } == true }),
               (tail + group.values).allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }) {
                leaveRowUncertain(label.key, "values stand after the table's header repeated on a new page and before the row's label, and more after it: the new page's first row sets its values before its label as well as after it, so which are this row's is uncertain; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            if Self.rowBeforeLabel(groups, position, cells, width: order.count, firstRow: found.isEmpty,
                                   afterDisplaced: displacedRow == position - 1, afterFirstRow: displacedFirstRow,
                                   blockText: blockPerCell || emptyLinesPartCells, row: row) {
                displacedFirstRow = found.isEmpty
                displacedRow = position
                leaveRowUncertain(label.key, "the values right before the row's label, more than a row after the label above or following no row label, end in a run that keeps this row's sum rule: the row's values may stand before its label as well as after it, so which are this row's is uncertain; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            if let valueless = Self.gridRowBeforeValuelessLabel(groups, position, label, cells, row: row) {
                leaveRowUncertain(label.key, "the row's label stands on a line of its own and its values in a table row below it with no label, and the next row label after them (“\(LabelText.key(valueless))”) has no values of its own before another row's: the text set the PDF's table rows apart from the labels beside them (a table finder's grid, markitdown), so these values may be that row's; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            if Self.pieceBeforeWholeGridRow(group, cells, width: order.count) {
                leaveRowUncertain(label.key, "the row's values are numbers on lines of their own and then a table row whose fields from its first value to its last are as many as the row's cells, blanks in their places (`0` / `| | 68 | | 112 | … | 656 |`): that table row is a whole row by itself, the numbers before it pieces of another (a wrapped number's end), and which row the table row is, a text that sets table rows apart from their labels (a table finder's grid, markitdown) does not show; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            if Self.valuesAfterHeader(group, label, cells, headerLines: headerLines, column: column),
               let later = laterRowRead(label.key, found: found) {
                leaveRowUncertain(label.key, "the table's header stands between the row's label and the values after it (the header repeated on a new page), and a row below this one (“\(later)”) was read before it: the label stands out of its place in the text, and the values after the header are a row of the new page, whose label may stand after them, so which row they are is uncertain; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            // A label standing after one of the next rows' in the template was read, in a text rebuilt
            // in reading order: the text moved it out of its place (`4.保护第三方合法权益` /
            // `5.属于三类内部事务信息` / 4's values / `1.属于国家秘密` / 5's values, row 1 left blank),
            // so the values after it may be a row's above it. (Not 总计 or 3.其他, whose bare header
            // cells, `总计` `其他`, may have been read as the row.)
            if emptyLinesPartCells || labelsApart, !rowByRow.contains(.requests), !found.contains(label.key),
               group.values.allSatisfy({ !cells[$0].positioned && !cells[$0].placedByLayout }),
               let later = requestRows(below: label.key).prefix(4).first(where: { found.contains($0.key) && !["results_total", "carried_forward", "other_misc"].contains($0.key) }) {
                leaveRowUncertain(label.key, "a row below this one (“\(LabelText.key(later.label))”) was read before its label: the label stands out of its place in the text, which sets some rows' values apart from their labels, so the values after it may be another row's; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            if blockPerCell, let below = wrappedRowBelow(groups, position, cells, label: label, width: order.count, row: row, column: column) {
                leaveRowUncertain(label.key, "the next row's label (“\(LabelText.key(below))”), wrapped over two lines, follows this row's values with no values of its own after it: a text of one block per cell (`pdftotext`) sets a row's values before its label when the label is the taller, so these values may be that row's; left null",
                                  at: label.location, values: group.values, cells, columns: order, found: &found)
                continue
            }
            guard admit(label.key, label: label, table: .requests, found: &found) != nil else {
                // A row read already: its values here go unread, and where they share a line they
                // span columns all the same (`（七）总计` / `1849 669724 2344`, the first 总计 read
                // as uncertain before; the blocks of 结转下年度 under them came out of order).
                previousSpanned = Self.sharesALine(groups[position].values.map { ValueCell(cells[$0]) })
                continue
            }
            // (The header's last cells in the run before the label, `法律服` `务机构`, or its lines taken
            // out; not the table's first header, rows read before this one. Asked only of a text rebuilt
            // in reading order, the one kind of text ``solvePendingRequestRows`` uses it for.)
            if found.count > 1, emptyLinesPartCells || labelsApart, !rowByRow.contains(.requests),
               headerRightBefore(label, in: group, cells, headerLines: headerLines) {
                rowsAfterRepeatedHeader.insert(label.key)
            }
            // Counted from the label, checked by rule 2 (a blank counted as 0, as reports mean it).
            let counted = linePitch.flatMap { Self.slotValues(group, cells, pitch: $0, width: order.count, endLine: endLine) }
                .flatMap { Self.keepsSums($0, totals: [totalSlot: order.indices.filter { $0 != totalSlot }], blankTotal: true) ? $0 : nil }
            let onNarrowGrid = group.values.first.map { narrowGrids.contains(cells[$0].rowFieldCount) } ?? false
            var (values, leftOver) = counted.map { ($0, [Int]()) }
                ?? Self.rowValues(group, label, count: order.count, cells, gridWider: gridWider || onNarrowGrid)
            // The two parts split from one squashed number, whose order nothing proves, and the
            // parts after them, whose order the collision leaves unproven too.
            var squashedParts: [Int] = []
            var afterSquashed: [Int] = []
            var beforeSquashed: [Int] = []
            // A row of a table that breaks rule 2 with more table rows of values below it before the
            // next label (`| 5.要求…确认或重新 | 91148 | … | 91227 |` / `| | | 145 | 126 | … |` /
            // `| 出具已获取信息 | 4 | … | 8 |`): a table finder's grid laid on a PDF cut the row's
            // numbers wrapped in their cells into rows of their own, so the row's values are pieces.
            // So too with such rows right above it, on lines of no label (`| | 91476 | … | 92855 |` /
            // `| | | 2199 | … |` / `一、本年新收…` / `| | 0 | … | 3 |`; or below the row above's own,
            // `| 6.属于四类… | 113 | … |` / `| | 75336 | … |` / `| 7.属于行政执法案卷 | 1 | | | 7 | … | 39 |`).
            let piecesAbove = position > 0 && group.run.indices.contains(label.start)
                && groups[position - 1].values.last(where: { cells[$0].isGivenValue }).map { last in
                    cells[last].positioned && cells[last].line + 2 >= cells[group.run[label.start]].line
                        && !groups[position - 1].run.contains(where: { cells[$0].line == cells[last].line })
                } == true
            // Or below it after a piece of a group cell's label, no row's (`| | | 2.没有现成信息需要 | … | 99159 |
            // | | 99249 |` / `| | 无法提 | | 230 | … |` / `| | … | 6 | | | 8 |`, 991596 and 992498 wrapped).
            let piecesBelow = position + 1 < groups.count
                && !groups[position + 1].run.contains(where: { cells[$0].facts.flatMap(row) != nil })
                && groups[position + 1].values.first(where: { cells[$0].isGivenValue }).map { next in
                    cells[next].positioned && group.values.last.map { cells[next].line <= cells[$0].line + 2 } == true
                } == true
            if counted == nil, values.count == order.count, values.allSatisfy({ $0.positioned && !$0.placedByLayout }),
               piecesAbove || piecesBelow || leftOver.contains(where: { cells[$0].positioned && cells[$0].isGivenValue }),
               !Self.keepsSums(values, totals: [totalSlot: order.indices.filter { $0 != totalSlot }]) {
                for column in order { setValue(nil, .requests, label.key, column) }
                note(.warning, "table.order_unproven", "requests.\(label.key)",
                     "row's values `\(ValueCell.shown(values))` break rule 2 (总计 = 自然人 + 法人或其他组织), and table rows of values with no label stand right \(piecesAbove ? "above" : "below") them: the row's numbers may be wrapped in their cells and cut into rows of their own, so its values are pieces; left null", label.location)
                unplaced(leftOver, cells, .requests)
                continue
            }
            if let kept = Self.withoutUnplacedBlankMarks(values) {
                values = kept
                rowsWithoutTheirMarks.insert(label.key)
            }
            // The values cut off as too many for the row (left over) may be pieces of wrapped numbers too.
            let read = values + leftOver.map { ValueCell(cells[$0]) }
            if counted == nil, let joined = Self.joinedWrappedNumbers(read, width: order.count, totalSlot: totalSlot) {
                note(.info, "table.wrapped_number", "requests.\(label.key)",
                     "row's values `\(ValueCell.shown(read))` break rule 2 as read; numbers wrapped in their cells onto the next line are joined (`\(ValueCell.shown(joined))`): the only joining of pieces on neighbouring lines that leaves no more values than columns and keeps rule 2", label.location)
                values = joined
                leftOver = []
            } else if counted == nil, leftOver.isEmpty, let split = Self.splitSquashedNumber(values, width: order.count, totalSlot: totalSlot) {
                note(.info, "table.squashed_number", "requests.\(label.key)",
                     "row's values `\(ValueCell.shown(values))` are one fewer than its cells and break rule 2 as read; two numbers written without a space between them are split (`\(ValueCell.shown(split))`): the only split of one number that keeps rule 2", label.location)
                // Two parts squashed together: the extractor set them where their places collide,
                // and rule 2 holds in either order (`28611` for 11 then 286). Only a 总计 last is placed.
                if let first = values.indices.first(where: { values[$0].raw != split[$0].raw }), first + 1 < split.count, first + 1 != totalSlot {
                    squashedParts = [first, first + 1]
                    // Where two places collide, the values after them on that line may be out of
                    // x-order too (`197 296 4277 178` / `235 1025`: 42 科研机构, 178 社会公益组织,
                    // 77 法律服务机构); a line below sets its own (`163 287 226 28611` / `253 1226`).
                    let line = split[first].location.line
                    afterSquashed = Array((first + 2)..<split.count).filter { $0 != totalSlot && line != nil && split[$0].location.line == line }
                    // So may the values squeezed against them, one space apart on a layout line
                    // (`53 81 2114` for 53 21 81 14: 81 written before 21); not those a run of
                    // spaces parts (`226  28611`).
                    var packed = first
                    while packed > 0, values[packed].oneSpaceBefore, values[packed - 1].location.line == line {
                        packed -= 1
                        beforeSquashed.append(packed)
                    }
                }
                values = split
            }
            // A text of one block per cell as a whole, or this row and the one before written so in
            // a text whose other pages run otherwise (`pdftotext` on a table split over pages, a
            // page's cells on neighbouring lines): note the rows read after a spanning block.
            let writtenInBlocks = blockPerCell || position > 0 && Self.separatedByEmptyLines(groups[position - 1].values.first.flatMap { first in
                group.values.last.map { last in first < last ? Array(cells[first...last]) : [] }
            } ?? [])
            if writtenInBlocks, afterSpanned, Self.inBlocksOfTheirOwn(values) { rowsAfterSpanningBlock[label.key] = label.location }
            // A row of blocks parted by empty lines spans columns too where too few lines stand
            // before it to tell a text of blocks (`（六）其他处理` / `161` / `（七）总计` / `3820` /
            // `3173 603728 3164` / … then 结转下年度's blocks): the row after it asks.
            previousSpanned = Self.sharesALine(values) && (writtenInBlocks || Self.linesApart(group.values.map { ValueCell(cells[$0]) }))
            // A row's values spread over its label's line and space-aligned lines of values alone
            // below it, two or more on such a line (`3.其他  227  4  299  280` / `28   16` / `854`,
            // `pdftotext -layout` at a page's foot, one line of the PDF: 28 and 16 written out of
            // their order): their order is the text's, not the columns', so the column rules must
            // check it.
            if counted == nil, let labelLine = label.location.line, Self.spreadOverValueLines(values, labelLine: labelLine),
               group.values.contains(where: { cells[$0].onSpacedLine && (cells[$0].location.line ?? labelLine) > labelLine }) {
                rowsAfterSpanningBlock[label.key] = label.location
            }
            unplaced(leftOver, cells, .requests)
            let unpositioned = values.allSatisfy { !$0.positioned && !$0.placedByLayout }
            if counted == nil, unpositioned, values.count == 1, leftOver.isEmpty, order.count > 1 {
                shortRowLabels[position] = label.text
            }
            // A whole row's worth of values more than the row has, after a label, where the labels
            // of rows not read stand in the two runs of labels before: the extractor wrote labels
            // and values apart (`pdftotext`: `四、结转下年度继续办理` then 4.无正当理由大量反复申请's
            // values, its label ten lines above), and the first values are this row's by their
            // order alone. (Labels further up, their values scattered, say nothing of this run.)
            // So too where the rows of those two runs were each given one value alone: the extractor
            // wrote each row's first column beside its label and the rest after the last label
            // (`3.要求提供公开出版物` `/` … `（六）其他处理` `/` then 18 values, or 5 of them, the
            // first's 260 … 596 after `（六）其他处理`), whatever the count of values after it. A row
            // given more values than one but fewer than its cells is one whose blanks the text dropped;
            // one row alone given one value (`一、本年新收…` `2551`, then 28 values after 二's label)
            // is too little to tell.
            let window = (groups[max(0, position - 2)].run.first ?? 0)..<(group.run.first ?? 0)
            let unreadBefore = leftOver.count >= order.count
                ? Self.unreadRowLabel(in: window, cells, found: found, row: row, column: column,
                                      isRow: { TemplateCatalog.row(.requests, template, key: $0) != nil })
                : nil
            let aloneBefore = counted == nil && values.count + leftOver.count > 1 && shortRowLabels[position - 2] != nil
                ? shortRowLabels[position - 1]
                : nil
            if unpositioned, let stray = unreadBefore ?? aloneBefore {
                for column in order { setValue(nil, .requests, label.key, column) }
                note(.warning, "table.order_uncertain", "requests.\(label.key)",
                     "row “\(LabelText.key(label.text))” is followed by \(values.count + leftOver.count) values for its \(order.count) cells while "
                     + (unreadBefore != nil ? "the label of a row not read (“\(LabelText.key(stray))”) stands earlier in the text"
                                            : "the two rows before it (the last “\(LabelText.key(stray))”) were each given one value alone beside their labels")
                     + ": labels and values were written apart, so which values are this row's is uncertain; left null", label.location)
                continue
            }
            assign(values, at: label.location, to: .requests, row: label.key, columns: order, aligner: aligner,
                   ruleName: "rule 2 (总计 = 自然人 + 法人或其他组织)")
            // Values the row's own label wraps around (`（二）部分公开（区分处理的，只计这一情形，` / `229 166 …`
            // / `不计其他情形）`) are its own. A piece of a group cell's label after a label already
            // whole (`5.属于三类内部事务信息` / values / `开` of （三）不予公开) is no part of it.
            let labelWhole = TemplateCatalog.row(.requests, template, key: label.key).map { spec in
                cache.facts(label.text).label?.stripped == cache.facts(spec.label).label?.stripped
            } ?? false
            let enclosed = group.values.last.map { last in
                last + 1 < cells.count && cells[last + 1].facts.map { facts in
                    !facts.hasEnumerator && row(facts) == nil && !Self.startsWithNumber(cells[last + 1].raw)
                        && !(labelWhole && Self.isGroupColumnPiece(facts.stripped))
                        && cache.facts(label.text + cells[last + 1].raw).label.flatMap(row) == label.key
                } == true
            } ?? false
            if counted == nil, unpositioned, !enclosed, group.values.allSatisfy({ !cells[$0].onSpacedLine }) {
                runAfterLabelRows[label.key] = (group.run[label.start], group.values, label.location)
                if displacedRow == position - 1 { rowsAfterDisplaced.insert(label.key) }
            }
            // More values than cells, none of them placed by the source, and the row left null: the
            // values before the next label may be that row's (`3 4` pieces, then 4.保护第三方's row).
            if unpositioned, values.count > order.count, order.allSatisfy({ report.requests[label.key, $0] == nil }) {
                displacedFirstRow = false
                displacedRow = position
            }
            // A value whose field and a blank neighbour may be one column of a table finder's grid
            // (``offColumnFields(_:width:)``): neither of the two columns is proven.
            if counted == nil, values.count == order.count, values.allSatisfy({ $0.positioned && !$0.placedByLayout }),
               let line = group.values.first.map({ cells[$0].line }), let fields = offColumnFields[line] {
                for slot in values.indices where fields.contains(values[slot].fieldIndex) {
                    setValue(nil, .requests, label.key, order[slot])
                    note(.warning, "table.order_unproven", path(.requests, label.key, order[slot]),
                         "the row's `|` grid has more fields than the table has columns (a table finder's, its fields clusters of words' edges), and this cell's field and its neighbour are never both filled in one row of it, one filled here and the other in more rows: the two fields may be one column, a narrow number off its centre, so which of the two columns holds `\(values.filter { fields.contains($0.fieldIndex) && $0.raw != "" }.map(\.raw).joined(separator: " "))` is not proven; left null", label.location)
                }
            }
            for slot in squashedParts where slot < order.count {
                setValue(nil, .requests, label.key, order[slot])
                note(.warning, "table.order_unproven", path(.requests, label.key, order[slot]),
                     "one of two numbers the text wrote without a space between them (`\(squashedParts.map { values[$0].raw }.joined())`): the extractor set them where their places collide, and rule 2 holds in either order, so which of the two columns each is in is not proven; left null", label.location)
            }
            for slot in beforeSquashed where slot < order.count && report.requests[label.key, order[slot]] != nil {
                setValue(nil, .requests, label.key, order[slot])
                note(.warning, "table.order_unproven", path(.requests, label.key, order[slot]),
                     "a value squeezed one space apart against two numbers the text wrote without a space between them (`\((values[slot..<(squashedParts.first ?? slot)].map(\.raw) + [squashedParts.map { values[$0].raw }.joined()]).joined(separator: " "))`): the extractor set them where their places collide, so its column may be another's, and rule 2 holds in any order; not proven, left null", label.location)
            }
            for slot in afterSquashed where slot < order.count && report.requests[label.key, order[slot]] != nil {
                setValue(nil, .requests, label.key, order[slot])
                note(.warning, "table.order_unproven", path(.requests, label.key, order[slot]),
                     "a value after two numbers the text wrote without a space between them (`\(squashedParts.map { values[$0].raw }.joined())`): where the extractor's places collide, the values after them may be out of column order too, and rule 2 holds in any order; not proven, left null", label.location)
            }
        }
        // A bare `总计` read as the 总计 row, and the row's own label `（七）总计` later in the text, not
        // read (stacked under `（六）其他处理`, its values split): the bare one was the column header
        // (`二、上年结转…` / `自然人` … / `总计` / `125 16 996 183 422 227 1969`, another row's values).
        if let bare = bareTotalRow, let bareLine = bare.location.line, cells.contains(where: { cell in
            !cell.positioned && (cell.location.line ?? 0) > bareLine && cell.facts.map { row($0) == bare.key && $0.hasEnumerator } == true
        }) {
            bareTotalRow = nil
            forgetRequestRow(bare.key)
            note(.warning, "table.duplicate_row", "requests.\(bare.key)",
                 "a bare “总计” was read as this row, and the row's own label (“（七）总计”) stands later in the text: the bare one was the column header 总计, its values another row's; left null", bare.location)
        }
        nullRowsBeforeValuelessLabels(cells, row: row, column: column)
        solvePendingRequestRows(cells, found: found)
        nullUnprovenRows(.requests)
        nullRowsOutOfColumnOrder(columns: order)
        nullResultRowsOutOfColumnOrder(textLineRequestRows, columns: order, cells: cells, found: found)
        textLineRequestRows = [:]
        nullRowsAfterSpanningBlocks(columns: order, cells: cells, found: found)
        return found
    }

    /// `true` when `row`'s values stand on two lines or more, none of them placed by the source:
    /// their columns are the order of their blocks in the text.
    static func inBlocksOfTheirOwn(_ row: [ValueCell]) -> Bool {
        guard row.allSatisfy({ !$0.positioned && !$0.placedByLayout }) else { return false }
        return Set(row.map { $0.location.line ?? -1 }).count >= 2
    }

    /// The row with one of its numbers split in two, where a space-aligned line wrote two cells'
    /// numbers with no space between them (`pdftotext -layout` on narrow columns: `238  2931066`
    /// for `238  293  1066`): the row is one value short of its cells and breaks rule 2 as read,
    /// and exactly one split of one number of four digits or more (no piece with a leading zero)
    /// makes it as wide as its cells and keeps rule 2 (总计 the sum of the others, a blank mark as
    /// 0, two of them not 0).
    /// `nil` otherwise, and for cells of a table or a delimited row (one cell is one number).
    static func splitSquashedNumber(_ row: [ValueCell], width: Int, totalSlot: Int) -> [ValueCell]? {
        guard row.count == width - 1, totalSlot == width - 1, row.count >= 2,
              row.allSatisfy({ !$0.delimited && !$0.placedByLayout }) else { return nil }
        /// The row's numbers (a blank mark 0), or `nil` when a cell is neither.
        func numbers(_ cells: [ValueCell]) -> [Int]? {
            var result: [Int] = []
            for cell in cells {
                switch cell.value {
                case .blank, .placeholder:
                    result.append(0)
                case .number:
                    guard cell.raw.utf8.count <= 15, cell.raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(cell.raw) else {
                        return nil
                    }
                    result.append(number)
                default:
                    return nil
                }
            }
            return result
        }
        /// Rule 2 with the last value as 总计, two parts or more not 0.
        func keepsRuleTwo(_ values: [Int]) -> Bool {
            guard let total = values.last, total > 0 else { return false }
            return values.dropLast().reduce(0, +) == total && values.dropLast().filter { $0 != 0 }.count >= 2
        }
        guard let read = numbers(row), !keepsRuleTwo(read) else { return nil }
        var found: [ValueCell]?
        for (index, cell) in row.enumerated() {
            guard case .number = cell.value, cell.raw.utf8.count >= 4 else { continue }
            let digits = Substring(cell.raw)
            for cut in 1..<digits.count {
                let left = digits.prefix(cut), right = digits.suffix(digits.count - cut)
                guard !(left.hasPrefix("0") && left.count > 1), !(right.hasPrefix("0") && right.count > 1) else { continue }
                let candidate = Array(row[..<index]) + [ValueCell(piece: left, of: cell), ValueCell(piece: right, of: cell)]
                    + Array(row[(index + 1)...])
                guard let values = numbers(candidate), keepsRuleTwo(values) else { continue }
                if found != nil { return nil }
                found = candidate
            }
        }
        return found
    }

    /// `row` with numbers wrapped in their cells joined again: a text that sets a narrow cell's
    /// lines one after another (PyMuPDF, `pdftotext -raw`: `3370 32659` / `7` / `88865` / `8` for
    /// 326597 and 888658) gives more values than the row has, and a rule 2 that breaks. A piece
    /// may join the value before it only when it starts the line after that value's line and is
    /// no longer than the number's first piece (a number wraps where its cell is full: `13` / `225`
    /// are two rows' cells one over the other); the
    /// joining is taken when it is the only one that leaves no more values than columns and keeps
    /// rule 2 (the 总计 the last value, a blank cell the text dropped counting 0). A blank cell's
    /// mark (`-`, `—`, `/`) is a cell of its own, counting 0, never joined. `nil` when the row
    /// keeps rule 2 as read, when no joining or several do, when the last cell is a mark, and for
    /// rows of other cells than plain whole numbers and marks read for their order alone.
    static func joinedWrappedNumbers(_ row: [ValueCell], width: Int, totalSlot: Int) -> [ValueCell]? {
        /// A blank cell's mark (`-`, `—`, `/`): a cell of its own, never a piece of a number.
        func isMark(_ cell: ValueCell) -> Bool {
            if case .placeholder = cell.value { true } else { false }
        }
        guard row.count >= 3, totalSlot == width - 1,
              row.allSatisfy({ !$0.positioned && !$0.placedByLayout && !$0.raw.isEmpty && $0.raw.utf8.count <= 9
                  && ($0.raw.utf8.allSatisfy { (0x30...0x39).contains($0) } || isMark($0)) }),
              row.last.map(isMark) == false
        else { return nil }
        let marks = row.map(isMark)
        let pieces = row.map { Int($0.raw) ?? 0 }
        let digits = row.map { isMark($0) ? 0 : $0.raw.utf8.count }
        /// Rule 2 with the last value as 总计.
        func keepsRuleTwo(_ numbers: [Int]) -> Bool {
            guard let total = numbers.last else { return false }
            return numbers.dropLast().reduce(0, +) == total
        }
        if row.count <= width, keepsRuleTwo(pieces) { return nil }
        let joinable = row.indices.dropLast().filter { index in
            guard !marks[index], !marks[index + 1],
                  let line = row[index].location.line, let next = row[index + 1].location.line else { return false }
            return next == line + 1
        }
        let fewest = max(1, row.count - width)
        guard !joinable.isEmpty, joinable.count >= fewest else { return nil }
        var found: Set<Int> = []
        var solutions = 0
        var steps = 0
        var chosen: Set<Int> = []
        /// Tries the sets of boundaries from `joinable[start...]` added to `chosen`.
        func search(_ start: Int) {
            guard solutions < 2, steps < 20_000 else { return }
            steps += 1
            if chosen.count >= fewest {
                var numbers: [Int] = []
                var fits = true
                // The digits of the piece each number starts with: a number wraps where its cell is
                // full, so no later piece is longer (`13` / `225` is two rows' cells one over the other).
                var headDigits = 0
                for (index, piece) in pieces.enumerated() {
                    if index > 0, chosen.contains(index - 1), let last = numbers.last {
                        // 18 digits at most: an Int holds them.
                        guard String(last).utf8.count + digits[index] <= 18, digits[index] <= headDigits else { fits = false; break }
                        var power = 1
                        for _ in 0..<digits[index] { power *= 10 }
                        numbers[numbers.count - 1] = last * power + piece
                    } else {
                        numbers.append(piece)
                        headDigits = digits[index]
                    }
                }
                if fits, numbers.count <= width, keepsRuleTwo(numbers) {
                    solutions += 1
                    found = chosen
                }
            }
            guard start < joinable.count, chosen.count < 6 else { return }
            for next in start..<joinable.count {
                chosen.insert(joinable[next])
                search(next + 1)
                chosen.remove(joinable[next])
            }
        }
        search(0)
        // Not searched through: which joining is the only one is not known.
        guard solutions == 1, steps < 20_000 else { return nil }
        var groups: [[ValueCell]] = []
        for (index, cell) in row.enumerated() {
            if index > 0, found.contains(index - 1) { groups[groups.count - 1].append(cell) } else { groups.append([cell]) }
        }
        var joined: [ValueCell] = []
        for group in groups {
            if group.count == 1, let mark = group.first, isMark(mark) {
                joined.append(mark)
                continue
            }
            guard let number = Decimal(string: group.map(\.raw).joined()) else { return nil }
            joined.append(ValueCell(joining: group, number: number))
        }
        return joined
    }

    /// `true` when `row`'s values, none placed by the source, stand on the label's line and on
    /// lines below it, two or more of them on one of those lines.
    static func spreadOverValueLines(_ row: [ValueCell], labelLine: Int) -> Bool {
        guard row.allSatisfy({ !$0.positioned && !$0.placedByLayout }) else { return false }
        var below: [Int: Int] = [:]
        var onLabelLine = false
        for cell in row {
            guard let line = cell.location.line else { return false }
            if line == labelLine { onLabelLine = true } else if line > labelLine { below[line, default: 0] += 1 }
        }
        return onLabelLine && below.values.contains { $0 >= 2 }
    }

    /// `true` when the lines of `row`'s values not placed by the source have an empty line between
    /// each two of them (blocks of a text in reading order), not one line straight under another.
    static func linesApart(_ row: [ValueCell]) -> Bool {
        let lines = Set(row.lazy.filter { !$0.positioned && !$0.placedByLayout }.compactMap(\.location.line)).sorted()
        return zip(lines, lines.dropFirst()).allSatisfy { $1 - $0 >= 2 }
    }

    /// `true` when two or more of `row`'s values, none placed by the source, stand on one line.
    static func sharesALine(_ row: [ValueCell]) -> Bool {
        var lines: Set<Int> = []
        for cell in row where !cell.positioned && !cell.placedByLayout {
            guard let line = cell.location.line else { continue }
            if !lines.insert(line).inserted { return true }
        }
        return false
    }

    /// The number of blank marks (`—`, `/`, `-`) among `cells` not placed by the source.
    static func blankMarks(_ cells: [StreamCell]) -> Int {
        cells.reduce(0) { count, cell in
            guard !cell.positioned, case .value(.placeholder) = cell.kind else { return count }
            return count + 1
        }
    }

    /// Nulls the request rows read by the order of their blocks straight after a row whose values
    /// shared a line, unless rule 1 or rule 3 holds in every column with them. A text of one block
    /// per cell writes such a row's blocks in its own reading order: `pdftotext` puts the blocks
    /// under a block that spans several columns of the row above after the blocks right of it
    /// (`87 24 132 45 - 194 482` for `87 24 - 194 132 45 482`), which rule 2 cannot see.
    private mutating func nullRowsAfterSpanningBlocks(columns: [String], cells: [StreamCell], found: Set<String>) {
        let candidates = rowsAfterSpanningBlock
        rowsAfterSpanningBlock = [:]
        guard !candidates.isEmpty else { return }
        let keys = TemplateCatalog.rows(.requests, template).map(\.key)
        let known = knownRequestRows(columns: columns, keys: keys, except: [], cells: cells, found: found)
        let outer = ["new_received", "carried_over", "results_total", "carried_forward"]
        /// `true` when the equation (rows with their signs) holds in every column, every row known.
        func holds(_ terms: [(key: String, sign: Int)]) -> Bool {
            var rows: [(cells: [Int], sign: Int)] = []
            for term in terms {
                guard case .cells(let cells)? = known[term.key], cells.count == columns.count else { return false }
                rows.append((cells, term.sign))
            }
            return columns.indices.allSatisfy { column in rows.reduce(0) { $0 + $1.cells[column] * $1.sign } == 0 }
        }
        let ruleOne = holds(zip(outer, [1, 1, -1, -1]).map { (key: $0, sign: $1) })
        let ruleThree = holds([(key: "results_total", sign: -1)] + keys.filter { !outer.contains($0) }.map { (key: $0, sign: 1) })
        for key in keys {
            guard let location = candidates[key], columns.contains(where: { report.requests[key, $0] != nil }) else { continue }
            let checked = key == "results_total" ? ruleOne || ruleThree : outer.contains(key) ? ruleOne : ruleThree
            guard !checked else { continue }
            for column in columns { setValue(nil, .requests, key, column) }
            dropBlankNotes(.requests, key)
            note(.warning, "table.order_unproven", "requests.\(key)",
                 "the row's values are blocks of their own, read straight after a row that gave several values on one line: a text of one block per cell (`pdftotext`) writes the blocks under such a spanning block in its own reading order, not always left to right, and rule \(outer.contains(key) ? "1" : "3"), which would check that order, cannot be used or breaks; which value is in which column is not proven, left null",
                 location)
        }
    }

    /// Nulls the request rows read by their order in the text alone (or from space-aligned lines)
    /// whose values, in another order, keep rule 1 (`new_received + carried_over = results_total +
    /// carried_forward`) in every column where it breaks as read, and their own rule 2: such a
    /// text (`pdftotext` writes a
    /// row's cells in the order of its text blocks, not always left to right) gave that row out of
    /// column order (`pdftotext -layout` a squeezed line's value a column off), and which order is
    /// right is not proven. A rule the source breaks in a way no other order mends is left to the
    /// validator, the values as read.
    private mutating func nullRowsOutOfColumnOrder(columns: [String]) {
        // Rows placed by the text's order, and rows of space-aligned lines whatever placed them
        // (their marks, their character columns): a squeezed line moves a value a column.
        let candidates = orderOnlyRequestRows.merging(textLineRequestRows) { first, _ in first }
        orderOnlyRequestRows = [:]
        let outer = ["new_received", "carried_over", "results_total", "carried_forward"]
        let signs = [Decimal(1), 1, -1, -1]
        guard candidates.keys.contains(where: outer.contains), let totalSlot = columns.firstIndex(of: "total") else { return }
        var rows = outer.map { key in columns.map { report.requests[key, $0] } }
        // A row read as nothing is not known; in a row read, a blank cell counts as 0 (as reports mean it).
        guard rows.allSatisfy({ $0.contains { $0 != nil } }) else { return }
        /// The columns where rule 1 breaks.
        func broken(_ rows: [[Decimal?]]) -> [Int] {
            columns.indices.filter { column in
                zip(rows, signs).reduce(Decimal(0)) { $0 + ($1.0[column] ?? 0) * $1.1 } != 0
            }
        }
        let breaking = broken(rows)
        guard !breaking.isEmpty else { return }
        var outOfOrder: [String] = []
        for (index, key) in outer.enumerated() where candidates[key] != nil {
            let original = rows[index]
            var mended = false
            Self.forEachOtherOrder(of: original, keepingRuleTwoAt: totalSlot) { order in
                rows[index] = order
                defer { rows[index] = original }
                if broken(rows).isEmpty {
                    mended = true
                    return true
                }
                return false
            }
            if mended { outOfOrder.append(key) }
        }
        let shown = breaking.map { columns[$0] }.joined(separator: ", ")
        for key in outOfOrder {
            for column in columns { setValue(nil, .requests, key, column) }
            dropBlankNotes(.requests, key)
            note(.warning, "table.order_unproven", "requests.\(key)",
                 "rule 1 breaks in column(s) \(shown) as the text's order places this row's values, and holds in every column with the same values in another order: the text gives the row out of column order, so which value is in which column is not proven; left null",
                 candidates[key])
        }
    }

    /// Nulls the result rows (and 总计) read from space-aligned lines whose values, in another
    /// order that keeps their own rule 2, make rule 3 (`results_total` = the sum of the result
    /// rows) hold in every column where it breaks as read: `pdftotext -layout` sets the values of
    /// a line squeezed by a narrow column out of column order (`92 - 199` for `- 92 199`), which
    /// rule 2 cannot see, nor its blank marks. `candidates`: those rows, with their locations.
    /// Only where every row of rule 3 is known (read, or left blank); a rule the source breaks in
    /// a way no other order mends is left to the validator, the values as read.
    private mutating func nullResultRowsOutOfColumnOrder(_ candidates: [String: SourceLocation], columns: [String],
                                                        cells: [StreamCell], found: Set<String>) {
        guard !candidates.isEmpty, let totalSlot = columns.firstIndex(of: "total") else { return }
        let keys = TemplateCatalog.rows(.requests, template).map(\.key)
        let outer: Set<String> = ["new_received", "carried_over", "results_total", "carried_forward"]
        let terms = ["results_total"] + keys.filter { !outer.contains($0) }
        guard terms.contains(where: { candidates[$0] != nil }) else { return }
        let known = knownRequestRows(columns: columns, keys: keys, except: [], cells: cells, found: found)
        var rows: [[Int]] = []
        for key in terms {
            guard case .cells(let cells)? = known[key], cells.count == columns.count else { return }
            rows.append(cells)
        }
        /// `true` when rule 3 holds in every column.
        func holds(_ rows: [[Int]]) -> Bool {
            columns.indices.allSatisfy { column in rows.dropFirst().reduce(0) { $0 + $1[column] } == rows[0][column] }
        }
        guard !holds(rows) else { return }
        var outOfOrder: [String] = []
        for (index, key) in terms.enumerated() where candidates[key] != nil {
            let read = columns.map { report.requests[key, $0] }
            guard read.allSatisfy({ $0.map { $0 >= 0 && $0 == Decimal(NSDecimalNumber(decimal: $0).intValue) } ?? true }) else { continue }
            let original = rows[index]
            var mended = false
            Self.forEachOtherOrder(of: read, keepingRuleTwoAt: totalSlot) { order in
                rows[index] = order.map { $0.map { NSDecimalNumber(decimal: $0).intValue } ?? 0 }
                defer { rows[index] = original }
                mended = holds(rows)
                return mended
            }
            if mended { outOfOrder.append(key) }
        }
        for key in outOfOrder {
            for column in columns { setValue(nil, .requests, key, column) }
            dropBlankNotes(.requests, key)
            note(.warning, "table.order_unproven", "requests.\(key)",
                 "rule 3 (总计 row = the sum of the result rows) breaks as the text's order places this row's values, and holds in every column with the same values in another order: the text gives the row out of column order, so which value is in which column is not proven; left null",
                 candidates[key])
        }
    }

    /// Calls `body` with each order of `cells` other than their own that keeps the row's rule 2
    /// (总计 at `totalSlot` = the sum of the other columns, a blank as 0; a blank 总计 checks
    /// nothing), until it returns `true`.
    static func forEachOtherOrder(of cells: [Decimal?], keepingRuleTwoAt totalSlot: Int, _ body: ([Decimal?]) -> Bool) {
        forEachOrder(of: cells) { order in
            guard order != cells else { return false }
            let parts = order.indices.filter { $0 != totalSlot }.reduce(Decimal(0)) { $0 + (order[$1] ?? 0) }
            guard order[totalSlot] == nil || order[totalSlot] == parts else { return false }
            return body(order)
        }
    }

    /// Calls `body` with each distinct order of `cells` (at most 5,040 for a request row) until it
    /// returns `true`.
    static func forEachOrder(of cells: [Decimal?], _ body: ([Decimal?]) -> Bool) {
        // Each distinct value gets a rank; the ranks' orders are stepped through lexicographically
        // (next permutation), so equal values never give the same order twice. A loop, with no
        // nested function holding `body`: the recursive form (a nested function capturing the
        // caller's closure) segfaulted retaining that closure's context in release builds, on a
        // `pdftotext` text of the soak, while the debug build read it.
        var distinct: [Decimal?] = []
        var ranks: [Int] = []
        for cell in cells {
            if let rank = distinct.firstIndex(of: cell) {
                ranks.append(rank)
            } else {
                ranks.append(distinct.count)
                distinct.append(cell)
            }
        }
        ranks.sort()
        while true {
            if body(ranks.map { distinct[$0] }) { return }
            var pivot = ranks.count - 2
            while pivot >= 0 && ranks[pivot] >= ranks[pivot + 1] { pivot -= 1 }
            guard pivot >= 0 else { return }
            var successor = ranks.count - 1
            while ranks[successor] <= ranks[pivot] { successor -= 1 }
            ranks.swapAt(pivot, successor)
            ranks[(pivot + 1)...].reverse()
        }
    }

    /// The template's spec for a recognised row, recording it as found; `nil` (with a warning) when
    /// the template lacks the row or the row was already read.
    private mutating func admit(_ rowKey: String, label: FoundLabel, table: ReportTable, found: inout Set<String>) -> RowSpec? {
        guard let spec = TemplateCatalog.row(table, template, key: rowKey) else {
            let text = LabelText.key(label.text)
            note(.warning, "table.row_not_in_template", "\(table.rawValue).\(rowKey)",
                 "row “\(text)” is not part of the \(template.rawValue) template; ignored", label.location)
            return nil
        }
        let text = LabelText.key(label.text)
        guard found.insert(rowKey).inserted else {
            // A bare `总计` read first was a column header (a header repeated after a page
            // break, read cell by cell): the row's own label `（七）总计` takes its place.
            if table == .requests, let bare = bareTotalRow, bare.key == rowKey, text != "总计" {
                bareTotalRow = nil
                forgetRequestRow(rowKey)
                note(.warning, "table.duplicate_row", "requests.\(rowKey)",
                     "row “\(text)” follows a bare “总计” read as this row before: that one was the column header 总计, its values are not this row's (left unread)", bare.location)
                return spec
            }
            note(.warning, "table.duplicate_row", "\(table.rawValue).\(rowKey)", "row “\(text)” appears again; the first one is kept", label.location)
            return nil
        }
        if table == .requests, text == "总计" { bareTotalRow = (rowKey, label.location) }
        return spec
    }

    /// Forgets what was read for request row `key` (its values, and the checks waiting on it).
    private mutating func forgetRequestRow(_ key: String) {
        for column in TemplateCatalog.applicantColumns.map(\.key) { setValue(nil, .requests, key, column) }
        orderOnlyRequestRows[key] = nil
        textLineRequestRows[key] = nil
        rowsAfterSpanningBlock[key] = nil
        pendingRequestRows.removeAll { $0.key == key }
        countedRowsBreakingRules[.requests]?.removeAll { $0.row == key }
        diagnostics.removeAll { $0.path.map { $0 == "requests.\(key)" || $0.hasPrefix("requests.\(key).") } ?? false }
    }

    /// Drops the notes that call cells of `table`'s row `key` blank (`value.missing`): for a row
    /// left null as unproven, where its blank marks stand is unproven too.
    private mutating func dropBlankNotes(_ table: ReportTable, _ key: String) {
        let prefix = "\(table.rawValue).\(key)."
        diagnostics.removeAll { $0.code == "value.missing" && ($0.path?.hasPrefix(prefix) ?? false) }
    }

    /// The columns of parts 三 and 四, joined once.
    private static let valueColumns = TemplateCatalog.applicantColumns + TemplateCatalog.outcomeColumns

    /// Places a row's values through the aligner and records how they were placed.
    private mutating func assign(_ cells: [ValueCell], at location: SourceLocation, to table: ReportTable, row rowKey: String,
                                 columns: [String], aligner: RowAligner, ruleName: String) {
        let spec = Self.valueColumns
        var numbers: [Decimal?] = []
        var cellColumns: [String] = []
        numbers.reserveCapacity(cells.count)
        cellColumns.reserveCapacity(cells.count)
        for (offset, cell) in cells.enumerated() {
            // Extra cells are read for the last column.
            let column = offset < columns.count ? columns[offset] : columns.last ?? "total"
            let columnSpec = spec.first { $0.key.utf8.count == column.utf8.count && $0.key == column } ?? ColumnSpec(key: column, label: column)
            // Locations are recorded below, once the placement is known.
            numbers.append(number(cell, table, rowKey, column, column: columnSpec, headerUnit: nil, defaultUnit: nil, recordLocation: false))
            cellColumns.append(column)
        }
        switch aligner.align(numbers) {
        case .exact(let values):
            setValues(values, table, rowKey, columns)
            setLocations(cells.map(\.location), table, rowKey, columns)
            if table == .requests, cells.contains(where: { !$0.positioned }) { orderOnlyRequestRows[rowKey] = location }
            if table == .requests, cells.contains(where: { !$0.delimited }) { textLineRequestRows[rowKey] = location }
            // A mark in every cell (`-  -  -  -  -  -  -`): a row left blank, known for the column rules.
            if table == .requests, cells.count == columns.count, cells.allSatisfy({
                switch $0.value {
                case .blank, .placeholder: true
                default: false
                }
            }) {
                blankRowKeys[.requests, default: []].insert(rowKey)
            }
            if cells.contains(where: { !$0.positioned || $0.placedByLayout }) {
                checkCountedOrder(values, rules: aligner.rules, table: table, row: rowKey, columns: columns,
                                  shown: ValueCell.shown(cells), location: location)
            }
        case .repaired(_, let derived, _) where !derived.isEmpty && cells.contains(where: { !$0.positioned }):
            // A cell derived by the rule leaves nothing to check the order the others were
            // counted in (a number wrapped in its cell reads as two, one of them taking a column).
            for column in columns { setValue(nil, table, rowKey, column) }
            let warning = PendingWarning(code: "table.order_unproven", path: "\(table.rawValue).\(rowKey)",
                message: "row's values `\(ValueCell.shown(cells))` are \(numbers.count) for \(columns.count) columns, placed by their order in the text alone: a missing cell could only be derived by \(ruleName), which then checks nothing; left null", location: location)
            if !deferToColumnRules(table, rowKey, cells, numbers, columns, warning) { note(warning) }
        case .repaired(_, _, let dropped) where dropped > 0 && cells.contains(where: { !$0.positioned }):
            // More values than cells, placed by their order alone: which of them are another
            // row's (a text giving two rows' cells one after another) is not shown, and dropping
            // some to make rule 2 fit is no proof (a whole other row keeps it).
            for column in columns { setValue(nil, table, rowKey, column) }
            note(.warning, "table.order_unproven", "\(table.rawValue).\(rowKey)",
                 "row's values `\(ValueCell.shown(cells))` are \(numbers.count) for \(columns.count) columns, placed by their order in the text alone: which of them belong to the row is not shown (\(ruleName) holds for a part of them, which proves nothing); left null", location)
        case .repaired(let values, let derived, let dropped):
            let what = dropped > 0 ? "\(dropped) extra cell(s) ignored" : "\(columns.count - numbers.count) missing cell(s) derived"
            note(.warning, "table.row_repaired", "\(table.rawValue).\(rowKey)",
                 "row has \(numbers.count) value(s) for \(columns.count) columns: \(what); every placement that keeps \(ruleName) gives the same row", location)
            if dropped == 0 && derived.isEmpty {
                note(.info, "value.derived", "\(table.rawValue).\(rowKey)",
                     "which cell is missing is unknown, but every placement gives the same values by \(ruleName)", location)
            }
            setValues(values, table, rowKey, columns)
            setLocations(Array(repeating: location, count: columns.count), table, rowKey, columns)
            for (index, column) in columns.enumerated() {
                if derived.contains(index) {
                    note(.info, "value.derived", path(table, rowKey, column), "not in the source; derived by \(ruleName)", location)
                } else if values[index] == nil {
                    note(.warning, "value.missing", path(table, rowKey, column), "value not given (null)", location)
                }
            }
        case .ambiguous:
            // Nothing placed: each value cell keeps the location of the column it was read for.
            for (cell, column) in zip(cells, cellColumns) where cell.value.isNumeric {
                setLocation(cell.location, table, rowKey, column)
            }
            for column in columns { setValue(nil, table, rowKey, column) }
            let warning = PendingWarning(code: "table.row_shape", path: "\(table.rawValue).\(rowKey)",
                message: "row has \(numbers.count) value(s) for \(columns.count) columns and no unique placement keeps \(ruleName); its values are left null", location: location)
            if !deferToColumnRules(table, rowKey, cells, numbers, columns, warning) { note(warning) }
        }
    }

    /// A warning held back until the column rules have had their say.
    struct PendingWarning {
        var code: String
        var path: String
        var message: String
        var location: SourceLocation
    }

    private mutating func note(_ warning: PendingWarning) {
        note(.warning, warning.code, warning.path, warning.message, warning.location)
    }

    /// Keeps a request row whose values are fewer than its columns, in the text's order alone and
    /// all whole numbers, for ``ColumnRuleSolver``; `false` when the row is not one.
    private mutating func deferToColumnRules(_ table: ReportTable, _ rowKey: String, _ cells: [ValueCell], _ numbers: [Decimal?],
                                             _ columns: [String], _ warning: PendingWarning) -> Bool {
        guard table == .requests, numbers.count < columns.count, !cells.contains(where: \.positioned) else { return false }
        var values: [Int] = []
        for number in numbers {
            guard let number, number >= 0, number < 1_000_000_000 else { return false }
            let whole = NSDecimalNumber(decimal: number).intValue
            guard Decimal(whole) == number else { return false }
            values.append(whole)
        }
        // A row spread over lines of several values each (`pdftotext -layout` wrapping a row, or a
        // number wrapped in its cell: `883` / `015` keeps rule 2 as pieces) is placed only whole.
        pendingRequestRows.append((rowKey, values, columns, warning, Self.spreadOverLines(cells.map(\.location))))
        return true
    }

    /// Places the request rows kept by ``deferToColumnRules`` that rules 1 and 3 determine with the
    /// rows read; the others get their warning. `cells` are the table's cells (a row label with no
    /// value there is a blank row).
    private mutating func solvePendingRequestRows(_ cells: [StreamCell], found: Set<String>) {
        let pending = pendingRequestRows
        pendingRequestRows = []
        let withoutMarks = rowsWithoutTheirMarks
        rowsWithoutTheirMarks = []
        let afterHeader = rowsAfterRepeatedHeader
        rowsAfterRepeatedHeader = []
        guard let columns = pending.first?.columns else { return }
        let marks = Self.blankMarks(cells)
        let keys = TemplateCatalog.rows(.requests, template).map(\.key)
        let known = knownRequestRows(columns: columns, keys: keys, except: Set(pending.map(\.key)), cells: cells, found: found)
        let outer: Set<String> = ["new_received", "carried_over", "results_total", "carried_forward"]
        let solver = ColumnRuleSolver(width: columns.count, totalSlot: columns.firstIndex(of: "total") ?? columns.count - 1,
                                      resultKeys: keys.filter { !outer.contains($0) })
        let solution = solver.solve(pending: pending.map { ColumnRuleSolver.Pending(key: $0.key, values: $0.values) }, known: known)
        for row in pending {
            // A text that marks its blank cells (`—`, `/`) shows every cell of a row: a row given
            // fewer, no mark among them, lost cells to elsewhere in the text (`5.属于三类内部事务` /
            // `开` / `43 25 110 273 451` / `信息`, its `—` and 902 written later), and where its first
            // values sum to its last (43 + 25 + 110 + 273 = 451), rule 2 would take a part for 总计.
            if marks >= 3, !withoutMarks.contains(row.key) {
                note(.warning, "table.order_unproven", "requests.\(row.key)",
                     "row's values `\(row.values.map(String.init).joined(separator: " "))` are \(row.values.count) for \(columns.count) columns with no blank mark among them, in a text that marks its blank cells (\(marks) marks in the table): the row's other cells stand elsewhere in the text, not blank, so which column each value is in is not proven; left null",
                     row.warning.location)
                continue
            }
            // Cells the columns leave open but the row's own rule 2 proves (its 总计) are placed,
            // unless the search showed the rows' values fit no placement at all, or the row gives
            // fewer than half its cells in a text rebuilt in reading order from the page
            // (``emptyLinesPartCells``, ``labelsApart``: `pdftotext`) and not given row by row
            // (``rowByRow``: lynx, mammoth's Markdown): there a row mostly blank
            // with no mark is rarer than pieces of other cells after a label (`（七）总计` / `2 43 45`:
            // the end of 610372 wrapped in its cell, then 结转下年度's first two; `8 8`, the ends of
            // 512468 and 513118).
            let fewValues = (emptyLinesPartCells || labelsApart) && !rowByRow.contains(.requests) && row.values.count * 2 < columns.count
            // Nor a row right after the header repeated on a new page, whose blocks of cells the
            // text may write apart (`法律服` `务机构` / `3.危及“三安全一稳定”` / `62 102 86 40 290`, the page's
            // `其他` `总计` with its 580 elsewhere: 62 + 102 + 86 + 40 = 290 keeps rule 2, 290 no 总计).
            let ownRuleTwo = solution.inconsistent || row.wholeOnly || fewValues || afterHeader.contains(row.key) ? nil
                : solver.rowAgreement(row.values)
            guard let placement = solution.placed[row.key] ?? ownRuleTwo,
                  placement.open.isEmpty || !row.wholeOnly else {
                note(row.warning)
                continue
            }
            let values = placement.cells.map { $0.map { Decimal($0) } }
            setValues(values, .requests, row.key, columns)
            setLocations(Array(repeating: row.warning.location, count: columns.count), .requests, row.key, columns)
            let shown = row.values.map(String.init).joined(separator: " ")
            let which = placement.open.isEmpty ? "placed" : "placed in the \(columns.count - placement.open.count) column(s)"
            note(.info, "table.placed_by_columns", "requests.\(row.key)",
                 "row's values `\(shown)` are \(row.values.count) for \(columns.count) columns, their blank cells not shown in the text: \(which) where rules 1 and 3 with the table's other rows, and rule 2, allow no other value", row.warning.location)
            for (offset, column) in columns.enumerated() where values[offset] == nil {
                if placement.open.contains(offset) {
                    note(.warning, "table.order_unproven", path(.requests, row.key, column),
                         "the placements of `\(shown)` that keep rules 1, 2 and 3 differ in this column (a blank cell's place the text does not show): not proven, left null", row.warning.location)
                } else {
                    note(.warning, "value.missing", path(.requests, row.key, column), "value not given (null)", row.warning.location)
                }
            }
        }
    }

    /// The request rows as read, for the column rules: a row read (a blank cell as 0), a row left
    /// blank (all 0), or unknown (not there, nulled for a reason of its own, or breaking its own
    /// rule as counted). `except`: rows not yet placed.
    private func knownRequestRows(columns: [String], keys: [String], except: Set<String>, cells: [StreamCell],
                                  found: Set<String>) -> [String: ColumnRuleSolver.Known] {
        let unproven = Set((countedRowsBreakingRules[.requests] ?? []).map(\.row))
        let labelled = Set(cells.compactMap { $0.facts?.requestRow })
        var known: [String: ColumnRuleSolver.Known] = [:]
        for key in keys where !except.contains(key) {
            if unproven.contains(key) {
                known[key] = .unknown
            } else if found.contains(key) {
                let values = columns.map { report.requests[key, $0] }
                // A row read as nothing (nulled for a reason of its own) is not known to be blank,
                // unless it was read as a row left blank.
                guard values.contains(where: { $0 != nil }) else {
                    known[key] = blankRowKeys[.requests]?.contains(key) == true ? .cells(Array(repeating: 0, count: columns.count)) : .unknown
                    continue
                }
                var cells: [Int] = []
                var wholeNumbers = true
                for value in values {
                    guard let value else {
                        cells.append(0)
                        continue
                    }
                    let whole = NSDecimalNumber(decimal: value).intValue
                    guard Decimal(whole) == value, whole >= 0 else {
                        wholeNumbers = false
                        break
                    }
                    cells.append(whole)
                }
                known[key] = wholeNumbers ? .cells(cells) : .unknown
            } else {
                // Its label in the table with no value: a row left blank. Not there at all: unknown.
                known[key] = labelled.contains(key) ? .cells(Array(repeating: 0, count: columns.count)) : .unknown
            }
        }
        return known
    }

    /// Records a row placed by its values' order in the text alone that breaks a sum rule of its
    /// own (a blank counted as 0), and notes the table scrambled when another order of the same
    /// values keeps that rule (a part equal to the sum of the rest: the 总计 read in a part's
    /// column, as `pdftotext` gives a row whose cells it reads in another order).
    private mutating func checkCountedOrder(_ values: [Decimal?], rules: [RowAligner.SumRule], table: ReportTable, row: String,
                                            columns: [String], shown: String, location: SourceLocation) {
        var broken = false
        for rule in rules {
            let slots = [rule.total] + rule.parts
            // A blank total counts as 0 too: parts given under a blank 总计 are not checked by anything.
            guard slots.allSatisfy({ $0 < values.count }) else { continue }
            let number = { (slot: Int) -> Decimal in values[slot] ?? 0 }
            let sum = rule.parts.reduce(Decimal(0)) { $0 + number($1) }
            guard number(rule.total) != sum else { continue }
            broken = true
            let all = slots.reduce(Decimal(0)) { $0 + number($1) }
            if scrambledTables[table] == nil, rule.parts.contains(where: { values[$0] != nil && number($0) * 2 == all }) {
                scrambledTables[table] = "row \(row) reads `\(shown)`, whose 总计 stands in another column"
            }
        }
        if broken { countedRowsBreakingRules[table, default: []].append((row, columns, shown, location)) }
    }

    /// Nulls every row placed by its values' order in the text alone that breaks its own sum
    /// rule: a counted position is proof only where the template's arithmetic checks it (the
    /// text may give a row's cells in another order, a number wrapped in its cell as two, or
    /// another row's values). The values read are named in the warning.
    private mutating func nullUnprovenRows(_ table: ReportTable) {
        for entry in countedRowsBreakingRules[table] ?? [] {
            for column in entry.columns { setValue(nil, table, entry.row, column) }
            dropBlankNotes(table, entry.row)
            let evidence = scrambledTables[table].map { "; the text gives this table's values out of column order (\($0))" } ?? ""
            note(.warning, "table.order_unproven", "\(table.rawValue).\(entry.row)",
                 "row's values `\(entry.values)`, placed by the text alone (their order, or their character columns), break its sum rule\(evidence): which value is in which column is not proven; left null", entry.location)
        }
        countedRowsBreakingRules[table] = nil
    }

    /// Leaves null each request row read from the values after its label (none placed by the
    /// source) whose next row in the template has no value read and whose label stands later in
    /// the text with no value of its own before another row's label, unless the values after this
    /// row's label are a whole row for it and for each such row below it, the next row read. A text
    /// that drops a row left blank without a trace and sets some rows' values before their labels
    /// (`pdftotext`: a label on one line is written after the values centred beside it,
    /// `7.属于行政执法案卷` / `285 7 140 …` / `8.属于行政查询事项` / `（四）无法提供`) gives the same words for
    /// this row's values and for the next row's after a blank row: which row they are is uncertain.
    /// Only texts whose empty lines
    /// part blocks of cells (``emptyLinesPartCells``, ``labelsApart``: a text in reading order rebuilt
    /// from the page) do so; texts in the order the PDF draws (`-raw`, PyMuPDF) and texts given row by
    /// row, a label straight before another being a row left blank (``rowByRow``), are read as they are.
    private mutating func nullRowsBeforeValuelessLabels(_ cells: [StreamCell], row: (LabelFacts) -> String?,
                                                       column: (LabelFacts) -> String?) {
        defer {
            runAfterLabelRows = [:]
            rowsAfterDisplaced = []
            stackedOver = [:]
        }
        guard emptyLinesPartCells || labelsApart, !rowByRow.contains(.requests) else { return }
        let keys = TemplateCatalog.rows(.requests, template).map(\.key)
        let columns = TemplateCatalog.applicantColumns.map(\.key)
        func rowLabel(_ index: Int) -> String? {
            let cell = cells[index]
            guard !cell.positioned, let facts = cell.facts, column(facts) == nil || facts.hasEnumerator else { return nil }
            return row(facts)
        }
        /// `true` when a cell between `start` and `end` is the heading of a group of rows below
        /// `key`'s, other than its own (`（三）不予公开` after `（二）部分公开…`), told by its enumerator.
        func laterGroupHeading(between start: Int, and end: Int, below key: String) -> Bool {
            guard start + 1 < end else { return false }
            func enumerator(_ facts: LabelFacts) -> Substring? {
                facts.hasEnumerator ? facts.key.dropLast(facts.stripped.count) : nil
            }
            let own = TemplateCatalog.row(.requests, template, key: key)?.group
            let groups = Set(requestRows(below: key).compactMap(\.group).filter { $0 != own }
                .compactMap { cache.facts($0).label.flatMap(enumerator) })
            return (start + 1..<end).contains { index in cells[index].facts.flatMap(enumerator).map(groups.contains) == true }
        }
        /// `true` when a label of row `key` stands after cell `start` with no value after it before
        /// the next row label, and the labels stacked from it on (numbered or enumerated) are
        /// followed by fewer values than a whole row each: one of those rows, this one or another,
        /// has its values elsewhere or none.
        func valuelessLabel(_ key: String, after start: Int) -> Bool {
            var index = start + 1
            while index < cells.count {
                guard rowLabel(index) == key else { index += 1; continue }
                var next = index + 1
                var stacked = 1
                var headerCells = 0
                while next < cells.count, !cells[next].isGivenValue, !cells[next].kind.isBarrier {
                    // A numbered or enumerated label starts a row; other pieces continue one.
                    if Self.startsWithNumber(cells[next].raw) || rowLabel(next) != nil && cells[next].facts?.hasEnumerator == true { stacked += 1 }
                    if let facts = cells[next].facts, column(facts) != nil, !facts.hasEnumerator { headerCells += 1 }
                    next += 1
                }
                // The label at a page's foot, the header repeated on the next page after it (three
                // column headers or more, not a stray `总计`): the values after that header are the
                // new page's first row, not this row's, which stands with its values on the page
                // before (`4.保护第三方合法权益` (left blank) / 5's values / `5.属于三类内部事务信息` /
                // `申请人情况` … `自然人` `总计` … `其他` / 6's values).
                if headerCells >= 3 && stacked == 1 { return true }
                // A lone label followed by two numbers or more none of whose first runs keeps rule 2:
                // fewer than a row at the table's end (`3.其他` / `70` `579`, 四、结转下年度继续办理's
                // last cells, then part 四's heading), or a row's worth (`3.其他` / `6901 1130 8142
                // 2940 2028 3108 2927`, the 总计 row's, whose label follows them; more may be two
                // rows' cells interleaved, `4.保护…` / `13` `225` `101` `218` …): not its own. Not
                // the table's last row (`四、结转下年度继续办理`): no row after it to take values
                // from, what follows its label is its own.
                if stacked == 1, key != keys.last, next < cells.count, cells[next].isGivenValue {
                    var values: [Int] = []
                    var end = next
                    // (Values only: a piece of text among them, `不计其他情形）`, may be the label's
                    // end, wrapped around its own values.)
                    var piece = false
                    while end < cells.count, rowLabel(end) == nil, !cells[end].kind.isBarrier {
                        if cells[end].isGivenValue { values.append(end) } else if cells[end].facts != nil { piece = true }
                        end += 1
                    }
                    // (A lone value or blank mark right after the label, a column header or its own
                    // group's heading, `6.属于四类过程性信息` / `-`, `总计` / `1637`, `2.重复申请` /
                    // `（五）不予处理` / `270`, may be a row's own; one after the heading of a group
                    // below, `（二）部分公开…` / `（三）不予公开` … `（四）无法提供` / `123`, is not.)
                    let parted = headerCells == 0 && laterGroupHeading(between: index, and: next, below: key)
                    let numbers = !piece && (values.count >= 2 || values.count == 1 && parted)
                        && values.allSatisfy { if case .number(_, unit: nil)? = cells[$0].value { true } else { false } }
                    // Fewer than a row only at the table's end or parted from the label by other
                    // labels: right after it and before another row's label they may be this row's
                    // first cells, a displaced label parting them from the rest
                    // (`四、结转下年度继续办理` / `56 175 154 40` / `3.其他` / `28 97 550`).
                    let apart = end == cells.count || cells[end].kind.isBarrier || parted
                    if numbers, values.count < columns.count ? apart && Self.leadingRuleTwoRuns(values, cells, width: columns.count).runs == 0
                        : values.count == columns.count && !Self.startsWithRuleTwoRun(values, cells, width: columns.count) { return true }
                }
                guard stacked > 1 || next == cells.count || cells[next].kind.isBarrier else { index = next; continue }
                var values: [Int] = []
                while next < cells.count, rowLabel(next) == nil, !cells[next].kind.isBarrier {
                    if cells[next].isGivenValue { values.append(next) }
                    next += 1
                }
                // Blanks dropped, the rows the values make are told by rule 2: runs that keep it,
                // and a rest.
                let cut = Self.leadingRuleTwoRuns(values, cells, width: columns.count)
                if values.count < stacked * columns.count, cut.runs + (cut.consumed < values.count ? 1 : 0) < stacked { return true }
                // As many values as whole rows or more, and no first run of them, however long,
                // keeps rule 2: they are not the first row's (`3.其他` / `6901 1130 8142 2940 2028
                // 3108 2927`, the 总计 row's, whose label follows them).
                if values.count >= stacked * columns.count, !Self.startsWithRuleTwoRun(values, cells, width: columns.count) { return true }
                index = next
            }
            return false
        }
        /// `true` for a row placed, or waiting for the column rules (its blanks dropped).
        func read(_ key: String) -> Bool {
            columns.contains(where: { report.requests[key, $0] != nil }) || pendingRequestRows.contains { $0.key == key }
        }
        /// `true` for a row read whose values are to be left null, breaking its sum rule (`3.其他` /
        /// `6901 1130 8142 2940 2028 3108 2927`, the 总计 row's), or waiting for the column rules with
        /// fewer values than its cells, no run of them keeping rule 2 (`3.其他` / `70` `579`,
        /// 四、结转下年度继续办理's last cells): they may be another row's.
        func unproven(_ key: String) -> Bool {
            if countedRowsBreakingRules[.requests]?.contains(where: { $0.row == key }) == true { return true }
            guard columns.allSatisfy({ report.requests[key, $0] == nil }),
                  let pending = pendingRequestRows.first(where: { $0.key == key }) else { return false }
            let values = pending.values
            return values.count < columns.count && !(2...max(2, values.count)).contains { length in
                length <= values.count && values[length - 1] == values[..<(length - 1)].reduce(0, +)
            }
        }
        // Rows left null here: the row above each may hold values of theirs (below).
        var forgotten: [String] = []
        for (key, run) in runAfterLabelRows.sorted(by: { $0.value.labelIndex < $1.value.labelIndex }) {
            guard let position = keys.firstIndex(of: key), position + 1 < keys.count, read(key) else { continue }
            // The rows below whose labels stand later with no value of their own.
            let displaced = keys[(position + 1)...].prefix { next in
                blankRowKeys[.requests]?.contains(next) != true && (!read(next) || unproven(next)) && valuelessLabel(next, after: run.labelIndex)
            }
            guard let next = displaced.first else { continue }
            // A whole row for this row and for each of them after its label (counted, or cut by
            // rule 2 where blanks were dropped), the row below them read from its own label: this
            // row's values come first (were it left blank, that row's values would be among these too).
            let cut = Self.leadingRuleTwoRuns(run.values, cells, width: columns.count)
            let rows = run.values.count % columns.count == 0 ? run.values.count / columns.count
                : cut.consumed == run.values.count ? cut.runs : 0
            if run.values.count == (displaced.count + 1) * columns.count { continue }
            if rows >= 2, position + rows < keys.count,
               keys[(position + 1)..<(position + rows)].allSatisfy({ !read($0) }), read(keys[position + rows]) { continue }
            forgetRequestRow(key)
            forgotten.append(key)
            note(.warning, "table.order_uncertain", "requests.\(key)",
                 "the next row's label (“\(TemplateCatalog.row(.requests, template, key: next).map { LabelText.key($0.label) } ?? next)”) stands later in the text with no value of its own before another row's label: the text sets some rows' values before their labels and drops a row left blank without a trace, so the values after this row's label may be that row's; left null",
                 run.location)
            // The rows stacked over this one took their values from the same run, cut by the same
            // reading (`3.要求提供公开出版物` / `4.无正当理由大量反复申请` / 14 values, 3 left blank and
            // 5.要求行政机关确认…'s values after 4's): uncertain with it.
            for stacked in stackedOver[key] ?? [] where read(stacked) {
                forgetRequestRow(stacked)
                note(.warning, "table.order_uncertain", "requests.\(stacked)",
                     "the row's label stood stacked over the next row's, their values cut from the run after it, and that row's reading is uncertain (the row after it stands later with no value of its own): left null",
                     run.location)
            }
        }
        // A row so left null had its values, in such a text, before its label as well: the values
        // right before that label, after the label of the row above, fewer than a row (blanks
        // dropped), may be its own and not the row above's, where that row was read right after
        // a row left null for more values than cells (`5.属于三类内部事务` / 9 values, pieces of wrapped
        // numbers / `6.属于四类过程性信息` / `194 248 95 537` / `7.属于行政执法案卷` / `119 … 679` /
        // `8.属于行政查询事项`, 6 left blank, each row's values before its label): that row is uncertain too.
        for key in forgotten {
            guard let position = keys.firstIndex(of: key), position > 0, let below = runAfterLabelRows[key] else { continue }
            let above = keys[position - 1]
            guard rowsAfterDisplaced.contains(above), read(above), let run = runAfterLabelRows[above], run.values.count < columns.count,
                  let last = run.values.last, last < below.labelIndex,
                  cells[(last + 1)..<below.labelIndex].allSatisfy({ !$0.isGivenValue && !$0.kind.isBarrier }) else { continue }
            forgetRequestRow(above)
            note(.warning, "table.order_uncertain", "requests.\(above)",
                 "the row's values, fewer than its cells, stand right before the label of the next row (“\(TemplateCatalog.row(.requests, template, key: key).map { LabelText.key($0.label) } ?? key)”), left null as one whose values may stand before its label: these may be that row's; left null",
                 run.location)
        }
    }

    // MARK: 四、复议诉讼

    /// Reads part 四 from its cells; `valueRows` are the table rows of values alone, every cell in
    /// its place (``CellStream/valueRows``); `endLine` is the source line of the heading after the table.
    mutating func recognizeReviewLitigation(_ cells: [StreamCell], valueRows: [[StreamCell]] = [], endLine: Int? = nil) -> Set<String> {
        defer { nullUnprovenRows(.reviewLitigation) }
        let streamCells = cells
        let (cells, removedHeaderLines) = Self.withoutRepeatedHeaderLines(cells) { $0.reviewGroup }
        let groups = TemplateCatalog.rows(.reviewLitigation, template).map(\.key)
        var outcomes = TemplateCatalog.outcomeColumns.map(\.key)
        for keys in Self.headerLines(cells, { $0.reviewColumn }) where Set(keys) == Set(outcomes) && keys.count == outcomes.count {
            outcomes = keys
            break
        }
        let slotsPerGroup = outcomes.count
        let totalOffset = outcomes.firstIndex(of: "total") ?? 4
        let ruleName = "rule 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结)"
        var found: Set<String> = []
        let width = groups.count * slotsPerGroup
        let sums = Dictionary(uniqueKeysWithValues: groups.indices.map { group in
            (group * slotsPerGroup + totalOffset, (0..<slotsPerGroup).filter { $0 != totalOffset }.map { group * slotsPerGroup + $0 })
        })
        var counted: [StreamCell]?
        // Lines of a text's header words and blank fields only, no value given. (Not a PDF's or a
        // document's table rows: there the row of values drops its blank cells before its first
        // value as label columns, and a header row's blank last cell has stood in for the first of
        // them, `[][][22][98]…` under `…[审结][]`; reading such a row by its cells would end that.)
        var headerLineBlanks: Set<Int> = Set(cells.lazy.filter { $0.facts != nil && $0.location.line != nil && $0.location.page == nil }.map(\.line))
        for cell in cells where cell.isGivenValue { headerLineBlanks.remove(cell.line) }
        let valueGroups = Self.groups(cells)
        if valueGroups.count == 1, let only = valueGroups.first,
           // Header cells taken out between the values (a header repeated on a new page, or the
           // next group's header words: `总计` `132 286 199 617` `结果` `维持` … `总计` `319 …`) are lines
           // no blank cell stands on.
           !removedHeaderLines.contains(where: { line in
               only.values.first.map { cells[$0].line < line } == true && only.values.last.map { line < cells[$0].line } == true
           }),
           let pitch = Self.linePitch(valueGroups, cells, maxWidth: width, blanksShown: emptyLinesShowBlanks, labelsApart: labelsApart),
           let row = Self.slotValues(only, cells, pitch: pitch, width: width, endLine: endLine), Self.keepsSums(row, totals: sums) {
            // One cell per line below the header's last cell, empty lines blank cells, rule 4 kept.
            counted = row.map { StreamCell(kind: .value($0.value), raw: $0.raw, location: $0.location, line: 0, positioned: false) }
        }
        if let row = counted ?? Self.reviewValueRow(valueRows, width: width, sums: sums) {
            // One table row of values, every cell in its place (DOCX, HTML): read by cell index,
            // a blank cell null in its own column.
            for (slot, cell) in row.enumerated() {
                let group = groups[slot / slotsPerGroup], column = outcomes[slot % slotsPerGroup]
                report.reviewLitigation[group, column] = number(ValueCell(cell), .reviewLitigation, group, column,
                                                                column: ColumnSpec(key: column, label: column), headerUnit: nil, defaultUnit: nil)
            }
            return Set(groups)
        }
        var flat: [ValueCell] = []
        // The column names between values (`结果` `维持` `344`, a text of blocks), header lines
        // taken out or not: where they come out of the header's order, so do the values.
        // Only names after the first values count (the header's own stand before them all).
        var interleavedColumns: [(index: Int, value: String)] = []
        var seenValues = false
        // The 总计 names before the first value: the whole groups' headers written before it.
        var totalsBeforeValues = 0
        // The values right after those headers: one alone when each name has its value after it.
        var firstValues = 0
        let streamGroups = Self.groups(streamCells)
        for group in streamGroups {
            guard let first = group.values.first else { continue }
            defer { seenValues = true }
            guard seenValues else {
                totalsBeforeValues = Self.columnNames(group.run, streamCells, cache: cache).filter { $0 == "total" }.count
                firstValues = group.values.count
                continue
            }
            for column in Self.columnNames(group.run, streamCells, cache: cache) {
                guard let index = outcomes.firstIndex(of: column) else { continue }
                interleavedColumns.append((index, streamCells[first].raw))
            }
        }
        // Column names between the values out of the header's order (`结果维持` `344` `其他结果`
        // `248` `结果纠正` `72` `总计` `尚未审结` `338 1002`, pdfminer's blocks): the values came
        // out of order with them, and rule 4 holds whichever way a group's results are set.
        // A group's names after the last column's (`总计` `132 …` `结果` `维持` …) start the next group.
        if let wrong = zip(interleavedColumns, interleavedColumns.dropFirst()).first(where: { $1.index < $0.index && $0.index != slotsPerGroup - 1 }) {
            let values = streamGroups.flatMap(\.values).map { ValueCell(streamCells[$0]) }
            note(.warning, "table.order_uncertain", "review_litigation",
                 "the column names stand between the values out of the header's order (“\(outcomes[wrong.1.index])” before `\(wrong.1.value)` after “\(outcomes[wrong.0.index])” before `\(wrong.0.value)`): the text writes the table's blocks in an order of its own, so which value is in which column is not proven; values `\(ValueCell.shown(values))` left null",
                 values.first?.location)
            return found
        }
        // Column names each followed by one value, in order, after two groups' whole headers (`…总计`
        // `结果维持` … `总计` `结果维持` `379` `结果纠正` `363` … `总计` `370 1456` `160 41 177 233 611`
        // `— 263 110 — 373`, pdfminer): the names interleaved are the last group's, the values beside
        // them its own, written first, so the text does not give the groups in their order; which
        // group each run of values is in is not proven. (A run of values after the first name,
        // `结果维持` `97 364 392 75 928 271` `结果纠正` …, `pdftotext`, is read as before.)
        if totalsBeforeValues >= 2, firstValues == 1, interleavedColumns.count >= 3, groups.count > 1 {
            let values = streamGroups.flatMap(\.values).map { ValueCell(streamCells[$0]) }
            note(.warning, "table.order_uncertain", "review_litigation",
                 "column names stand between the first values after \(totalsBeforeValues) groups' whole headers: the values among them are a later group's, written first, so the text does not give the groups in their order and which group each value is in is not proven; values `\(ValueCell.shown(values))` left null",
                 values.first?.location)
            return found
        }
        for group in Self.groups(cells) {
            if let (label, _) = Self.findLabel(group.run, next: [], cells, cache: cache, found: found, row: { $0.reviewGroup }, column: { $0.reviewColumn }),
               !found.contains(label.key),
               // Another group's name among the labels before these values (`未经复议直接起诉` /
               // `复议后起诉` / values: a header row read cell by cell): whose values they are is
               // not known; they go with the rest, placed only where the counts prove it.
               !group.run.contains(where: { cells[$0].facts?.reviewGroup.map { $0 != label.key && !found.contains($0) } ?? false }) {
                let (values, leftOver) = Self.rowValues(group, label, count: slotsPerGroup, cells)
                if values.count == slotsPerGroup && leftOver.isEmpty {
                    let aligner = RowAligner(slotCount: slotsPerGroup, rules: [
                        RowAligner.SumRule(total: totalOffset, parts: (0..<slotsPerGroup).filter { $0 != totalOffset }),
                    ])
                    assign(values, at: label.location, to: .reviewLitigation, row: label.key, columns: outcomes, aligner: aligner, ruleName: ruleName)
                    found.insert(label.key)
                    continue
                }
            }
            // A lone number after text on its own line (`全年受理行政复议案件 2`) is prose, not a cell of the table.
            if group.values.count == 1, let last = group.run.last, cells[last].line == cells[group.values[0]].line,
               let facts = cells[last].facts, facts.reviewColumn == nil, facts.reviewGroup == nil {
                unplaced(group.values, cells, .reviewLitigation)
                continue
            }
            // (Not the blank fields of a header line, `| | 维持 | 纠正 | … | 审结 |  |`: no cells of a row.)
            flat += group.values.filter { index in
                guard case .value(.blank) = cells[index].kind else { return true }
                return !headerLineBlanks.contains(cells[index].line)
            }.map { ValueCell(cells[$0]) }
        }
        let remaining = groups.filter { !found.contains($0) }
        // A grid row one cell wider than the table, an empty label column first (a PDF's grid):
        // that column goes before the blanks at the row's end are weighed, so that a row whose
        // last group is blank in every cell keeps its width (`— 214 — 192 84 490 179 — 109 312 600
        // — — — — —`, 复议后起诉 blank).
        if !remaining.isEmpty, flat.count > remaining.count * slotsPerGroup, flat.allSatisfy(\.positioned) {
            while flat.count > remaining.count * slotsPerGroup, let first = flat.first, case .blank = first.value { flat.removeFirst() }
        }
        // Blank cells at the end: no cells of the row's (a positioned row's kept as long as they
        // are its cells).
        let keepsItsWidth = !remaining.isEmpty && flat.allSatisfy(\.positioned)
        while !keepsItsWidth || flat.count > remaining.count * slotsPerGroup, let last = flat.last, case .blank = last.value {
            flat.removeLast()
        }
        guard !flat.isEmpty else { return found }
        guard !remaining.isEmpty else {
            unplacedValues(flat, .reviewLitigation)
            return found
        }
        // Blank cells before the first value beyond the row's cells are an empty label column
        // (a PDF or HTML grid's first column), not blank values.
        while flat.count > remaining.count * slotsPerGroup, let first = flat.first, case .blank = first.value { flat.removeFirst() }
        // Character columns that are not the row's cells (`pdftotext -layout` reading 17 leaf
        // cells off a header of 15) prove no place: the values are read for their order alone,
        // the blanks the layout put between them dropped.
        if flat.contains(where: \.placedByLayout), flat.count != remaining.count * slotsPerGroup {
            flat = flat.filter { if case .blank = $0.value { false } else { true } }.map(\.unplaced)
        }
        let rules = remaining.indices.map { group in
            RowAligner.SumRule(total: group * slotsPerGroup + totalOffset,
                               parts: (0..<slotsPerGroup).filter { $0 != totalOffset }.map { group * slotsPerGroup + $0 })
        }
        let aligner = RowAligner(slotCount: remaining.count * slotsPerGroup, rules: rules)
        let location = flat.first?.location ?? SourceLocation()
        var numbers: [Decimal?] = []
        let notedBefore = diagnostics.count
        for (offset, cell) in flat.enumerated() {
            let group = remaining[min(offset / slotsPerGroup, remaining.count - 1)]
            let column = outcomes[offset % slotsPerGroup]
            numbers.append(number(cell, .reviewLitigation, group, column, column: ColumnSpec(key: column, label: column), headerUnit: nil, defaultUnit: nil))
        }
        let placed: [Decimal?]
        switch aligner.align(numbers) {
        case .exact(let values):
            placed = values
            // One row placed by the header's character columns: a group that breaks rule 4 shows
            // the columns wrong for the whole row (a group of blanks and two values keeps it
            // shifted as well), so no cell is proven.
            if flat.contains(where: \.placedByLayout), let broken = remaining.indices.first(where: { index in
                let number = { (slot: Int) -> Decimal in slot < values.count ? values[slot] ?? 0 : 0 }
                let base = index * slotsPerGroup
                return number(base + totalOffset) != (0..<slotsPerGroup).filter { $0 != totalOffset }.reduce(Decimal(0)) { $0 + number(base + $1) }
            }) {
                // The cells' own notes (a blank cell's) go with the placement.
                diagnostics.removeSubrange(notedBefore...)
                note(.warning, "table.order_unproven", "review_litigation",
                     "values `\(ValueCell.shown(flat))`, placed by their character columns under the header, break \(ruleName) in group \(remaining[broken]): the header's columns are not proven for any cell of the row; values left null", location)
                return found
            }
            if flat.contains(where: { !$0.positioned }) {
                // Each group checked as a row of its own, placed by the text's order.
                for (index, group) in remaining.enumerated() {
                    let slots = index * slotsPerGroup..<(index + 1) * slotsPerGroup
                    let rule = RowAligner.SumRule(total: totalOffset, parts: (0..<slotsPerGroup).filter { $0 != totalOffset })
                    checkCountedOrder(Array(values[slots]), rules: [rule], table: .reviewLitigation, row: group, columns: outcomes,
                                      shown: ValueCell.shown(flat[slots.clamped(to: flat.indices)]),
                                      location: flat[min(slots.lowerBound, flat.count - 1)].location)
                }
            }
        case .repaired(_, let derived, _) where !derived.isEmpty && flat.contains(where: { !$0.positioned }):
            note(.warning, "table.order_unproven", "review_litigation",
                 "\(numbers.count) value(s) for \(aligner.slotCount) cells, placed by their order in the text alone: a missing cell could only be derived by \(ruleName), which then checks nothing; values left null", location)
            return found
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
            // Values in the text's order, blank cells dropped: the cells every placement that
            // keeps rule 4 agrees on (a group whose cells are all given) are placed; the others
            // stay null.
            let given = numbers.compactMap { $0 }
            // Cells of a grid that are not the table's cells (a PDF's row of 14 for 15, a blank cell
            // lost, `— 207 327 534 286 …`): their places prove nothing, and the values are read for
            // their order alone, the grid's blanks dropped (their notes with them).
            let gridNotTable = flat.contains(where: \.positioned) && flat.count != aligner.slotCount && given.count >= 2
                && flat.allSatisfy { cell in
                    switch cell.value {
                    case .number, .blank, .placeholder: true
                    default: false
                    }
                }
            // Not for values spread over lines of several values each (wrapped pieces keep sums).
            guard given.count == numbers.count && !flat.contains(where: \.positioned) || gridNotTable,
                  !Self.spreadOverLines(flat.map(\.location)),
                  let agreement = aligner.agreement(given, maximumMissing: aligner.slotCount - 1) else {
                note(.warning, "table.row_shape", "review_litigation",
                     "\(numbers.count) value(s) for \(aligner.slotCount) cells and no unique placement keeps \(ruleName); values left null", location)
                return found
            }
            if gridNotTable {
                diagnostics.removeSubrange(notedBefore...)
                flat = flat.filter { if case .blank = $0.value { false } else { true } }
            }
            let shown = ValueCell.shown(flat)
            note(.warning, "table.row_shape", "review_litigation",
                 "\(numbers.count) value(s) `\(shown)` for \(aligner.slotCount) cells, blank cells not shown in the text: placed in the \(aligner.slotCount - agreement.open.count) cell(s) where every placement that keeps \(ruleName) gives the same value; the other \(agreement.open.count) left null", location)
            for (slot, value) in agreement.cells.enumerated() {
                let group = remaining[slot / slotsPerGroup], column = outcomes[slot % slotsPerGroup]
                report.reviewLitigation[group, column] = value
                report.reviewLitigation.setLocation(location, group, column)
                if agreement.open.contains(slot) {
                    note(.warning, "table.order_unproven", path(.reviewLitigation, group, column),
                         "the placements of `\(shown)` that keep \(ruleName) differ in this cell (a blank cell's place the text does not show): not proven, left null", location)
                } else if value == nil {
                    note(.warning, "value.missing", path(.reviewLitigation, group, column), "value not given (null)", location)
                }
            }
            found.formUnion(remaining)
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

    /// The one table row of values alone that holds every cell of part 四: `width` cells read by
    /// index; or, where a header cell spanning two columns left one or two blank cells too many
    /// (a `|` row of LibreOffice's HTML), the one choice of blank cells to leave out under which
    /// rule 4 holds in every group (a blank counted as 0). `nil` when there is no such row, more
    /// than one, or no single choice.
    static func reviewValueRow(_ rows: [[StreamCell]], width: Int, sums: [Int: [Int]]) -> [StreamCell]? {
        var matches: [[StreamCell]] = []
        for row in rows where row.count < width && row.contains(where: \.placedByLayout) {
            // A text row placed by its slots ends at its last value (inscriptis writes no trailing
            // blank slot): the rest are blank, kept only if rule 4 holds in every group.
            guard let last = row.last else { continue }
            var blank = StreamCell(kind: .value(.blank), raw: "", location: last.location, line: last.line, positioned: true)
            blank.placedByLayout = true
            let padded = row + Array(repeating: blank, count: width - row.count)
            if keepsSums(padded.map(ValueCell.init), totals: sums, blankTotal: true) { matches.append(padded) }
        }
        for row in rows where row.count >= width && row.count <= width + 2 {
            guard row.count > width else {
                // A text row placed by its character columns is checked by rule 4 in each group.
                if !row.contains(where: \.placedByLayout) || keepsSums(row.map(ValueCell.init), totals: sums, blankTotal: true) {
                    matches.append(row)
                }
                continue
            }
            let blanks = row.indices.filter { if case .blank? = row[$0].value { true } else { false } }
            var readings: [[StreamCell]] = []
            var afterTotals: [Bool] = []
            var seen: Set<[String]> = []
            func consider(_ dropped: Set<Int>) {
                let keptIndices = row.indices.filter { !dropped.contains($0) }
                let kept = keptIndices.map { row[$0] }
                guard keepsSums(kept.map(ValueCell.init), totals: sums, blankTotal: true) else { return }
                // Each dropped blank right after the cell read as a group's 总计: the second
                // column of a 总计 cell spanning two (LibreOffice's HTML of the template's table).
                let afterTotal = dropped.allSatisfy { index in
                    keptIndices.lastIndex { $0 < index }.map { sums.keys.contains($0) } ?? false
                }
                guard seen.insert(kept.map(\.raw)).inserted else {
                    if afterTotal, let existing = readings.firstIndex(where: { $0.map(\.raw) == kept.map(\.raw) }) { afterTotals[existing] = true }
                    return
                }
                readings.append(kept)
                afterTotals.append(afterTotal)
            }
            // The reading without the row's first cell, where that cell is blank (an empty label column).
            var leadingDropped: Int?
            if row.count == width + 1, let first = blanks.first, first == 0 {
                consider([0])
                let kept = row.dropFirst().map(\.raw)
                leadingDropped = readings.firstIndex { $0.map(\.raw) == kept }
            }
            if row.count == width + 1 {
                for blank in blanks { consider([blank]) }
            } else {
                for (offset, first) in blanks.enumerated() { for second in blanks[(offset + 1)...] { consider([first, second]) } }
            }
            if readings.count == 1, let only = readings.first {
                matches.append(only)
            } else if afterTotals.filter({ $0 }).count == 1, let index = afterTotals.firstIndex(of: true),
                      leadingDropped.map({ $0 == index }) ?? true {
                // Several readings keep rule 4; one drops only blanks that follow a 总计 — and, where
                // the row starts blank, that one is also the reading without its first cell: an empty
                // label column first (a PDF's grid: `[] [] [] [] [] [0] … [13] [45] [377] [178] [613]`,
                // 行政复议's lone 总计 0, reads as well as 0 under 未经复议直接起诉's 结果维持).
                matches.append(readings[index])
            }
        }
        return matches.count == 1 ? matches.first : nil
    }

    private mutating func unplacedValues(_ values: [ValueCell], _ table: ReportTable) {
        let given = values.filter { $0.value.isValueLike && !($0.value == .blank) }
        guard let first = given.first else { return }
        note(.warning, "table.values_unplaced", table.rawValue,
             "\(given.count) value(s) follow no row label of the table; they are not read", first.location)
    }
}

extension StreamCell.Kind {
    /// The cell is prose (``barrier``), ending whatever label was being read.
    var isBarrier: Bool {
        if case .barrier = self { return true }
        return false
    }
}
