/// Line-level clean-up of extracted text: extractor artifacts, page furniture, invisible characters.
enum TextCleaning {
    /// Characters that carry no text: zero-width spaces and joiners, BOMs inside the text, soft hyphens.
    private static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    /// Splits text into lines on LF, CRLF, CR, form feed and Unicode line/paragraph separators.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { character in
            character == "\n" || character == "\r\n" || character == "\r" || character == "\u{0C}"
                || character == "\u{2028}" || character == "\u{2029}" || character == "\u{0B}"
        }
    }

    /// Removes extractor artifacts (`[bookmark: _GoBack]`, `[image: …]`), invisible characters and
    /// trailing white space from one line. Leading tabs are kept: they carry table structure.
    static func clean(_ line: Substring) -> String {
        var text = String(line.unicodeScalars.filter { !invisible.contains($0) }.map(Character.init))
        text = removeBracketArtifacts(text)
        while let last = text.last, last == " " || last == "\u{3000}" || last == "\u{00A0}" {
            // Trailing spaces are noise, but a trailing tab can be an empty cell: keep tabs.
            text.removeLast()
        }
        return text
    }

    /// Removes `[bookmark: …]`, `[image: …]`, `[comment: …]` and similar markers left by extractors.
    private static func removeBracketArtifacts(_ text: String) -> String {
        guard text.contains("[") else { return text }
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
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }
    }

    /// `true` for page furniture: `- 3 -`, `— 3 —`, `第 3 页 共 9 页`, `3/9`, a lone page number.
    static func isPageFurniture(_ line: String) -> Bool {
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
