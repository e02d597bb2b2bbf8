/// Line classification on Characters: the reference rules, used for lines that hold a scalar
/// outside ``SimpleScalar`` (combining marks, emoji, Hangul, compatibility ideographs…), where a
/// Character can be more than one scalar. ``SimpleLine`` applies the same rules on bytes.
enum CharacterLine {
    /// The kind of a raw line (clean-up included); `nil` for page furniture, which is skipped.
    static func kind(of raw: Substring) -> LineKind? {
        let line = TextCleaning.clean(raw)
        if TextCleaning.isPageFurniture(line) { return nil }
        if TextCleaning.isBlank(line) { return .blank }
        // A tab is always a Character of its own (grapheme clusters break around controls), so
        // tabs are found and split on as bytes.
        let tab = UInt8(ascii: "\t")
        if line.utf8.contains(tab) {
            let stripped = line[(line.utf8.firstIndex { $0 != tab } ?? line.endIndex)...]
            if !stripped.utf8.contains(tab) {
                if line.utf8.first == tab { return .cell(trim(stripped)) }
                // `label<TAB>` with nothing after: a one-cell row.
                return .row([trim(stripped)], delimited: true)
            }
            // Empty cells at the end stay (see `SimpleLine`).
            return .row(splitOnTabs(line).map { trim($0) }, delimited: true)
        }
        if let cells = spaceAlignedRow(line) { return .row(cells, delimited: false) }
        let trimmed = trim(Substring(line))
        let startsWithEnumerator = HeadingShape.startsWithEnumerator(trimmed)
        return .text(TextLine(text: trimmed, isSimple: false, scalarCount: trimmed.unicodeScalars.count,
                              startsWithEnumerator: startsWithEnumerator,
                              continuesCell: isCellContinuation(line, trimmed: trimmed, startsWithEnumerator: startsWithEnumerator),
                              hasColumnGap: trimmed.contains("  "), hasDoubleAsterisk: trimmed.contains("**")))
    }

    /// A long paragraph that stops mid-sentence, followed by a line that is not a new item or
    /// heading, is one paragraph split by a page break (`有待加` / `强；二是…`).
    static func continuesAcrossPageBreak(_ previous: String, _ next: TextLine) -> Bool {
        // At least 30 Characters, counted no further than that: the paragraph grows with each line.
        guard !previous.dropFirst(29).isEmpty, let last = previous.last, let first = next.text.first else { return false }
        // A table row written with `|` is not prose, nor continued by the line after it (a row
        // `其他对外管理服务事项 | 974 | 38 | 139367` is thirty Characters and ends in no stop).
        if "。！？；：:;!?”」』）)…|>".contains(last) || next.text.utf8.contains(UInt8(ascii: "|"))
            || previous.utf8.contains(UInt8(ascii: "|")) { return false }
        if next.startsWithEnumerator { return false }
        if "“「『（(#<".contains(first) { return false }
        if isTitleShaped(previous) { return false }
        return !isBareValue(next.text)
    }

    /// A line shaped like a report's title: ending `报告`, no comma, enumeration comma or stop in
    /// it (`广州市天河区人民政府办公室2021年政府信息公开工作年度报告`, thirty Characters): a line of
    /// its own, not prose that a page break cut.
    static func isTitleShaped(_ text: String) -> Bool {
        text.hasSuffix("报告") && !text.unicodeScalars.contains { "，,、。；;".unicodeScalars.contains($0) }
    }

    /// A Markdown heading's text without its marker: `## 一、总体情况` → `一、总体情况`.
    /// Anchors before it (`<a id="x"></a># 标题`, as mammoth writes them) and bold markers (when
    /// `hasDoubleAsterisk`) go too.
    static func withoutHeadingMarker(_ text: String, hasDoubleAsterisk: Bool) -> String {
        var text = text
        while text.utf8.first == UInt8(ascii: "<"), text.hasPrefix("<a "), let end = text.range(of: "</a>") {
            text = String(text[end.upperBound...])
        }
        // Bold markers (`**标题**`, as html2text writes them) are not text.
        if hasDoubleAsterisk { text = text.replacingOccurrences(of: "**", with: "") }
        guard text.utf8.first == UInt8(ascii: "#") else { return text }
        let marks = text.utf8.prefix { $0 == UInt8(ascii: "#") }.count
        let rest = text.utf8.dropFirst(marks)
        guard marks <= 6, let space = rest.first, space == UInt8(ascii: " ") else { return text }
        let body = rest.drop { $0 == UInt8(ascii: " ") }
        return body.isEmpty ? text : String(Substring(body))
    }

    /// `true` for a line that is a table value alone (`0`, `1,234`, `增9`, `-3`): a label wrapped
    /// to the line before is not prose continued after a page break.
    static func isBareValue(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, "增减+-".unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        return !scalars.isEmpty && scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
    }

