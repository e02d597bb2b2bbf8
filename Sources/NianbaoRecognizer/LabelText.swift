/// Normalisation of labels and cell text before matching: full-width ASCII to half-width,
/// white space removed, quotes unified. Raw text is kept elsewhere for diagnostics.
public enum LabelText {
    /// Full-width forms (`０`–`９`, `（`, `）`, `Ａ`…) to ASCII, ideographic space to space.
    public static func halfWidth(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(halfWidth(scalar)) }
        return String(result)
    }

    @inline(__always)
    private static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000, 0x00A0: " "
        case 0x2212, 0x2013, 0xFE63: "-"  // minus sign, en dash, small hyphen-minus
        default: scalar
        }
    }

    /// Quotes and bullets that labels are compared without:
    /// `“ ” " ‘ ’ ' 「 」 『 』 · •`.
    @inline(__always)
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x201C, 0x201D, 0x22, 0x2018, 0x2019, 0x27, 0x300C, 0x300D, 0x300E, 0x300F, 0xB7, 0x2022: true
        default: false
        }
    }

    /// The Unicode `White_Space` property (what `Unicode.Scalar.Properties.isWhitespace` reports),
    /// spelled out: the property lookup is a table search per scalar, and this runs for every
    /// scalar of every cell and paragraph.
    @inline(__always)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// What ``key(_:)`` turns `scalar` into: itself or its half-width form, or `nil` when dropped.
    static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let mapped = halfWidth(scalar)
        return isWhitespace(mapped) || isDropped(mapped) ? nil : mapped
    }

    /// `key(text).isEmpty`, without building the key.
    static func keyIsEmpty(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { keyScalar($0) == nil }
    }

    /// `true` when `key(text)` surely has more than `limit` Characters, seen from the first scalars
    /// alone: more than `limit` of them are kept by ``key(_:)`` and all are trivial (each its own
    /// Character, no `\r`). `false` means "not that way" — the key may still be longer.
    static func keyIsSurelyLonger(_ text: String, than limit: Int) -> Bool {
        var kept = 0
        for scalar in text.unicodeScalars {
            guard scalar != "\r", String.isTrivial(scalar) else { return false }
            if keyScalar(scalar) != nil {
                kept += 1
                if kept > limit { return true }
            }
        }
        return false
    }

    /// `true` for the scalar of a Chinese numeral (`一`, `十`, `〇` …).
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        // The scalars of ``numerals`` by value: a set lookup hashed every scalar asked
        // (`SectionFinder.surelyNotHeading` asks up to 80 a paragraph; issue 24's profile).
        numeralValue(scalar) != nil
    }

    /// Half-width, white space removed, quotes and bullets dropped: the form labels are compared in.
    /// Runs for every cell and paragraph: text that is already in key form is returned as is, and
    /// other text is built as UTF-8 bytes in one pass.
    public static func key(_ text: String) -> String {
        var unchanged = true
        for scalar in text.unicodeScalars {
            let mapped = halfWidth(scalar)
            if mapped != scalar || isWhitespace(mapped) || isDropped(mapped) {
                unchanged = false
                break
            }
        }
        if unchanged { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let mapped = halfWidth(scalar)
            if isWhitespace(mapped) || isDropped(mapped) { continue }
            appendUTF8(mapped, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of `scalars`, encoded in one pass (appending to a `String.UnicodeScalarView`
    /// grows the string scalar by scalar).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { appendUTF8(scalar, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    private static let numerals: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// The value of a Chinese numeral up to 99 (`三` → 3, `十二` → 12), or an ASCII number.
    public static func ordinal(_ text: Substring) -> Int? {
        if let value = Int(text) { return value }
        guard !text.isEmpty, text.allSatisfy({ numerals[$0] != nil }) else { return nil }
        let digits = text.compactMap { numerals[$0] }
        if let ten = text.firstIndex(of: "十") {
            let tens = ten == text.startIndex ? 1 : (numerals[text[text.startIndex]] ?? 1)
            let after = text[text.index(after: ten)...]
            let ones = after.isEmpty ? 0 : (numerals[after[after.startIndex]] ?? 0)
            return tens * 10 + ones
        }
        return digits.count == 1 ? digits[0] : nil
    }

    /// Splits a leading enumerator off a key-normalised label: `(三)不予公开` → (3, `不予公开`),
    /// `1.属于国家秘密` → (1, `属于国家秘密`), `六、其他` → (6, `其他`). No enumerator: (nil, label).
    public static func splitEnumerator(_ key: String) -> (ordinal: Int?, rest: String) {
        // Most labels start with an ideograph that is not a numeral: no enumerator. Unified
        // ideographs have no canonical decomposition, so a Character starting with one cannot
        // equal a numeral or a bracket; checking the first scalar is enough.
        if let first = key.unicodeScalars.first, (0x4E00...0x9FFF).contains(first.value), !isNumeral(first) {
            return (nil, key)
        }
        return splitEnumeratorByScalars(key) ?? splitEnumeratorByCharacters(key)
    }

    /// ``splitEnumerator(_:)`` by the Character rules as written.
    static func splitEnumeratorByCharacters(_ key: String) -> (ordinal: Int?, rest: String) {
        var rest = Substring(key)
        if let first = rest.first, first == "(" || first == "【" || first == "[" {
            let body = rest.dropFirst().prefix { numerals[$0] != nil || $0.isASCII && $0.isNumber }
            let afterBody = rest.dropFirst(1 + body.count)
            if !body.isEmpty, let close = afterBody.first, ")】]".contains(close), let value = ordinal(body) {
                var tail = afterBody.dropFirst()
                if let mark = tail.first, "、.,，".contains(mark) { tail = tail.dropFirst() }
                return (value, String(tail))
            }
            return (nil, key)
        }
        let body = rest.prefix { numerals[$0] != nil || $0.isASCII && $0.isNumber }
        guard !body.isEmpty, body.count <= 3, let value = ordinal(body) else { return (nil, key) }
        rest = rest.dropFirst(body.count)
        guard let mark = rest.first, "、.,，)".contains(mark) else { return (nil, key) }
        let tail = rest.dropFirst()
        // `1.5万元` is a number, not an enumerator.
        if mark == ".", tail.first?.isNumber == true { return (nil, key) }
        return (value, String(tail))
    }

    /// ``splitEnumerator(_:)`` for a key given as scalars that are each one Character (trivial,
    /// no `\r`): the enumerator's number and where the rest of the key starts (0 when none).
    static func splitEnumerator(scalars key: [Unicode.Scalar]) -> (ordinal: Int?, restStart: Int) {
        func isBody(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) || isNumeral(scalar) }
        guard let first = key.first else { return (nil, 0) }
        if first == "(" || first == "【" || first == "[" {
            var end = 1
            while end < key.count, isBody(key[end]) { end += 1 }
            guard end > 1, end < key.count, key[end] == ")" || key[end] == "】" || key[end] == "]",
                  let value = ordinal(scalars: Array(key[1..<end])) else { return (nil, 0) }
            var tail = end + 1
            if tail < key.count, key[tail] == "、" || key[tail] == "." || key[tail] == "," || key[tail] == "，" { tail += 1 }
            return (value, tail)
        }
        var end = 0
        while end < key.count, isBody(key[end]) { end += 1 }
        guard end > 0, end <= 3, let value = ordinal(scalars: Array(key[0..<end])) else { return (nil, 0) }
        guard end < key.count else { return (nil, 0) }
        let mark = key[end]
        guard mark == "、" || mark == "." || mark == "," || mark == "，" || mark == ")" else { return (nil, 0) }
        // `1.5万元` is a number, not an enumerator.
        if mark == ".", end + 1 < key.count, key[end + 1].properties.numericType != nil { return (nil, 0) }
        return (value, end + 1)
    }

    /// The value of a Chinese numeral or numeral scalar run, on scalars: ``ordinal(_:)`` for text
    /// made only of ASCII digits and numerals, each scalar one Character.
    static func ordinal(scalars: [Unicode.Scalar]) -> Int? {
        guard !scalars.isEmpty else { return nil }
        if scalars.allSatisfy({ ("0"..."9").contains($0) }) {
            var value = 0
            for scalar in scalars {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(scalar.value - 0x30))
                if overflow1 || overflow2 { return nil }
                value = sum
            }
            return value
        }
        let digits = scalars.compactMap(numeralValue)
        guard digits.count == scalars.count else { return nil }
        if let ten = scalars.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : digits[0]
            let ones = ten + 1 < digits.count ? digits[ten + 1] : 0
            return tens * 10 + ones
        }
        return digits.count == 1 ? digits[0] : nil
    }

    /// The value of one numeral scalar (the keys of ``numerals``).
    private static func numeralValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        case "十": 10
        default: nil
        }
    }

    /// ``splitEnumerator(_:)`` worked out on scalars, for keys whose leading scalars are each a
    /// whole Character (trivial scalars, see ``Swift/String/isTrivial(_:)``): there the Character
    /// rules and the scalar rules agree, and no Character needs hashing. `nil` when the rules would
    /// look at a scalar that may not be a whole Character: the caller then applies them as written.
    static func splitEnumeratorByScalars(_ key: String) -> (ordinal: Int?, rest: String)? {
        let scalars = key.unicodeScalars
        // The first scalars up to a window of 40, each checked trivial; the last one counts only
        // at the end of the text, since a following scalar could extend it.
        var positions: [String.Index] = []
        var index = scalars.startIndex
        while index != scalars.endIndex, positions.count < 40 {
            let scalar = scalars[index]
            guard scalar != "\r", String.isTrivial(scalar) else { break }
            positions.append(index)
            index = scalars.index(after: index)
        }
        let whole = index == scalars.endIndex ? positions.count : positions.count - 1
        func scalar(_ position: Int) -> Unicode.Scalar? { position < positions.count ? scalars[positions[position]] : nil }
        /// `nil` (undecided) when `position` is past the checked window; else whether it holds a scalar.
        func within(_ position: Int) -> Bool? {
            if position < whole { return true }
            if position == positions.count && index == scalars.endIndex { return false }
            return nil
        }
        func isBodyScalar(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar) || isNumeral(scalar)
        }
        func bodyLength(from start: Int) -> Int? {
            var position = start
            while true {
                guard let present = within(position) else { return nil }
                guard present, let value = scalar(position), isBodyScalar(value) else { return position - start }
                position += 1
            }
        }
        func tail(from position: Int) -> String {
            String(key[(position < positions.count ? positions[position] : key.endIndex)...])
        }

        guard let present = within(0) else { return nil }
        guard present, let first = scalar(0) else { return (nil, key) }
        if first == "(" || first == "【" || first == "[" {
            guard let length = bodyLength(from: 1) else { return nil }
            guard length > 0 else { return (nil, key) }
            guard let closePresent = within(1 + length) else { return nil }
            guard closePresent, let close = scalar(1 + length), close == ")" || close == "】" || close == "]",
                  let value = ordinal(scalars: (1..<(1 + length)).compactMap(scalar)) else { return (nil, key) }
            var tailStart = 2 + length
            guard let markPresent = within(tailStart) else { return nil }
            if markPresent, let mark = scalar(tailStart), mark == "、" || mark == "." || mark == "," || mark == "，" { tailStart += 1 }
            return (value, tail(from: tailStart))
        }
        guard let length = bodyLength(from: 0) else { return nil }
        guard length > 0, length <= 3, let value = ordinal(scalars: (0..<length).compactMap(scalar)) else { return (nil, key) }
        guard let markPresent = within(length) else { return nil }
        guard markPresent, let mark = scalar(length), mark == "、" || mark == "." || mark == "," || mark == "，" || mark == ")" else {
            return (nil, key)
        }
        let rest = tail(from: length + 1)
        // `1.5万元` is a number, not an enumerator.
        if mark == ".", rest.first?.isNumber == true { return (nil, key) }
        return (value, rest)
    }
}
