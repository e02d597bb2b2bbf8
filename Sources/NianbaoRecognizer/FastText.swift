extension String {
    /// `count <= limit`, without counting the Characters of a long text: a text of at most `limit`
    /// UTF-8 bytes has at most `limit` Characters, and otherwise only `limit + 1` of them are
    /// counted, by scalars where each is a Character (``characterCount(upTo:)``). Walking them as
    /// Characters (`dropFirst(limit)`) was most of `MetadataFinder.labelledDate`'s time, which
    /// asks it of the report's last, long paragraphs (issue 24's profile).
    func hasAtMost(_ limit: Int) -> Bool {
        utf8.count <= limit || characterCount(upTo: limit + 1) <= limit
    }

    /// Substring test on UTF-8 bytes; label matching runs it thousands of times per report.
    /// `String.contains(String)` can go through Foundation on Linux; this stays in the standard library.
    /// Byte search is exact for our purpose: both sides are normalised the same way and UTF-8
    /// never matches inside a multi-byte character at a wrong offset.
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in UTF8Search.contains(h, n) }
        }
    }
}

/// Substring search on UTF-8 bytes, shared by ``Swift/String/has(_:)`` and label matching.
enum UTF8Search {
    /// `true` when `needle` occurs in `haystack` (an empty needle always does).
    @inline(__always)
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// `self == other` (canonical equivalence), answered from the UTF-8 bytes when both strings are
    /// made only of scalars that are already in normal form and never combine (ASCII and Latin-1,
    /// common CJK punctuation, CJK ideographs, full-width forms): for those, equal means
    /// byte-identical. Anything else takes the standard library's comparison.
    func equalsCanonically(_ other: String) -> Bool {
        if utf8.elementsEqual(other.utf8) { return true }
        if isTriviallyNormalized && other.isTriviallyNormalized { return false }
        return self == other
    }

    /// `true` when every scalar is in a range that has no canonical decomposition and no
    /// combining behaviour, so the text is its own normal form (and each Character is one scalar,
    /// except `\r\n`).
    var isTriviallyNormalized: Bool {
        unicodeScalars.allSatisfy(Self.isTrivial)
    }

    /// A scalar of ``isTriviallyNormalized`` text.
    @inline(__always)
    static func isTrivial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }

    /// The end of the first `limit` Characters when they can be found by scalars: each of the
    /// first `limit` scalars (and the one after, which could otherwise extend the last Character) is
    /// trivial and not a carriage return (`\r\n` is one Character). `nil` when that does not hold.
    private func scalarPrefixEnd(_ limit: Int) -> (end: String.Index, count: Int)? {
        let scalars = unicodeScalars
        var index = scalars.startIndex
        var count = 0
        while index != scalars.endIndex {
            let scalar = scalars[index]
            guard scalar != "\r", Self.isTrivial(scalar) else { return nil }
            if count == limit { return (index, count) }
            count += 1
            index = scalars.index(after: index)
        }
        return (index, count)
    }

    /// `prefix(limit)`, found by scalars when the text allows it (see ``scalarPrefixEnd(_:)``).
    func characterPrefix(_ limit: Int) -> Substring {
        if let (end, _) = scalarPrefixEnd(limit) { return self[..<end] }
        return prefix(limit)
    }

    /// `prefix(limit).count`, counted by scalars when the text allows it.
    func characterCount(upTo limit: Int) -> Int {
        if let (_, count) = scalarPrefixEnd(limit) { return count }
        return prefix(limit).count
    }
}
