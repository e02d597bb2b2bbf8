import Foundation
import NianbaoModel

/// A table rebuilt from where its words sit.
///
/// - Value columns come from the values themselves (numbers, `无`, dashes): the x ranges they
///   occupy across all rows, separated where the other words (headers, signs) leave the widest
///   empty strip. Everything left of the first value column is the label area.
/// - Rows come from the value lines: values side by side at one height are one row. Label text is
///   grouped into label blocks (lines of one cell: same left edge, the cell's line pitch, no new
///   enumerator such as `5.` or `（四）`) and a block goes to the value line it overlaps most, so a
///   label wrapped inside its cell is joined whether the cell is aligned at the top or the middle.
/// - Words that meet no value line (header rows, sub-headings inside the table) make rows of
///   their own, one per visual line, cells per column.
struct TableGrid {
    /// One rebuilt row: its cells (text and column span) and where it starts.
    struct Row {
        var cells: [(span: Int, text: String)]
        var y0: Double
        /// `true` when the row has a value line.
        var hasValues: Bool
        /// The label pieces left of the values (x of their left edge, text); for a row with values
        /// they are its first cells, in this order.
        var labels: [(x0: Double, text: String)] = []
        /// How many of the first cells are label cells.
        var labelCellCount = 1
        /// `true` when every word of the row is in the label area.
        var labelsOnly: Bool { cells.dropFirst(labelCellCount).allSatisfy { $0.text.isEmpty } }
    }

    var rows: [Row] = []
    /// Why values were left out of a row (two values in one header column, a value outside every
    /// header column): one message each.
    var unplaced: [String] = []
    /// The columns the last table part's header proved, for a part continued on the next page
    /// without its header.
    var lastHeaderColumns: HeaderColumns?

