import Foundation
import Testing
import NianbaoModel
@testable import NianbaoText

/// The UTF-8 fast path of `TextReader.parse` (`SimpleLine`) gives exactly the blocks of the
/// reader's Character-level rules (`CharacterLine`, every line through them:
/// `characterRulesOnly`): same blocks, texts and line numbers, for the samples,
/// mutated samples and random text built from line ends, spaces, invisible characters, markers,
/// furniture, numbers, enumerators and odd Unicode (combining marks, prepended marks, emoji, jamo,
/// compatibility ideographs).
@Suite("Text reader: fast path matches the Character-level reader")
struct TextReaderEquivalenceTests {
    /// Deterministic SplitMix64.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "\n", "\n", "\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}",
        "\t", "\t", "\t\t", " ", " ", "  ", "\u{3000}", "\u{3000}\u{3000}", "\u{00A0}", "\u{2003}", "\u{1C}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2060}",
        "\u{0301}", "\u{0600}", "\u{302A}", "\u{FF9E}", "\u{20DD}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}",
        "👍", "🏽", "🇨", "🇳", "\u{F9D1}", "\u{037E}", "\u{212A}", "\u{0130}", "\u{2126}", "Å", "é", "·",
        "[bookmark: _GoBack]", "[BOOKMARK:x]", "[image: a.png]", "[textbox:", "[Comment: y", "[", "]", "[注1]",
        "- 3 -", "— 12 —", "－ 3 －", "第 3 页 共 9 页", "3/9", "第", "页", "共", "—", "－", "‐", "–", "-", "/",
        "0", "1", "2", "9", "10", "24", "679", "1,234.5", "０", "９", "１２", "元", "万元", "增", "减", "+",
        "一", "二", "六", "十", "百", "〇", "、", "．", ".", "，", ",", "。", "！", "？", "；", "：", ":", ";",
        "（", "(", "）", ")", "“", "”", "「", "」", "『", "』", "…", "《", "》",
        "规章", "规范性文件", "制作数量", "本年新", "信息公开", "行政许可", "a", "B", "x", "|", " | ",
        "一是思想认识不够到位，政务公开工作重要性的认识有待加",
        "政务公开工作虽然取得了一些成效，但是与上级的高要求和社会公众的新期盼，还存在一定差距",
        "强；二是信息公开的时效性不够。", "（二）加强培训。", "六、其他需要报告的事项", "1、存在的主要问题",
    ]

    static func randomText(_ generator: inout Generator, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            text += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        return text
    }

    /// `true` when the reader's byte rules and its Character rules read `text` differently.
    static func differ(_ text: String) -> Bool {
        let fast = TextReader.parse(text, placingColumns: false)
        let byCharacters = TextReader.parse(text, placingColumns: false, characterRulesOnly: true)
        return fast != byCharacters
    }

    static func describe(_ text: String) -> String {
        text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\\" ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
    }

    @Test("random texts from tricky pieces")
    func randomTexts() {
        var generator = Generator(state: 20_260_101)
        var mismatches: [String] = []
        for round in 0..<4_000 {
            let text = Self.randomText(&generator, pieces: 1 + round % 60)
            if Self.differ(text) { mismatches.append(Self.describe(text)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }

    @Test("samples, and samples with tricky pieces inserted", arguments: TestFiles.sampleStems)
    func mutatedSamples(stem: String) throws {
        let sample = String(decoding: try TestFiles.sample(stem), as: UTF8.self)
        #expect(!Self.differ(sample))
        let scalars = Array(sample.unicodeScalars)
        var generator = Generator(state: UInt64(stem.utf8.count) &* 7_919 &+ UInt64(scalars.count))
        var mismatches: [String] = []
        for _ in 0..<60 {
            var view = String.UnicodeScalarView()
            var insertAt = Set((0..<(1 + Int(generator.next() % 40))).map { _ in Int(generator.next() % UInt64(scalars.count)) })
            for (offset, scalar) in scalars.enumerated() {
                if insertAt.remove(offset) != nil {
                    view.append(contentsOf: Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))].unicodeScalars)
                }
                view.append(scalar)
            }
            let text = String(view)
            if Self.differ(text) { mismatches.append(Self.describe(text)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(1))")
    }

    @Test("whitespace-only detection matches `allSatisfy(\\.isWhitespace)`")
    func whitespaceOnly() {
        var generator = Generator(state: 42)
        let spaces = [" ", "\t", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{2028}", "\u{85}", "\u{0301}", "\u{0600}", "\u{200B}", "a", "六", "\u{1C}", "é", "👍"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(Int(generator.next() % 6)) { text += spaces[Int(generator.next() % UInt64(spaces.count))] }
            #expect(TextReader.isAllWhitespace(text) == text.allSatisfy(\.isWhitespace), "\(Self.describe(text))")
        }
    }
}

/// The claims `SimpleScalar` makes, checked against the standard library for every such scalar.
@Suite("Text reader: simple scalars")
struct SimpleScalarTests {
    static let simpleScalars: [Unicode.Scalar] = (0...0xFFFF).compactMap { value in
        SimpleScalar.contains(UInt32(value)) ? Unicode.Scalar(UInt32(value)) : nil
    }

    @Test("each is a Character of its own next to letters, jamo and itself")
    func ownCharacter() {
        var joined: [String] = []
        for scalar in Self.simpleScalars {
            let neighbours: [Unicode.Scalar] = ["a", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", scalar]
            for other in neighbours {
                for pair in [[scalar, other], [other, scalar]] {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: pair)
                    if String(view).count != 2 { joined.append(String(scalar.value, radix: 16)) }
                }
            }
        }
        #expect(joined.isEmpty, "\(joined.prefix(10))")
    }

    @Test("each is in NFC and canonically equivalent to no other; Character properties are the scalar's")
    func properties() {
        var wrong: [String] = []
        var byDecomposition: [String: Unicode.Scalar] = [:]
        for scalar in Self.simpleScalars {
            let character = Character(scalar)
            let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            if !composed.elementsEqual([scalar]) { wrong.append("not NFC \(String(scalar.value, radix: 16))") }
            let decomposed = String(String(character).decomposedStringWithCanonicalMapping.unicodeScalars.map { "\($0.value)," }.joined())
            if let other = byDecomposition.updateValue(scalar, forKey: decomposed) {
                wrong.append("\(String(scalar.value, radix: 16)) equivalent to \(String(other.value, radix: 16))")
            }
            if character.isNumber != SimpleScalar.isNumber(scalar) { wrong.append("isNumber \(String(scalar.value, radix: 16))") }
            if character.isWhitespace != SimpleScalar.isWhitespace(scalar) { wrong.append("isWhitespace \(String(scalar.value, radix: 16))") }
            let lowered = String(character).lowercased().unicodeScalars
            if lowered.count != 1 || !scalar.isASCII && lowered.contains(where: \.isASCII) {
                wrong.append("lowercases \(String(scalar.value, radix: 16))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }
}
