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
        if decoded.text.allSatisfy({ $0.isWhitespace }) { throw TextReadError.empty }
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
        var builder = BlockBuilder()
        for (offset, raw) in TextCleaning.lines(of: text).enumerated() {
            builder.consume(TextCleaning.clean(raw), lineNumber: offset + 1)
        }
        return builder.finish()
    }
}

/// The state machine that turns cleaned lines into paragraphs and tables.
private struct BlockBuilder {
    private enum LineKind {
        case blank
        case cell(String)          // one cell on its own line, after leading tab(s)
        case row([String])         // a whole row: tab-separated (or space-aligned) cells
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
        if TextCleaning.isPageFurniture(line) { return }
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
        case .row(let cells):
            flushParagraph()
            flushPendingRow()
            if tableStart == nil { tableStart = lineNumber }
            let row = TableRow(cells: cells.enumerated().map { TableCell(text: $0.element, location: .line(lineNumber)) },
                               location: .line(lineNumber))
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
        if TextCleaning.isBlank(line) { return .blank }
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
        if let cells = spaceAlignedRow(line) { return .row(cells) }
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
        guard let last = line.unicodeScalars.last, ("0"..."9").contains(last) || last == "元" || ("０"..."９").contains(last) else { return nil }
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }).map(String.init)
        guard tokens.count >= 3 else { return nil }
        var numbers: [String] = []
        for token in tokens.reversed() {
            if isNumberToken(token) { numbers.insert(token, at: 0) } else { break }
        }
        let labelTokens = tokens.dropLast(numbers.count)
        if labelTokens.isEmpty { return numbers.count >= 3 ? numbers : nil }
        guard numbers.count >= 2 else { return nil }
        let label = labelTokens.joined()
        guard label.count <= 60, !label.contains("。" as Character), !label.contains("，" as Character),
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
        return !HeadingShape.startsWithEnumerator(trimmed)
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

    private mutating func addParagraph(_ text: String, lineNumber: Int) {
        let trimmed = trim(Substring(text))
        if var pending = pendingParagraph, blankLinesSincePending <= 2, continuesAcrossPageBreak(pending.text, trimmed) {
            pending.text += trimmed
            pendingParagraph = pending
            blankLinesSincePending = 0
            return
        }
        flushParagraph()
        pendingParagraph = Paragraph(text: trimmed, location: .line(lineNumber))
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
        if "。！？；：:;!?”」』）)…".contains(last) { return false }
        if HeadingShape.startsWithEnumerator(next) { return false }
        if "“「『（(".contains(first) { return false }
        return true
    }
}