    /// Rebuilds the table of `lines`; `inherited` are the header columns of the table this one may
    /// continue (used for a first part without a header of its own).
    init(lines: [VisualLine], inherited: HeaderColumns? = nil) {
        let (words, signJoins) = Self.joiningSigns(lines)
        guard !words.isEmpty else { return }
        let heights = words.map(\.height).sorted()
        let height = max(heights[heights.count / 2], 1)
        // (Each word told once: `perf` had the test at 3.4 % of nianbao's CPU on PDFs, run twice.)
        let valueLike = words.map { TextJoin.isValueLike($0.text) }
        let values = words.indices.filter { valueLike[$0] }.map { words[$0] }
        // A single value is placed like many (a row of one value under its header: `规章` with
        // only 现行有效件数 given is a table of its own when the rows stand far apart).
        guard !values.isEmpty else {
            // A header without rows (the rows follow as a table of their own): its columns go on.
            lastHeaderColumns = HeaderColumns.find(in: words, height: height) ?? inherited
            rows = lines.map { line in Row(cells: line.segments.map { (1, TextJoin.join($0.words.map(\.text))) }, y0: line.y0, hasValues: false) }
            return
        }

        // 1. Value columns, first for the whole table: the label area ends at the widest empty
        //    strip left of the first value column (the rightmost one when several are as wide),
        //    looking only at words that do not reach into it.
        let others = words.indices.filter { !valueLike[$0] }.map { words[$0] }
        let global = Self.valueColumns(values: values, others: others)
        let firstValueX = global.clusters.first?.x0 ?? 0
        let tableLeft = words.map(\.x0).min() ?? firstValueX
        var valueEdge = Self.emptiestStrip(from: tableLeft, to: firstValueX, words: others.filter { $0.x0 < firstValueX }, preferRight: true)
            ?? firstValueX - 0.5
        // A header column left of every value (a column blank in every row): the label area ends
        // before its header cell.
        let levelWithValue = { (word: PDFWord) -> Bool in
            values.contains { min($0.y1, word.y1) - max($0.y0, word.y0) >= 0.5 * min($0.height, word.height) }
        }
        let headerLeft = HeaderColumns.leaves(HeaderColumns.cells(others.filter { !levelWithValue($0) }, height: height)).map(\.x0).min()
            ?? inherited?.spans.first?.lowerBound
        // Label words level with values between the header's left edge and the first value: the
        // header cells stand shifted from their columns (pandoc's DOCX puts a header row's cells
        // in the first columns, over the row labels) and say nothing about the label area.
        let displaced = headerLeft.map { left in
            others.contains { $0.x0 >= left - 0.5 && $0.x1 < firstValueX && levelWithValue($0) }
        } ?? false
        if displaced {
            // The label area ends at the first value (every row label lies left of it).
            valueEdge = firstValueX - 0.5
        } else if let headerLeft {
            // Row labels: words level with a value, left of the header columns (a header cell over
            // the label column, such as 本列数据的勾稽关系为…, spans it and says nothing).
            let rowLabels = others.filter { $0.x0 < headerLeft && levelWithValue($0) }
            // The label area ends right after them, or after a label-column header cell that ends
            // further right yet left of the header columns (the label area stays as wide as on
            // the page before, so a repeated header row reads the same).
            let labelArea = rowLabels.isEmpty ? [] : others.filter { $0.x0 < headerLeft && $0.x1 <= headerLeft + 0.5 }
            if let labelEnd = labelArea.map(\.x1).max() {
                valueEdge = labelEnd + 0.5
            } else {
                valueEdge = min(valueEdge, headerLeft - 0.5)
            }
        }
        let labelEdge = valueEdge
        /// The value column of an x position among `separators`; -1 in the label area.
        func column(_ x: Double, _ separators: [Double]) -> Int {
            if x < labelEdge { return -1 }
            return separators.firstIndex { x < $0 } ?? separators.count
        }
        func column(_ x: Double) -> Int { column(x, global.separators) }
        let slack = 0.3 * height
        func span(_ word: PDFWord, in separators: [Double]) -> (first: Int, last: Int) {
            let first = column(min(word.x0 + slack, word.centerX), separators), last = column(max(word.x1 - slack, word.centerX), separators)
            return (min(first, last), max(first, last))
        }
        func range(_ word: PDFWord) -> (first: Int, last: Int) { span(word, in: global.separators) }

        // 2. Value lines: values side by side at one height.
        var anchors: [(y0: Double, y1: Double, words: [PDFWord])] = []
        for word in values.sorted(by: { $0.centerY < $1.centerY }) where column(word.centerX) >= 0 {
            if let last = anchors.last, min(last.y1, word.y1) - max(last.y0, word.y0) >= 0.5 * min(last.y1 - last.y0, word.height) {
                anchors[anchors.count - 1].words.append(word)
                anchors[anchors.count - 1].y1 = max(last.y1, word.y1)
                anchors[anchors.count - 1].y0 = min(last.y0, word.y0)
            } else {
                anchors.append((word.y0, word.y1, [word]))
            }
        }
        func anchor(overlapping y0: Double, _ y1: Double, minimum: Double) -> Int? {
            var best: (index: Int, overlap: Double)?
            for (index, anchor) in anchors.enumerated() {
                let overlap = min(anchor.y1, y1) - max(anchor.y0, y0)
                if overlap >= minimum, overlap > (best?.overlap ?? -1) { best = (index, overlap) }
            }
            return best?.index
        }

        // 3. Sub-tables: value lines with header cells between them start a new group with its own
        //    columns (the header rows give the column edges: a 采购项目数量 / 采购总金额 part
        //    under a three-column part puts its values elsewhere).
        let valueAreaText = others.filter { range($0).last >= 0 && anchor(overlapping: $0.y0, $0.y1, minimum: 0.3 * $0.height) == nil }
        var groupOf = [Int](repeating: 0, count: anchors.count)
        var groupStarts: [Int] = anchors.isEmpty ? [] : [0]
        for index in anchors.indices.dropFirst() {
            let above = anchors[index - 1].y1, below = anchors[index].y0
            let header = valueAreaText.contains { $0.centerY > above && $0.centerY < below }
            groupOf[index] = groupOf[index - 1] + (header ? 1 : 0)
            if header { groupStarts.append(index) }
        }
        var groupSeparators: [[Double]] = []
        var groupRightEnds: [Double] = []
        var groupHeaders: [HeaderColumns?] = []
        for (group, start) in groupStarts.enumerated() {
            let end = group + 1 < groupStarts.count ? groupStarts[group + 1] : anchors.count
            let top = start > 0 ? anchors[start - 1].y1 : -Double.infinity
            let bottom = anchors[end - 1].y1
            let groupValues = anchors[start..<end].flatMap(\.words)
            let groupOthers = others.filter { range($0).last >= 0 && $0.centerY > top && $0.centerY <= bottom }
            // The header cells above the group's first value line prove its columns; a group
            // without them continues the columns before it (the previous group's, or for the first
            // the inherited ones: a table continued on a new page).
            let headerWords = valueAreaText.filter { $0.centerY > top && $0.centerY < anchors[start].y0 }
            let before = group == 0 ? inherited : groupHeaders.last ?? nil
            var own = HeaderColumns.find(in: headerWords, height: height)
            // A repeated header cut short (a page break between its rows) whose columns all stand
            // where the complete header before put them: that header.
            if let partial = own, partial.incompleteness != nil, let before, before.incompleteness == nil, partial.isPart(of: before) {
                own = before
            }
            // A header broken by a page break between its rows (自然人 / 法人或其他组织 / 总计 at the
            // foot of one page, 商业企业 … 其他 at the top of the next): the two parts' columns,
            // side by side without overlapping, make the whole header.
            if let partial = own, partial.incompleteness != nil, let before, before.incompleteness != nil,
               let whole = HeaderColumns.merged(partial, before) {
                own = whole
            }
            let clusters = Self.valueColumns(values: groupValues, others: []).clusters
            // A header whose named columns are not all found, over values in exactly as many x
            // ranges as its table has columns (7 applicant, 15 outcome): the ranges in order are
            // those columns.
            if let partial = own, partial.incompleteness != nil {
                let full = partial.names.contains(where: HeaderColumns.applicantNames.contains) && !partial.names.contains(where: ["结果维持", "结果纠正", "其他结果", "尚未审结"].contains)
                    ? HeaderColumns.applicantNames : Array([HeaderColumns.outcomeNames, HeaderColumns.outcomeNames, HeaderColumns.outcomeNames].joined())
                if clusters.count == full.count {
                    own = HeaderColumns(spans: clusters.map { $0.x0...$0.x1 }, names: full)
                }
            }
            if let header = own ?? before {
                // A sign joined to a number in the next header column (a blank cell's `-`) is
                // two cells: the x ranges are those of its parts.
                let headerColumn = { (x: Double) in header.separators.firstIndex { x < $0 } ?? header.separators.count }
                let parted = groupValues.flatMap { word -> [PDFWord] in
                    guard let parts = signJoins[word], Self.mayPart(parts, height: height),
                          headerColumn(parts.sign.centerX) != headerColumn(parts.number.centerX) else { return [word] }
                    return [parts.sign, parts.number]
                }
                let clusters = parted.count == groupValues.count ? clusters : Self.valueColumns(values: parted, others: []).clusters
                // Values in as many x ranges as there are header columns, each range within its
                // neighbours' headers: the boundaries lie between the values (left-aligned values
                // in a wide cell sit far left of its centred header).
                let spans = header.spans
                // A complete requests or review header (all its named columns, in order) over as
                // many x ranges: the ranges in order, even when the header cells stand shifted
                // from the values (pandoc's DOCX puts a header row's cells in the first columns).
                let wholeTemplateHeader = header.incompleteness == nil
                    && (header.names == HeaderColumns.applicantNames || header.names.count == 3 * HeaderColumns.outcomeNames.count)
                let consistent = clusters.count == spans.count && (wholeTemplateHeader || clusters.indices.allSatisfy { k in
                    (k == 0 || clusters[k].x0 >= spans[k - 1].lowerBound) && (k + 1 == spans.count || clusters[k].x1 <= spans[k + 1].upperBound)
                })
                groupSeparators.append(consistent ? zip(clusters, clusters.dropFirst()).map { ($0.x1 + $1.x0) / 2 } : header.separators)
                groupRightEnds.append(consistent ? max(header.rightEnd, (clusters.last?.x1 ?? 0) + 1) : header.rightEnd)
                groupHeaders.append(header)
                continue
            }
            let columns = Self.valueColumns(values: groupValues, others: groupOthers)
            // A group of one column or with fewer columns than the table keeps the table's columns
            // unless its own values need different ones.
            groupSeparators.append(groupStarts.count == 1 ? global.separators : columns.separators)
            groupRightEnds.append(.infinity)
            groupHeaders.append(nil)
        }
        lastHeaderColumns = groupHeaders.last ?? nil
        // Header cells below the last value line (a sub-table's header at the foot of a page, its
        // rows on the next) prove the columns the table goes on with.
        if let last = anchors.last,
           let trailing = HeaderColumns.find(in: valueAreaText.filter { $0.centerY > last.y1 }, height: height) {
            lastHeaderColumns = trailing
        }
        /// The group a vertical position belongs to: the group of the first value line below it
        /// (a header sits above its values), else the last.
        func group(at y: Double) -> Int {
            if let index = anchors.firstIndex(where: { $0.y1 >= y }) { return groupOf[index] }
            return groupOf.last ?? 0
        }
        func separators(of group: Int) -> [Double] { group < groupSeparators.count ? groupSeparators[group] : global.separators }

        // 4. The rest of the value area: into a value line it overlaps, else loose.
        var valueCells = [[Int: [PDFWord]]](repeating: [:], count: anchors.count)
        var loose: [PDFWord] = []
        var unplacedNotes: [String] = []
        var stacked: [(index: Int, column: Int)] = []
        for (index, anchor) in anchors.enumerated() {
            let group = groupOf[index]
            let lines = separators(of: group)
            let rightEnd = group < groupRightEnds.count ? groupRightEnds[group] : .infinity
            for word in anchor.words {
                if word.centerX > rightEnd {
                    unplacedNotes.append("the value `\(word.text)` lies right of the last header column; not placed")
                    continue
                }
                // A dash joined to the number after it whose two parts stand in two columns, the
                // dash alone in its column, is a blank cell's mark and a number: each goes to its
                // own column.
                if let parts = signJoins[word], Self.mayPart(parts, height: height),
                   case let signColumn = column(parts.sign.centerX, lines), signColumn != column(parts.number.centerX, lines),
                   !anchor.words.contains(where: { $0 != word && column($0.centerX, lines) == signColumn }) {
                    valueCells[index][column(parts.sign.centerX, lines), default: []].append(parts.sign)
                    valueCells[index][column(parts.number.centerX, lines), default: []].append(parts.number)
                    continue
                }
                valueCells[index][column(word.centerX, lines), default: []].append(word)
            }
            // Under a header that lacks some of its table's columns no value is placed.
            if group < groupHeaders.count, let header = groupHeaders[group], let reason = header.incompleteness {
                if !anchor.words.isEmpty {
                    unplacedNotes.append(reason + "; the \(anchor.words.count) value(s) of its row " + anchor.words.map { "`\($0.text)`" }.joined(separator: " ") + " not placed")
                }
                valueCells[index] = [:]
                continue
            }
            // Under a proven header, two values in one column are not one reading (unless they
            // are one number wrapped inside its cell, checked below).
            if group < groupHeaders.count, groupHeaders[group] != nil {
                for (columnIndex, words) in valueCells[index] where words.filter({ TextJoin.isValueLike($0.text) }).count >= 2 {
                    stacked.append((index, columnIndex))
                }
            }
        }
        // A number wrapped inside its cell, the row's other cells centred over both lines: its
        // pieces stand one over the other in one value line. Joined on the proof of
        // `wrappedPieces`; otherwise the cell is left empty (null) with a note.
        for (index, columnIndex) in stacked {
            let words = valueCells[index][columnIndex] ?? []
            let widest = anchors.indices.filter { groupOf[$0] == groupOf[index] }
                .compactMap { valueCells[$0][columnIndex]?.map { $0.x1 - $0.x0 }.max() }.max() ?? 0
            if let number = Self.wrappedPieces(words, height: height, columnWidth: widest) {
                valueCells[index][columnIndex] = [number]
                continue
            }
            let header = groupHeaders[groupOf[index]]
            let name = header.flatMap { columnIndex >= 0 && columnIndex < $0.names.count ? $0.names[columnIndex] : nil } ?? "column \(columnIndex + 1)"
            unplacedNotes.append("values " + words.map { "`\($0.text)`" }.joined(separator: " ") + " all lie under the header \(name); none placed")
            valueCells[index][columnIndex] = []
        }
        unplaced = unplacedNotes
        let labelWords = others.filter { range($0).last < 0 }
        for word in others where range(word).last >= 0 {
            let index = anchor(overlapping: word.y0, word.y1, minimum: 0.3 * word.height)
            let placed = span(word, in: index.map { separators(of: groupOf[$0]) } ?? global.separators)
            if placed.first == placed.last, placed.first >= 0, let index {
                valueCells[index][placed.first, default: []].append(word)
            } else {
                loose.append(word)
            }
        }
        // Values that met no line (none: every value starts one) and value-like words in the label area
        // are handled with the labels.
        let labelValueLike = values.filter { column($0.centerX) < 0 }

        // 5. Label blocks, each to the value line it overlaps most.
        var labelCells = [[LabelBlock]](repeating: [], count: anchors.count)
        let anchorOf = { (y0: Double, y1: Double) -> Int? in anchor(overlapping: y0, y1, minimum: 0.2 * height) }
        // Words of the value area that are not values: header cells. A label piece level with them
        // is a header cell too, never the first line of the label below.
        let headerText = others.filter { range($0).last >= 0 }
        let isHeader = { (y0: Double, y1: Double) -> Bool in
            headerText.contains { min($0.y1, y1) - max($0.y0, y0) >= 0.5 * min($0.height, y1 - y0) }
        }
        for block in LabelBlock.blocks(labelWords + labelValueLike, height: height, anchor: anchorOf, isHeader: isHeader) {
            if let index = anchor(overlapping: block.y0, block.y1, minimum: 0.2 * height) {
                labelCells[index].append(block)
            } else {
                loose += block.words
            }
        }

        // 5b. Numbers wrapped inside narrow cells (`328729` printed as `32872` over `9`): a value
        //     line without a label of its own right under another is its continuation when it is
        //     that line's next text line (see `wrapContinuation`); its pieces are joined to the
        //     values above them. One that is close but not proven a continuation leaves the values
        //     above it unplaced (null): which row its numbers belong to is not known.
        var absorbed = Set<Int>()
        var previous = 0
        for index in anchors.indices.dropFirst() {
            defer { if !absorbed.contains(index) { previous = index } }
            guard groupOf[index] == groupOf[previous] else { continue }
            let above = anchors[previous], below = anchors[index]
            // Only a line as close as a row's next text line can be its continuation.
            guard below.y0 - above.y1 < 0.5 * height else { continue }
            let continuation = Self.wrapContinuation(of: valueCells[previous], by: valueCells[index], lineAbove: anchors[index - 1].y0, lineBelow: below.y0,
                                                     height: height, columnWidth: { column in
                                                         anchors.indices.compactMap { valueCells[$0][column]?.map { $0.x1 - $0.x0 }.max() }.max() ?? 0
                                                     })
            // Label text that only ends the labels of the line above (`3.要求提供公开出版` / `物`, each
            // block level with one above and starting no row) is no label of the line's own.
            let endsLabelsAbove = !labelCells[index].isEmpty && labelCells[index].allSatisfy { block in
                !Self.startsARow(block.text) && labelCells[previous].contains { abs($0.x0 - block.x0) < 0.5 * height }
            }
            if endsLabelsAbove, case .joined(let cells) = continuation {
                valueCells[previous] = cells
                anchors[previous].y1 = max(anchors[previous].y1, below.y1)
                valueCells[index] = [:]
                labelCells[previous] += labelCells[index]
                labelCells[index] = []
                absorbed.insert(index)
                continue
            }
            if !labelCells[index].isEmpty {
                // A line with label text of its own (a wrapped label's last line, or a row): when
                // its values would be wrapped pieces on every count, which row they belong to is
                // not known; the values above them and the pieces are unplaced.
                guard case .joined = continuation else { continue }
                for column in (valueCells[index].filter { !$0.value.isEmpty }.keys).sorted() {
                    let shown = (valueCells[previous][column] ?? []).map { "`\($0.text)`" } + (valueCells[index][column] ?? []).map { "`\($0.text)`" }
                    unplaced.append("values " + shown.joined(separator: " ") + " read as one number wrapped in its cell, but the line below has label text of its own: not known whether one number wrapped or two rows; none placed")
                    valueCells[previous][column] = []
                    valueCells[index][column] = []
                }
                continue
            }
            switch continuation {
            case .joined(let cells):
                valueCells[previous] = cells
                anchors[previous].y1 = max(anchors[previous].y1, below.y1)
                valueCells[index] = [:]
                absorbed.insert(index)
            case .unproven(let columns):
                // Not the line above's, but the first line of the next row's numbers, wrapped
                // around its label's line (`473 194 … 485` / `（七）总计 934 6 … 004`): joined to that
                // row when the pieces prove it and its sum holds; the line above keeps its values.
                let following = index + 1
                if following < anchors.count, groupOf[following] == groupOf[index], !labelCells[following].isEmpty,
                   anchors[following].y0 - below.y1 < 0.5 * height,
                   case .joined(let cells) = Self.wrapContinuation(of: valueCells[index], by: valueCells[following], lineAbove: below.y0,
                                                                  lineBelow: anchors[following].y0, height: height, columnWidth: { column in
                                                                      anchors.indices.compactMap { valueCells[$0][column]?.map { $0.x1 - $0.x0 }.max() }.max() ?? 0
                                                                  }),
                   Self.lastIsSumOfOthers(cells) {
                    valueCells[following] = cells
                    anchors[following].y0 = min(anchors[following].y0, below.y0)
                    valueCells[index] = [:]
                    absorbed.insert(index)
                    continue
                }
                for column in columns.sorted() {
                    let shown = (valueCells[previous][column] ?? []).map { "`\($0.text)`" } + (valueCells[index][column] ?? []).map { "`\($0.text)`" }
                    unplaced.append("values " + shown.joined(separator: " ") + " stand one over the other in a cell without a label of their own: not known whether one number wrapped or two rows; none placed")
                    valueCells[previous][column] = []
                }
                valueCells[index] = [:]
                absorbed.insert(index)
            case .notAContinuation:
                continue
            }
        }

        // 6. Rows: value lines, and loose words line by line, top to bottom.
        var built: [Row] = []
        for index in anchors.indices where !absorbed.contains(index) {
            let labels = labelCells[index].sorted { $0.x0 < $1.x0 }.map { (x0: $0.x0, text: $0.text) }
            var cells: [(span: Int, text: String)] = labels.map { (1, $0.text) }
            if cells.isEmpty { cells.append((1, "")) }
            for column in 0...separators(of: groupOf[index]).count {
                cells.append((1, GridText.cell(valueCells[index][column] ?? [])))
            }
            let top = min(anchors[index].y0, labelCells[index].map(\.y0).min() ?? anchors[index].y0)
            built.append(Row(cells: cells, y0: top, hasValues: true, labels: labels, labelCellCount: max(labels.count, 1)))
        }
        for line in VisualLine.lines(loose) {
            let lineSeparators = separators(of: group(at: line.y0))
            let valueColumnCount = lineSeparators.count + 1
            func range(_ word: PDFWord) -> (first: Int, last: Int) { span(word, in: lineSeparators) }
            var labelText: [String] = []
            var labelPieces: [(x0: Double, text: String)] = []
            var placed: [(first: Int, last: Int, words: [PDFWord])] = []
            for segment in line.segments {
                for word in segment.words {
                    let span = range(word)
                    if span.last < 0 { continue }
                    let first = max(span.first, 0)
                    if let last = placed.last, first <= last.last {
                        placed[placed.count - 1].last = max(last.last, span.last)
                        placed[placed.count - 1].words.append(word)
                    } else {
                        placed.append((first, span.last, [word]))
                    }
                }
                let label = segment.words.filter { range($0).last < 0 }
                if !label.isEmpty {
                    labelText.append(GridText.cell(label))
                    labelPieces.append((label[0].x0, GridText.cell(label)))
                }
            }
            var cells: [(span: Int, text: String)] = [(1, labelText.joined(separator: " "))]
            var next = 0
            for group in placed {
                while next < group.first {
                    cells.append((1, ""))
                    next += 1
                }
                cells.append((group.last - group.first + 1, GridText.cell(group.words)))
                next = group.last + 1
            }
            while next < valueColumnCount {
                cells.append((1, ""))
                next += 1
            }
            built.append(Row(cells: cells, y0: line.y0, hasValues: false, labels: labelPieces))
        }
        rows = built.sorted { $0.y0 < $1.y0 }
    }

