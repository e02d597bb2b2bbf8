/// Scalars that are always a Character of their own, whatever surrounds them, and canonically
/// equivalent to no other: ASCII, Latin-1 (but the soft hyphen), general punctuation
/// (`—`, `…`, `“”`), CJK punctuation (`、。《》`), CJK unified ideographs and full-width forms.
///
/// None of them is a combining mark, joiner, spacing mark, prepended concatenation mark, Hangul
/// jamo, regional indicator or Indic conjunct part, so grapheme clusters never join two of them;
/// each is in NFC and no two are canonically equivalent, so `Character` equality and order are
/// those of the scalars. In a line made only of them, every Character rule can be applied to
/// scalars, and to UTF-8 bytes.
/// `SimpleScalarTests` checks these claims against the standard library for every such scalar.
enum SimpleScalar {
    /// `true` for the scalar values described above.
    @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0xA0...0xAC, 0xAE...0xFF,
             0x2010...0x2027, 0x2030...0x205E,
             0x3000...0x3029, 0x3030...0x303F,
             0x4E00...0x9FFF,
             0xFF01...0xFF65:
            true
        default:
            false
        }
    }

    /// `Character.isNumber` for a Character made of `scalar` alone. Most are ASCII or
    /// ideographs, answered without the property tables.
    @inline(__always)
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) }
        if (0x4E00...0x9FFF).contains(value) { return isNumericIdeograph(value) }
        return scalar.properties.numericType != nil
    }

    /// `Character.isWhitespace` for a Character made of `scalar` alone, `scalar` simple: the
    /// White_Space scalars among them.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x3000: true
        default: false
        }
    }

    /// `true` for the CJK unified ideographs (U+4E00–U+9FFF) with a numeric value (`一`, `十`,
    /// `百`, `万`, `亿`, `壹`, `廿`…): the standard library's `numericType`, listed; `SimpleScalarTests`
    /// checks the list against it.
    private static func isNumericIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E24, 0x4E5D, 0x4E8C, 0x4E94, 0x4E96, 0x4EAC,
             0x4EBF, 0x4EC0, 0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x4FE9, 0x5006, 0x5104, 0x5146,
             0x5169, 0x516B, 0x516D, 0x5341, 0x5343, 0x5344, 0x5345, 0x534C, 0x53C1, 0x53C2,
             0x53C3, 0x53C4, 0x56DB, 0x58F1, 0x58F9, 0x5E7A, 0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D,
             0x5F0E, 0x5F10, 0x62D0, 0x62FE, 0x634C, 0x67D2, 0x6D1E, 0x6F06, 0x7396, 0x767E,
             0x7695, 0x79ED, 0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x920E, 0x94A9, 0x9621,
             0x9646, 0x964C, 0x9678, 0x96F6:
            true
        default:
            false
        }
    }
}

/// The scalars of valid UTF-8 bytes `bytes[start..<end]`.
struct UTF8Scalars: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        self.bytes = bytes
        self.index = start
        self.end = end
    }

    mutating func next() -> Unicode.Scalar? {
        guard index < end else { return nil }
        let (value, length) = UTF8Scalars.decode(bytes, at: index)
        index += length
        return Unicode.Scalar(value)
    }

    /// The value and length of the scalar that starts at `index` in valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }
}

/// One raw line of the text as found by ``LineScan/scan(_:from:)``.
struct LineScan {
    /// Where the line's bytes end (exclusive).
    var end: Int
    /// The length of the line break after the line (LF, CRLF, CR, VT, FF, U+2028, U+2029); 0 at
    /// the end of the text.
    var breakLength = 0
    /// Every scalar is a ``SimpleScalar`` or one of the invisible ones `clean` removes.
    var isSimple = true
    /// The line holds an invisible scalar (zero-width space or joiner, word joiner, BOM, soft hyphen).
    var hasInvisible = false
    /// The line holds a `[`: maybe an extractor marker.
    var hasBracket = false
    /// The line holds a tab.
    var hasTab = false

