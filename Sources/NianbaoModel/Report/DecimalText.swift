public import Foundation

extension Decimal {
    /// The value as plain decimal text: no exponent, no grouping, `.` as separator (`101500`,
    /// `-16`, `0.5`). Every writer (JSON, CSV, DOCX) formats numbers through this.
    public var plainText: String {
        // Whole numbers (nearly every value of a report) are printed as the Int they equal:
        // `description` costs about fifteen times more. The round trip keeps anything else,
        // NaN and values beyond Int64 included, on the general path.
        let integer = NSDecimalNumber(decimal: self).int64Value
        if Decimal(integer) == self { return String(integer) }
        let text = description
        // Byte search: `String.contains(String)` goes through Foundation's `range(of:)` on Linux.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return text }
        // Defensive: expand an exponent form should a Foundation version produce one.
        return expandExponent(text)
    }
}

/// Expands `"1.5e3"` → `"1500"`, `"-2E-2"` → `"-0.02"`.
private func expandExponent(_ text: String) -> String {
    let parts = text.lowercased().split(separator: "e", maxSplits: 1).map(String.init)
    guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
    var mantissa = parts[0]
    let negative = mantissa.hasPrefix("-")
    if negative || mantissa.hasPrefix("+") { mantissa.removeFirst() }
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let integerPart = pieces[0]
    let fraction = pieces.count > 1 ? pieces[1] : ""
    var digits = integerPart + fraction
    var point = integerPart.count + exponent
    if point <= 0 {
        digits = String(repeating: "0", count: 1 - point) + digits
        point = 1
    } else if point > digits.count {
        digits += String(repeating: "0", count: point - digits.count)
    }
    var whole = String(digits.prefix(point))
    var frac = String(digits.dropFirst(point))
    while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
    while frac.hasSuffix("0") { frac.removeLast() }
    let body = frac.isEmpty ? whole : whole + "." + frac
    return (negative && body != "0" ? "-" : "") + body
}