    /// One number from the pieces it wrapped into inside its cell (`1981` over `1`), or `nil`
    /// without proof. Proof, all of it: digits only; each piece is the next text line of the one
    /// above (top edges less than the words' height apart) and lies within its width; and every
    /// piece but the last fills the column (as wide as its widest value: a number breaks only
    /// where the cell is full).
    static func wrappedPieces(_ words: [PDFWord], height: Double, columnWidth: Double) -> PDFWord? {
        let pieces = words.sorted { $0.y0 < $1.y0 }
        guard pieces.count >= 2, pieces.allSatisfy({ Self.isDigits($0.text) }) else { return nil }
        let slack = 0.3 * height
        for (upper, lower) in zip(pieces, pieces.dropFirst()) {
            guard lower.y0 - upper.y0 < 0.95 * height, lower.y0 > upper.y0 + 0.5 * height,
                  lower.x0 >= upper.x0 - slack, lower.x1 <= upper.x1 + slack,
                  upper.x1 - upper.x0 >= 0.9 * columnWidth else { return nil }
        }
        guard let first = pieces.first, let last = pieces.last else { return nil }
        return PDFWord(text: pieces.map(\.text).joined(), x0: pieces.map(\.x0).min() ?? first.x0, y0: first.y0,
                       x1: pieces.map(\.x1).max() ?? first.x1, y1: last.y1)
    }

