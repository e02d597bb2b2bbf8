import Foundation

/// Words that sit next to each other on one visual line with no cell gap between them.
struct Segment {
    var words: [PDFWord]
    var x0: Double { words.first?.x0 ?? 0 }
    var x1: Double { words.map(\.x1).max() ?? 0 }
}

/// Words side by side at one height on a page.
struct VisualLine {
    var words: [PDFWord]
    var segments: [Segment] = []
    var x0: Double = 0
    var x1: Double = 0
    var y0: Double = 0
    var y1: Double = 0
    /// The median word height: the line's font size in points, roughly (ascent plus descent).
    var height: Double = 0

    init(words: [PDFWord]) {
        self.words = words.sorted { $0.x0 < $1.x0 }
        x0 = self.words.map(\.x0).min() ?? 0
        x1 = self.words.map(\.x1).max() ?? 0
        y0 = self.words.map(\.y0).min() ?? 0
        y1 = self.words.map(\.y1).max() ?? 0
        let heights = self.words.map(\.height).sorted()
        height = heights.isEmpty ? 0 : heights[heights.count / 2]
        segments = Self.segments(self.words, height: height)
    }

    /// The line's text, words joined the way the page shows them.
    var text: String { TextJoin.join(words.map(\.text)) }

    /// The widest gap between two segments, or 0.
    var widestGap: Double {
        zip(segments, segments.dropFirst()).map { $1.x0 - $0.x1 }.max() ?? 0
    }

    /// Words closer than a fifth of the line height belong together; a sign word (增, 减, +, -)
    /// joins the number that follows it even across a space.
    static func segments(_ words: [PDFWord], height: Double) -> [Segment] {
        var result: [Segment] = []
        // The last segment's right edge, kept as it grows, and its words appended in place (a copy
        // of the segment, grown and put back, copied its words for every word: `VisualLine` was
        // 1.4 % of a PDF run in `perf`).
        var lastX1 = 0.0
        for word in words {
            if let index = result.indices.last {
                let gap = word.x0 - lastX1
                let sign = result[index].words.count == 1 && TextJoin.isSignWord(result[index].words[0].text) && TextJoin.startsWithDigit(word.text)
                if gap < 0.2 * height || (sign && gap < 1.2 * height) {
                    result[index].words.append(word)
                    lastX1 = max(lastX1, word.x1)
                    continue
                }
            }
            result.append(Segment(words: [word]))
            lastX1 = word.x1
        }
        return result
    }

    /// Groups a page's words into visual lines: a word joins the line whose first word it overlaps
    /// vertically by at least half the smaller height.
    static func lines(_ words: [PDFWord]) -> [VisualLine] {
        let sorted = words.sorted { ($0.centerY, $0.x0) < ($1.centerY, $1.x0) }
        var groups: [(band: (Double, Double), words: [PDFWord])] = []
        for word in sorted {
            if let last = groups.last {
                let overlap = min(last.band.1, word.y1) - max(last.band.0, word.y0)
                if overlap >= 0.5 * min(last.band.1 - last.band.0, word.height) {
                    groups[groups.count - 1].words.append(word)
                    continue
                }
            }
            groups.append(((word.y0, word.y1), [word]))
        }
        return groups.map { VisualLine(words: $0.words) }.sorted { $0.y0 < $1.y0 }
    }
}

/// Joining pieces of text the way a page shows them: no space next to Chinese text, one space
/// between two Latin words or numbers.
enum TextJoin {
    /// Joins `pieces`, putting a space only between two pieces that end and start with a Latin
    /// letter or digit.
    static func join(_ pieces: [String]) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if let last = result.unicodeScalars.last, let first = piece.unicodeScalars.first,
               isLatinWordScalar(last), isLatinWordScalar(first) {
                result += " "
            }
            result += piece
        }
        return result
    }

    /// ASCII letters and digits and Latin punctuation that ends a word.
    private static func isLatinWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".,;:%)".unicodeScalars.contains(scalar))
    }

    /// `增`, `减`, `+`, `-` and their full-width or longer forms: the sign before a change count.
    static func isSignWord(_ text: String) -> Bool {
        // A text whose first scalar begins no sign word equals none (no scalar decomposes to one
        // of these): most words, told without the `String` comparisons (0.7 % of a PDF run in `perf`).
        guard let first = text.unicodeScalars.first, signStarts.contains(first) else { return false }
        return ["增", "减", "增加", "减少", "+", "-", "＋", "－", "−"].contains(text)
    }

    /// `true` when `text` starts with a digit.
    static func startsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.first.map { ("0"..."9").contains($0) || ("０"..."９").contains($0) } ?? false
    }

    /// The first scalars of the sign words (``isSignWord(_:)``).
    private static let signStarts: Set<Unicode.Scalar> = Set("增减+-＋－−".unicodeScalars)

    /// The scalars a value can begin with (``isValueLike(_:)``): digits, 无, dashes, slashes, signs.
    private static let valueStarts: Set<Unicode.Scalar> = Set("0123456789０１２３４５６７８９无—-/／－增减+＋−".unicodeScalars)

    /// A table value: a count, an amount, a change (`增9`), `无`, or a dash placeholder; not a
    /// label number such as `3.` or `1、`.
    static func isValueLike(_ text: String) -> Bool {
        // Most words are labels or plain counts: both are told from their scalars without the
        // filter and the `String` comparisons below (`perf`: 3.9 % of a PDF run before). The first
        // non-blank scalar of a label that is printable ASCII, a CJK unified ideograph, a CJK mark
        // or a fullwidth form never extends a grapheme cluster, so it begins the first Character
        // kept below; a value begins with a digit, 无, a dash, a slash or a sign.
        var allDigits = true, sawScalar = false
        for scalar in text.unicodeScalars {
            if !sawScalar {
                if scalar.properties.isWhitespace { allDigits = false; continue }
                sawScalar = true
                let value = scalar.value
                let startsCluster = (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value)
                    || (0x3001...0x3029).contains(value) || (0xFF01...0xFF5E).contains(value)
                if startsCluster && !Self.valueStarts.contains(scalar) { return false }
            }
            if !("0"..."9").contains(scalar) { allDigits = false }
        }
        if sawScalar && allDigits { return true }
        var body = Substring(text.filter { !$0.isWhitespace })
        if body.isEmpty { return false }
        if ["无", "—", "-", "/", "／", "——", "－", "0"].contains(String(body)) { return true }
        for sign in ["增加", "减少", "增", "减", "+", "-", "＋", "－", "−"] where body.hasPrefix(sign) {
            body = body.dropFirst(sign.count)
            break
        }
        for unit in ["万元", "元", "件", "项", "个", "次"] where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            break
        }
        // Digits, thousands separators, at most one decimal point followed by digits (no regular
        // expression: this runs for every word of every table).
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) }
        var sawPoint = false, digitsAfterPoint = 0, first = true
        for scalar in body.unicodeScalars {
            if isDigit(scalar) {
                if sawPoint { digitsAfterPoint += 1 }
            } else if first {
                return false
            } else if (scalar == "," || scalar == "，") && !sawPoint {
                // a thousands separator
            } else if (scalar == "." || scalar == "．") && !sawPoint {
                sawPoint = true
            } else {
                return false
            }
            first = false
        }
        return !first && (!sawPoint || digitsAfterPoint > 0)
    }
}
