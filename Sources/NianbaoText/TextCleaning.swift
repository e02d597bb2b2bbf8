/// Line-level clean-up of extracted text: extractor artifacts, page furniture, invisible characters.
enum TextCleaning {
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
