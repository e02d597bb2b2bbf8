extension String {
    /// Substring test on UTF-8 bytes; label matching runs it thousands of times per report.
    /// `String.contains(String)` can go through Foundation on Linux; this stays in the standard library.
    /// Byte search is exact for our purpose: both sides are normalised the same way and UTF-8
    /// never matches inside a multi-byte character at a wrong offset.
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count, let first = n.first else { return false }
                var index = 0
                let last = h.count - n.count
                while index <= last {
                    if h[index] == first {
                        var offset = 1
                        while offset < n.count && h[index + offset] == n[offset] { offset += 1 }
                        if offset == n.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
