import NianbaoModel

/// Places the values of space-aligned rows by their character columns.
///
/// A layout-preserving extractor (pandoc's plain text, w3m, inscriptis, `pdftotext -layout`)
/// writes a table as lines of text in which each value stands under its column, and a blank cell
/// as spaces. The line classifiers keep only the values' order, so a row with a blank cell reads
/// as too few values for its columns. Here each part's columns are taken from its header lines
/// (the header cells with no cells under them, wrapped pieces joined) or, without a usable
/// header, from its widest rows ("full rows", five values or more); a row with fewer values is
/// placed when each value overlaps exactly one column and every blank column it skips lies in
/// the space between its neighbours. Evidence first:
/// - columns are counted in display cells (pandoc, w3m: a CJK character two wide) or in
///   characters (`pdftotext -layout`, inscriptis: one each); a part's widest rows choose the
///   count they agree in, a part whose rows cannot tell takes the count the other parts chose,
///   else the count in which its header places three times as many rows (none placed otherwise
///   in the other); where nothing tells, a row is placed only when both counts give the same places;
/// - the columns must not touch; a value over two columns, or over none, places nothing;
/// - a blank column must lie between the values (or between the label and the first value)
///   around it: values one space apart (`pdftotext -raw`, PyMuPDF) never skip a column;
/// - the columns and the row placed sit in one part of the report (a part heading cuts);
/// - the row placed must have its label on its line (rows of values alone only in a table of
///   such rows under a header: 行政复议/行政诉讼); without a header, the full rows must be two or
///   more that agree.
/// Rows placed so are marked ``TableRow/columnsFromLayout``: the recognizer keeps them only when
/// they are as wide as the template's row and checks them by the row's own sum rule.
enum ColumnLayout {
    /// An extent on a line, `start..<end`, in display cells or in characters.
    struct Span: Equatable {
        var start: Int
        var end: Int

        func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    }

    /// The two ways a text's columns are counted.
    enum Metric: CaseIterable {
        /// Display cells: a CJK character two wide (pandoc, w3m, terminals).
        case display
        /// Characters, one each (`pdftotext -layout`, inscriptis).
        case characters

        func width(_ scalar: Unicode.Scalar) -> Int {
            switch self {
            case .display: ColumnLayout.width(scalar)
            case .characters: ColumnLayout.width(scalar) == 0 ? 0 : 1
            }
        }
    }

    /// A value's or a word's extent in both metrics.
    struct Extent {
        var display: Span
        var characters: Span

        func span(_ metric: Metric) -> Span {
            switch metric {
            case .display: return display
            case .characters: return characters
            }
        }
    }

    /// The room a blank column takes at least between the columns of values either side of it, in
    /// percent of the closest pitch of two neighbouring columns of values (``rowsLineUp(_:under:metric:)``).
    /// Measured on 2,000 reports through `pdftotext -layout` (seed 2063, no CJK font): 60 % is the
    /// least that keeps a column of values from being put under the next header word when the
    /// header drifts (0 %: 38 wrong numbers; 50 %: 22; 60 %: 3, 497 fields fewer of 408,000;
    /// 75 %: 3, 727 fewer), and costs nothing on seed 2091's 600.
    static let blankColumnRoom = 60

    /// The number of value columns a row must have to give the table's columns.
    static let minimumColumns = 5

