import Foundation
import NianbaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page's bytes as UTF-8, with the encoding they came in and what was noticed on the way.
struct DecodedPage {
    /// The page in UTF-8 (no byte-order mark).
    var utf8: [UInt8]
    /// The encoding the page was read in, as written to `source.encoding`.
    var encoding: String
    var diagnostics: [Diagnostic] = []
    /// Replacement characters a lossy UTF-8 decode inserted.
    var replacedCount = 0
}

/// Finds the encoding of an HTML page — byte-order mark, `<meta charset>`, `<meta http-equiv=
/// "Content-Type" content="…; charset=…">`, `<?xml encoding>`, or, when nothing is declared,
/// UTF-8 or GB18030 by the bytes themselves — and turns the page into UTF-8 for libxml2, which then
/// parses it with `HTML_PARSE_IGNORE_ENC`. GB2312 and GBK are read as GB18030, their superset.
enum HTMLDecoding {
    /// How far into the page a charset declaration is looked for.
    static let declarationWindow = 64 << 10

    static func decode(_ data: Data, file: String) throws -> DecodedPage {
        let bytes = [UInt8](data)
        guard bytes.contains(where: { !isASCIISpace($0) }) else {
            throw HTMLReadError(.empty, file: file, problem: "the file is empty (no page to read)")
        }
        try rejectBinary(bytes, file: file)

        // Byte-order marks are authoritative.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8Page(Array(bytes.dropFirst(3)), name: "UTF-8", declared: nil, file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16Page(Array(bytes.dropFirst(2)), littleEndian: bytes[0] == 0xFF, file: file)
        }
        if let littleEndian = bomlessUTF16ByteOrder(bytes) { return try utf16Page(bytes, littleEndian: littleEndian, file: file) }
        if bytes.prefix(4096).contains(0) {
            throw HTMLReadError(.notHTML, file: file, problem: "not an HTML page: the file holds NUL bytes (binary data)")
        }

