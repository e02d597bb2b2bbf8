import NianbaoModel
@testable import NianbaoText

/// The Character-level text reader as it was before the UTF-8 fast path: the reference the
/// equivalence tests compare `TextReader.parse` with, line for line and block for block.
enum LegacyTextReader {
    /// Parses decoded text into blocks.
    static func parse(_ text: String) -> [Block] {
        var builder = LegacyBlockBuilder()
        for (offset, raw) in LegacyTextCleaning.lines(of: text).enumerated() {
            builder.consume(LegacyTextCleaning.clean(raw), lineNumber: offset + 1)
        }
        return builder.finish()
    }
}

/// The state machine that turns cleaned lines into paragraphs and tables.
private struct LegacyBlockBuilder {
    private enum LineKind {
        case blank
        case cell(String)          // one cell on its own line, after leading tab(s)
        case row([String], delimited: Bool = true)  // a whole row: tab-separated (or space-aligned: not delimited) cells
        case text(String)          // running text
    }

    private var blocks: [Block] = []
    private var tableRows: [TableRow] = []
    private var tableStart: Int?
    private var pendingCells: [TableCell] = []
    private var pendingRowLine = 0
    private var previousKind: LineKind = .blank
    /// A paragraph waiting to see whether the next line continues it across a page break.
    private var pendingParagraph: Paragraph?
    private var blankLinesSincePending = 0

    mutating func consume(_ line: String, lineNumber: Int) {
        if LegacyTextCleaning.isPageFurniture(line) { return }
        let kind = classify(line)
        switch kind {
        case .blank:
            flushPendingRow()
            if pendingParagraph != nil { blankLinesSincePending += 1 }
        case .cell(let text):
            flushParagraph()
            if tableStart == nil { tableStart = lineNumber }
            if pendingCells.isEmpty { pendingRowLine = lineNumber }
            pendingCells.append(TableCell(text: text, location: .line(lineNumber)))
        case .row(let cells, let delimited):
            flushParagraph()
            flushPendingRow()
            if tableStart == nil { tableStart = lineNumber }
            let row = TableRow(cells: cells.enumerated().map { TableCell(text: $0.element, location: .line(lineNumber)) },
                               location: .line(lineNumber), delimited: delimited)
            tableRows.append(row)
        case .text(let text):
            if case .cell = previousKind, isCellContinuation(text), !pendingCells.isEmpty {
                // A cell whose text wrapped onto the next line (`本年新` / `制作数量`).
                pendingCells[pendingCells.count - 1].text += trim(Substring(text))
                previousKind = .cell(text)
                return
            }
            flushPendingRow()
            flushTable()
            addParagraph(text, lineNumber: lineNumber)
        }
        previousKind = kind
    }

    mutating func finish() -> [Block] {
        flushPendingRow()
        flushTable()
        flushParagraph()
        return blocks
    }

    // MARK: Classification

    private func classify(_ line: String) -> LineKind {
        if LegacyTextCleaning.isBlank(line) { return .blank }
        // A tab is always a Character of its own (grapheme clusters break around controls), so
        // tabs are found and split on as bytes.
        let tab = UInt8(ascii: "\t")
        if line.utf8.contains(tab) {
            let stripped = line[(line.utf8.firstIndex { $0 != tab } ?? line.endIndex)...]
            if !stripped.utf8.contains(tab) {
                if line.utf8.first == tab { return .cell(normalizeCell(stripped)) }
                // `label<TAB>` with nothing after: a one-cell row.
                return .row([normalizeCell(stripped)])
            }
            var cells = splitOnTabs(line).map { normalizeCell($0) }
            while cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
            return .row(cells)
        }
        if let cells = spaceAlignedRow(line) { return .row(cells, delimited: false) }
        return .text(line)
    }

    /// `line.split(separator: "\t", omittingEmptySubsequences: false)`, on bytes.
    private func splitOnTabs(_ line: String) -> [Substring] {
        var pieces: [Substring] = []
        let utf8 = line.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\t") {
                pieces.append(line[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        pieces.append(line[start..<utf8.endIndex])
        return pieces
    }

    private func normalizeCell(_ text: Substring) -> String {
        trim(text)
    }

    /// A label followed by at least two numbers, or only numbers, separated by white space:
    /// `规章  0  0  0`, `0 0 0 0 0`. Sentences never end in bare numbers like that.
    private func spaceAlignedRow(_ line: String) -> [String]? {
        // Such a row ends in a number or 元: reject everything else before splitting.
        guard let last = line.unicodeScalars.last,
              ("0"..."9").contains(last) || last == "元" || ("０"..."９").contains(last) || "-/—–－".unicodeScalars.contains(last) else { return nil }
        var tokens = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }).map(String.init)
        guard tokens.count >= 3 else { return nil }
        // `减 16`: a sign apart from its number is one value.
        var index = 0
        while index + 1 < tokens.count {
            if tokens[index] == "增" || tokens[index] == "减", let first = tokens[index + 1].unicodeScalars.first, ("0"..."9").contains(first) {
                tokens[index] += tokens[index + 1]
                tokens.remove(at: index + 1)
            }
            index += 1
        }
        var numbers: [String] = []
        var numberCount = 0
        for token in tokens.reversed() {
            if isNumberToken(token) {
                numberCount += 1
            } else if !["-", "/", "—", "——", "–", "––", "－", "--", "---", "\\-"].contains(token) {
                break
            }
            numbers.insert(token, at: 0)
        }
        guard numberCount > 0 else { return nil }
        let labelTokens = tokens.dropLast(numbers.count)
        if labelTokens.isEmpty { return numbers.count >= 3 ? numbers : nil }
        guard numbers.count >= 2 else { return nil }
        let label = labelTokens.joined()
        let commaAllowed = numbers.count >= 3 && CharacterLine.hasColumnGapAfterLastComma(line)
        guard label.count <= 60, !label.contains("。" as Character), commaAllowed || !label.contains("，" as Character),
              label.contains(where: { !$0.isNumber }) else { return nil }
        return [label] + numbers
    }

