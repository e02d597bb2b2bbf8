import Foundation
import NianbaoModel

/// Value columns proven by the table's header cells.
///
/// The template names every value column (自然人 … 总计; 结果维持 … 总计 three times; 本年新制作数量 …;
/// 采购项目数量 / 采购总金额). The header words of a table part are joined into header cells (a header
/// wrapped inside a narrow cell, `商业企` over `业` or `社会公益` over `组织`, is one cell), the cells whose
/// text is a template column name are kept, and of those the lowest level (a cell with no named cell
/// below it: the five 法人或其他组织 columns, the fifteen outcome columns under 行政复议 / 行政诉讼) gives
/// the columns. Each column's x range is its header text's span widened to the midpoints between
/// neighbours; the last one ends a little more than half a column pitch right of its header's centre.
struct HeaderColumns: Equatable {
    /// The header texts' horizontal spans, left to right.
    var spans: [ClosedRange<Double>]
    /// The header cells' names, left to right.
    var names: [String]

    /// The boundaries between neighbouring columns: the midpoints between their header spans.
    var separators: [Double] {
        zip(spans, spans.dropFirst()).map { ($0.upperBound + $1.lowerBound) / 2 }
    }

    /// The right end of the last column: its header's centre plus one and a half times the
    /// median pitch between header centres; open for a single column.
    var rightEnd: Double {
        let centres = spans.map { ($0.lowerBound + $0.upperBound) / 2 }
        let pitches = zip(centres, centres.dropFirst()).map { $1 - $0 }.sorted()
        guard let last = centres.last, !pitches.isEmpty else { return .infinity }
        return max(last + 1.5 * pitches[pitches.count / 2], spans[spans.count - 1].upperBound + 1)
    }

    // MARK: Finding the header cells

    /// The template's value-column names, compared without whitespace and without a bracketed unit
    /// (`采购总金额（万元）` is `采购总金额`), with the common variants of the label table.
    static let names: Set<String> = {
        var result: Set<String> = []
        for table in ReportTable.allCases {
            for template in [TemplateVersion.v2019, .v2021] {
                for row in TemplateCatalog.rows(table, template) {
                    for column in row.columns { result.insert(normalized(column.label)) }
                }
            }
        }
        for variant in ["其它", "合计", "其它结果", "本年增减", "本年增加/减少", "上年项目数量", "收费金额", "采购金额", "采购项目", "项目数量", "本年收费金额"] {
            result.insert(normalized(variant))
        }
        return result
    }()

    /// The template's row labels, without whitespace (brackets kept).
    static let rowLabels: Set<String> = {
        var result: Set<String> = []
        for table in ReportTable.allCases {
            for template in [TemplateVersion.v2019, .v2021] {
                for row in TemplateCatalog.rows(table, template) { result.insert(row.label.filter { !$0.isWhitespace }) }
            }
        }
        return result
    }()

    /// Every prefix of a name, to join the pieces of a wrapped header cell.
    private static let prefixes: Set<String> = {
        var result: Set<String> = []
        for name in names {
            var prefix = ""
            for character in name {
                prefix.append(character)
                result.insert(prefix)
            }
        }
        return result
    }()

    /// `text` without whitespace, with a bracketed part after the name (closed or cut off by a
    /// wrap) removed and
    /// `其它` spelled `其他`.
    static func normalized(_ text: String) -> String {
        NameScan(text).normalized
    }

    /// ``normalized(_:)`` as a left-to-right scan whose state is kept, so that a header cell growing
    /// word by word is scanned once, not again for every word tried against it (the profile of
    /// `convert` on PDFs had `normalized` of `cell.text + word.text` for every word and every earlier
    /// cell as 19 % of the whole run, 37 % of nianbao's own part).
    struct NameScan {
        /// The text kept so far, before `其它` is spelled `其他`.
        private(set) var kept = ""
        /// Open brackets after the name.
        private var depth = 0

        /// The scan of `text`.
        init(_ text: String) { append(text) }

        /// Scans `text` as if it followed what was scanned so far.
        mutating func append(_ text: String) {
            // Text of printable ASCII, CJK unified ideographs and fullwidth forms only (every word
            // of a real header): each scalar is a Character of its own and none is whitespace, so
            // the scalars are scanned, not Characters (`Character` iteration and its whitespace
            // test were most of `NameScan` in `perf`, itself 2.3 % of a PDF run).
            if text.unicodeScalars.allSatisfy(Self.isSimple) {
                for scalar in text.unicodeScalars {
                    if (scalar == "（" || scalar == "(") && !kept.isEmpty { depth += 1; continue }
                    if (scalar == "）" || scalar == ")") && depth > 0 { depth -= 1; continue }
                    if depth == 0 { kept.unicodeScalars.append(scalar) }
                }
                return
            }
            for character in text where !character.isWhitespace {
                // A leading bracket is an enumerator (`（七）总计` is a row label), kept.
                if (character == "（" || character == "(") && !kept.isEmpty { depth += 1; continue }
                if (character == "）" || character == ")") && depth > 0 { depth -= 1; continue }
                if depth == 0 { kept.append(character) }
            }
        }