    /// `true` when `text` starts as a row label does: a number or enumerator (`3.`, `二、`, `（一）`).
    static func startsARow(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first == "（" || first == "(" { return true }
        let head = text.prefix(4)
        return (first.isASCII && first.isNumber || "一二三四五六七八九十".contains(first))
            && head.contains(where: { ".．、".contains($0) })
    }

    /// `true` for ASCII digits only (a piece of a wrapped number).
    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// What a value line without a label of its own, right under another, is.
    enum Continuation {
        /// The next text line of the cells above: the values above with their pieces joined.
        case joined([Int: [PDFWord]])
        /// Close under values it may continue, without proof: these columns' values are unplaced.
        case unproven(Set<Int>)
        /// Not under values of the line above (a row whose label is elsewhere): left alone.
        case notAContinuation
    }

    /// Whether a row's value cells, left to right, end in a number that is the sum of the others
    /// (a request row's 总计), a blank mark counting 0, every cell one number or a mark.
    static func lastIsSumOfOthers(_ cells: [Int: [PDFWord]]) -> Bool {
        var numbers: [Int] = []
        for column in cells.keys.sorted() {
            guard let words = cells[column], !words.isEmpty else { continue }
            guard words.count == 1, let text = words.first?.text else { return false }
            if isDigits(text), text.utf8.count <= 15, let number = Int(text) {
                numbers.append(number)
            } else if ["—", "－", "-", "/", "／", "——", "无", "0"].contains(text) {
                numbers.append(0)
            } else {
                return false
            }
        }
        guard numbers.count >= 3, let total = numbers.last, total > 0 else { return false }
        return numbers.dropLast().reduce(0, +) == total
    }

