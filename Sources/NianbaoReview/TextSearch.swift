/// Substring tests on UTF-8 bytes. Foundation's `contains` folds Unicode clusters through
/// CoreFoundation and took half of a review's time; an exact test needs no folding.
enum TextSearch {
    /// `true` when `text` holds `word` (exactly, byte for byte).
    static func contains(_ text: some StringProtocol, _ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let first = needle.first else { return true }
            let found = text.utf8.withContiguousStorageIfAvailable { haystack in
                search(haystack, needle, first: first)
            }
            if let found { return found }
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { search($0, needle, first: first) }
        }
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, first: UInt8) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// The lines of `text`, split at `"\n"` as `split(separator: "\n", omittingEmptySubsequences:
    /// false)` splits them (a `"\r\n"` is one Character and no separator), but on bytes when the
    /// text has no `"\r"`: splitting by Characters breaks graphemes, which is slow.
    static func lines(_ text: String) -> [String] {
        if text.utf8.contains(UInt8(ascii: "\r")) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}