    private func isNumberToken(_ token: String) -> Bool {
        var body = Substring(token)
        if let first = body.first, "增减+-－".contains(first) { body = body.dropFirst() }
        for unit in ["万元", "元"] where body.hasSuffix(unit) { body = body.dropLast(unit.count) }
        guard !body.isEmpty else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") || ("０"..."９").contains($0) }
    }

    /// A short line right after a one-cell line, not a heading: the cell's wrapped text.
    private func isCellContinuation(_ text: String) -> Bool {
        let trimmed = trim(Substring(text))
        guard !trimmed.isEmpty, trimmed.count <= 16, text.first != " " && text.first != "\u{3000}" else { return false }
        return !LegacyHeadingShape.startsWithEnumerator(trimmed)
    }

    /// Spaces (ASCII, ideographic, no-break) and tabs trimmed from both ends.
    private func trim(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    // MARK: Flushing

    private mutating func flushPendingRow() {
        guard !pendingCells.isEmpty else { return }
        tableRows.append(TableRow(cells: pendingCells, location: .line(pendingRowLine)))
        pendingCells = []
    }

    private mutating func flushTable() {
        flushPendingRow()
        if !tableRows.isEmpty {
            flushParagraph()
            blocks.append(.table(Table(rows: tableRows, location: .line(tableStart ?? tableRows[0].location.line ?? 1))))
        }
        tableRows = []
        tableStart = nil
    }

    private var pendingLineHasColumns = false

    private mutating func addParagraph(_ text: String, lineNumber: Int) {
        let trimmed = trim(Substring(text))
        // Text laid out in columns (two spaces apart) is a table's line, never prose to join.
        let columns = trimmed.contains("  ")
        if var pending = pendingParagraph, blankLinesSincePending <= 2, !columns, !pendingLineHasColumns,
           continuesAcrossPageBreak(pending.text, trimmed) {
            pending.text += trimmed
            pendingParagraph = pending
            blankLinesSincePending = 0
            return
        }
        flushParagraph()
        pendingLineHasColumns = columns
        // A Markdown heading's marker (`## `) is not text.
        var text = trimmed
        while text.hasPrefix("<a "), let end = text.range(of: "</a>") { text = String(text[end.upperBound...]) }
        if text.contains("**") { text = text.replacingOccurrences(of: "**", with: "") }
        let marks = text.prefix { $0 == "#" }.count
        if (1...6).contains(marks), text.dropFirst(marks).first == " ", !text.dropFirst(marks).allSatisfy({ $0 == " " }) {
            text = String(text.dropFirst(marks).drop { $0 == " " })
        }
        pendingParagraph = Paragraph(text: text, location: .line(lineNumber))
        blankLinesSincePending = 0
    }

    private mutating func flushParagraph() {
        if let pending = pendingParagraph { blocks.append(.paragraph(pending)) }
        pendingParagraph = nil
        blankLinesSincePending = 0
    }

    /// A long line that stops mid-sentence, followed by a line that is not a new item or heading,
    /// is one paragraph split by a page break (`有待加` / `强；二是…`).
    private func continuesAcrossPageBreak(_ previous: String, _ next: String) -> Bool {
        // At least 30 Characters, counted no further than that: the paragraph grows with each line.
        guard !previous.dropFirst(29).isEmpty, let last = previous.last, let first = next.first else { return false }
        if "。！？；：:;!?”」』）)…|>".contains(last) || next.contains("|") { return false }
        if LegacyHeadingShape.startsWithEnumerator(next) { return false }
        if "“「『（(#<".contains(first) { return false }
        // A table value alone on its line is not prose continued after a page break.
        var body = Substring(next)
        if let sign = body.first, "增减+-".contains(sign) { body = body.dropFirst() }
        return body.isEmpty || !body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
    }
}
/// Line-level clean-up of extracted text: extractor artifacts, page furniture, invisible characters.
enum LegacyTextCleaning {
    /// Characters that carry no text: zero-width spaces and joiners, BOMs inside the text, soft hyphens.
    /// A switch rather than a `Set`: this runs for every scalar of the input, and hashing each one
    /// cost more than the rest of the line clean-up.
    @inline(__always)
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: true
        default: false
        }
    }

    /// Splits text into lines on LF, CRLF, CR, form feed, vertical tab and Unicode line/paragraph
    /// separators (U+2028, U+2029). Scans UTF-8 bytes: no grapheme breaking on the hot path.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            var breakLength = 0
            switch byte {
            case 0x0A, 0x0B, 0x0C: breakLength = 1
            case 0x0D:
                let next = utf8.index(after: index)
                breakLength = next != utf8.endIndex && utf8[next] == 0x0A ? 2 : 1
            case 0xE2:
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 { breakLength = 3 }
                }
            default: break
            }
            if breakLength > 0 {
                lines.append(text[start..<index])
                index = utf8.index(index, offsetBy: breakLength)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// Removes extractor artifacts (`[bookmark: _GoBack]`, `[image: …]`), invisible characters and
    /// trailing white space from one line. Leading tabs are kept: they carry table structure.
    static func clean(_ line: Substring) -> String {
        var text: String
        if line.unicodeScalars.contains(where: isInvisible) {
            var kept = String.UnicodeScalarView()
            for scalar in line.unicodeScalars where !isInvisible(scalar) { kept.append(scalar) }
            text = String(kept)
        } else {
            text = String(line)
        }
        if text.utf8.contains(UInt8(ascii: "[")) { text = removeBracketArtifacts(text) }
        while let last = text.last, last == " " || last == "\u{3000}" || last == "\u{00A0}" {
            // Trailing spaces are noise, but a trailing tab can be an empty cell: keep tabs.
            text.removeLast()
        }
        return text
    }

    /// Removes `[bookmark: …]`, `[image: …]`, `[comment: …]` and similar markers left by extractors.
    private static func removeBracketArtifacts(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        let prefixes = ["[bookmark:", "[image:", "[comment:", "[footnote:", "[endnote:", "[textbox:", "[picture:"]
        while let open = rest.firstIndex(of: "[") {
            result += rest[..<open]
            let tail = rest[open...]
            if prefixes.contains(where: { tail.lowercased().hasPrefix($0) }), let close = tail.firstIndex(of: "]") {
                rest = tail[tail.index(after: close)...]
            } else {
                result.append("[")
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    /// `true` for white-space-only lines (tabs are not white space here: they are empty cells).
    /// Scalar by scalar: none of the three combines with anything, so a line made only of them is
    /// a line of Characters that are each one of them.
    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }
    }

    /// `true` when the line holds a dash (`-`, `—`, `–`, `－`, `‐`) or `第`: page furniture always
    /// starts with one of them, and most lines have neither, so they skip the Character-level checks.
    private static func mentionsDashOrPage(_ line: String) -> Bool {
        var iterator = line.utf8.makeIterator()
        var previous2: UInt8 = 0, previous1: UInt8 = 0
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "-") { return true }
            switch (previous2, previous1, byte) {
            case (0xE2, 0x80, 0x90), (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94),  // ‐ – —
                 (0xEF, 0xBC, 0x8D),                                          // －
                 (0xE7, 0xAC, 0xAC):                                          // 第
                return true
            default:
                break
            }
            previous2 = previous1
            previous1 = byte
        }
        return false
    }

    /// `true` for page furniture: `- 3 -`, `— 3 —`, `第 3 页 共 9 页`, `3/9`, a lone page number.
    static func isPageFurniture(_ line: String) -> Bool {
        guard line.utf8.count <= 64, mentionsDashOrPage(line) else { return false }
        let compact = line.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 14 else { return false }
        let scalars = Array(compact.unicodeScalars)
        func digits(_ s: ArraySlice<Unicode.Scalar>) -> Bool { !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) } }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "‐"]
        if let first = scalars.first, let last = scalars.last, dashes.contains(first), dashes.contains(last) {
            let inner = scalars.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }.reversed()
            return digits(ArraySlice(inner))
        }
        if compact.hasPrefix("第") && compact.contains("页") {
            return compact.allSatisfy { $0.isNumber || "第页共,，/".contains($0) }
        }
        return false
    }
}
/// Recognises enumerators that start headings and list items: `一、`, `（二）`, `(3)`, `4、`, `5.`.
enum LegacyHeadingShape {
    private static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `true` when `text` starts with an enumerator followed by more text.
    static func startsWithEnumerator(_ text: String) -> Bool {
        var rest = Substring(text)
        if let first = rest.first, "（(".contains(first) {
            rest = rest.dropFirst()
            let body = rest.prefix { chineseNumerals.contains($0) || $0.isNumber }
            guard !body.isEmpty else { return false }
            rest = rest.dropFirst(body.count)
            return rest.first.map { "）)".contains($0) } ?? false
        }
        let body = rest.prefix { chineseNumerals.contains($0) || $0.isNumber }
        guard !body.isEmpty, body.count <= 3 else { return false }
        rest = rest.dropFirst(body.count)
        if rest.first == "\\" { rest = rest.dropFirst() }  // Markdown's escaped list mark (`3\.其他`)
        guard let mark = rest.first else { return false }
        return "、．.，,".contains(mark) && rest.count > 1 && !(rest.dropFirst().first?.isNumber ?? false)
    }
}