    /// Whether the value cells `below` continue the value cells `above` (numbers wrapped inside
    /// their cells). Proof, all of it: each value below sits under exactly one value above, in
    /// its column, within its width (a wrapped piece is aligned in the same cell); the line pitch
    /// from the last line above (`lineAbove`, top edge) to `lineBelow` is less than the words'
    /// height (text lines of one cell, not rows with cell padding between them); and each value
    /// above that goes on fills its column (as wide as the column's widest value: a number breaks
    /// only where the cell is full) and is digits throughout, as is its piece below.
    static func wrapContinuation(of above: [Int: [PDFWord]], by below: [Int: [PDFWord]], lineAbove: Double, lineBelow: Double,
                                 height: Double, columnWidth: (Int) -> Double) -> Continuation {
        let columns = below.filter { !$0.value.isEmpty }.map(\.key)
        guard !columns.isEmpty else { return .notAContinuation }
        let slack = 0.3 * height
        var underAValue = Set<Int>()
        var proven = true
        var joined = above
        for column in columns {
            let pieces = below[column] ?? [], heads = above[column] ?? []
            guard pieces.count == 1, heads.count == 1, let piece = pieces.first, let head = heads.first,
                  piece.x0 >= head.x0 - slack, piece.x1 <= head.x1 + slack else {
                proven = false
                continue
            }
            underAValue.insert(column)
            if !isDigits(head.text) || !isDigits(piece.text) || head.x1 - head.x0 < 0.9 * columnWidth(column) {
                proven = false
                continue
            }
            joined[column] = [PDFWord(text: head.text + piece.text, x0: min(head.x0, piece.x0), y0: head.y0,
                                      x1: max(head.x1, piece.x1), y1: max(head.y1, piece.y1))]
        }
        if underAValue.isEmpty { return .notAContinuation }
        if proven, lineBelow - lineAbove < 0.95 * height { return .joined(joined) }
        return .unproven(underAValue)
    }