    /// The tokens of a line split on spaces, with their extents.
    static func tokens(of line: Substring) -> [(text: Substring, extent: Extent)] {
        var tokens: [(text: Substring, extent: Extent)] = []
        var display = 0, characters = 0
        var tokenStart: String.Index?
        var startDisplay = 0, startCharacters = 0
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if isSpace(scalar) {
                if let start = tokenStart {
                    tokens.append((Substring(scalars[start..<index]),
                                   Extent(display: Span(start: startDisplay, end: display), characters: Span(start: startCharacters, end: characters))))
                    tokenStart = nil
                }
            } else if tokenStart == nil {
                tokenStart = index
                startDisplay = display
                startCharacters = characters
            }
            display += Metric.display.width(scalar)
            characters += Metric.characters.width(scalar)
            index = scalars.index(after: index)
        }
        if let start = tokenStart {
            tokens.append((Substring(scalars[start..<scalars.endIndex]),
                           Extent(display: Span(start: startDisplay, end: display), characters: Span(start: startCharacters, end: characters))))
        }
        return tokens
    }

    /// The header cells of `line` with each CJK word's character extent widened toward its
    /// drawn width, by `percent` of the characters it is wider in display cells than in
    /// characters (`pdftotext -layout` sets each word at the character its x position rounds to
    /// and counts a glyph one character, though a CJK glyph is drawn over one and a half to two:
    /// `法人或其他组织`, seven characters, spans the five columns under it). Never into the next
    /// word of its line. Only a laid-out line is widened: its words two spaces apart or more, a
    /// word alone indented (a text of a row a line, `pdftotext -raw`, sets words one space apart
    /// from the line's start). A word that starts left of `labelsEnd` (where the shortest row label
    /// ends) stands over the labels, the corner cell's prose, and stays as it is: `（本列数据的
    /// 勾稽关系为：第一项加第二项之和，等于第三项`, widened by half its 27 characters, swallowed
    /// 自然人's values on a page whose header drifted left of them.
    static func headerCells(of line: Substring, widenedBy percent: Int, labelsEnd: Int = Int.min) -> [Extent] {
        let cells = headerCells(of: line)
        guard percent > 0, let first = cells.first, cells.count >= 2 || first.characters.start >= 2,
              zip(cells, cells.dropFirst()).allSatisfy({ $1.characters.start - $0.characters.end >= 2 }) else { return cells }
        return cells.indices.map { index in
            var cell = cells[index]
            guard cell.characters.start >= labelsEnd else { return cell }
            let next = index + 1 < cells.count ? cells[index + 1].characters.start - 1 : Int.max
            let extra = (cell.display.end - cell.display.start) - (cell.characters.end - cell.characters.start)
            cell.characters.end = max(cell.characters.end, min(next, cell.characters.end + extra * percent / 100))
            return cell
        }
    }

    /// The shares (in percent) of their drawn width beyond one character a glyph by which a
    /// paged text's CJK header words are widened, each tried (``headerCells(of:widenedBy:)``).
    static let headerWidenings = [50, 75, 100]

    /// The extents of a header line's cells: its tokens, rules left out, and a lone slash joined
    /// with the words one space either side of it (`本年增 / 减`, one cell whose text has spaces:
    /// a slash alone is no column's header).
    static func headerCells(of line: Substring) -> [Extent] {
        var cells: [(text: Substring, extent: Extent)] = []
        for token in tokens(of: line) where !isRule(token.text) {
            if let last = cells.last, last.text == "/" || last.text == "／" || token.text == "/" || token.text == "／",
               token.extent.characters.start == last.extent.characters.end + 1,
               token.extent.display.start == last.extent.display.end + 1 {
                let joined = Extent(display: Span(start: last.extent.display.start, end: token.extent.display.end),
                                    characters: Span(start: last.extent.characters.start, end: token.extent.characters.end))
                cells[cells.count - 1] = (token.text, joined)
                continue
            }
            cells.append(token)
        }
        return cells.map(\.extent)
    }

    /// The extents of the values at the end of a space-aligned line, as the line classifiers read
    /// them (a sign apart from its number, `减 16`, is one value), and where the label before them
    /// ends; `nil` when the tokens cannot be matched to `valueCount` values.
    static func valueExtents(of line: Substring, valueCount: Int) -> (values: [Extent], labelEnd: Extent?)? {
        guard valueCount > 0 else { return nil }
        var merged: [(text: Substring, extent: Extent)] = []
        for token in tokens(of: line) {
            if let previous = merged.last, previous.text == "增" || previous.text == "减",
               let first = token.text.unicodeScalars.first, ("0"..."9").contains(first) {
                merged[merged.count - 1] = (token.text, Extent(
                    display: Span(start: previous.extent.display.start, end: token.extent.display.end),
                    characters: Span(start: previous.extent.characters.start, end: token.extent.characters.end)))
            } else {
                merged.append(token)
            }
        }
        var values: [Extent] = []
        for token in merged.reversed() {
            guard CharacterLine.isNumberToken(token.text) || CharacterLine.isBlankMark(token.text) else { break }
            values.append(token.extent)
        }
        guard values.count == valueCount else { return nil }
        let labelEnd = merged.count > valueCount ? merged[merged.count - valueCount - 1].extent : nil
        return (values.reversed(), labelEnd)
    }

    /// A space-aligned row, as the block builder recorded it.
    struct RowSpans {
        var block: Int
        var row: Int
        var line: Int
        var values: [Extent]
        /// The label's last word, when the row has a label before its values.
        var labelEnd: Extent?
        /// Joined from three lines by ``ColumnLayout/joinWrappedNumbers(_:_:textLines:text:)``: its wrapped
        /// numbers' pieces stand where the extractor squeezed them, so it shows no column.
        var joined = false
    }

    /// A text line's bytes in the source, kept in case the line is a table's header.
    struct TextLineBytes {
        var line: Int
        var bytes: Range<Int>
    }

    /// Where a row's values go: the layout's width and each value's column.
    struct Placement: Equatable {
        var width: Int
        var columns: [Int]
    }

    /// Rewrites the rows of `blocks` that ``RowSpans`` place: each short row gets its values in
    /// their columns, blank cells between them. `textLines` are the text lines read, `text` gives
    /// the source text of their bytes (for the header lines above a part's first row).
    static func place(_ blocks: inout [Block], _ rows: [RowSpans], textLines: [TextLineBytes], pageBreakLines: [Int] = [],
                      text: (Range<Int>) -> String) {
        var rows = rows
        // Numbers wrap in narrow cells of a page's table: a text of pages (`pdftotext -layout`),
        // whose columns count characters.
        if !pageBreakLines.isEmpty { joinWrappedNumbers(&blocks, &rows, textLines: textLines, text: text) }
        markWrappedPieces(&blocks, rows, textLines: textLines, text: text)
        if !pageBreakLines.isEmpty { markInterleavedLines(&blocks, rows) }
        // Parts: a part heading between two rows puts them apart, and so does a page break: a
        // layout text (`pdftotext -layout`) sets each page's columns on its own, a table going on
        // under a repeated header a few characters further right or left. A page's first line
        // (the form feed's) belongs to its part, a header there included.
        var headingLines: [Int] = []
        for block in blocks {
            if case .paragraph(let paragraph) = block, let line = paragraph.location.line, isPartHeading(paragraph.text) {
                headingLines.append(line)
            }
        }
        if !pageBreakLines.isEmpty { headingLines = (headingLines + pageBreakLines.map { $0 - 1 }).sorted() }
        // A text of pages (`pdftotext -layout`) sets each word at the character its x position
        // rounds to, counting every glyph one character: a header's CJK words, wider than that,
        // drift from the columns (`科研机构` ending where `78` under it starts). There a header's
        // columns count only as a row as wide as the header confirms them.
        let paged = !pageBreakLines.isEmpty
        // Text line numbers ascending, for the lines between two rows (the builder records them in order).
        let textLineNumbers = textLines.map(\.line)
        /// The text lines strictly between lines `low` and `high`.
        func linesBetween(_ low: Int, _ high: Int) -> ArraySlice<TextLineBytes> {
            let first = countBelow(low + 1, in: textLineNumbers)
            return textLines[first..<max(first, countBelow(high, in: textLineNumbers))]
        }
        var parts: [[RowSpans]] = []
        var currentPart = -1
        // Only lines set apart by runs of spaces show columns: one whose pieces stand a space apart
        // (`其他对外管理服务事项 78 414`, `pdftotext -raw`) is in reading order, its characters no
        // measure of where a value stands.
        for row in rows.sorted(by: { $0.line < $1.line }) where !isWrappedPieces(blocks, row) && isSpacedApart(blocks, row) {
            let part = countBelow(row.line, in: headingLines) - 1
            if part != currentPart || parts.isEmpty {
                parts.append([])
                currentPart = part
            }
            parts[parts.count - 1].append(row)
        }
        // Each part in both counts; the count the widest rows of some part agree in (and of no
        // part the other) is the document's: one tool laid the whole text out.
        var results: [(rows: [RowSpans], header: [[Extent]], headerLines: [Substring], display: [Int: Placement],
                       characters: [Int: Placement], agrees: Set<Metric>)] = []
        for partRows in parts {
            guard let firstRow = partRows.first else { continue }
            // The header: the text lines between the part's heading and its first row.
            let partStart = headingLines.last { $0 < firstRow.line } ?? 0
            let headerLines = linesBetween(partStart, firstRow.line).suffix(8).map { Substring(text($0.bytes)) }
            let header = headerLines.map { headerCells(of: $0) }
            let (display, displayAgrees) = placements(partRows, header: header, metric: .display, headerNeedsFullRow: paged)
            let (unwidened, charactersAgrees) = placements(partRows, header: header, metric: .characters, headerNeedsFullRow: paged)
            var characters = unwidened
            if paged {
                // The header's CJK words widened toward their drawn width, as far as the rows
                // confirm the columns: a row is placed where every header that places it in the
                // most columns agrees (a widened word can swallow the sub-header below it, `法律服务机`
                // over `其他`: one column fewer).
                var conflicting: Set<Int> = []
                let labelsEnd = partRows.compactMap { $0.labelEnd?.characters.end }.min() ?? Int.min
                for percent in Self.headerWidenings {
                    let widened = headerLines.map { headerCells(of: $0, widenedBy: percent, labelsEnd: labelsEnd) }
                    for (index, placement) in placements(partRows, header: widened, metric: .characters, headerNeedsFullRow: true).0 {
                        guard let other = characters[index], other.width >= placement.width else {
                            conflicting.remove(index)
                            characters[index] = placement
                            continue
                        }
                        if other.width == placement.width && other != placement { conflicting.insert(index) }
                    }
                }
                for index in conflicting { characters[index] = nil }
            }
            var agrees: Set<Metric> = []
            if displayAgrees { agrees.insert(.display) }
            if charactersAgrees { agrees.insert(.characters) }
            results.append((partRows, header, headerLines, display, characters, agrees))
        }
        let decided = results.filter { $0.agrees.count == 1 }.compactMap(\.agrees.first)
        // Where no part's rows tell, a text of pages (`pdftotext -layout`) counts characters: it
        // sets each word at the character its x position rounds to.
        let documentMetric = Set(decided).count == 1 ? decided.first : decided.isEmpty && paged ? .characters : nil
        func choose(_ display: [Int: Placement], _ characters: [Int: Placement], _ metric: Metric?) -> [Int: Placement] {
            switch metric {
            case .display: return display
            case .characters: return characters
            // Neither count shown: a row is placed only where both give the same places.
            case nil:
                // A loop, not `filter`: that closure crashed the Swift 6.3 compiler's ownership
                // verifier in release builds.
                var both: [Int: Placement] = [:]
                for (key, value) in display where characters[key] == value { both[key] = value }
                return both
            }
        }
        for part in results {
            // The row of 行政复议/行政诉讼 with whole groups left blank, in a text of pages: each
            // group of values under its own 总计.
            if paged, let row = part.rows.first, part.rows.count == 1,
               let columns = reviewGroupColumns(row, texts: valueTexts(blocks, row), headerLines: part.headerLines) {
                rewrite(&blocks, row, width: reviewWidth, columns: columns)
                continue
            }
            var metric: Metric? = part.agrees.count == 1 ? part.agrees.first : documentMetric
            if metric == nil {
                // Nothing else tells: the count in which the header places three times as many rows
                // as in the other, no row placed differently in both.
                let display = part.display, characters = part.characters
                // A loop, not `contains(where:)`: that closure over the tuple's dictionaries
                // crashed the Swift 6.3 compiler's ownership verifier in release builds.
                var conflict = false
                for (key, value) in display where characters[key].map({ $0 != value }) ?? false {
                    conflict = true
                    break
                }
                if !conflict && display.count >= 3 && characters.count * 3 <= display.count {
                    metric = .display
                } else if !conflict && characters.count >= 3 && display.count * 3 <= characters.count {
                    metric = .characters
                }
            }
            // A part whose columns stand exactly two characters after the widest cell of the
            // column before (inscriptis: each row's cells one after another at the column starts,
            // rowspans dropped, so that its header words head other columns): placed by slots.
            let slotted = paged ? [:] : slotPlacements(part.rows, header: part.header, widthsProven: true)
            if !slotted.isEmpty {
                for (index, placement) in slotted {
                    rewrite(&blocks, part.rows[index], width: placement.width, columns: placement.columns)
                }
                continue
            }
            let chosen = choose(part.display, part.characters, metric)
            for (index, placement) in chosen {
                // A new page's first row, right under the page's header lines and short of cells, may
                // stand in the header's own squeezed columns, not the rows' below (`pdftotext
                // -layout`: `自然人 商业企 科研机 社会公 法律服` four characters apart, then
                // `6.属于四类过程性信息  21  80  261 … 362`, 商业企业's, 社会公益组织's and 法律服务机构's,
                // under 自然人, 商业企业 and 科研机构 as the rows below set them): not placed.
                if paged, index == 0, part.rows[index].values.count < placement.width,
                   let start = headingLines.last(where: { $0 < part.rows[index].line }), pageBreakLines.contains(start + 1),
                   let lineAbove = textLineNumbers.last(where: { $0 < part.rows[index].line }), lineAbove == part.rows[index].line - 1,
                   !part.header.isEmpty {
                    continue
                }
                rewrite(&blocks, part.rows[index], width: placement.width, columns: placement.columns)
            }
            guard part.display.isEmpty && part.characters.isEmpty else { continue }
            // No table of the part's width: its small tables (主动公开's four), each under the
            // header lines right above its rows, a text line between two rows starting a new one.
            var previousLine = headingLines.last { $0 < (part.rows.first?.line ?? 0) } ?? 0
            let partWidth = part.rows.map(\.values.count).max()
            var start = 0
            var placedAny = false
            while start < part.rows.count {
                var end = start + 1
                while end < part.rows.count, linesBetween(part.rows[end - 1].line, part.rows[end].line).isEmpty {
                    end += 1
                }
                let table = Array(part.rows[start..<end])
                let header = Self.withoutCaptions(linesBetween(previousLine, table[0].line).suffix(4).map { headerCells(of: Substring(text($0.bytes))) })
                let display = placements(table, header: header, metric: .display, minimumColumns: 2, headerOnly: true,
                                         headerNeedsFullRow: paged, partWidth: partWidth).0
                let characters = placements(table, header: header, metric: .characters, minimumColumns: 2, headerOnly: true,
                                            headerNeedsFullRow: paged, partWidth: partWidth).0
                for (index, placement) in choose(display, characters, metric) {
                    rewrite(&blocks, table[index], width: placement.width, columns: placement.columns)
                    placedAny = true
                }
                previousLine = table[table.count - 1].line
                start = end
            }
            guard !placedAny else { continue }
            // Nor small tables under their headers: cells written one after another (inscriptis).
            for (index, placement) in slotPlacements(part.rows, header: part.header) {
                rewrite(&blocks, part.rows[index], width: placement.width, columns: placement.columns)
            }
        }
    }

    /// The cells of the row of 行政复议/行政诉讼: three groups of five, each ending in its 总计.
    static let reviewWidth = 15

    /// The texts of `row`'s values as read.
    private static func valueTexts(_ blocks: [Block], _ row: RowSpans) -> [String] {
        guard case .table(let table) = blocks[row.block], row.row < table.rows.count,
              table.rows[row.row].cells.count >= row.values.count else { return [] }
        return table.rows[row.row].cells.suffix(row.values.count).map(\.text)
    }

    /// The columns of the row of 行政复议/行政诉讼 when whole groups of it are blank (a text of
    /// pages, `pdftotext -layout`: `138 357 333 273 1101 305 153 282 134 874`, 复议后起诉 left
    /// empty). Its sum rule cannot tell which group is missing (any two groups of five whose
    /// results sum to their 总计 keep it), and the header's words drift from the values by up to
    /// ten characters (a CJK word set one character a glyph), so the row is placed group by group:
    /// - a row of values alone, the part's only row, of five or ten values, all digits, each five
    ///   in their order a whole group (its first four sum to the fifth);
    /// - the part's header has exactly three words `总计`, one a group;
    /// - each group's 总计 value stands closest to one of them, its middle at most
    ///   ``reviewTotalDrift`` characters from that word's and at least ``reviewTotalMargin``
    ///   characters closer than to any other, the groups under their words in order (measured
    ///   on 3,800 reports of four seeds: at most 1.5 characters off, the next word 17 or more
    ///   further).
    /// `nil` when any of this fails: the row is then read as before (its values `null` where the
    /// sum rule leaves a doubt).
    static func reviewGroupColumns(_ row: RowSpans, texts: [String], headerLines: [Substring]) -> [Int]? {
        guard row.labelEnd == nil, !row.joined, row.values.count == 5 || row.values.count == 10,
              texts.count == row.values.count, texts.allSatisfy({ isDigits($0) }) else { return nil }
        let totals = headerLines.flatMap { tokens(of: $0) }.filter { $0.text == "总计" }.map { $0.extent.characters }
        guard totals.count == reviewWidth / 5 else { return nil }
        var columns: [Int] = []
        for group in stride(from: 0, to: texts.count, by: 5) {
            guard let total = number(texts[group + 4]), sum(texts[group..<(group + 4)]) == total else { return nil }
            // Twice the middles, to stay in whole characters.
            let value = row.values[group + 4].characters
            let distances = totals.map { abs($0.start + $0.end - value.start - value.end) }
            guard let nearest = distances.indices.min(by: { distances[$0] < distances[$1] }),
                  distances[nearest] <= 2 * reviewTotalDrift,
                  distances.indices.allSatisfy({ $0 == nearest || distances[$0] - distances[nearest] >= 2 * reviewTotalMargin }),
                  nearest * 5 > (columns.last ?? -1) else { return nil }
            columns += (nearest * 5)..<(nearest * 5 + 5)
        }
        return columns
    }

    /// How far (in characters) a group's 总计 value may stand from its header word `总计`
    /// (``reviewGroupColumns(_:texts:headerLines:)``).
    static let reviewTotalDrift = 4

    /// How much closer (in characters) a group's 总计 value must stand to its own header word than
    /// to any other (``reviewGroupColumns(_:texts:headerLines:)``).
    static let reviewTotalMargin = 8

    /// A small table's header lines without its captions: a line of one cell above the header's
    /// last line that, counted in characters or in display cells, stands between that line's
    /// first and last cells and over none of them (`第二十条第（一）项`, a merged cell over the
    /// three columns, written by `pdftotext -layout` between two of their names): it heads
    /// columns, not a column of its own. A one-cell line over one of the last line's cells (a
    /// wrapped name's first piece) or beyond its ends stays.
    static func withoutCaptions(_ lines: [[Extent]]) -> [[Extent]] {
        guard lines.count >= 2, let last = lines.last, last.count >= 2 else { return lines }
        let isCaption = { (line: [Extent]) -> Bool in
            guard line.count == 1, let cell = line.first else { return false }
            return Metric.allCases.contains { metric in
                let span = cell.span(metric)
                let leaves = last.map { $0.span(metric) }
                guard let first = leaves.first, let end = leaves.last else { return false }
                return span.start >= first.end && span.end <= end.start && !leaves.contains { $0.overlaps(span) }
            }
        }
        return lines.dropLast().filter { !isCaption($0) } + [last]
    }

    /// The number of elements of the ascending `sorted` less than `value` (a binary search).
    static func countBelow(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Joins the rows whose numbers wrapped in narrow cells (`pdftotext -layout`): a row's
    /// one-line cells stand on the middle one of three lines, its wrapped numbers' first pieces on
    /// the line above and their last pieces on the line below, each last piece under its first
    /// (`3.补正后申请内容仍 … 70411 … 70435` / `44  —  —  196  —` / `不明确 … 4 … 4`; or the
    /// pieces on lines of values alone around the labelled line, rows of the table or, one or two
    /// numbers alone, paragraphs next to it). The three lines become one row: the labels in line
    /// order, then every value in its column's order, a wrapped number's pieces joined
    /// (`704114`). Only on proof: the three lines are consecutive, every piece is digits (a first
    /// piece three or more, not starting with `0`), the pieces pair off one over the other and
    /// overlap none of the middle line's values, the values in their characters' order a space
    /// apart or more, and the sums hold, a blank mark counting 0: a request row (five to seven
    /// values) whose last value (总计, not 0) is the sum of the others, or the row of 行政复议/行政诉讼
    /// (fifteen values alone, `106` / `105 72 … 366` / `4`) whose every group of five sums to its
    /// 总计. Only in a text of pages (`pdftotext
    /// -layout`), where columns count characters. Anything else is left as read (the recognizer
    /// then finds the pieces unreadable).
    static func joinWrappedNumbers(_ blocks: inout [Block], _ rows: inout [RowSpans], textLines: [TextLineBytes] = [],
                                   text: (Range<Int>) -> String = { _ in "" }) {
        guard !rows.isEmpty else { return }
        let sorted = rows.sorted { $0.line < $1.line }
        var rowByLine: [Int: RowSpans] = [:]
        for row in sorted { rowByLine[row.line] = row }
        var textByLine: [Int: Range<Int>] = [:]
        for line in textLines { textByLine[line.line] = line.bytes }
        /// A row's line as the join reads it.
        func lineOf(_ row: RowSpans) -> WrappedLine? {
            guard case .table(let table) = blocks[row.block], row.row < table.rows.count else { return nil }
            let cells = table.rows[row.row].cells
            guard cells.count >= row.values.count, !table.rows[row.row].wrappedPieces else { return nil }
            return WrappedLine(values: row.values, texts: cells.suffix(row.values.count).map(\.text),
                               labels: cells.dropLast(row.values.count).map(\.text), labelEnd: row.labelEnd)
        }
        /// A paragraph of one or two numbers alone on line `line`, block `block`: a line of pieces.
        func paragraphLine(_ line: Int, block: Int) -> WrappedLine? {
            guard block >= 0, block < blocks.count, case .paragraph(let paragraph) = blocks[block],
                  paragraph.location.line == line, let bytes = textByLine[line] else { return nil }
            let words = tokens(of: Substring(text(bytes)))
            guard (1...2).contains(words.count), words.allSatisfy({ isDigits($0.text) }),
                  words.map({ String($0.text) }).joined(separator: " ") == paragraph.text.split(separator: " ").joined(separator: " ")
            else { return nil }
            return WrappedLine(values: words.map(\.extent), texts: words.map { String($0.text) }, labels: [], labelEnd: nil)
        }
        var removedRows: Set<[Int]> = []
        var removedBlocks: Set<Int> = []
        var replaced: [[Int]: RowSpans] = [:]
        var usedLines: Set<Int> = []
        for middle in sorted where !usedLines.contains(middle.line) {
            guard case .table(var table) = blocks[middle.block], let centre = lineOf(middle) else { continue }
            // Each side: the next row of the table, or a paragraph of pieces right next to it.
            var sides: [(line: WrappedLine, row: [Int]?, block: Int?)] = []
            for (step, neighbourRow, edge) in [(-1, middle.row - 1, middle.row == 0), (1, middle.row + 1, middle.row == table.rows.count - 1)] {
                let line = middle.line + step
                guard !usedLines.contains(line) else { break }
                if let row = rowByLine[line], row.block == middle.block, row.row == neighbourRow, let read = lineOf(row) {
                    sides.append((read, [row.block, row.row], nil))
                } else if edge, let read = paragraphLine(line, block: middle.block + step) {
                    sides.append((read, nil, middle.block + step))
                }
            }
            var found = sides.count == 2 ? joinedLine(sides[0].line, centre, sides[1].line) : nil
            // Two lines: the first pieces on a row of values alone right above the label's line,
            // which holds the last pieces (`242 180 … 146` / `一、本年新收… 1 8 … 33`, the row at a
            // page's foot, nothing below it to wrap to).
            var twoLines = false
            if found == nil, centre.labelEnd != nil, !usedLines.contains(middle.line - 1), let upperRow = rowByLine[middle.line - 1],
               upperRow.block == middle.block, upperRow.row == middle.row - 1, upperRow.labelEnd == nil, let upper = lineOf(upperRow),
               let pair = joinedLine(upper, WrappedLine(values: [], texts: [], labels: [], labelEnd: nil), centre, emptyMiddle: true) {
                found = pair
                sides = [(upper, [upperRow.block, upperRow.row], nil)]
                twoLines = true
            }
            guard let joined = found else { continue }
            let labelRow = twoLines ? [middle.block, middle.row]
                : joined.labelSource.flatMap { [sides[0].row, [middle.block, middle.row], sides[1].row][$0] }
            var row = table.rows[middle.row]
            if let labelRow, labelRow[0] == middle.block, labelRow[1] < table.rows.count { row = table.rows[labelRow[1]] }
            row.cells = (joined.label.isEmpty ? [] : [TableCell(text: joined.label, location: row.location)])
                + joined.texts.map { TableCell(text: $0, location: row.location) }
            row.columnsFromLayout = false
            table.rows[middle.row] = row
            blocks[middle.block] = .table(table)
            var spans = middle
            spans.values = joined.extents
            spans.labelEnd = joined.labelEnd
            spans.joined = true
            replaced[[middle.block, middle.row]] = spans
            for side in sides {
                if let key = side.row { removedRows.insert(key) }
                if let block = side.block { removedBlocks.insert(block) }
            }
            usedLines.formUnion(twoLines ? [middle.line - 1, middle.line] : [middle.line - 1, middle.line, middle.line + 1])
        }
        guard !removedRows.isEmpty || !removedBlocks.isEmpty else { return }
        // Drop the joined lines' outer rows from their tables, renumbering the rows after them.
        var newIndex: [[Int]: Int] = [:]
        for blockIndex in Set(removedRows.map { $0[0] }) {
            guard case .table(var table) = blocks[blockIndex] else { continue }
            var kept: [TableRow] = []
            for (rowIndex, row) in table.rows.enumerated() where !removedRows.contains([blockIndex, rowIndex]) {
                newIndex[[blockIndex, rowIndex]] = kept.count
                kept.append(row)
            }
            table.rows = kept
            blocks[blockIndex] = .table(table)
        }
        rows = rows.compactMap { row in
            let key = [row.block, row.row]
            guard !removedRows.contains(key) else { return nil }
            var row = replaced[key] ?? row
            if let renumbered = newIndex[key] { row.row = renumbered }
            return row
        }
        // And their paragraphs of pieces, renumbering the blocks after them.
        guard !removedBlocks.isEmpty else { return }
        let gone = removedBlocks.sorted()
        blocks = blocks.enumerated().filter { !removedBlocks.contains($0.offset) }.map(\.element)
        for index in rows.indices { rows[index].block -= countBelow(rows[index].block, in: gone) }
    }

    /// A line's values as ``joinWrappedNumbers(_:_:textLines:text:)`` reads them: their extents and
    /// texts, and the label cells before them.
    struct WrappedLine {
        var values: [Extent]
        var texts: [String]
        var labels: [String]
        var labelEnd: Extent?
    }

    /// A value of digits alone (at most 15) as a number.
    private static func number(_ text: String) -> Int? {
        guard isDigits(text), text.utf8.count <= 15 else { return nil }
        return Int(text)
    }

    /// The sum of `texts`, a blank mark counting 0; `nil` when one is neither a number nor a mark.
    private static func sum(_ texts: some Sequence<String>) -> Int? {
        var sum = 0
        for text in texts where !CharacterLine.isBlankMark(text) {
            guard let number = number(text) else { return nil }
            sum += number
        }
        return sum
    }

    private static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The row that `above`, `middle` and `below` make when the outer two hold the pieces of
    /// numbers wrapped around the middle one's values (see ``joinWrappedNumbers(_:_:textLines:text:)``):
    /// its label, values and their extents, and which of the three lines gave its label's end.
    /// `emptyMiddle`: two lines, `middle` empty (every value of the row wrapped).
    private static func joinedLine(_ above: WrappedLine, _ middle: WrappedLine, _ below: WrappedLine, emptyMiddle: Bool = false)
        -> (label: String, texts: [String], extents: [Extent], labelEnd: Extent?, labelSource: Int?)? {
        let pieceCount = above.values.count
        // A wrapped number's first piece fills its cell's width (three digits or more) and is a
        // number's start (no `0`: a zero never wraps).
        guard pieceCount >= 1, below.values.count == pieceCount, middle.values.count >= 1 || emptyMiddle,
              above.texts.allSatisfy({ isDigits($0) && $0.utf8.count >= 3 && !$0.hasPrefix("0") }),
              below.texts.allSatisfy(isDigits) else { return nil }
        // The values' order is the characters' (the sum proves the last value, not the order of
        // the others); a space at least between two values.
        let metric = Metric.characters
        let top = above.values.map { $0.span(metric) }, bottom = below.values.map { $0.span(metric) }
        let centre = middle.values.map { $0.span(metric) }
        // Each last piece under its own first piece and under no other.
        let paired = (0..<pieceCount).allSatisfy { piece in
            (0..<pieceCount).allSatisfy { other in top[piece].overlaps(bottom[other]) == (piece == other) }
        }
        guard paired else { return nil }
        var merged: [(span: Span, text: String, extent: Extent)] = []
        for piece in 0..<pieceCount {
            let span = Span(start: min(top[piece].start, bottom[piece].start), end: max(top[piece].end, bottom[piece].end))
            let first = above.values[piece], last = below.values[piece]
            let extent = Extent(
                display: Span(start: min(first.display.start, last.display.start), end: max(first.display.end, last.display.end)),
                characters: Span(start: min(first.characters.start, last.characters.start),
                                 end: max(first.characters.end, last.characters.end)))
            merged.append((span, above.texts[piece] + below.texts[piece], extent))
        }
        for (position, value) in middle.values.enumerated() {
            merged.append((centre[position], middle.texts[position], value))
        }
        merged.sort { $0.span.start < $1.span.start }
        guard zip(merged, merged.dropFirst()).allSatisfy({ $0.span.end < $1.span.start }) else { return nil }
        // The arithmetic proves the join. A request row (five to seven cells): its last value (总计,
        // not 0) is the sum of the others. The row of 行政复议/行政诉讼 (fifteen cells, values alone):
        // each group of five's 总计 is the sum of its four results, a group of blank marks 0.
        let texts = merged.map(\.text)
        if (minimumColumns...7).contains(merged.count) {
            guard let last = texts.last, isDigits(last), let total = Self.number(last), total > 0,
                  Self.sum(texts.dropLast()) == total else { return nil }
        } else if merged.count == 15 {
            for group in stride(from: 0, to: 15, by: 5) {
                let total = texts[group + 4]
                guard let parts = Self.sum(texts[group..<(group + 4)]),
                      parts == (CharacterLine.isBlankMark(total) ? 0 : Self.number(total)) else { return nil }
            }
        } else {
            return nil
        }
        let lines = [above, middle, below]
        let labelSource = lines.indices.first { lines[$0].labelEnd != nil }
        return (lines.flatMap(\.labels).joined(), merged.map(\.text), merged.map(\.extent),
                labelSource.flatMap { lines[$0].labelEnd }, labelSource)
    }

    /// Marks the lines of values alone that hold pieces of numbers wrapped in their cells: a line
    /// of values alone above a row's label line (one that starts with an enumerator, `（七）总计`)
    /// and another below it, a value of one standing over a value of the other. A cell holds one
    /// number, so two numbers stacked in one column around one row are the halves of numbers
    /// (`pdftotext -layout` on a narrow column: `304` / `（七）总计` / `1`). A line of one or two
    /// numbers alone is a paragraph, not a row (`357    357` / `1.本机关不掌握相关政府信息 …` /
    /// `506    033`, left unjoined when the row's values in their characters' order break its sum):
    /// such a paragraph becomes a one-row table of pieces, or the numbers would be read as the
    /// values of the row above. Not when the lower line finishes the middle row by its sum (a
    /// row squeezed over two lines: `2.重复申请 247 231 43 81 45` / `196 843`).
    static func markWrappedPieces(_ blocks: inout [Block], _ rows: [RowSpans], textLines: [TextLineBytes], text: (Range<Int>) -> String) {
        var rowByLine: [Int: RowSpans] = [:]
        for row in rows { rowByLine[row.line] = row }
        var textByLine: [Int: Range<Int>] = [:]
        for line in textLines { textByLine[line.line] = line.bytes }
        /// A line of values alone: a row's (`row`), or a paragraph's of one or two numbers.
        struct PieceLine {
            var block: Int
            var row: Int?
            var values: [Extent]
            var texts: [String]
        }
        var pieceLines: [Int: PieceLine] = [:]
        for row in rows where row.labelEnd == nil {
            guard case .table(let table) = blocks[row.block], row.row < table.rows.count else { continue }
            let texts = table.rows[row.row].cells.suffix(row.values.count).map(\.text)
            pieceLines[row.line] = PieceLine(block: row.block, row: row.row, values: row.values, texts: texts)
        }
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let paragraph) = block, let line = paragraph.location.line, pieceLines[line] == nil,
                  let bytes = textByLine[line] else { continue }
            let words = tokens(of: Substring(text(bytes)))
            guard (1...2).contains(words.count), words.allSatisfy({ isDigits($0.text) }),
                  words.map({ String($0.text) }) == paragraph.text.split(separator: " ").map(String.init) else { continue }
            pieceLines[line] = PieceLine(block: index, row: nil, values: words.map(\.extent), texts: words.map { String($0.text) })
        }
        guard pieceLines.count >= 2 else { return }
        func startsRow(_ line: Int) -> Bool {
            if let row = rowByLine[line] {
                guard row.labelEnd != nil, case .table(let table) = blocks[row.block], row.row < table.rows.count,
                      let label = table.rows[row.row].cells.first?.text else { return false }
                return HeadingShape.startsWithEnumerator(label)
            }
            guard let bytes = textByLine[line] else { return false }
            return HeadingShape.startsWithEnumerator(String(text(bytes).drop { $0 == " " || $0 == "\u{3000}" }))
        }
        /// Whether `piece` finishes the row on line `line`, squeezed over two lines
        /// (`1.信访举报投诉类申请 67 99 89 54 227` / `251 787`): seven values whose last is the sum of
        /// the others, a blank mark counting 0.
        func finishesRow(_ line: Int, with piece: PieceLine) -> Bool {
            guard let row = rowByLine[line], case .table(let table) = blocks[row.block], row.row < table.rows.count else { return false }
            let texts = table.rows[row.row].cells.suffix(row.values.count).map(\.text) + piece.texts
            guard texts.count == 7, let last = texts.last, let total = number(last), let parts = sum(texts.dropLast()) else { return false }
            return parts == total
        }
        /// Where the label on line `line` ends, in characters: a row's label, or the whole of a
        /// line of text.
        func labelEnd(_ line: Int) -> Int? {
            if let row = rowByLine[line] { return row.labelEnd?.span(.characters).end }
            guard let bytes = textByLine[line] else { return nil }
            return tokens(of: Substring(text(bytes))).last?.extent.span(.characters).end
        }
        for (line, below) in pieceLines {
            // Both lines rows of values alone, or both paragraphs of numbers (`151 700` over a
            // label line and a whole row of values under it are not one cell's pieces).
            guard let above = pieceLines[line - 2], (above.row == nil) == (below.row == nil), startsRow(line - 1),
                  !finishesRow(line - 1, with: below) else { continue }
            // Paragraphs' pieces stand in the value columns, right of the row's label (a text of
            // one value a line, PyMuPDF's or `pdftotext`'s, has them all at the line's start).
            if above.row == nil {
                guard let end = labelEnd(line - 1),
                      (above.values + below.values).allSatisfy({ $0.span(.characters).start > end }) else { continue }
            }
            let stacked = Metric.allCases.contains { metric in
                above.values.contains { upper in below.values.contains { $0.span(metric).overlaps(upper.span(metric)) } }
            }
            guard stacked else { continue }
            for piece in [above, below] {
                switch blocks[piece.block] {
                case .table(var table):
                    guard let row = piece.row, row < table.rows.count else { continue }
                    table.rows[row].wrappedPieces = true
                    blocks[piece.block] = .table(table)
                case .paragraph(let paragraph):
                    let cells = paragraph.text.split(separator: " ").map { TableCell(text: String($0), location: paragraph.location) }
                    let row = TableRow(cells: cells, location: paragraph.location, delimited: false, wrappedPieces: true)
                    blocks[piece.block] = .table(Table(rows: [row], location: paragraph.location))
                }
            }
        }
    }

    /// Marks a line of values alone right below a labelled row's line when their values
    /// interleave by character (`2.重复申请  32  204` over `167 127 163  141 834`, 167 between 32
    /// and 204): a layout text (`pdftotext -layout`) squeezed the row over two lines, and neither
    /// the text's order (the upper line's values first) nor the characters' (the lines'
    /// positions disagree) proves a value's column. The lower line's values are not read, so the
    /// row is left short, unplaced. Only in a text of pages, where columns count characters.
    static func markInterleavedLines(_ blocks: inout [Block], _ rows: [RowSpans]) {
        var rowByLine: [Int: RowSpans] = [:]
        for row in rows { rowByLine[row.line] = row }
        for below in rows where below.labelEnd == nil && !below.joined {
            guard let above = rowByLine[below.line - 1], above.labelEnd != nil, !above.joined, above.values.count >= 2,
                  !isWrappedPieces(blocks, above), !isWrappedPieces(blocks, below) else { continue }
            let starts = above.values.map { $0.span(.characters).start }.sorted()
            guard let first = starts.first, let last = starts.last else { continue }
            let interleaved = below.values.contains { value in
                let start = value.span(.characters).start
                return start > first && start < last && !starts.contains(start)
            }
            guard interleaved, case .table(var table) = blocks[below.block], below.row < table.rows.count else { continue }
            table.rows[below.row].wrappedPieces = true
            blocks[below.block] = .table(table)
        }
    }

    private static func isSpacedApart(_ blocks: [Block], _ row: RowSpans) -> Bool {
        guard case .table(let table) = blocks[row.block], row.row < table.rows.count else { return false }
        return table.rows[row.row].spacedApart
    }

    private static func isWrappedPieces(_ blocks: [Block], _ row: RowSpans) -> Bool {
        guard case .table(let table) = blocks[row.block], row.row < table.rows.count else { return false }
        return table.rows[row.row].wrappedPieces
    }

    /// The placements of a part's short rows in one metric (by the row's index in `rows`), and
    /// whether the part's widest rows agree in it (two or more, one layout). The columns come
    /// from the header (`minimumColumns` or more) or, unless `headerOnly`, from the widest rows;
    /// `headerNeedsFullRow`: the header's columns only where a row as wide as it fits them.
    static func placements(_ rows: [RowSpans], header: [[Extent]], metric: Metric,
                           minimumColumns: Int = minimumColumns, headerOnly: Bool = false,
                           headerNeedsFullRow: Bool = false, partWidth: Int? = nil) -> ([Int: Placement], Bool) {
        // Rows joined from wrapped numbers' pieces show no column: they place, they do not lay out.
        guard let widest = rows.filter({ !$0.joined }).map(\.values.count).max() else { return ([:], false) }
        let fullRows = rows.filter { $0.values.count == widest && !$0.joined }.map { $0.values.map { $0.span(metric) } }
        let fullLayouts = layouts(of: fullRows)
        // The widest rows line up in this count (two or more, one layout, every one of them in
        // it): the text is laid out in it. (A layout whose columns touch is dropped; the one left
        // may be one squeezed row's, the others disagreeing with it.)
        let agrees = fullRows.count >= 2 && fullLayouts.count == 1 && widest >= 2
            && fullRows.allSatisfy { spans in zip(spans, fullLayouts[0]).allSatisfy { $0.overlaps($1) } }
        // The header's words left of every value head the label column; a table of values alone has none.
        var valueStart = rows.allSatisfy { $0.labelEnd == nil } ? 0 : rows.compactMap { $0.values.first?.span(metric).start }.min() ?? 0
        // A small table (主动公开's) whose rows all leave the first column blank: a header word
        // right of every label and left of every value (`上一年项目数量` over `行政许可  …  -66  239`)
        // still heads a value column. Where the header line's first word stands over the labels,
        // every word right of them does; where it too stands right of them (`信息内容` centred
        // over short labels), from the word on which the line names as many columns as the
        // part's widest row has values.
        if let partWidth, let labelsEnd = rows.compactMap({ $0.labelEnd?.span(metric).end }).max(),
           let line = header.map({ $0.map { $0.span(metric) } }).max(by: { $0.count < $1.count }) {
            let starts = line.map(\.start).sorted()
            let rightOfLabels = starts.filter { $0 > labelsEnd }
            let first = rightOfLabels.count < starts.count
                ? rightOfLabels.first
                : rightOfLabels.first { start in starts.filter { $0 >= start }.count == partWidth }
            if let first, first < valueStart { valueStart = first }
        }
        let layouts: [[Span]]
        var fromHeader = false
        if let columns = headerLayout(header.map { $0.map { $0.span(metric) } }, valueStart: valueStart, fullRows: fullRows,
                                      needsFullRow: headerNeedsFullRow,
                                      confirmedByRows: { rowsLineUp(rows, under: $0, metric: metric) ?? rowsRealigned(rows, under: $0, metric: metric) }),
           columns.count >= minimumColumns {
            layouts = [columns]
            fromHeader = true
        } else if agrees && widest >= minimumColumns && !headerOnly {
            layouts = fullLayouts
        } else {
            return ([:], agrees)
        }
        var placements: [Int: Placement] = [:]
        // A row without a label on its line is placed only under a header, in a table of such
        // rows (行政复议/行政诉讼): among labelled rows it is a piece of wrapped cells.
        let valuesOnly = fromHeader && rows.allSatisfy { $0.labelEnd == nil }
        for (index, row) in rows.enumerated() where row.labelEnd != nil || valuesOnly {
            let spans = row.values.map { $0.span(metric) }
            var placement: Placement?
            var ambiguous = false
            for layout in layouts where layout.count > spans.count {
                guard let columns = columns(of: spans, labelEnd: row.labelEnd?.span(metric), in: layout) else { continue }
                if let found = placement, found != Placement(width: layout.count, columns: columns) { ambiguous = true }
                placement = Placement(width: layout.count, columns: columns)
            }
            if !ambiguous, let placement { placements[index] = placement }
        }
        return (placements, agrees)
    }

    /// The columns of a wrapped header that no row is as wide as, as the part's rows confirm and
    /// widen them (`pdftotext -layout`, a column blank in every row: 社会公益组织 and 法律服务机构
    /// left empty); `nil` when they do not. A text of pages sets each word at the character its
    /// x position rounds to, line by line, and counts a CJK glyph one character, so a header's
    /// words drift from the values under them by a few characters either way (`总计` starting
    /// where `7936` under it ends; `法律服务机` starting under the last digit of `181`, a value of
    /// the column before). The values must show the columns themselves, as a full row would, and
    /// every doubt places nothing:
    /// - three labelled rows or more; their values, merged where they overlap, make groups of
    ///   values that share a character (right-aligned, centred or left-aligned alike), at most one
    ///   value of each row; groups under one header cell, of other rows, are one column, which
    ///   holds two rows' values or more;
    /// - each column of values overlaps exactly one header cell, the middle of its shared part
    ///   under that cell or at most a character past either end of it (each word's x rounded to a
    ///   character: `1` and `2813` right-aligned in a wide cell, their shared part the character
    ///   after a centred `其他`), no header cell taking two, in their order;
    /// - a header cell no values stand under stands a space apart from every column of values:
    ///   one touching a column of values may be that column's own, drifted (`科研机构` ending
    ///   where `75` / `290` under it start, the values then under the start of 社会公益组织);
    /// - two columns of values a character apart or touching have a row with a value in each;
    /// - the columns of values either side of blank header cells stand apart by the closest pitch
    ///   of two neighbouring columns of values and ``blankColumnRoom`` percent of it for each
    ///   column skipped.
    /// Each header cell is then widened by its column of values.
    static func rowsLineUp(_ rows: [RowSpans], under columns: [Span], metric: Metric) -> [Span]? {
        let labelled = rows.filter { $0.labelEnd != nil && !$0.joined }
        guard labelled.count >= 3 else { return nil }
        let groups = valueColumns(labelled, metric: metric)
        var widened = columns
        var taken: [Int] = []
        var columnRows: Set<Int> = []
        var columnValues: [Int: Int] = [:]
        var previousEnd = Int.min / 2, otherEnd = Int.min / 2, columnStart = 0
        // Each column of values: where its values start and end, and their rows.
        var valueEnds: [Int: Int] = [:], valueStarts: [Int: Int] = [:], valueRows: [Int: Set<Int>] = [:]
        for (index, group) in groups.enumerated() {
            guard group.rows.count == group.count, group.shared.start < group.shared.end else { return nil }
            let hits = columns.indices.filter { columns[$0].overlaps(group.whole) }
            guard hits.count == 1, let column = hits.first else { return nil }
            let middle = group.shared.start + group.shared.end
            guard 2 * columns[column].start - 2 <= middle, middle <= 2 * columns[column].end + 2 else { return nil }
            defer { previousEnd = group.whole.end }
            valueEnds[column] = max(valueEnds[column] ?? Int.min, group.whole.end)
            valueStarts[column] = min(valueStarts[column] ?? Int.max, group.whole.start)
            valueRows[column, default: []].formUnion(group.rows)
            if column == taken.last {
                // A second group of values under the same one header cell, of other rows only
                // (`115` at 74 and `82` at 78, both under 法律服务机构; `3511` ending where `114`
                // starts): one column's values, set a few characters apart from row to row. Both
                // groups of two values or more, or the two touching with every other column's
                // values three characters away or more (`92` alone, a character after 自然人's
                // values and two before 商业企业's, its own, is no one's).
                let nextStart = index + 1 < groups.count ? groups[index + 1].whole.start : Int.max
                let touching = group.whole.start <= previousEnd && columnStart - otherEnd >= 3 && nextStart - group.whole.end >= 3
                guard group.rows.isDisjoint(with: columnRows),
                      touching || group.count >= 2 && (columnValues[column] ?? 0) >= 2 else { return nil }
                columnRows.formUnion(group.rows)
                columnValues[column, default: 0] += group.count
                widened[column] = Span(start: min(widened[column].start, group.whole.start), end: max(widened[column].end, group.whole.end))
                continue
            }
            guard column > (taken.last ?? -1) else { return nil }
            otherEnd = previousEnd
            columnStart = group.whole.start
            columnRows = group.rows
            columnValues[column] = group.count
            taken.append(column)
            widened[column] = Span(start: min(columns[column].start, group.whole.start), end: max(columns[column].end, group.whole.end))
        }
        // Each column of values holds two rows' values or more.
        guard columnValues.values.allSatisfy({ $0 >= 2 }) else { return nil }
        for column in columns.indices where !taken.contains(column) {
            guard groups.allSatisfy({ $0.whole.end < columns[column].start || columns[column].end < $0.whole.start }) else { return nil }
        }
        // Two columns of values a character apart or touching, no row with a value in both, may be
        // one column whose values a line's drift set a few characters apart (`178` at 76–78, `30` at
        // 80–81, both 社会公益组织's, under two header words): not told apart.
        for (left, right) in zip(taken, taken.dropFirst()) {
            guard let leftEnd = valueEnds[left], let rightStart = valueStarts[right],
                  let leftRows = valueRows[left], let rightRows = valueRows[right] else { continue }
            if rightStart - leftEnd <= 1 && leftRows.isDisjoint(with: rightRows) { return nil }
        }
        // A blank column takes room: the columns of values either side of blank header cells stand
        // apart by the pitch of two neighbouring columns of values (the closest such pair) and a
        // share of it for each column they skip (`blankColumnRoom`). A header that drifted puts a
        // column of values under the next header word instead (`社会公益组` at 70–74, `法律服务机`
        // at 76–80, 社会公益组织's values ending at 80, 13 characters after 科研机构's where two
        // neighbouring columns stand 9 apart: 法律服务机构's, with 社会公益组织 blank, would stand 18).
        let pitches = zip(taken, taken.dropFirst()).compactMap { pair -> Int? in
            guard pair.1 == pair.0 + 1, let left = valueEnds[pair.0], let right = valueEnds[pair.1] else { return nil }
            return right - left
        }
        if let pitch = pitches.min() {
            for (left, right) in zip(taken, taken.dropFirst()) where right > left + 1 {
                guard let leftEnd = valueEnds[left], let rightEnd = valueEnds[right] else { continue }
                let skipped = right - left - 1
                guard (rightEnd - leftEnd) * 100 >= pitch * (100 + skipped * Self.blankColumnRoom) else { return nil }
            }
        }
        return zip(widened, widened.dropFirst()).allSatisfy({ $0.end <= $1.start }) ? widened : nil
    }

    /// The columns of values of `rows`: every value's span (and its row), merged where they
    /// overlap; each with its whole extent, the part all its values share, their rows and count.
    static func valueColumns(_ rows: [RowSpans], metric: Metric) -> [(whole: Span, shared: Span, rows: Set<Int>, count: Int)] {
        var values: [(span: Span, row: Int)] = []
        for (row, spans) in rows.enumerated() {
            for value in spans.values { values.append((value.span(metric), row)) }
        }
        values.sort { $0.span.start < $1.span.start }
        var groups: [(whole: Span, shared: Span, rows: Set<Int>, count: Int)] = []
        for value in values {
            if let last = groups.last, value.span.start < last.whole.end {
                groups[groups.count - 1] = (Span(start: last.whole.start, end: max(last.whole.end, value.span.end)),
                                            Span(start: max(last.shared.start, value.span.start), end: min(last.shared.end, value.span.end)),
                                            last.rows.union([value.row]), last.count + 1)
            } else {
                groups.append((value.span, value.span, [value.row], 1))
            }
        }
        return groups
    }

    /// ``rowsLineUp(_:under:metric:)`` under header cells moved onto the columns of values, where
    /// the header drifted off them by a character or two (`pdftotext -layout`: `社会公益组` at 66–70
    /// and `法律服务机` at 72–76 over values at 71–74 and 78–81, 商业企业's column blank in every
    /// row, so that 社会公益组织's values stand under 法律服务机构's word and 法律服务机构's under
    /// none). The columns of values go to header cells in their order, each cell taking one or
    /// none: the choice is the one whose columns of values stand closest to their cells (three
    /// characters at most each, counted as the gap between a column and its cell), by at least
    /// ``realignMargin`` characters in all over any other choice, the first and last cells taking
    /// a column each (a blank only between two columns of values). Two neighbouring columns of
    /// values must share a row (so they are two columns, not one column's values set apart line
    /// by line). The chosen cells are then moved onto their values and the rows checked by
    /// ``rowsLineUp(_:under:metric:)`` as under any header (blank cells a space apart from every
    /// value, and the room a blank column takes). `nil` when any of this fails.
    static func rowsRealigned(_ rows: [RowSpans], under columns: [Span], metric: Metric) -> [Span]? {
        let labelled = rows.filter { $0.labelEnd != nil && !$0.joined }
        guard labelled.count >= 3, columns.count <= 20 else { return nil }
        let groups = valueColumns(labelled, metric: metric)
        // One value of each row at most in a column.
        guard !groups.isEmpty, groups.count <= columns.count, groups.allSatisfy({ $0.rows.count == $0.count }) else { return nil }
        for (left, right) in zip(groups, groups.dropFirst()) where left.rows.isDisjoint(with: right.rows) { return nil }
        func gap(_ group: Span, _ column: Span) -> Int {
            group.overlaps(column) ? 0 : max(column.start - group.end, group.start - column.end, 0)
        }
        // Every choice of header cells for the columns of values, in order: the best and the next.
        var best: (cost: Int, cells: [Int])?
        var secondCost = Int.max
        var chosen: [Int] = []
        func extend(_ group: Int, from column: Int, cost: Int) {
            if group == groups.count {
                if let current = best, cost >= current.cost {
                    secondCost = min(secondCost, cost)
                } else {
                    if let current = best { secondCost = min(secondCost, current.cost) }
                    best = (cost, chosen)
                }
                return
            }
            guard column < columns.count, columns.count - column >= groups.count - group else { return }
            for cell in column...(columns.count - (groups.count - group)) {
                chosen.append(cell)
                extend(group + 1, from: cell + 1, cost: cost + gap(groups[group].whole, columns[cell]))
                chosen.removeLast()
            }
        }
        extend(0, from: 0, cost: 0)
        // A blank column is realigned only between two columns of values, where `rowsLineUp` then
        // checks the room it takes: a first or last header word left without values may as well
        // be a word drifted far from its own values, all the others then a column off.
        guard let best, best.cells.first == 0, best.cells.last == columns.count - 1, secondCost - best.cost >= realignMargin,
              zip(groups, best.cells).allSatisfy({ gap($0.whole, columns[$1]) <= 3 }) else { return nil }
        var moved = columns
        for (group, cell) in zip(groups, best.cells) { moved[cell] = group.whole }
        guard zip(moved, moved.dropFirst()).allSatisfy({ $0.end <= $1.start }) else { return nil }
        return rowsLineUp(rows, under: moved, metric: metric)
    }

    /// How many characters in all the chosen header cells of ``rowsRealigned(_:under:metric:)``
    /// must stand closer to their columns of values than those of any other choice.
    static let realignMargin = 3

    /// Placements in a text that writes each row's cells one after another at the table's column
    /// starts, whatever their spans (inscriptis: a label cell spanning three columns takes one
    /// slot, a blank cell an empty one): every value starts exactly at a slot start (the starts of
    /// the part's values and header words, in characters), and a value's column is its slot
    /// counted from the one after its row's last label (from the first, in a table of values
    /// alone). A slot start must be shown by a header word or by two rows' values, and cells
    /// stand two spaces apart or more. The columns' count is the widest row's; two rows or more
    /// must reach both its first and its last column (a row of values alone: be the only row).
    /// `[:]` when the part is not written so. `widthsProven`: for labelled rows, also `[:]` unless,
    /// right of every label, five slots or more each stand two characters after the widest cell
    /// of the slot before (or an even number more: columns empty in every row, filled in).
    static func slotPlacements(_ rows: [RowSpans], header: [[Extent]], widthsProven: Bool = false) -> [Int: Placement] {
        var starts: Set<Int> = []
        for row in rows {
            for value in row.values { starts.insert(value.characters.start) }
        }
        for line in header {
            for word in line { starts.insert(word.characters.start) }
        }
        var slots = starts.sorted()
        let valuesOnly = rows.allSatisfy { $0.labelEnd == nil }
        guard valuesOnly ? rows.count == 1 : rows.allSatisfy({ $0.labelEnd != nil }) else { return [:] }
        // Each column starts two characters after the previous one's widest cell.
        var widths: [Int: Int] = [:]
        for row in rows {
            for value in row.values { widths[value.characters.start] = max(widths[value.characters.start] ?? 0, value.characters.end - value.characters.start) }
        }
        for line in header {
            for word in line { widths[word.characters.start] = max(widths[word.characters.start] ?? 0, word.characters.end - word.characters.start) }
        }
        if valuesOnly {
            // Where every slot shown keeps that, a wider gap between two values is columns empty
            // in every row, two characters each (inscriptis: `351` at 62, `120` at 71 for 复议后起诉's
            // 维持 and 尚未审结, its 纠正 and 其他 blank; 351 … 120 … 471 read as three cells before).
            if let filled = slotsWithEmptyColumns(slots, widths: widths), filled.count > slots.count { slots = filled }
        } else if widthsProven {
            // Right of every label, each slot exactly two characters after the previous one's
            // widest cell, four times or more: the text is laid out so (the labels' own columns,
            // whose widest cells the rows do not give, left out).
            // A gap wider by an even number of characters is columns empty in every row (two
            // blank columns: `2203` at 84 (three wide) and `2107` at 99 under one empty slot at 97).
            let labelsEnd = rows.compactMap { $0.labelEnd?.characters.start }.max() ?? 0
            let right = slots.firstIndex { $0 > labelsEnd } ?? slots.count
            guard slots.count - right >= 5, let filled = slotsWithEmptyColumns(Array(slots[right...]), widths: widths) else { return [:] }
            slots = Array(slots[..<right]) + filled
        }
        let slotOfStart = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        // A slot start is shown by a header word or by two rows' values, and the cells stand two
        // spaces apart or more (a text that puts one space between values has no slots).
        var uses: [Int: Int] = [:]
        for row in rows {
            for value in row.values { uses[value.characters.start, default: 0] += 1 }
        }
        for line in header {
            for word in line { uses[word.characters.start, default: 0] += 2 }
        }
        // A row of values alone whose last values stand right of every header word (inscriptis
        // dropping 复议后起诉's sub-headers): those take the slots their own starts give. Nothing
        // shows a blank cell among them, so the row's width then proves them only where it is the
        // template's (the recognizer keeps a placed row only as wide as the template's row).
        // Only in a text of clean slots: no two starts a character or two apart (`pdftotext -layout`
        // stacks a header's wrapped pieces one character off: `结果维` over `持`).
        let lastHeaderStart = header.flatMap { $0.map(\.characters.start) }.max()
        let shownSlots = starts.sorted()
        let cleanSlots = zip(shownSlots, shownSlots.dropFirst()).allSatisfy { $1 - $0 >= 3 }
        func shown(_ start: Int) -> Bool {
            uses[start, default: 0] >= 2 || valuesOnly && cleanSlots && lastHeaderStart.map { start > $0 } == true
        }
        var found: [Int: [Int]] = [:]
        var firsts: [Int: Int] = [:]
        for (index, row) in rows.enumerated() {
            let first = row.labelEnd.map { countBelow($0.characters.start + 1, in: slots) } ?? 0
            firsts[index] = first
            var columns: [Int] = []
            var previousEnd = row.labelEnd?.characters.end
            for value in row.values {
                guard let slot = slotOfStart[value.characters.start], slot >= first,
                      shown(value.characters.start),
                      previousEnd.map({ value.characters.start - $0 >= 2 }) ?? true else { return [:] }
                columns.append(slot - first)
                previousEnd = value.characters.end
            }
            found[index] = columns
        }
        guard let width = found.values.compactMap(\.last).max().map({ $0 + 1 }), width >= 2 else { return [:] }
        if !valuesOnly {
            // Two rows reaching the first and the last column show the slots; so does a header
            // word at every slot of every row (主动公开's small tables: `规章  ·  147  42` under
            // `信息内容  本年制发件数  本年废止件数  现行有效件数`).
            let headerStarts = Set(header.flatMap { $0.map(\.characters.start) })
            let headerShowsAll = firsts.values.allSatisfy { first in
                first + width <= slots.count && slots[first..<(first + width)].allSatisfy(headerStarts.contains)
            }
            guard headerShowsAll || found.values.filter({ $0.first == 0 && $0.last == width - 1 }).count >= 2 else { return [:] }
        }
        var placements: [Int: Placement] = [:]
        for (index, columns) in found where columns.count < width {
            placements[index] = Placement(width: width, columns: columns)
        }
        return placements
    }

    /// `slots` (ascending starts) with the starts of the columns empty in every row put in, where
    /// each slot starts two characters after the previous one's widest cell (`widths`, by start)
    /// or an even number of characters more (two for each empty column between); `nil` where any
    /// two slots break that.
    static func slotsWithEmptyColumns(_ slots: [Int], widths: [Int: Int]) -> [Int]? {
        guard let first = slots.first else { return nil }
        var filled = [first]
        for (previous, next) in zip(slots, slots.dropFirst()) {
            guard let width = widths[previous], width > 0 else { return nil }
            var expected = previous + width + 2
            guard next >= expected, (next - expected) % 2 == 0 else { return nil }
            while expected < next {
                filled.append(expected)
                expected += 2
            }
            filled.append(next)
        }
        return filled
    }

    /// `-----`, `===`, `+---+`: a rule line's word, no header cell.
    static func isRule(_ token: Substring) -> Bool {
        token.unicodeScalars.allSatisfy { "-=+:|_".unicodeScalars.contains($0) }
    }

    /// The value columns a table's header lines give, left to right: the header cells that have
    /// no other cells under them (a group header such as 法人或其他组织 has two or more on one line
    /// below it, or a group header below it), each widened by the pieces of its own text wrapped
    /// onto the lines below (`商业企` / `业`). Words left of the values (the label column's header) do not count.
    /// `nil` when the cells overlap, or when the full rows do not fit them: rows wider than the
    /// header, or of its width with a value outside its column; with `needsFullRow`, also when no
    /// full row is as wide as the header, unless `confirmedByRows` gives the columns as the rows
    /// confirm them.
    static func headerLayout(_ lines: [[Span]], valueStart: Int, fullRows: [[Span]], needsFullRow: Bool = false,
                             confirmedByRows: ([Span]) -> [Span]? = { _ in nil }) -> [Span]? {
        var words: [(line: Int, span: Span)] = []
        for (index, line) in lines.enumerated() {
            for word in line where word.end > valueStart { words.append((index, word)) }
        }
        guard !words.isEmpty else { return nil }
        var isGroup = Array(repeating: false, count: words.count)
        var below: [[Int]] = Array(repeating: [], count: words.count)
        // Bottom up: a word over a group is a group too (申请人情况 over 法人或其他组织).
        for index in words.indices.reversed() {
            let word = words[index]
            let under = words.indices.filter { words[$0].line > word.line && words[$0].span.overlaps(word.span) }
            below[index] = under
            var perLine: [Int: Int] = [:]
            for other in under { perLine[words[other].line, default: 0] += 1 }
            isGroup[index] = perLine.values.contains { $0 >= 2 } || under.contains { isGroup[$0] }
        }
        var isContinuation = Array(repeating: false, count: words.count)
        var columns: [Span] = []
        var wrapped = false
        for index in words.indices where !isGroup[index] && !isContinuation[index] {
            var extent = words[index].span
            for other in below[index] {
                wrapped = true
                isContinuation[other] = true
                extent = Span(start: min(extent.start, words[other].span.start), end: max(extent.end, words[other].span.end))
            }
            columns.append(extent)
        }
        columns.sort { $0.start < $1.start }
        guard zip(columns, columns.dropFirst()).allSatisfy({ $0.end <= $1.start }) else { return nil }
        guard let width = fullRows.first?.count else { return needsFullRow && wrapped ? confirmedByRows(columns) : columns }
        guard width <= columns.count else { return nil }
        guard width == columns.count else { return needsFullRow && wrapped ? confirmedByRows(columns) : columns }
        // Full rows as wide as the header: each value under its own column, which it widens.
        for row in fullRows {
            for (value, column) in zip(row, columns) where !value.overlaps(column) { return nil }
        }
        for row in fullRows {
            for index in columns.indices {
                columns[index] = Span(start: min(columns[index].start, row[index].start), end: max(columns[index].end, row[index].end))
            }
        }
        return zip(columns, columns.dropFirst()).allSatisfy({ $0.end <= $1.start }) ? columns : nil
    }

    /// The column extents the full rows give: full rows are grouped so that the rows of a group
    /// agree (each column's values share a character column); a group whose columns touch gives
    /// nothing.
    static func layouts(of fullRows: [[Span]]) -> [[Span]] {
        var groups: [[Span]] = []      // per group: each column's common part
        var extents: [[Span]] = []     // per group: each column's whole extent
        for spans in fullRows {
            // Rows that line up in no small number of ways are no table laid out in columns.
            guard groups.count <= 16 else { return [] }
            var joined = false
            for group in groups.indices {
                let common = zip(groups[group], spans).map { Span(start: max($0.start, $1.start), end: min($0.end, $1.end)) }
                guard common.allSatisfy({ $0.start < $0.end }) else { continue }
                groups[group] = common
                extents[group] = zip(extents[group], spans).map { Span(start: min($0.start, $1.start), end: max($0.end, $1.end)) }
                joined = true
                break
            }
            if !joined {
                groups.append(spans)
                extents.append(spans)
            }
        }
        return extents.filter { columns in zip(columns, columns.dropFirst()).allSatisfy { $0.end < $1.start } }
    }

    /// The column of each value: the one column it overlaps, columns increasing, and every column
    /// it skips lying in the space before it (after the label, or after the value before);
    /// `nil` otherwise.
    static func columns(of spans: [Span], labelEnd: Span?, in layout: [Span]) -> [Int]? {
        var columns: [Int] = []
        var previousEnd = labelEnd?.end
        for span in spans {
            let hits = layout.indices.filter { layout[$0].overlaps(span) }
            guard hits.count == 1, let column = hits.first, column > (columns.last ?? -1) else { return nil }
            // Its middle under the column, not an edge grazing it: `pdftotext -layout` sets the
            // numbers of a squeezed line a few characters left (`254` grazing 社会公益组织's last
            // character, under 法律服务机构 in the rows around it).
            guard 2 * layout[column].start <= span.start + span.end, span.start + span.end <= 2 * layout[column].end else { return nil }
            let skipped = (columns.last.map { $0 + 1 } ?? 0)..<column
            // Space on both sides: a one-digit column fits in the one space between two values
            // of `pdftotext -raw`'s line, which skips no cell.
            if let previousEnd, !skipped.isEmpty {
                guard skipped.allSatisfy({ layout[$0].start > previousEnd && layout[$0].end < span.start }) else { return nil }
            }
            columns.append(column)
            previousEnd = span.end
        }
        return columns
    }

    private static func rewrite(_ blocks: inout [Block], _ row: RowSpans, width: Int, columns: [Int]) {
        guard case .table(var table) = blocks[row.block], row.row < table.rows.count else { return }
        var tableRow = table.rows[row.row]
        let valueCount = row.values.count
        guard tableRow.cells.count >= valueCount else { return }
        let labels = tableRow.cells.dropLast(valueCount)
        let values = tableRow.cells.suffix(valueCount)
        var placed = (0..<width).map { _ in TableCell(text: "", location: tableRow.location) }
        for (value, column) in zip(values, columns) { placed[column] = value }
        tableRow.cells = Array(labels) + placed
        tableRow.columnsFromLayout = true
        table.rows[row.row] = tableRow
        blocks[row.block] = .table(table)
    }

    /// `一、总体情况`, `四、政府信息公开行政复议、行政诉讼情况`: a part's heading (a row label such as
    /// `三、本年度办理结果` is not one).
    static func isPartHeading(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "一二三四五六七八".unicodeScalars.contains(first),
              text.unicodeScalars.dropFirst().first == "、", text.unicodeScalars.count <= 40 else { return false }
        return text.contains("情况") || text.contains("问题") || text.contains("事项")
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\u{00A0}" || scalar == "\t"
    }

    /// Display width: 2 for East Asian wide and fullwidth characters, 0 for format characters and
    /// combining marks, 1 otherwise (ambiguous ones such as `“` included, as pandoc and w3m count them).
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x1100 {
            if value >= 0x300 && value < 0x370 { return 0 }
            return 1
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF:
            return 0
        default:
            return 1
        }
    }
}
