/// html2text writes a blank table cell as a line break: `二、上年结转… |  71 |  24 |  62 |    `, then
/// `|  55 |    `, then `|  212`. Joined, the row's `|` fields keep every cell in its place.
enum BrokenPipeRows {
    /// `text` with each row whose line ends in an open `|` field (a `|` then spaces), and does not
    /// start with `|` (a Markdown table's rows do; in a text whose borders have no outer `|`, it
    /// may), joined with the lines after it that start with `|`. The lines joined in are left as empty lines after the row, so that every later
    /// line keeps its number.
    static func joined(_ text: String) -> String {
        // A `|` looked for in the contiguous bytes: through `String.UTF8View`'s iterator the scan of
        // every text took 1.9 % of a text run (issue 24's profile).
        let pipe = UInt8(ascii: "|")
        let hasPipe = text.utf8.withContiguousStorageIfAvailable { $0.contains(pipe) } ?? text.utf8.contains(pipe)
        guard hasPipe, mayOpenEmptyField(text) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Where the text's `|` borders have no `|` at their ends (html2text's `---|---`), a row may
        // start with `|` too (its first cell blank: `|  134 |  15 |  126 |  275 |    ` / `|  240 …`).
        let borders = lines.filter(isPipeBorder)
        let pipesBetweenOnly = !borders.isEmpty && !borders.contains(where: startsWithPipe)
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        var index = 0
        var changed = false
        while index < lines.count {
            var line = lines[index]
            var taken = 0
            if pipesBetweenOnly || !startsWithPipe(line) {
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

    /// `false` when no line can end in an open field: no `|` is followed by spaces or tabs (one
    /// at least, carriage returns between them allowed) up to a line feed or the text's end.
    /// Found on the bytes, so that a text of `|` rows none of which is broken is not split into
    /// lines and copied (1.7 % of a text run, issue 24's profile). Every line end is a line feed
    /// or the end, so no broken row is missed.
    private static func mayOpenEmptyField(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var afterPipe = false, sawSpace = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "|"):
                    afterPipe = true
                    sawSpace = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    sawSpace = afterPipe
                case UInt8(ascii: "\r"):
                    continue
                case UInt8(ascii: "\n"):
                    if afterPipe && sawSpace { return true }
                    afterPipe = false
                    sawSpace = false
                default:
                    afterPipe = false
                    sawSpace = false
                }
            }
            return afterPipe && sawSpace
        }
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

    /// `---|---`, `|---|:--:|`: a line of dashes, colons and spaces with a `|`.
    private static func isPipeBorder(_ line: Substring) -> Bool {
        var pipe = false, dash = false
        for scalar in line.unicodeScalars {
            switch scalar {
            case "|": pipe = true
            case "-": dash = true
            case ":", " ", "\t", "\r": continue
            default: return false
            }
        }
        return pipe && dash
    }

    private static func startsWithPipe(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("|")
    }
}