    /// Scans the line that starts at `start`, up to its line break, in one pass over the bytes.
    /// The breaks are those of `TextCleaning`: LF, CRLF, CR, VT, FF, U+2028, U+2029.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> LineScan {
        var scan = LineScan(end: bytes.count)
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead <= 0x0D {
                    if lead >= 0x0A {
                        scan.end = index
                        scan.breakLength = lead == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                        return scan
                    }
                    if lead == 0x09 { scan.hasTab = true }
                } else if lead == UInt8(ascii: "[") {
                    scan.hasBracket = true
                }
                index += 1
                continue
            }
            if (0xE5...0xE9).contains(lead) {
                // U+5000–U+9FFF: CJK ideographs, the bulk of the text.
                index += 3
                continue
            }
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            switch value {
            case 0x4E00...0x9FFF:
                break
            case 0x2028, 0x2029:
                scan.end = index
                scan.breakLength = 3
                return scan
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                scan.hasInvisible = true
            default:
                if !SimpleScalar.contains(value) { scan.isSimple = false }
            }
            index += length
        }
        return scan
    }
}

/// Line clean-up and classification on UTF-8 bytes, for lines whose scalars are all
/// ``SimpleScalar``s (after the invisible ones are removed): the rules of ``TextCleaning`` and
/// ``CharacterLine``, with each Character a single scalar.
struct SimpleLine {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: Int
    private let end: Int
    /// A String whose UTF-8 is `bytes`, if there is one: Strings are then copied out of it
    /// (no UTF-8 validation) instead of decoded from the bytes.
    private let source: String?

