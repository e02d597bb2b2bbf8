/// Small scanners for years and dates in key-normalised text (half-width, no white space).
enum TextScanning {
    private static let chineseDigits: [Character: Int] = [
        "〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Years (`2020年`, `二〇二〇年`) in order of appearance, with the index just past `年`;
    /// `firstOnly`: the scan stops at the first.
    static func years(in text: String, firstOnly: Bool = false) -> [(year: Int, end: String.Index, start: String.Index)] {
        // Text with no `年` at all (as bytes) has no year: skip the Character scan.
        guard text.has("年") else { return [] }
        var result: [(Int, String.Index, String.Index)] = []
        var index = text.startIndex
        while let found = text[index...].firstIndex(of: "年") {
            let before = text[..<found]
            let digits = before.suffix(4)
            if digits.count == 4 {
                var value = 0
                var valid = true
                for character in digits {
                    if let digit = character.wholeNumberValue, character.isASCII {
                        value = value * 10 + digit
                    } else if let digit = chineseDigits[character] {
                        value = value * 10 + digit
                    } else {
                        valid = false
                        break
                    }
                }
                let precededByDigit = before.dropLast(4).last.map { $0.isNumber || chineseDigits[$0] != nil } ?? false
                if valid, !precededByDigit, (1990...2100).contains(value) {
                    result.append((value, text.index(after: found), digits.startIndex))
                    if firstOnly { return result }
                }
            }
            index = text.index(after: found)
        }
        return result
    }

    /// The first year in `text`.
    static func firstYear(in text: String) -> Int? { years(in: text, firstOnly: true).first?.year }

    /// Parses a whole string that is a date: `2021年1月15日`, `二〇二一年一月十五日`,
    /// `2021-01-15`, `2021.1.15`, `2021/1/15`. Returns an ISO date.
    static func isoDate(_ text: String) -> String? {
        // Either shape needs its characters: `年` `月` and a final `日`, or only digits and
        // separators. Tested on bytes first: most texts tried are neither.
        let chineseShape = text.utf8.count >= 9 && text.utf8.suffix(3).elementsEqual("日".utf8) && text.has("年") && text.has("月")
        let separatedShape = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }
        guard chineseShape || separatedShape else { return nil }
        if let (y, m, d) = chineseStyleDate(text) ?? separatedDate(text) {
            guard (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return String(format4(y)) + "-" + two(m) + "-" + two(d)
        }
        return nil
    }

    /// A date at the end of `text`, with what precedes it: `区交通运输局2021年1月15日` →
    /// (`区交通运输局`, ISO date).
    static func trailingDate(_ text: String) -> (prefix: String, iso: String)? {
        guard text.hasSuffix("日") || text.last?.isNumber == true else { return nil }
        var length = 0  // Characters from `start` to the end
        for start in text.indices.reversed() {
            length += 1
            if length > 16 { break }
            // A date starts with its year: an ASCII digit or a Chinese one. Asked before the
            // candidate is made (issue 24's profile: a `String` for every position).
            let first = text[start]
            // Every candidate from here back holds `first`: none is a date once it is no
            // Character a date is written with (issue 24's profile: `trailingDate` 2 % of a text
            // run, walking back over a name's Characters to its limit of 16).
            guard mayBeInDate(first) else { break }
            guard first.isASCII && first.isNumber || chineseDigits[first] != nil else { continue }
            let candidate = String(text[start...])
            if let iso = isoDate(candidate) {
                // Prefer the longest match: keep scanning back while still a date.
                var best = (String(text[..<start]), iso)
                var earlier = start
                while earlier > text.startIndex {
                    earlier = text.index(before: earlier)
                    if let longer = isoDate(String(text[earlier...])) { best = (String(text[..<earlier]), longer) } else { break }
                }
                return best
            }
        }
        return nil
    }

    /// `false` for a Character no text ``isoDate(_:)`` reads holds: the date's digits (ASCII,
    /// the year's ``chineseDigits``, a month's or day's numerals of ``LabelText/ordinal(_:)``), the
    /// sign `Int` reads before a month or day, its separators and `年`, `月`, `日`.
    private static func mayBeInDate(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        switch scalar {
        case "0"..."9", "+", "-", ".", "/", "年", "月", "日",
             "〇", "零", "○", "O", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十":
            return true
        default:
            return false
        }
    }

    private static func format4(_ year: Int) -> String { String(year) }
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func chineseStyleDate(_ text: String) -> (Int, Int, Int)? {
        guard let yearEnd = text.firstIndex(of: "年"), let monthEnd = text.firstIndex(of: "月"),
              let dayEnd = text.firstIndex(of: "日"), yearEnd < monthEnd, monthEnd < dayEnd,
              text.index(after: dayEnd) == text.endIndex else { return nil }
        guard let year = number(text[..<yearEnd], yearStyle: true),
              let month = number(text[text.index(after: yearEnd)..<monthEnd], yearStyle: false),
              let day = number(text[text.index(after: monthEnd)..<dayEnd], yearStyle: false) else { return nil }
        return (year, month, day)
    }

    private static func separatedDate(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "." || $0 == "/" }
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return (y, m, d)
    }

    /// `2021`, `二〇二一` (digit by digit) for years; `15`, `十五`, `三十一` for months and days.
    private static func number(_ text: Substring, yearStyle: Bool) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(text) }
        if yearStyle {
            guard text.count == 4 else { return nil }
            var value = 0
            for character in text {
                guard let digit = chineseDigits[character] else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        return LabelText.ordinal(text)
    }
}