    /// Value columns from values: clusters of their x ranges (plus a column blank in every row,
    /// found from a header word above the values wholly inside a gap two columns wide, or right
    /// of the last a column's width further on), and the separators between them, each in the
    /// widest empty strip the other words leave.
    static func valueColumns(values: [PDFWord], others: [PDFWord]) -> (clusters: [(x0: Double, x1: Double)], separators: [Double]) {
        var clusters: [(x0: Double, x1: Double)] = []
        for word in values.sorted(by: { $0.x0 < $1.x0 }) {
            if let last = clusters.last, word.x0 <= last.x1 + 0.5 {
                clusters[clusters.count - 1].x1 = max(last.x1, word.x1)
            } else {
                clusters.append((word.x0, word.x1))
            }
        }
        let valueTop = values.map(\.y0).min() ?? 0
        let headerWords = others.filter { $0.y1 <= valueTop + 1 }
        let pitches = zip(clusters, clusters.dropFirst()).map { $1.x0 - $0.x0 }.sorted()
        if !pitches.isEmpty {
            let pitch = pitches[pitches.count / 2]
            for index in clusters.indices.reversed() {
                let left = clusters[index]
                let next = index + 1 < clusters.count ? clusters[index + 1].x0 : nil
                if let next, next - left.x0 < 1.6 * pitch { continue }
                let right = next ?? .infinity
                let inside = headerWords.filter { $0.x0 > left.x1 + 2 && $0.x1 < right - 2 && $0.centerX > left.x0 + 0.6 * pitch }
                var phantoms: [(x0: Double, x1: Double)] = []
                for word in inside.sorted(by: { $0.x0 < $1.x0 }) {
                    if let last = phantoms.last, word.x0 <= last.x1 + 0.3 * pitch {
                        phantoms[phantoms.count - 1].x1 = max(last.x1, word.x1)
                    } else {
                        phantoms.append((word.x0, word.x1))
                    }
                }
                clusters.insert(contentsOf: phantoms, at: index + 1)
            }
        }
        var separators: [Double] = []
        for (left, right) in zip(clusters, clusters.dropFirst()) {
            let inside = others.filter { $0.x1 > left.x1 && $0.x0 < right.x0 && !($0.x0 <= left.x1 && $0.x1 >= right.x0) }
            separators.append(emptiestStrip(from: left.x1, to: right.x0, words: inside, preferRight: true) ?? (left.x1 + right.x0) / 2)
        }
        return (clusters, separators)
    }