        /// The scan of `scanned + next`, where `scanned` is the text this state is the scan of:
        /// continued from this state when the two texts meet at a boundary no grapheme cluster can
        /// cross (their Characters are those of each text), and scanned afresh otherwise.
        func appending(_ next: String, to scanned: String) -> NameScan {
            guard Self.isClusterBoundary(scanned.unicodeScalars.last, next.unicodeScalars.first) else {
                return NameScan(scanned + next)
            }
            var result = self
            result.append(next)
            return result
        }

        /// The normalized text: `kept` with `其它` spelled `其他` (no scalar decomposes canonically
        /// to 其 or 它, so text without those bytes has nothing to replace).
        var normalized: String {
            var previous: Unicode.Scalar = " "
            for scalar in kept.unicodeScalars {
                if previous == "其" && scalar == "它" { return kept.replacingOccurrences(of: "其它", with: "其他") }
                previous = scalar
            }
            return kept
        }

        /// `true` when a grapheme cluster always ends between `left` and `right`: both printable
        /// ASCII or CJK unified ideographs or fullwidth forms, none of which extends, joins or
        /// prepends (UAX #29), or either side empty.
        private static func isClusterBoundary(_ left: Unicode.Scalar?, _ right: Unicode.Scalar?) -> Bool {
            guard let left, let right else { return true }
            return isSimple(left) && isSimple(right)
        }

