import Testing
@testable import NianbaoRecognizer

/// The scalar fast path of `LabelText.splitEnumerator` must agree with the Character rules.
@Suite struct EnumeratorSplitTests {
    /// Pieces enumerators and labels are made of, including scalars that combine or are not trivial.
    static let pieces = ["(", ")", "【", "】", "[", "]", "、", ".", ",", "，", "1", "2", "12", "三", "十", "十二", "〇", "两",
                         "5万元", "属于国家秘密", "其他", "\u{301}", "\u{20DD}", "\r", "\n", "é", "e\u{301}", "（", "）", "一、", "👍", "\u{200D}", "x"]

    @Test func scalarPathAgreesWithCharacterRules() {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            let key = (0..<Int.random(in: 0...7, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = LabelText.splitEnumeratorByCharacters(key)
            if let fast = LabelText.splitEnumeratorByScalars(key) {
                compared += 1
                #expect(fast.ordinal == expected.ordinal && fast.rest == expected.rest, "\(key.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            let split = LabelText.splitEnumerator(key)
            #expect(split.ordinal == expected.ordinal && split.rest == expected.rest)
        }
        #expect(compared > 5_000)
    }

    @Test func knownSplits() {
        #expect(LabelText.splitEnumerator("(三)不予公开") == (3, "不予公开"))
        #expect(LabelText.splitEnumerator("1.属于国家秘密") == (1, "属于国家秘密"))
        #expect(LabelText.splitEnumerator("六、其他") == (6, "其他"))
        #expect(LabelText.splitEnumerator("1.5万元") == (nil, "1.5万元"))
        #expect(LabelText.splitEnumerator("【十二】,标题") == (12, "标题"))
        #expect(LabelText.splitEnumerator("1\u{301}、标题") == (nil, "1\u{301}、标题"))
    }
}

/// The scalar path of the heading matcher's `HeadingHead` must agree with the Character path.
@Suite struct HeadingHeadTests {
    static let pieces = ["一、", "（二）", "(3)", "4.", "十二、", "1.5", "【五】", "总体情况", "主动公开政府信息情况", "。", "，", "：", " ", "\u{3000}",
                         "“", "”", "收到和处理政府信息公开申请", "2020年", "我局认真贯彻落实", "其他需要报告的事项", "\u{301}", "\r\n", "é", "ｌ",
                         "行政复议、行政诉讼", "\u{00A0}", "\t", "存在的主要问题及改进情况", "x"]

    @Test func scalarPathAgreesWithCharacterPath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...30, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let fast = HeadingHead(text), slow = HeadingHead(text, byScalars: false)
            #expect(fast?.ordinal == slow?.ordinal && fast?.trimmed == slow?.trimmed && fast?.complete == slow?.complete
                    && fast?.length == slow?.length && fast?.isTriviallyNormalized == slow?.isTriviallyNormalized,
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// The per-thread memo of cell readings stays bounded whatever the cell texts.
@Suite struct CellFactsCacheTests {
    @Test func boundedInEntriesAndTextLength() {
        let cache = CellFactsCache()
        for index in 0..<(CellFactsCache.capacity + 500) {
            _ = cache.facts("标签\(index)")
            #expect(cache.count <= CellFactsCache.capacity)
        }
        let before = cache.count
        let long = String(repeating: "很长的单元格文字", count: 20)
        #expect(long.utf8.count > CellFactsCache.longestText)
        #expect(cache.facts(long).label?.key == long)
        #expect(cache.count == before)
    }

    @Test func sameTextSameReading() {
        let cache = CellFactsCache()
        let first = cache.facts("（一）本年新收政府信息公开申请数量")
        let second = cache.facts("（一）本年新收政府信息公开申请数量")
        #expect(first === second)
        #expect(first.label?.requestRow == "new_received")
        #expect(cache.facts("增9").value == CellValue.parse("增9"))
    }

    @Test("（六）其他, its 处理 wrapped away, is （六）其他处理, not 2021's row 3.其他")
    func wrappedOtherHandling() {
        let cache = CellFactsCache()
        #expect(cache.facts("（六）其他").label?.requestRow == "other_handling")
        #expect(cache.facts("3.其他").label?.requestRow == "other_misc")
        #expect(cache.facts("其他").label?.requestRow == "other_misc")
    }
}