    /// `line.split(separator: "\t", omittingEmptySubsequences: false)`, on bytes.
    private static func splitOnTabs(_ line: String) -> [Substring] {
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

    /// A label followed by at least two numbers (or by one after a column gap), or only numbers,
    /// separated by white space: `规章  0  0  0`, `规章          62`, `0 0 0 0 0`. Sentences never
    /// end in bare numbers like that.
    private static func spaceAlignedRow(_ line: String) -> [String]? {
        // Such a row ends in a number or 元: reject everything else before splitting.
        guard let last = line.unicodeScalars.last,
              ("0"..."9").contains(last) || last == "元" || ("０"..."９").contains(last) || "-/—–－".unicodeScalars.contains(last) else { return nil }
        let isSpace = { (character: Character) in character == " " || character == "\u{3000}" || character == "\u{00A0}" }
        var tokens = line.split(whereSeparator: isSpace).map(String.init)
        guard tokens.count >= 2 else { return nil }
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
            } else if !isBlankMark(token) {
                break
            }
            numbers.insert(token, at: 0)
        }
        // Marks alone are a row only as three or more on a line of their own (as `SimpleLine`).
        guard numberCount > 0 || numbers.count == tokens.count && tokens.count >= 3 else { return nil }
        let labelTokens = tokens.dropLast(numbers.count)
        if labelTokens.isEmpty { return numbers.count >= 3 ? numbers : nil }
        // One value only after a column gap (two spaces or more), in a line without `|` (a `|` row
        // is split on its `|`): `规章          62`, its other cells blank, under a header that
        // places it (ColumnLayout).
        let gapBeforeLast = line.reversed().drop(while: { !isSpace($0) }).prefix(while: { isSpace($0) }).count
        guard numbers.count >= 2 || numbers.count == 1 && gapBeforeLast >= 2 && !line.utf8.contains(UInt8(ascii: "|")) else { return nil }
        let label = labelTokens.joined()
        // A label with a comma only before a column gap and three values or more (as `SimpleLine`).
        let commaAllowed = numbers.count >= 3 && hasColumnGapAfterLastComma(line)
        guard label.count <= 60, !label.contains("。" as Character), commaAllowed || !label.contains("，" as Character),
              label.contains(where: { !$0.isNumber }) else { return nil }
        return [label] + numbers
    }

    /// Two spaces in a row after the line's last `，`: a label with commas before a column gap,
    /// not a sentence.
    static func hasColumnGapAfterLastComma(_ line: String) -> Bool {
        guard let comma = line.lastIndex(of: "，") else { return false }
        var run = 0
        for character in line[line.index(after: comma)...] {
            guard character == " " || character == "\u{3000}" || character == "\u{00A0}" else {
                run = 0
                continue
            }
            run += 1
            if run >= 2 { return true }
        }
        return false
    }

    /// `-`, `--`, `---` (an em dash as Markdown writes it), `\-` (a hyphen Markdown escapes), `/`,
    /// `—`, `——`, `–`, `––`, `－`: a blank cell's mark among a row's values.
    static func isBlankMark(_ token: some StringProtocol) -> Bool {
        // Every mark begins with one of these scalars: most tokens are told by their first one
        // (ten generic `String` comparisons each before, asked for every cell of a tab row).
        guard let first = token.unicodeScalars.first, Self.markStarts.contains(first) else { return false }
        return token == "-" || token == "/" || token == "—" || token == "——" || token == "–" || token == "－" || token == "––"
            || token == "--" || token == "---" || token == "\\-"
    }

    /// The first scalars of the blank marks (``isBlankMark(_:)``).
    private static let markStarts: Set<Unicode.Scalar> = Set("-/—–－\\".unicodeScalars)

    /// `12`, `1,234.5`, `增9`, `-3`, `101500元`, `10.15万元`, `１２`: a value token of a space-aligned row.
    static func isNumberToken(_ token: some StringProtocol) -> Bool {
        // Most tokens are plain ASCII numbers or labels beginning with a CJK ideograph: told from
        // their bytes and first scalar (`perf`: this test at 6.3 % of a text run, every cell of a
        // tab row's header and rows asked by ``MergedCellRepeats``). An ideograph other than 增 or
        // 减 begins a Character that is no digit, no ASCII and below `０`: the test below says no.
        if let first = token.unicodeScalars.first {
            if (0x4E00...0x9FFF).contains(first.value) && first != "增" && first != "减" { return false }
            if token.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
                return true
            }
        }
        return isNumberTokenByCharacters(token)
    }

    /// ``isNumberToken(_:)`` without its shortcuts, Character by Character (the tests check the
    /// shortcuts against it).
    static func isNumberTokenByCharacters(_ token: some StringProtocol) -> Bool {
        var body = Substring(token)
        if let first = body.first, "增减+-－".contains(first) { body = body.dropFirst() }
        for unit in ["万元", "元"] where body.hasSuffix(unit) { body = body.dropLast(unit.count) }
        guard !body.isEmpty else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") || ("０"..."９").contains($0) }
    }

    /// A short line right after a one-cell line, not a heading: the cell's wrapped text.
    private static func isCellContinuation(_ text: String, trimmed: String, startsWithEnumerator: Bool) -> Bool {
        guard !trimmed.isEmpty, trimmed.count <= 16, text.first != " " && text.first != "\u{3000}" else { return false }
        return !startsWithEnumerator
    }

    /// Spaces (ASCII, ideographic, no-break) and tabs trimmed from both ends.
    private static func trim(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