        let declared = declaredCharset(bytes)
        let canonical = declared.map(canonicalName)
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        let hasNonASCII = bytes.contains { $0 >= 0x80 }
        if isUTF8 {
            guard let canonical, canonical != "UTF-8", hasNonASCII else {
                return utf8Page(bytes, name: hasNonASCII || canonical == nil ? "UTF-8" : canonical ?? "UTF-8", declared: nil, file: file)
            }
            // Re-saved pages keep their old declaration: UTF-8 bytes are never valid GBK by chance
            // once a page holds some Chinese text.
            var page = utf8Page(bytes, name: "UTF-8", declared: nil, file: file)
            page.diagnostics.append(Diagnostic(.info, code: "html.encoding.declaration_ignored",
                message: "the page declares charset=\(declared ?? "") but its bytes are UTF-8 (a re-saved page); read as UTF-8"))
            return page
        }
        if let canonical, canonical != "UTF-8" {
            if let (text, replaced) = convert(bytes, from: canonical) {
                let cjkDeclared = ["GB18030", "BIG5", "BIG5-HKSCS", "EUC-TW"].contains(canonical)
                // A Western single-byte declaration on a Chinese page is a server default, not the truth.
                if !cjkDeclared, let (gb, gbReplaced) = convert(bytes, from: "GB18030"), gbReplaced == 0, plausibleCJK(gb), !plausibleCJK(text) {
                    return DecodedPage(utf8: gb, encoding: "GB18030", diagnostics: [Diagnostic(.warning, code: "html.encoding.declaration_ignored",
                        message: "the page declares charset=\(declared ?? "") but its bytes are Chinese text in GB18030/GBK; read as GB18030")])
                }
                var page = DecodedPage(utf8: text, encoding: canonical)
                try noteReplacements(replaced, of: bytes.count, encoding: canonical, into: &page, file: file)
                return page
            }
            // An unknown declared name: fall through to detection, and say so.
            var page = try detect(bytes, file: file)
            page.diagnostics.append(Diagnostic(.warning, code: "html.encoding.unknown_declaration",
                message: "the page declares charset=\(declared ?? ""), which is not a known encoding; read as \(page.encoding)"))
            return page
        }
        if canonical == "UTF-8", let (gb, replaced) = convert(bytes, from: "GB18030"), replaced == 0, plausibleCJK(gb) {
            return DecodedPage(utf8: gb, encoding: "GB18030", diagnostics: [Diagnostic(.warning, code: "html.encoding.declaration_ignored",
                message: "the page declares charset=utf-8 but its bytes are not UTF-8; they are Chinese text in GB18030/GBK, read as such")])
        }
        if canonical == "UTF-8" {
            var page = utf8Page(bytes, name: "UTF-8", declared: nil, file: file)
            try noteReplacements(page.replacedCount, of: bytes.count, encoding: "UTF-8", into: &page, file: file)
            return page
        }
        var page = try detect(bytes, file: file)
        page.diagnostics.append(Diagnostic(.info, code: "html.encoding.undeclared",
            message: "the page declares no charset; its bytes read as \(page.encoding)"))
        return page
    }

    /// Undeclared non-UTF-8 bytes: UTF-8 when only a few stray bytes are invalid (fewer than in
    /// GB18030), else GB18030 (GB2312/GBK) when they decode to Chinese text, else an error.
    private static func detect(_ bytes: [UInt8], file: String) throws -> DecodedPage {
        let gbDecoded = convert(bytes, from: "GB18030")
        let lossyUTF8 = utf8Page(bytes, name: "UTF-8", declared: nil, file: file)
        if lossyUTF8.replacedCount * 200 <= bytes.count, lossyUTF8.replacedCount < gbDecoded?.replaced ?? Int.max, plausibleCJK(lossyUTF8.utf8) {
            var page = lossyUTF8
            try noteReplacements(page.replacedCount, of: bytes.count, encoding: "UTF-8", into: &page, file: file)
            return page
        }
        if let (gb, replaced) = gbDecoded, replaced * 200 <= bytes.count, plausibleCJK(gb) {
            var page = DecodedPage(utf8: gb, encoding: "GB18030")
            try noteReplacements(replaced, of: bytes.count, encoding: "GB18030", into: &page, file: file)
            return page
        }
        if let (big5, replaced) = convert(bytes, from: "BIG5-HKSCS"), replaced == 0, plausibleCJK(big5) {
            return DecodedPage(utf8: big5, encoding: "BIG5-HKSCS")
        }
        throw HTMLReadError(.undecodable, file: file, problem:
            "the page declares no charset and its bytes are neither UTF-8 nor GB18030/GBK Chinese text; add <meta charset=\"…\"> or re-save it as UTF-8")
    }

    private static func noteReplacements(_ replaced: Int, of total: Int, encoding: String, into page: inout DecodedPage, file: String) throws {
        guard replaced > 0 else { return }
        if replaced * 50 > total {
            throw HTMLReadError(.undecodable, file: file, problem:
                "\(replaced) byte sequences of the page are not valid \(encoding): the page is not in the encoding it declares")
        }
        page.diagnostics.append(Diagnostic(.warning, code: "html.encoding.replaced",
            message: "\(replaced) byte sequence(s) are not valid \(encoding) and were replaced by U+FFFD"))
    }

    private static func utf8Page(_ bytes: [UInt8], name: String, declared: String?, file: String) -> DecodedPage {
        if String(validating: bytes, as: UTF8.self) != nil { return DecodedPage(utf8: bytes, encoding: name) }
        let lossy = String(decoding: bytes, as: UTF8.self)
        var page = DecodedPage(utf8: Array(lossy.utf8), encoding: name)
        page.replacedCount = lossy.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return page
    }

    private static func utf16Page(_ bytes: [UInt8], littleEndian: Bool, file: String) throws -> DecodedPage {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw HTMLReadError(.notHTML, file: file, problem: "not an HTML page: NUL characters in UTF-16 text (binary data)")
        }
        return DecodedPage(utf8: Array(text.utf8), encoding: littleEndian ? "UTF-16LE" : "UTF-16BE")
    }

    /// `true`/`false` for a little/big-endian UTF-16 page without byte-order mark, `nil` otherwise.
    /// Like the text reader's test: markup is ASCII, so UTF-16 HTML has a zero byte in most code
    /// units, on one side only (UTF-8 and GB18030 pages hold no NUL byte at all).
    static func bomlessUTF16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return true }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return false }
        return nil
    }

    /// Known binary formats and control-byte soup, named.
    private static func rejectBinary(_ bytes: [UInt8], file: String) throws {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF".utf8), "this is a PDF file, not an HTML page"),
            ([0x50, 0x4B, 0x03, 0x04], "this is a zip archive (a .docx?), not an HTML page"),
            ([0xD0, 0xCF, 0x11, 0xE0], "this is an OLE compound file (a legacy .doc?), not an HTML page"),
            ([0x89, 0x50, 0x4E, 0x47], "this is a PNG image, not an HTML page"),
            ([0xFF, 0xD8, 0xFF], "this is a JPEG image, not an HTML page"),
            (Array("GIF8".utf8), "this is a GIF image, not an HTML page"),
            ([0x1F, 0x8B], "this is gzip-compressed data (a saved compressed response?); decompress it first"),
            (Array("{\\rtf".utf8), "this is an RTF file, not an HTML page"),
        ]
        for (magic, reason) in signatures where bytes.starts(with: magic) {
            throw HTMLReadError(.notHTML, file: file, problem: reason)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bomlessUTF16ByteOrder(bytes) != nil { return }
        let sample = bytes.prefix(65_536)
        var controls = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0 { controls += 1 }
        if controls * 100 > sample.count {
            throw HTMLReadError(.notHTML, file: file, problem: "not an HTML page: the file holds many control bytes (binary data)")
        }
        if !sample.contains(UInt8(ascii: "<")) {
            throw HTMLReadError(.notHTML, file: file, problem: "not an HTML page: no markup (no `<`) in its first 64 KiB")
        }
    }

    // MARK: Declarations

    /// The charset a page declares in its first ``declarationWindow`` bytes, lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let window = Array(bytes.prefix(declarationWindow).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        // `<?xml version="1.0" encoding="gb2312"?>` at the very start.
        if window.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: window, from: 0),
           let value = attributeValue(named: "encoding", in: Array(window[0..<end])) {
            return value
        }
        var from = 0
        while let start = find(Array("<meta".utf8), in: window, from: from) {
            let end = window[start...].firstIndex(of: UInt8(ascii: ">")) ?? window.count
            let tag = Array(window[start..<end])
            from = end
            guard let position = find(Array("charset".utf8), in: tag, from: 0) else { continue }
            var index = position + 7
            while index < tag.count, isASCIISpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < tag.count, isASCIISpace(tag[index]) || tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") { index += 1 }
            var name: [UInt8] = []
            while index < tag.count, isNameByte(tag[index]) {
                name.append(tag[index])
                index += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    private static func attributeValue(named name: String, in tag: [UInt8]) -> String? {
        guard let position = find(Array(name.utf8), in: tag, from: 0) else { return nil }
        var index = position + name.utf8.count
        while index < tag.count, isASCIISpace(tag[index]) || tag[index] == UInt8(ascii: "=") || tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") { index += 1 }
        var value: [UInt8] = []
        while index < tag.count, isNameByte(tag[index]) {
            value.append(tag[index])
            index += 1
        }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// The name iconv knows a declared charset by; the GB family is read as GB18030.
    static func canonicalName(_ declared: String) -> String {
        switch declared {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode", "utf-16", "utf-16le", "utf-16be": return "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "gb_2312", "csgb2312",
             "euc-cn", "x-euc-cn", "iso-ir-58", "chinese", "csiso58gb231280", "hz-gb-2312", "gb-2312":
            return "GB18030"
        case "big5", "csbig5", "x-x-big5", "cn-big5": return "BIG5"
        case "big5-hkscs": return "BIG5-HKSCS"
        case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252": return "WINDOWS-1252"
        default: return declared.uppercased()
        }
    }

    // MARK: Conversion

    /// `bytes` in `encoding` converted to UTF-8 with iconv, each invalid sequence replaced by
    /// U+FFFD; `nil` when iconv does not know the encoding.
    static func convert(_ bytes: [UInt8], from encoding: String) -> ([UInt8], replaced: Int)? {
        let descriptor = iconv_open("UTF-8", encoding)
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        var replaced = 0
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var input = bytes
        let total = input.count
        var consumed = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            guard let inBase = inBuffer.baseAddress else { return }
            while consumed < total {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + consumed).assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                let (status, produced, failure): (Int, Int, Int32) = buffer.withUnsafeMutableBufferPointer { outBuffer in
                    guard let outBase = outBuffer.baseAddress else { return (-1, 0, EINVAL) }
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, outBuffer.count - outLeft, status == -1 ? errno : 0)
                }
                output.append(contentsOf: buffer[0..<produced])
                consumed = total - inLeft
                if status == -1 {
                    if failure == E2BIG { continue }
                    // EILSEQ or EINVAL (an incomplete sequence at the end): replace one byte, go on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced += 1
                    consumed += 1
                }
            }
        }
        return (output, replaced)
    }

    /// `true` when most non-ASCII characters are common CJK characters or CJK punctuation.
    static func plausibleCJK(_ utf8: [UInt8]) -> Bool {
        var cjk = 0, other = 0
        for scalar in String(decoding: utf8.prefix(200_000), as: UTF8.self).unicodeScalars where scalar.value > 0x7F {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x206F, 0xA0: cjk += 1
            default: other += 1
            }
        }
        return cjk > 0 && Double(cjk) / Double(cjk + other) >= 0.8
    }

    // MARK: Bytes

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