    /// `bytes[start..<end]`, a simple line without line break, already free of invisible scalars
    /// and extractor markers (see ``SimpleLine/clean(_:_:_:into:hasBracket:)``).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, source: String?) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.source = source
    }

    /// Copies `bytes[start..<end]` into `output` without invisible scalars and, when
    /// `hasBracket`, without extractor markers (`[bookmark: …]`): `TextCleaning.clean` but the
    /// trailing spaces.
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8], hasBracket: Bool) {
        output.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0xC2 && bytes[index + 1] == 0xAD { index += 2; continue }  // U+00AD
            if byte == 0xE2 && index + 2 < end {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && (0x8B...0x8D).contains(third) || second == 0x81 && third == 0xA0 {
                    index += 3  // U+200B, U+200C, U+200D, U+2060
                    continue
                }
            }
            if byte == 0xEF && index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { index += 3; continue }  // U+FEFF
            output.append(byte)
            index += 1
        }
        guard hasBracket else { return }
        // `[bookmark: …]`, `[image: …]`…, up to the first `]`; the prefix compared case-insensitively
        // (only ASCII letters lowercase to ASCII letters among simple scalars).
        let count = output.count
        var read = 0, write = 0
        while read < count {
            if output[read] == UInt8(ascii: "["), hasArtifactPrefix(output, at: read),
               let close = output[(read + 1)...].firstIndex(of: UInt8(ascii: "]")) {
                read = close + 1
                continue
            }
            output[write] = output[read]
            write += 1
            read += 1
        }
        output.removeLast(count - write)
    }

    private static let artifactPrefixes: [[UInt8]] = ["[bookmark:", "[image:", "[comment:", "[footnote:", "[endnote:", "[textbox:", "[picture:"]
        .map { Array($0.utf8) }

    private static func hasArtifactPrefix(_ bytes: [UInt8], at index: Int) -> Bool {
        artifactPrefixes.contains { prefix in
            guard index + prefix.count <= bytes.count else { return false }
            for offset in 0..<prefix.count {
                var byte = bytes[index + offset]
                if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { byte += 0x20 }
                if byte != prefix[offset] { return false }
            }
            return true
        }
    }

    /// The line's kind; `nil` for page furniture. `hasTab` is `false` only when the line has no tab.
    func kind(hasTab: Bool) -> LineKind? {
        // Trailing spaces are noise, but a trailing tab can be an empty cell: keep tabs.
        let end = trimmedEnd(start, self.end, tabs: false)
        if start == end { return .blank }
        if end - start <= 64 && mentionsDashOrPage(start, end) && isPageFurniture(start, end) { return nil }
        // A `|` row whose empty cells hold tabs (trafilatura: `| 697 |  \t\t\t\t\t | 206 |`) is a `|`
        // row: its tabs are no fields.
        if hasTab, let tab = firstIndex(of: UInt8(ascii: "\t"), start, end), !isPipeRow(end) {
            return tabRow(end, firstTab: tab)
        }
        if let cells = spaceAlignedRow(end) { return .row(cells, delimited: false) }
        return .text(textLine(end))
    }

    /// `true` when the line, spaces aside, starts and ends with `|`.
    private func isPipeRow(_ end: Int) -> Bool {
        let first = trimmedStart(start, end)
        return end - first >= 2 && bytes[first] == UInt8(ascii: "|") && bytes[end - 1] == UInt8(ascii: "|")
    }

    // MARK: Bytes

    private func string(_ from: Int, _ to: Int) -> String {
        if from == to { return "" }
        // Validating costs per byte, slicing `source` costs per call: short Strings are decoded.
        guard let source, to - from > 48 else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        let utf8 = source.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        return String(source[lower..<utf8.index(lower, offsetBy: to - from)])
    }

    private func firstIndex(of byte: UInt8, _ from: Int, _ to: Int) -> Int? {
        var index = from
        while index < to {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The length of the space (U+0020, U+3000, U+00A0; a tab when `tabs`) starting at `index`, or 0.
    @inline(__always)
    private func spaceLength(at index: Int, _ to: Int, tabs: Bool) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || tabs && byte == 0x09 { return 1 }
        if byte == 0xC2 && index + 1 < to && bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE3 && index + 2 < to && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 { return 3 }
        return 0
    }

    /// The spaces (U+0020, U+00A0, U+3000) right before `index`, counted as characters.
    private func spacesBefore(_ index: Int) -> Int {
        var count = 0, position = index
        while case let length = spaceLength(endingAt: position, from: start, tabs: false), length > 0 {
            position -= length
            count += 1
        }
        return count
    }

    /// `to` moved back over trailing spaces (and tabs when `tabs`).
    private func trimmedEnd(_ from: Int, _ to: Int, tabs: Bool) -> Int {
        var end = to
        while case let length = spaceLength(endingAt: end, from: from, tabs: tabs), length > 0 { end -= length }
        return end
    }

    /// The bytes of the space (U+0020, U+00A0, U+3000, a tab when `tabs`) that ends at `end`, no
    /// further back than `from`; 0 when none does. A lead byte is never a continuation byte, so
    /// a `C2 A0` or `E3 80 80` suffix is always a whole U+00A0 or U+3000.
    private func spaceLength(endingAt end: Int, from: Int, tabs: Bool) -> Int {
        guard end > from else { return 0 }
        let last = bytes[end - 1]
        if last == 0x20 || tabs && last == 0x09 { return 1 }
        if last == 0xA0 && end - from >= 2 && bytes[end - 2] == 0xC2 { return 2 }
        if last == 0x80 && end - from >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE3 { return 3 }
        return 0
    }

    /// `from` moved forward over leading spaces and tabs.
    private func trimmedStart(_ from: Int, _ to: Int) -> Int {
        var start = from
        while start < to {
            let length = spaceLength(at: start, to, tabs: true)
            if length == 0 { break }
            start += length
        }
        return start
    }

    /// `bytes[from..<to]` without leading and trailing spaces and tabs, as a String.
    private func trimmedString(_ from: Int, _ to: Int) -> String {
        let start = trimmedStart(from, to)
        return string(start, trimmedEnd(start, to, tabs: true))
    }


    // MARK: Page furniture

    /// `TextCleaning.mentionsDashOrPage`: a `-`, `‐` (E2 80 90), `–` (E2 80 93), `—` (E2 80 94),
    /// `－` (EF BC 8D) or `第` (E7 AC AC).
    private func mentionsDashOrPage(_ from: Int, _ to: Int) -> Bool {
        var index = from
        while index < to {
            let byte = bytes[index]
            if byte < 0xE0 {
                if byte == UInt8(ascii: "-") { return true }
                index += byte < 0x80 ? 1 : 2
                continue
            }
            if byte < 0xF0 {
                let second = bytes[index + 1], third = bytes[index + 2]
                switch (byte, second, third) {
                case (0xE2, 0x80, 0x90), (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94), (0xEF, 0xBC, 0x8D), (0xE7, 0xAC, 0xAC):
                    return true
                default:
                    index += 3
                }
                continue
            }
            index += 4
        }
        return false
    }

    /// `TextCleaning.isPageFurniture`, on scalars.
    private func isPageFurniture(_ from: Int, _ to: Int) -> Bool {
        var compact: [Unicode.Scalar] = []
        compact.reserveCapacity(15)
        for scalar in UTF8Scalars(bytes, from, to) where !SimpleScalar.isWhitespace(scalar) {
            compact.append(scalar)
            if compact.count > 14 { return false }
        }
        guard let first = compact.first, let last = compact.last else { return false }
        func isDash(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "-" || scalar == "—" || scalar == "–" || scalar == "－" || scalar == "‐"
        }
        if isDash(first) && isDash(last) {
            let inner = compact.drop(while: isDash).reversed().drop(while: isDash)
            return !inner.isEmpty && inner.allSatisfy { ("0"..."9").contains($0) }
        }
        if first == "第" && compact.contains("页") {
            return compact.allSatisfy { SimpleScalar.isNumber($0) || "第页共,，/".unicodeScalars.contains($0) }
        }
        return false
    }

    // MARK: Rows

    /// Tab-separated cells, or one cell after leading tabs.
    private func tabRow(_ end: Int, firstTab: Int) -> LineKind {
        let tab = UInt8(ascii: "\t")
        var stripped = start
        while stripped < end && bytes[stripped] == tab { stripped += 1 }
        if firstIndex(of: tab, stripped, end) == nil {
            if firstTab == start { return .cell(trimmedString(stripped, end)) }
            // `label<TAB>` with nothing after: a one-cell row.
            return .row([trimmedString(stripped, end)], delimited: true)
        }
        var cells: [String] = []
        cells.reserveCapacity(1 + (start..<end).reduce(0) { $0 + (bytes[$1] == tab ? 1 : 0) })
        var cellStart = start
        for index in start..<end where bytes[index] == tab {
            cells.append(trimmedString(cellStart, index))
            cellStart = index + 1
        }
        cells.append(trimmedString(cellStart, end))
        // Empty cells at the end stay: a table's header may show they are blank cells
        // (``MergedCellRepeats``, which drops them otherwise).
        return .row(cells, delimited: true)
    }

    /// `CharacterLine.spaceAlignedRow`: a label followed by at least two numbers (or one after a
    /// column gap, in a line without `|`), or only numbers,
    /// separated by spaces.
    private func spaceAlignedRow(_ end: Int) -> [String]? {
        // Ends in 0-9, 元 (E5 85 83), ０-９ (EF BC 90-99) or a blank cell's mark (`-`, `/`, `—`, `–`, `－`).
        let last = bytes[end - 1]
        guard (0x30...0x39).contains(last) || last == UInt8(ascii: "-") || last == UInt8(ascii: "/") || end - start >= 3 && (
            bytes[end - 3] == 0xE5 && bytes[end - 2] == 0x85 && last == 0x83 ||
            bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && (0x90...0x99).contains(last) ||
            bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (last == 0x94 || last == 0x93) ||
            bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && last == 0x8D) else { return nil }
        var tokens: [Range<Int>] = []
        var index = start, tokenStart = start
        while index < end {
            let length = spaceLength(at: index, end, tabs: false)
            if length == 0 {
                index += 1
                continue
            }
            if tokenStart < index { tokens.append(tokenStart..<index) }
            index += length
            tokenStart = index
        }
        if tokenStart < end { tokens.append(tokenStart..<end) }
        guard tokens.count >= 2 else { return nil }
        // `减 16`: a sign apart from its number is one value; `signs[i]` is the sign before tokens[i].
        var signs: [Range<Int>?] = Array(repeating: nil, count: tokens.count)
        var merged = 0
        while merged + 1 < tokens.count {
            let token = tokens[merged]
            if token.count == 3 && bytes[token.lowerBound] == 0xE5 && (
                bytes[token.lowerBound + 1] == 0xA2 && bytes[token.lowerBound + 2] == 0x9E ||     // 增
                bytes[token.lowerBound + 1] == 0x87 && bytes[token.lowerBound + 2] == 0x8F),      // 减
               (0x30...0x39).contains(bytes[tokens[merged + 1].lowerBound]) {
                signs[merged + 1] = token
                tokens.remove(at: merged)
                signs.remove(at: merged)
            }
            merged += 1
        }
        var labelCount = tokens.count, numberCount = 0
        while labelCount > 0 {
            let token = tokens[labelCount - 1]
            if isNumberToken(token) {
                numberCount += 1
            } else if signs[labelCount - 1] != nil || !isBlankMark(token) {
                break
            }
            labelCount -= 1
        }
        // Marks alone are a row only as three or more of them on a line of their own (`- - - - - - -`,
        // a row left blank, its label on the lines above: `pdftotext -raw`); after a label they
        // need a number among them.
        guard numberCount > 0 || labelCount == 0 && tokens.count >= 3 else { return nil }
        func cell(_ position: Int) -> String {
            let token = tokens[position]
            guard let sign = signs[position] else { return string(token.lowerBound, token.upperBound) }
            return string(sign.lowerBound, sign.upperBound) + string(token.lowerBound, token.upperBound)
        }
        // Only numbers (at least three tokens): a row of numbers.
        if labelCount == 0 { return tokens.count >= 3 ? tokens.indices.map(cell) : nil }
        // One value only after a column gap (two spaces or more), in a line without `|`, as `CharacterLine`.
        guard tokens.count - labelCount >= 2 || tokens.count - labelCount == 1 && spacesBefore(tokens[labelCount].lowerBound) >= 2
                && !bytes[start..<end].contains(UInt8(ascii: "|")) else { return nil }
        let labelTokens = tokens[..<labelCount]
        var labelScalars = 0, labelBytes = 0, hasNonNumber = false
        // A label with a comma (`（二）部分公开（区分处理的，只计这一情形，不计其他情形）`) only before a
        // column gap and three values or more: a sentence does not end like that.
        let commaAllowed = tokens.count - labelCount >= 3 && hasColumnGapAfterLastComma(end)
        for (position, token) in zip(labelTokens.indices, labelTokens) {
            labelBytes += token.count + (signs[position]?.count ?? 0)
            for scalar in UTF8Scalars(bytes, token.lowerBound, token.upperBound) {
                labelScalars += 1
                if scalar == "。" || scalar == "，" && !commaAllowed { return nil }
                if !hasNonNumber && !SimpleScalar.isNumber(scalar) { hasNonNumber = true }
            }
        }
        guard labelScalars <= 60, hasNonNumber else { return nil }
        let label = String(unsafeUninitializedCapacity: labelBytes) { buffer in
            var written = 0
            for (position, token) in zip(labelTokens.indices, labelTokens) {
                for index in (signs[position] ?? token.lowerBound..<token.lowerBound) {
                    buffer[written] = bytes[index]
                    written += 1
                }
                for index in token {
                    buffer[written] = bytes[index]
                    written += 1
                }
            }
            return written
        }
        var cells = [label]
        cells.reserveCapacity(tokens.count - labelCount + 1)
        for position in labelCount..<tokens.count { cells.append(cell(position)) }
        return cells
    }

    /// `CharacterLine.isBlankMark`: `-`, `--`, `---`, `\-`, `/`, `—`, `——`, `–`, `––`, `－`, a blank cell's mark.
    private func isBlankMark(_ token: Range<Int>) -> Bool {
        let from = token.lowerBound
        func dash(at index: Int) -> UInt8? {
            bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93) ? bytes[index + 2] : nil
        }
        switch token.count {
        case 1: return bytes[from] == UInt8(ascii: "-") || bytes[from] == UInt8(ascii: "/")
        // `--`, and `\-` as Markdown escapes a lone hyphen (pandoc).
        case 2: return (bytes[from] == UInt8(ascii: "-") || bytes[from] == UInt8(ascii: "\\")) && bytes[from + 1] == UInt8(ascii: "-")
        case 3 where bytes[from] == UInt8(ascii: "-"):
            // `---`: an em dash as Markdown writes it (pandoc).
            return bytes[from + 1] == UInt8(ascii: "-") && bytes[from + 2] == UInt8(ascii: "-")
        case 3: return dash(at: from) != nil || bytes[from] == 0xEF && bytes[from + 1] == 0xBC && bytes[from + 2] == 0x8D
        case 6: return dash(at: from).map { $0 == dash(at: from + 3) } ?? false
        default: return false
        }
    }

    /// `CharacterLine.hasColumnGapAfterLastComma`: two spaces in a row after the line's last `，`.
    private func hasColumnGapAfterLastComma(_ end: Int) -> Bool {
        var index = end - 3
        while index >= start, !(bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C) { index -= 1 }
        guard index >= start else { return false }
        index += 3
        var run = 0
        while index < end {
            let length = spaceLength(at: index, end, tabs: false)
            if length == 0 {
                run = 0
                index += 1
                continue
            }
            run += 1
            if run >= 2 { return true }
            index += length
        }
        return false
    }

    /// `CharacterLine.isNumberToken`: `12`, `1,234.5`, `增9`, `-3`, `101500元`, `10.15万元`, `１２`.
    private func isNumberToken(_ token: Range<Int>) -> Bool {
        var from = token.lowerBound, to = token.upperBound
        let first = bytes[from]
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            from += 1
        } else if to - from >= 3 {
            let second = bytes[from + 1], third = bytes[from + 2]
            if first == 0xE5 && second == 0xA2 && third == 0x9E      // 增
                || first == 0xE5 && second == 0x87 && third == 0x8F  // 减
                || first == 0xEF && second == 0xBC && third == 0x8D {  // －
                from += 3
            }
        }
        func endsWith元(_ to: Int) -> Bool { to - from >= 3 && bytes[to - 3] == 0xE5 && bytes[to - 2] == 0x85 && bytes[to - 1] == 0x83 }
        if endsWith元(to) && to - from >= 6 && bytes[to - 6] == 0xE4 && bytes[to - 5] == 0xB8 && bytes[to - 4] == 0x87 { to -= 6 }  // 万元
        if endsWith元(to) { to -= 3 }
        guard from < to else { return false }
        var index = from
        while index < to {
            let byte = bytes[index]
            if (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                index += 1
            } else if byte == 0xEF && to - index >= 3 && bytes[index + 1] == 0xBC && (0x90...0x99).contains(bytes[index + 2]) {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Text

    private func textLine(_ end: Int) -> TextLine {
        let trimmedStart = trimmedStart(start, end)
        let trimmedEnd = trimmedEnd(trimmedStart, end, tabs: true)
        // One pass: the scalars, and the two-space gaps and `**` the block builder asks about.
        var scalarCount = 0
        var columnGap = false, doubleAsterisk = false
        var previous: UInt8 = 0
        for index in trimmedStart..<trimmedEnd {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { scalarCount += 1 }
            if byte == previous {
                if byte == 0x20 { columnGap = true } else if byte == UInt8(ascii: "*") { doubleAsterisk = true }
            }
            previous = byte
        }
        let startsWithEnumerator = HeadingShape.startsWithEnumerator(simpleScalars: UTF8Scalars(bytes, trimmedStart, trimmedEnd))
        // A cell's wrapped text: short, not indented, not a heading.
        let indented = bytes[start] == 0x20 || bytes[start] == 0xE3 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80
        let continuesCell = trimmedStart < trimmedEnd && scalarCount <= 16 && !indented && !startsWithEnumerator
        return TextLine(text: string(trimmedStart, trimmedEnd), isSimple: true, scalarCount: scalarCount,
                        startsWithEnumerator: startsWithEnumerator, continuesCell: continuesCell,
                        hasColumnGap: columnGap, hasDoubleAsterisk: doubleAsterisk)
    }
}