    /// `true` when a sign joined to its number may be a blank cell's mark before a value: a dash
    /// (`增`, `减` and `+` mark no blank cell) at least half a line's height left of the number
    /// (`- 9` inside one cell is closer).
    static func mayPart(_ parts: (sign: PDFWord, number: PDFWord), height: Double) -> Bool {
        ["-", "－", "−"].contains(parts.sign.text) && parts.number.x0 - parts.sign.x1 >= 0.5 * height
    }

    /// The lines' words, with a sign word (`增`, `减`, …) and the number right after it made one
    /// word: `增 9` is one value. The joined words map to their two parts, so that a sign and a
    /// number found in two columns (a blank cell's `-` before a value) can be parted again.
    static func joiningSigns(_ lines: [VisualLine]) -> (words: [PDFWord], parts: [PDFWord: (sign: PDFWord, number: PDFWord)]) {
        var result: [PDFWord] = []
        var parts: [PDFWord: (sign: PDFWord, number: PDFWord)] = [:]
        for line in lines {
            var pending: PDFWord?
            for word in line.words {
                if let sign = pending {
                    pending = nil
                    if TextJoin.startsWithDigit(word.text), word.x0 - sign.x1 < 1.2 * max(sign.height, word.height) {
                        let joined = PDFWord(text: sign.text + word.text, x0: sign.x0, y0: min(sign.y0, word.y0),
                                             x1: word.x1, y1: max(sign.y1, word.y1))
                        result.append(joined)
                        parts[joined] = (sign, word)
                        continue
                    }
                    result.append(sign)
                }
                if TextJoin.isSignWord(word.text) { pending = word } else { result.append(word) }
            }
            if let sign = pending { result.append(sign) }
        }
        return (result, parts)
    }

