import NianbaoModel

/// Tab-separated rows read on their header's grid: empty cells at a row's end, and merged cells
/// written once per grid column they span.
///
/// A table dumped cell by cell through python-docx (`row.cells`, joined by tabs) writes every
/// cell of the grid, a blank one as an empty field, and a merged cell once for every grid column
/// it covers: the header `信息内容 ⇥ 上一年项目数量 ⇥ 本年增/减 ⇥ 本年增/减` (本年增/减 spans two
/// columns) and under it `行政事业性收费 ⇥ ⇥ 20 ⇥ 20`, 上一年项目数量 blank and 本年增/减 20. Read
/// as they stand, those were three values for two columns, and dropping the blank made
/// 上一年项目数量 20: a wrong number. The header shows the grid:
/// - a row as wide as its header, empty cells at its end included, keeps those as blank cells
///   (`规章 ⇥ 284 ⇥ 43 ⇥`: 对外公开总数量 blank); any other row drops them, as tab rows always did
///   (some extractors end lines with tabs);
/// - a run of equal neighbouring header cells right of the first is one merged cell, and a row
///   under it, as wide, whose cells in that run are equal too (the same number, the same mark, or
///   all empty) holds one cell there; a row whose cells there differ is left as it is (the
///   recognizer finds too many cells and reads nothing it cannot place), and so are labels;
/// - a row of values alone that starts blank, as wide as its header (part 四's
///   `⇥ ⇥ … ⇥ 317 ⇥ 363 ⇥ 89 ⇥ 146 ⇥ 915`), has every cell in its column, its leading blanks
///   included (the reader otherwise drops a tab row's leading empty cells, which some extractors
///   use to indent a cell).
/// The header is the nearest tab-separated row above with no value right of its first cell and a
/// name there (a row of empty cells is none).
enum MergedCellRepeats {
    /// `rows` read on their headers' grids (see the type's description).
    static func collapsed(_ rows: [TableRow]) -> [TableRow] {
        var result = rows
        var runs: [Range<Int>] = []
        var headerWidth = 0
        for (index, row) in rows.enumerated() where row.delimited {
            var cells = row.cells
            let full = cells.count
            while cells.count > 1, cells.last?.text.isEmpty == true { cells.removeLast() }
            var texts = cells.map(\.text)
            if !texts.dropFirst().contains(where: isValue) {
                if texts.dropFirst().contains(where: { !$0.isEmpty }) {
                    runs = repeatedRuns(texts)
                    headerWidth = texts.count
                }
                result[index].cells = cells
                continue
            }
            if full == headerWidth && full > cells.count {
                cells = row.cells
                texts = cells.map(\.text)
            }
            defer { result[index].cells = cells }
            guard texts.count == headerWidth else { continue }
            if texts.first?.isEmpty == true, texts.allSatisfy({ $0.isEmpty || isValue($0) }) {
                result[index].columnsFromLayout = true
            }
            for run in runs.reversed() {
                let run = texts[run]
                guard let first = run.first, run.allSatisfy({ $0 == first }), first.isEmpty || isValue(first) else { continue }
                cells.removeSubrange((run.startIndex + 1)..<run.endIndex)
            }
        }
        return result
    }

    /// The runs of two or more equal, non-empty neighbouring cells right of the first.
    static func repeatedRuns(_ texts: [String]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 1
        while start < texts.count {
            var end = start + 1
            while end < texts.count, texts[end] == texts[start] { end += 1 }
            if end - start >= 2 && !texts[start].isEmpty { runs.append(start..<end) }
            start = end
        }
        return runs
    }

    /// A number (`20`, `-16`, `949.19`, `101500元`) or a blank cell's mark.
    private static func isValue(_ text: String) -> Bool {
        !text.isEmpty && (CharacterLine.isNumberToken(text) || CharacterLine.isBlankMark(text))
    }
}
