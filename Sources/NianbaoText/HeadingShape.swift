/// Recognises enumerators that start headings and list items: `一、`, `（二）`, `(3)`, `4、`, `5.`.
enum HeadingShape {
    private static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `true` when `text` starts with an enumerator followed by more text.
    static func startsWithEnumerator(_ text: String) -> Bool {
        var rest = Substring(text)
        if let first = rest.first, "（(".contains(first) {
            rest = rest.dropFirst()
            let body = rest.prefix { chineseNumerals.contains($0) || $0.isNumber }
            guard !body.isEmpty else { return false }
            rest = rest.dropFirst(body.count)
            return rest.first.map { "）)".contains($0) } ?? false
        }
        let body = rest.prefix { chineseNumerals.contains($0) || $0.isNumber }
        guard !body.isEmpty, body.count <= 3 else { return false }
        rest = rest.dropFirst(body.count)
        // Markdown writers escape the mark of a number that would start a list (`3\.其他`).
        if rest.first == "\\" { rest = rest.dropFirst() }
        guard let mark = rest.first else { return false }
        return "、．.，,".contains(mark) && rest.count > 1 && !(rest.dropFirst().first?.isNumber ?? false)
    }
}

extension HeadingShape {
    /// ``startsWithEnumerator(_:)`` for text whose scalars are all ``SimpleScalar``s, each a
    /// Character of its own.
    static func startsWithEnumerator(simpleScalars: some Sequence<Unicode.Scalar>) -> Bool {
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
            default: SimpleScalar.isNumber(scalar)
            }
        }
        var scalars = simpleScalars.makeIterator()
        guard var next = scalars.next() else { return false }
        if next == "（" || next == "(" {
            var body = 0
            while true {
                guard let scalar = scalars.next() else { return false }
                if !isNumeral(scalar) {
                    return body > 0 && (scalar == "）" || scalar == ")")
                }
                body += 1
            }
        }
        var body = 0
        while isNumeral(next) {
            body += 1
            guard body <= 3, let scalar = scalars.next() else { return false }
            next = scalar
        }
        if body > 0, next == "\\" {
            guard let scalar = scalars.next() else { return false }
            next = scalar
        }
        guard body > 0, "、．.，,".unicodeScalars.contains(next), let after = scalars.next() else { return false }
        return !SimpleScalar.isNumber(after)
    }
}