    /// The middle of the widest strip of `[from, to]` that none of `words` covers (at least 1 pt
    /// wide); with `preferRight`, of strips at least half as wide as the widest, the rightmost.
    static func emptiestStrip(from: Double, to: Double, words: [PDFWord], preferRight: Bool) -> Double? {
        guard to - from >= 1 else { return nil }
        var covered = words.map { (max($0.x0, from), min($0.x1, to)) }.filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        covered.append((to, to))
        var strips: [(Double, Double)] = []
        var cursor = from
        for (start, end) in covered {
            if start - cursor >= 1 { strips.append((cursor, start)) }
            cursor = max(cursor, end)
        }
        guard let widest = strips.map({ $0.1 - $0.0 }).max() else { return nil }
        let chosen = preferRight ? strips.last { $0.1 - $0.0 >= widest / 2 } : strips.first { $0.1 - $0.0 == widest }
        return chosen.map { ($0.0 + $0.1) / 2 }
    }
}

/// The lines of one label cell: same left edge (or centre), the cell's own line pitch, and no
/// line starting a new enumerated label.
struct LabelBlock {
    var words: [PDFWord]
    var pieces: [(x0: Double, x1: Double, y0: Double, y1: Double, text: String)]

    var x0: Double { pieces.map(\.x0).min() ?? 0 }
    var y0: Double { pieces.map(\.y0).min() ?? 0 }
    var y1: Double { pieces.map(\.y1).max() ?? 0 }
    var text: String { TextJoin.join(pieces.map(\.text)) }

    /// `anchor` gives the value line a vertical range overlaps, if any: a block never takes lines
    /// of two value lines. `isHeader` says a vertical range is level with header cells: such a
    /// piece joins only pieces that are header cells too.
    static func blocks(_ words: [PDFWord], height: Double, anchor: (Double, Double) -> Int?,
                       isHeader: (Double, Double) -> Bool) -> [LabelBlock] {
        // Pieces: the segments of the label area's visual lines.
        var pieces: [(segment: Segment, y0: Double, y1: Double)] = []
        for line in VisualLine.lines(words) {
            for segment in line.segments {
                pieces.append((segment, segment.words.map(\.y0).min() ?? line.y0, segment.words.map(\.y1).max() ?? line.y1))
            }
        }
        pieces.sort { $0.y0 < $1.y0 }
        var blocks: [LabelBlock] = []
        var anchors: [Int?] = []
        var headers: [Bool] = []
        // Whether each block already reads as a whole row label of the template, worked out when a
        // piece could join the block and kept until it takes one (it was worked out for every
        // block and every later piece, then for every piece taken: `perf` put the test, a `String`
        // hashed with NFC normalisation, at 1.8 % of nianbao's CPU on PDFs).
        var complete: [Bool?] = []
        func isComplete(_ block: LabelBlock) -> Bool { HeaderColumns.rowLabels.contains(block.text.filter { !$0.isWhitespace }) }
        for piece in pieces {
            let pieceAnchor = anchor(piece.y0, piece.y1)
            let pieceIsHeader = pieceAnchor == nil && isHeader(piece.y0, piece.y1)
            let text = TextJoin.join(piece.segment.words.map(\.text))
            let x0 = piece.segment.x0, x1 = piece.segment.x1
            let startsLabel = DocumentLayout.isEnumeratedLabel(text)
            var target: Int?
            for index in blocks.indices.reversed() {
                guard let last = blocks[index].pieces.last else { continue }
                let aligned = abs(last.x0 - x0) <= 1.5 || abs((last.x0 + last.x1) / 2 - (x0 + x1) / 2) <= 1.5
                let step = piece.y0 - last.y0
                let sameRow = anchors[index] == nil || pieceAnchor == nil || anchors[index] == pieceAnchor
                guard aligned && step > 0 && step <= 1.5 * height && !startsLabel && sameRow && headers[index] == pieceIsHeader else { continue }
                // A block that already reads as a whole row label of the template (行政处罚 over
                // 行政强制, its row left blank) takes no more lines.
                if complete[index] == nil { complete[index] = isComplete(blocks[index]) }
                if complete[index] == true { continue }
                target = index
                break
            }
            if let target {
                blocks[target].words += piece.segment.words
                blocks[target].pieces.append((x0, x1, piece.y0, piece.y1, text))
                complete[target] = nil
                if anchors[target] == nil { anchors[target] = pieceAnchor }
            } else {
                blocks.append(LabelBlock(words: piece.segment.words, pieces: [(x0, x1, piece.y0, piece.y1, text)]))
                complete.append(nil)
                anchors.append(pieceAnchor)
                headers.append(pieceIsHeader)
            }
        }
        return blocks
    }
}

/// A cell's text from its words.
enum GridText {
    /// The words' visual lines top to bottom, each left to right, joined without breaks (a label
    /// wrapped inside its cell reads as one).
    static func cell(_ words: [PDFWord]) -> String {
        // Most value cells hold one word: its text, without sorting it into lines (an eighth of
        // the PDF reader's `VisualLine.lines` time in issue 24's profile was spent on such cells).
        if words.count <= 1 { return words.first?.text ?? "" }
        return TextJoin.join(VisualLine.lines(words).map(\.text))
    }
}
