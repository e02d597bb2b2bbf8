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
            #expect(Array(Whitespace.trimmingWhitespaces(sample).unicodeScalars) == Array(sample.trimmingCharacters(in: .whitespaces).unicodeScalars),
                    "\(sample.unicodeScalars.map(\.value))")
        }
    }

    /// The style-name heading rule, as it was written with Foundation's trimming.
    private static func foundationHeadingLevel(_ name: String) -> Int? {
        let lower = name.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["heading", "标题"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }

    @Test func headingLevelFromStyleNameMatchesFoundationTrimming() {
        let names = [
            "heading 1", "Heading 2", " HEADING\u{3000}3 ", "heading\t9", "heading 10", "heading 0", "Heading", "标题 1", "标题2",
            "标题\u{A0}4\u{200B}", "Table Heading", "Body Text", "heading +5", "heading -1", "heading 01", "Heading 1 Char", "ｈeading 1",
            "heading １", "\u{1680}heading 7", "heading 7\n", "List 2", "h\u{301}eading 1",
        ]
        for name in names {
            #expect(StyleSheet.headingLevel(fromName: name) == Self.foundationHeadingLevel(name), "\(name)")
        }
    }
}
