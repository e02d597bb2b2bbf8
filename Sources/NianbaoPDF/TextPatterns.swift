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

    /// The expression of `pattern` (ICU syntax, no options).
    init(_ pattern: String) {
        self.pattern = pattern
        expression = try? NSRegularExpression(pattern: pattern)
    }

    /// `true` when the expression matches somewhere in `text`, as
    /// `text.range(of: pattern, options: .regularExpression) != nil` says.
    func matches(_ text: String) -> Bool {
        guard let expression else { return text.range(of: pattern, options: .regularExpression) != nil }
        return expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// `一、`…`十、`, `（一）`: the shape of a part or sub-part heading.
    static let partHeading = TextPattern(#"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])"#)
    /// `1.`, `2、`, `（1）`: an enumerator of arabic digits.
    static let arabicEnumerator = TextPattern(#"^\s*(\d{1,2}[.、．](?![0-9])|[（(]\d{1,2}[）)])"#)
    /// The shapes of a page number, whitespace removed (``DocumentLayout/isPageNumber(_:)``).
    static let pageNumbers = [
        #"^[-—–－·•]*\d{1,4}[-—–－·•]*$"#,
        #"^第\d{1,4}页(,?共\d{1,4}页)?$"#,
        #"^共\d{1,4}页,?第\d{1,4}页$"#,
        #"^\d{1,4}/\d{1,4}$"#,
        #"^(?i)page\d{1,4}(of\d{1,4})?$"#,
    ].map(TextPattern.init)
}
