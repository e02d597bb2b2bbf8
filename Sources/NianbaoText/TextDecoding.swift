public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why bytes could not be read as report text.
public enum TextReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no bytes, or only white space.
    case empty
    /// The input looks like binary data, not text.
    case binary(reason: String)
    /// No supported encoding decodes the input acceptably.
    case undecodable

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .empty: "the file is empty (no text to read)"
        case .binary(let reason): "not a text file: \(reason)"
        case .undecodable: "the text is in none of the supported encodings (UTF-8, UTF-16, GB18030)"
        }
    }
}

/// Text decoded from bytes, with the encoding that was detected.
public struct DecodedText: Sendable {
    /// The decoded text.
    public var text: String
    /// The detected encoding's name as written to `source.encoding`.
    public var encoding: String
    /// Replacement characters inserted for undecodable bytes (0 for a clean decode).
    public var replacedBytes: Int
}

/// Detects the encoding of report text (UTF-8 with or without BOM, UTF-16 with or without BOM,
/// GB18030) and decodes it.
public enum TextDecoding {
    /// Decodes `data`, detecting its encoding.
    /// - Throws: ``TextReadError`` for empty, binary or undecodable input.
    public static func decode(_ data: Data) throws -> DecodedText {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw TextReadError.empty }

        // Byte-order marks are authoritative.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)), name: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return try utf16(Array(bytes.dropFirst(2)), littleEndian: littleEndian)
        }
        // Known binary formats first: their headers hold NUL bytes that can look like UTF-16.
        try rejectSignatures(bytes)
        // UTF-16 without BOM: NUL bytes concentrated on one side of each code unit.
        var asUTF8 = UTF8Validation(bytes: bytes)
        if let littleEndian = looksLikeUTF16(bytes, asUTF8: &asUTF8) {
            return try utf16(bytes, littleEndian: littleEndian)
        }
        try rejectBinary(bytes)

        if let text = asUTF8.text() {
            return DecodedText(text: text, encoding: "UTF-8", replacedBytes: 0)
        }
        if let text = iconvDecode(bytes, from: "GB18030"), plausibleCJK(text) {
            return DecodedText(text: text, encoding: "GB18030", replacedBytes: 0)
        }
        // Mostly UTF-8 with a few broken sequences: decode with replacements, and say so.
        let lossy = String(decoding: bytes, as: UTF8.self)
        let replaced = lossy.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        if replaced * 50 <= lossy.unicodeScalars.count {
            return DecodedText(text: lossy, encoding: "UTF-8", replacedBytes: replaced)
        }
        throw TextReadError.undecodable
    }

    /// `String(validating: bytes, as: UTF8.self)`, validated at most once.
    private struct UTF8Validation {
        let bytes: [UInt8]
        private var result: String??

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func text() -> String? {
            if let result { return result }
            let text = String(validating: bytes, as: UTF8.self)
            result = .some(text)
            return text
        }
    }

    private static func utf8(_ bytes: [UInt8], name: String) throws -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: name, replacedBytes: 0)
        }
        let lossy = String(decoding: bytes, as: UTF8.self)
        let replaced = lossy.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return DecodedText(text: lossy, encoding: name, replacedBytes: replaced)
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) throws -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        let replaced = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw TextReadError.binary(reason: "NUL characters in UTF-16 text")
        }
        return DecodedText(text: text, encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", replacedBytes: replaced + bytes.count % 2)
    }

    /// `true`/`false` for little/big-endian UTF-16 without BOM, `nil` when it does not look like UTF-16.
    private static func looksLikeUTF16(_ bytes: [UInt8], asUTF8: inout UTF8Validation) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        sample.withUnsafeBufferPointer { buffer in
            forEachWord(of: buffer, mayHold: { ($0 &- 0x0101_0101_0101_0101) & ~$0 & 0x8080_8080_8080_8080 != 0 }) { offset, byte in
                if byte == 0 {
                    if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
                }
            }
        }
        let pairs = sample.count / 2
        // ASCII-heavy UTF-16 has a zero in most code units on one side only.
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return true }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return false }
        // CJK-heavy UTF-16 has few zeros (line ends, digits, `一` U+4E00), or none; accept it
        // when it decodes to mostly CJK. Text in UTF-8 or GB18030 never holds a NUL byte.
        let orders: [Bool]
        if evenZeros == 0 && oddZeros == 0 {
            guard bytes.count % 2 == 0 && asUTF8.text() == nil else { return nil }
            orders = [true, false]
        } else {
            orders = oddZeros >= evenZeros ? [true, false] : [false, true]
        }
        for littleEndian in orders {
            var units: [UInt16] = []
            var index = 0
            while index + 1 < sample.count {
                let a = UInt16(sample[sample.startIndex + index]), b = UInt16(sample[sample.startIndex + index + 1])
                units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
                index += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            guard plausibleCJK(text, threshold: 0.6), !text.unicodeScalars.contains(where: { $0.value == 0 }) else { continue }
            if evenZeros + oddZeros > 0 || iconvDecode(bytes, from: "GB18030").map({ plausibleCJK($0, threshold: 0.9) }) != true {
                return littleEndian
            }
        }
        return nil
    }

    /// A known binary signature (PDF, ZIP/DOCX, OLE/DOC, PNG, JPEG).
    private static func rejectSignatures(_ bytes: [UInt8]) throws {
        let signatures: [([UInt8], String)] = [
            ([0x25, 0x50, 0x44, 0x46], "it is a PDF file; extract its text first (e.g. pdftotext)"),
            ([0x50, 0x4B, 0x03, 0x04], "it is a ZIP archive (a .docx? give it the .docx extension)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "it is an OLE compound file (a legacy .doc?)"),
            ([0x89, 0x50, 0x4E, 0x47], "it is a PNG image"),
            ([0xFF, 0xD8, 0xFF], "it is a JPEG image"),
        ]
        for (magic, reason) in signatures where bytes.starts(with: magic) {
            throw TextReadError.binary(reason: reason)
        }
    }

    /// Binary input: NUL bytes, or many control characters.
    private static func rejectBinary(_ bytes: [UInt8]) throws {
        let sample = bytes.prefix(65_536)
        var controls = 0, hasNUL = false
        sample.withUnsafeBufferPointer { buffer in
            forEachWord(of: buffer, mayHold: { ($0 &- 0x2020_2020_2020_2020) & ~$0 & 0x8080_8080_8080_8080 != 0 }) { _, byte in
                guard byte < 0x20 else { return }
                switch byte {
                case 0x00: hasNUL = true
                case 0x09, 0x0A, 0x0C, 0x0D: break
                default: controls += 1
                }
            }
        }
        if hasNUL { throw TextReadError.binary(reason: "it contains NUL bytes") }
        if controls * 100 > sample.count { throw TextReadError.binary(reason: "it contains many control bytes") }
    }

    /// Calls `body` with the offset and value of every byte in the 8-byte words of `buffer` for
    /// which `mayHold` is `true`, and of the bytes after the last whole word. `mayHold` sees a
    /// word loaded in memory order and must be `true` for every word holding a byte `body` acts
    /// on (`(w - 0x0101…) & ~w & 0x8080…` is non-zero exactly when a byte of `w` is 0, and with
    /// `0x2020…` when a byte is below 0x20).
    @inline(__always)
    private static func forEachWord(of buffer: UnsafeBufferPointer<UInt8>, mayHold: (UInt64) -> Bool, _ body: (Int, UInt8) -> Void) {
        let raw = UnsafeRawBufferPointer(buffer)
        var offset = 0
        while offset + 8 <= buffer.count {
            if mayHold(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                for index in offset..<offset + 8 { body(index, buffer[index]) }
            }
            offset += 8
        }
        for index in offset..<buffer.count { body(index, buffer[index]) }
    }

    /// `true` when most non-ASCII, non-space characters are common CJK or CJK punctuation.
    static func plausibleCJK(_ text: String, threshold: Double = 0.7) -> Bool {
        var cjk = 0, other = 0
        for scalar in text.unicodeScalars.prefix(20_000) where scalar.value > 0x7F {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x206F: cjk += 1
            default: other += 1
            }
        }
        if cjk + other == 0 { return true }
        return Double(cjk) / Double(cjk + other) >= threshold
    }

    /// Decodes with iconv; `nil` on any invalid or incomplete sequence.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let descriptor = iconv_open("UTF-8", encoding)
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let outputCapacity = output.count
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return 0 }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outputCapacity
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outputCapacity - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output.prefix(converted), as: UTF8.self)
    }
}
