import Foundation
public import NianbaoModel

/// Low-level JSON output into a byte buffer, shared by ``JSONValue`` and the direct report
/// writer. Escaping is the one ``JSONValue`` has always used: `"`, `\`, the C0 controls
/// (`\b \f \n \r \t` by name, the rest as `\u00XX`) and U+2028/U+2029 (as `\u2028`/`\u2029`);
/// everything else, Chinese included, is copied as UTF-8.
public enum JSONBytes {
    /// Appends `text` as a quoted JSON string.
    @inline(__always)
    public static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var contiguous = text
        contiguous.withUTF8 { appendEscaped($0, into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the escaped body of a JSON string (no quotes): runs of bytes that need no escaping
    /// are copied at once.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var run = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them can need escaping.
            while index + 8 <= count && !mayNeedEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            if index >= count { break }
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9; every other E2 sequence is copied.
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                flush(bytes, from: run, to: index, into: &output)
                output.append(contentsOf: bytes[index + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                index += 3
                run = index
                continue
            }
            flush(bytes, from: run, to: index, into: &output)
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            default:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
            index += 1
            run = index
        }
        flush(bytes, from: run, to: count, into: &output)
    }

    /// `false` only when none of the eight bytes in `word` is below 0x20, `"`, `\` or 0xE2 (the
    /// first byte of U+2028/U+2029); `true` may be a false alarm, then the bytes are looked at one by one.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20: `byte - 0x20` borrows into its high bit while the byte's own high bit is clear.
        let control = (word &- ones &* 0x20) & ~word & highs
        func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let quote = zeroByte(word ^ (ones &* 0x22))
        let backslash = zeroByte(word ^ (ones &* 0x5C))
        let lead = zeroByte(word ^ (ones &* 0xE2))
        return (control | quote | backslash | lead) != 0
    }

    @inline(__always)
    private static func flush(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into output: inout [UInt8]) {
        if end > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Appends `value` as ``JSONValue`` has always written numbers (`Decimal.plainText`). Zero,
    /// by far the most common value in the tables, is written without formatting: `isZero` holds
    /// only for a zero of length 0, whose `description` is `"0"`.
    @inline(__always)
    static func appendNumber(_ value: Decimal, into output: inout [UInt8]) {
        if value.isZero {
            output.append(UInt8(ascii: "0"))
        } else {
            output.append(contentsOf: value.plainText.utf8)
        }
    }

    /// Appends `SourceLocation.description`, quoted (`"line 12"`, `"table 3, row 5, cell 2"`,
    /// `"unknown"`), byte by byte: the report writer and the dataset write one per value.
    public static func quoteLocation(_ location: SourceLocation, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var first = true
        func part(_ name: StaticString, _ number: Int?) {
            guard let number else { return }
            if !first {
                output.append(UInt8(ascii: ","))
                output.append(UInt8(ascii: " "))
            }
            first = false
            name.withUTF8Buffer { output.append(contentsOf: $0) }
            appendInteger(number, into: &output)
        }
        part("page ", location.page)
        part("line ", location.line)
        part("table ", location.table)
        part("row ", location.row)
        part("cell ", location.cell)
        if first { output.append(contentsOf: "unknown".utf8) }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends a non-negative or negative integer in decimal.
    static func appendInteger(_ value: Int, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), into: &output)
    }

    /// Appends the decimal digits of `value`.
    static func appendDigits(_ value: UInt64, into output: inout [UInt8]) {
        var magnitude = value
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// Two spaces per level, enough for any depth the writers use; deeper levels repeat it.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// A newline and `2 * level` spaces.
    @inline(__always)
    static func newline(_ level: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        var remaining = 2 * level
        while remaining > 0 {
            let chunk = min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<chunk])) }
            remaining -= chunk
        }
    }
}

/// Writes nested JSON objects and arrays into a byte buffer, pretty (two-space indent, `": "`) or
/// compact, byte for byte as ``JSONValue/serializedUTF8(pretty:)`` lays them out.
struct JSONEmitter {
    /// The bytes written so far.
    var output: [UInt8]
    /// Indent by two spaces per level and put a space after `:`.
    let pretty: Bool
    private var depth = 0
    private var empty = true

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        output = []
        output.reserveCapacity(capacity)
    }

    /// Before a member or element of the open container: a comma after the first, then the line break.
    @inline(__always)
    mutating func item() {
        if !empty { output.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { JSONBytes.newline(depth, into: &output) }
    }

    /// An object member's key (already quoted, e.g. `"\"schema\""`, ASCII with nothing to escape) and colon.
    @inline(__always)
    mutating func key(literal quotedKey: StaticString) {
        item()
        quotedKey.withUTF8Buffer { output.append(contentsOf: $0) }
        colon()
    }

    /// An object member's key, quoted and escaped, and the colon.
    @inline(__always)
    mutating func key(_ key: String) {
        item()
        JSONBytes.quote(key, into: &output)
        colon()
    }

    @inline(__always)
    private mutating func colon() {
        if pretty {
            output.append(UInt8(ascii: ":"))
            output.append(UInt8(ascii: " "))
        } else {
            output.append(UInt8(ascii: ":"))
        }
    }

    /// Opens an object (`{`) or array (`[`).
    @inline(__always)
    mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        depth += 1
        empty = true
    }

    /// Closes the innermost container with `}` or `]`; an empty one stays on its line (`{}`).
    @inline(__always)
    mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty && pretty { JSONBytes.newline(depth, into: &output) }
        output.append(bracket)
        empty = false
    }

    /// `null`.
    @inline(__always)
    mutating func null() { output.append(contentsOf: "null".utf8) }

    /// A string value or `null`.
    @inline(__always)
    mutating func string(_ text: String?) {
        if let text { JSONBytes.quote(text, into: &output) } else { null() }
    }
}
