/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines` as they are on Linux
/// (swift-corelibs-foundation), reproduced on Unicode scalars so that blank checks and trimming in
/// the reader's hot paths need no Foundation bridging. `WhitespaceTests` checks both sets against
/// Foundation over every scalar.
enum Whitespace {
    /// Whether `value` is in `CharacterSet.whitespaces`: tab, and the space separators (Zs)
    /// plus U+200B ZERO WIDTH SPACE.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return isWideWhitespace(value)
    }

    /// Whether `value` is in `CharacterSet.whitespacesAndNewlines`: `whitespaces` plus U+000A–U+000D,
    /// U+0085, U+2028 and U+2029.
    @inline(__always)
    static func isWhitespaceOrNewline(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0x85 || value == 0x2028 || value == 0x2029 || isWideWhitespace(value)
    }

    private static func isWideWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether `text` is empty once `whitespacesAndNewlines` is trimmed from both ends, i.e.
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`.
    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isWhitespaceOrNewline(scalar.value) {
            return false
        }
        return true
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation.
    static func trimmingWhitespaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0.value) }),
              let last = scalars.lastIndex(where: { !isWhitespace($0.value) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}
