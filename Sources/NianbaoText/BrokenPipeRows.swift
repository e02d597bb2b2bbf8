/// html2text writes a blank table cell as a line break: `二、上年结转… |  71 |  24 |  62 |    `, then
/// `|  55 |    `, then `|  212`. Joined, the row's `|` fields keep every cell in its place.
enum BrokenPipeRows {
    /// `text` with each row whose line ends in an open `|` field (a `|` then spaces), and does not
    /// start with `|` (a Markdown table's rows do), joined with the lines after it that start
    /// with `|`. The lines joined in are left as empty lines after the row, so that every later
    /// line keeps its number.
    static func joined(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        var index = 0
        var changed = false
        while index < lines.count {
            var line = lines[index]
            var taken = 0
            if !startsWithPipe(line) {
                var joined = String(line)
                while opensEmptyField(joined), index + taken + 1 < lines.count, startsWithPipe(lines[index + taken + 1]) {
                    if joined.hasSuffix("\r") { joined.removeLast() }
                    joined += lines[index + taken + 1]
                    taken += 1
                }
                if taken > 0 {
                    line = Substring(joined)
                    changed = true
                }
            }
            result.append(line)
            result.append(contentsOf: repeatElement("", count: taken))
            index += taken + 1
        }
        return changed ? result.joined(separator: "\n") : text
    }

    /// A line that ends in `|` and at least one space: a field opened and left empty.
    private static func opensEmptyField(_ line: String) -> Bool {
        var sawSpace = false
        for scalar in line.unicodeScalars.reversed() {
            switch scalar {
            case " ", "\t", "\r": sawSpace = sawSpace || scalar != "\r"
            case "|": return sawSpace
            default: return false
            }
        }
        return false
    }

    private static func startsWithPipe(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("|")
    }
}
