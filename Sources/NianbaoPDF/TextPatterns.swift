import Foundation

/// The regular expressions the layout tests lines with, compiled once per process.
///
/// `String.range(of:options: .regularExpression)` looks its pattern up in Foundation's cache on
/// every call, building the cache key by string interpolation: `perf` showed that lookup
/// (`_createRegexForPattern`, `_print_unlocked`) at 4–5 % of a PDF run, more than the matching
/// itself. A compiled `NSRegularExpression` with no options matches exactly as that call does.
struct TextPattern: Sendable {
    private let pattern: String
    private let expression: NSRegularExpression?
    /// For a pattern `^\s*X`: whether a scalar can begin `X`. Then a text whose first scalar
    /// that is not `White_Space` (a superset of ICU's `\s`) cannot begin `X` does not match, and
    /// the expression is not run (most lines: `perf` showed the matching at 0.2 ms a PDF).
    private let afterBlanks: (@Sendable (Unicode.Scalar) -> Bool)?
    /// The expression written out as a scan of the text's scalars, where it has one
    /// (``Enumerator``): it answers as the expression does (the tests check both on the same
    /// texts), without running it (`perf`: the two enumerator expressions at 1.6 % of nianbao's
    /// CPU on PDFs, every table word that begins with a digit passing `afterBlanks`).
    private let scan: Enumerator?

    /// The expression of `pattern` (ICU syntax, no options); `afterBlanks` as above.
    init(_ pattern: String, afterBlanks: (@Sendable (Unicode.Scalar) -> Bool)? = nil, scan: Enumerator? = nil) {
        self.pattern = pattern
        self.afterBlanks = afterBlanks
        self.scan = scan
        expression = try? NSRegularExpression(pattern: pattern)
    }

    /// `true` when the expression matches somewhere in `text`, as
    /// `text.range(of: pattern, options: .regularExpression) != nil` says.
    func matches(_ text: String) -> Bool {
        if let scan { return scan.matches(text) }
        return matchesExpression(text)
    }

    /// ``matches(_:)`` by the regular expression itself (the reference the scan is tested against).
    func matchesExpression(_ text: String) -> Bool {
        if let afterBlanks {
            guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }), afterBlanks(first) else { return false }
        }
        guard let expression else { return text.range(of: pattern, options: .regularExpression) != nil }
        return expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// 一 to 十, the numerals of a part heading.
    private static let numerals = Set("一二三四五六七八九十".unicodeScalars)

    /// `一、`…`十、`, `（一）`: the shape of a part or sub-part heading.
    static let partHeading = TextPattern(#"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])"#,
                                         afterBlanks: { numerals.contains($0) || $0 == "（" || $0 == "(" },
                                         scan: Enumerator(isDigit: { numerals.contains($0) }, maxDigits: 3, digitFollowedBy: nil))
    /// `1.`, `2、`, `（1）`: an enumerator of arabic digits.
    static let arabicEnumerator = TextPattern(#"^\s*(\d{1,2}[.、．](?![0-9])|[（(]\d{1,2}[）)])"#,
                                              afterBlanks: { $0.properties.numericType == .decimal || $0 == "（" || $0 == "(" },
                                              scan: Enumerator(isDigit: { $0.properties.numericType == .decimal }, maxDigits: 2,
                                                               digitFollowedBy: { ("0"..."9").contains($0) }))

    /// `^\s*(D{1,n}[.、．](?!F)|[（(]D{1,n}[）)])` as a scan of scalars: blanks (ICU's `\s`), then
    /// one to `maxDigits` scalars of `isDigit` followed by `.`, `、` or `．` (and, where
    /// `digitFollowedBy` is given, by no scalar of it), or the same digits in brackets. The digits
    /// are none of the marks around them, so the expression's backtracking finds nothing more.
    struct Enumerator: Sendable {
        let isDigit: @Sendable (Unicode.Scalar) -> Bool
        let maxDigits: Int
        /// The scalars that may not follow the separator (the expression's `(?![0-9])`).
        let digitFollowedBy: (@Sendable (Unicode.Scalar) -> Bool)?

        func matches(_ text: String) -> Bool {
            var scalars = text.unicodeScalars[...]
            while let first = scalars.first, Self.isBlank(first) { scalars.removeFirst() }
            guard let first = scalars.first else { return false }
            let bracketed = first == "（" || first == "("
            if bracketed { scalars.removeFirst() }
            var digits = 0
            while let next = scalars.first, isDigit(next) {
                digits += 1
                scalars.removeFirst()
            }
            guard (1...maxDigits).contains(digits), let mark = scalars.first else { return false }
            if bracketed { return mark == "）" || mark == ")" }
            guard mark == "." || mark == "、" || mark == "．" else { return false }
            scalars.removeFirst()
            guard let digitFollowedBy, let after = scalars.first else { return true }
            return !digitFollowedBy(after)
        }

        /// ICU's `\s`: the `White_Space` property.
        static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
    }
    /// The shapes of a page number, whitespace removed (``DocumentLayout/isPageNumber(_:)``).
    static let pageNumbers = [
        #"^[-—–－·•]*\d{1,4}[-—–－·•]*$"#,
        #"^第\d{1,4}页(,?共\d{1,4}页)?$"#,
        #"^共\d{1,4}页,?第\d{1,4}页$"#,
        #"^\d{1,4}/\d{1,4}$"#,
        #"^(?i)page\d{1,4}(of\d{1,4})?$"#,
    ].map { TextPattern($0) }
}
