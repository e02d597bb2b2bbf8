import Foundation
import Testing
@testable import NianbaoOOXML

/// The reader's Foundation-free whitespace sets must be exactly Foundation's on this platform.
@Suite("DOCX reader: whitespace sets match Foundation")
struct DOCXWhitespaceTests {
    @Test func setsMatchFoundationOnEveryScalar() {
        let whitespaces = CharacterSet.whitespaces
        let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Whitespace.isWhitespace(value) != whitespaces.contains(scalar)
                || Whitespace.isWhitespaceOrNewline(value) != whitespacesAndNewlines.contains(scalar) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func blankAndTrimMatchFoundation() {
        let samples = [
            "", " ", "\r\n", "\t\u{3000}", "\u{200B}", "\u{FEFF}", " \u{301}", "\u{301} ", "a", " a ", "\u{3000}一、\u{3000}",
            "\u{85}x\u{2028}", "\u{A0}12\u{A0}", " +3 ", "\n4\n", "\u{1680}\u{205F}", "é ", " 🙂 ", "\u{200C}",
        ]
        for sample in samples {
            #expect(Whitespace.isBlank(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(sample.unicodeScalars.map(\.value))")
            #expect(Whitespace.trimmingWhitespaces(sample) == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map(\.value))")
        }
    }
}