        /// Printable ASCII, a CJK unified ideograph or a fullwidth form: never whitespace, and never
        /// extending, joining or prepending to a neighbour (UAX #29).
        private static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value)
        }
    }

    /// Header words of the requests and review tables that name no value column.
    static let headerWords: Set<String> = ["申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]

    /// `true` when every segment of `line` is a piece of a column name or of a requests or
    /// review header word (a header cell wrapped over lines: `自然` / `人`, `社会公益` / `组织`).
    static func namesColumn(_ line: VisualLine) -> Bool {
        let pieces = line.segments.map { normalized(TextJoin.join($0.words.map(\.text))) }.filter { !$0.isEmpty }
        return !pieces.isEmpty && pieces.allSatisfy(namePieces.contains)
    }

    /// Every piece (run of characters) of a column name or a header word: a set looked up once per
    /// segment (`perf`: searching each name with Foundation's `range(of:)` took 2.6 % of nianbao's
    /// CPU on PDFs, for a few hundred short strings).
    static let namePieces: Set<String> = {
        var result: Set<String> = []
        for name in names.union(headerWords) {
            let characters = Array(name)
            for start in characters.indices {
                for end in (start + 1)...characters.count { result.insert(String(characters[start..<end])) }
            }
        }
        return result
    }()

    /// A header cell: its pieces' box and joined text.
    struct Cell {
        var x0: Double, x1: Double, y0: Double, y1: Double
        var text: String
        var lastLine: (x0: Double, x1: Double, y0: Double, y1: Double)
        /// The scan of `text` (``HeaderColumns/normalized(_:)``), kept as the cell grows.
        var scan: NameScan
        /// `normalized(text)`.
        var name: String { scan.normalized }
        var isName: Bool { HeaderColumns.names.contains(name) }
    }

    /// Joins header words into cells: a word joins the cell whose text it continues into a column
    /// name (or the start of one), when it sits right after the cell's last piece on its line or on
    /// the next line below it, overlapping it horizontally.
    static func cells(_ words: [PDFWord], height: Double) -> [Cell] {
        var cells: [Cell] = []
        for line in VisualLine.lines(words) {
            for word in line.words {
                var joinedScan: NameScan?
                // Where the word sits is checked first: the text it would make is built only for
                // the cells next to it (built for every earlier cell, it was 6 % of a PDF run in `perf`).
                let target = cells.indices.last { index in
                    let cell = cells[index]
                    let last = cell.lastLine
                    let sameLine = min(last.y1, word.y1) - max(last.y0, word.y0) >= 0.5 * min(last.y1 - last.y0, word.height)
                    let nextToIt: Bool
                    if sameLine {
                        nextToIt = word.x0 >= last.x1 - 0.5 && word.x0 - last.x1 <= 0.8 * height
                    } else {
                        let below = word.y0 > last.y0 + 0.3 * height && word.y0 - last.y1 <= 1.5 * height
                        let overlap = min(last.x1, word.x1) - max(last.x0, word.x0)
                        nextToIt = below && overlap >= 0.3 * min(last.x1 - last.x0, word.x1 - word.x0)
                    }
                    guard nextToIt, !cell.name.isEmpty else { return false }
                    let joined = cell.scan.appending(word.text, to: cell.text)
                    guard prefixes.contains(joined.normalized) else { return false }
                    joinedScan = joined
                    return true
                }
                if let target, let joinedScan {
                    var cell = cells[target]
                    let sameLine = min(cell.lastLine.y1, word.y1) - max(cell.lastLine.y0, word.y0) >= 0.5 * min(cell.lastLine.y1 - cell.lastLine.y0, word.height)
                    cell.text += word.text
                    cell.scan = joinedScan
                    cell.x0 = min(cell.x0, word.x0)
                    cell.x1 = max(cell.x1, word.x1)
                    cell.y1 = max(cell.y1, word.y1)
                    cell.lastLine = sameLine
                        ? (cell.lastLine.x0, max(cell.lastLine.x1, word.x1), min(cell.lastLine.y0, word.y0), max(cell.lastLine.y1, word.y1))
                        : (word.x0, word.x1, word.y0, word.y1)
                    cells[target] = cell
                } else {
                    cells.append(Cell(x0: word.x0, x1: word.x1, y0: word.y0, y1: word.y1, text: word.text,
                                      lastLine: (word.x0, word.x1, word.y0, word.y1), scan: NameScan(word.text)))
                }
            }
        }
        return cells
    }

    /// The named header cells of the lowest level: no named cell below overlaps them horizontally.
    static func leaves(_ cells: [Cell]) -> [Cell] {
        let named = cells.filter(\.isName)
        return named.filter { cell in
            !named.contains { other in
                other.y0 >= cell.y1 - 0.5 && min(other.x1, cell.x1) - max(other.x0, cell.x0) > 0.2 * min(other.x1 - other.x0, cell.x1 - cell.x0)
            }
        }.sorted { $0.x0 < $1.x0 }
    }

    /// The columns the header words above a table part prove, or `nil` when they name no column
    /// or their named cells overlap one another (no single reading).
    static func find(in words: [PDFWord], height: Double) -> HeaderColumns? {
        let leaves = leaves(cells(words, height: height))
        guard !leaves.isEmpty else { return nil }
        for (left, right) in zip(leaves, leaves.dropFirst()) where right.x0 < left.x1 - 0.5 {
            return nil
        }
        return HeaderColumns(spans: leaves.map { $0.x0...$0.x1 }, names: leaves.map(\.name))
    }

    /// The columns of `first` with those of `second` it does not name, in order, when together
    /// they are a whole requests or review header (``incompleteness`` `nil`) and no two overlap;
    /// `nil` otherwise.
    static func merged(_ first: HeaderColumns, _ second: HeaderColumns) -> HeaderColumns? {
        var columns = Array(zip(first.names, first.spans))
        for (name, span) in zip(second.names, second.spans) where !first.names.contains(name) { columns.append((name, span)) }
        columns.sort { $0.1.lowerBound < $1.1.lowerBound }
        for (left, right) in zip(columns, columns.dropFirst()) where right.1.lowerBound < left.1.upperBound - 0.5 { return nil }
        let whole = HeaderColumns(spans: columns.map(\.1), names: columns.map(\.0))
        return whole.incompleteness == nil ? whole : nil
    }

    /// `true` when each of these columns is one of `other`'s, by name, overlapping it.
    func isPart(of other: HeaderColumns) -> Bool {
        zip(names, spans).allSatisfy { name, span in
            zip(other.names, other.spans).contains { $0 == name && $1.overlaps(span) }
        }
    }

    /// The applicant columns of the requests table and the outcome columns of the review table,
    /// in order.
    static let applicantNames = TemplateCatalog.applicantColumns.map { normalized($0.label) }
    static let outcomeNames = TemplateCatalog.outcomeColumns.map { normalized($0.label) }
    /// The applicant columns no other table has (all but the last two), and the outcome columns
    /// but 总计: made once, not for every ``incompleteness`` asked.
    private static let applicantOnlyNames = Set(applicantNames.dropLast(2))
    private static let outcomeOnlyNames = Set(outcomeNames.dropLast())

    /// Why these columns are not the whole header of a requests or review table (some of its
    /// named columns missing, or out of order), or `nil` when they are or the table is another.
    var incompleteness: String? {
        let applicantOnly = Self.applicantOnlyNames, outcomeOnly = Self.outcomeOnlyNames
        if names.contains(where: applicantOnly.contains), names != Self.applicantNames {
            return "the header names \(names.count) of the 7 applicant columns (\(names.joined(separator: " ")))"
        }
        if names.contains(where: outcomeOnly.contains), names != Self.outcomeNames, names != Array([Self.outcomeNames, Self.outcomeNames, Self.outcomeNames].joined()) {
            return "the header names \(names.count) of the 15 outcome columns (\(names.joined(separator: " ")))"
        }
        return nil
    }
}
