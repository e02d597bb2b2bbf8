import Foundation
import Testing
import NianbaoModel
import NianbaoText

/// Line-level clean-up in `TextReader`: extractor artifacts, page furniture, paragraphs split by
/// page breaks, invisible characters.
@Suite("Text reader: clean-up")
struct TextReaderCleaningTests {
    @Test("`[bookmark: _GoBack]` and similar extractor markers are removed; other brackets stay")
    func bracketArtifacts() {
        let text = "[bookmark: _GoBack]六、其他需要报告的事项\n本局未收取[image: x.png]处理费[注1]。\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .paragraph("六、其他需要报告的事项"),
            .paragraph("本局未收取处理费[注1]。"),
        ])
    }

    @Test("page furniture is dropped", arguments: ["- 3 -", "— 12 —", "－ 3 －", "第 3 页 共 9 页", "  - 3 -  "])
    func pageFurniture(line: String) {
        let text = "五、存在的主要问题及改进情况\n\(line)\n一是人员不足。\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .paragraph("五、存在的主要问题及改进情况"),
            .paragraph("一是人员不足。"),
        ])
    }

    @Test("page furniture between table rows does not split the table")
    func pageFurnitureInsideTable() {
        let text = "规章\t0\t0\t0\n- 3 -\n规范性文件\t1\t1\t1\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [.table([["规章", "0", "0", "0"], ["规范性文件", "1", "1", "1"]])])
    }

    @Test("a paragraph split by a page break is joined: `…有待加` / blank / `强；二是…`")
    func pageBreakJoin() {
        let before = "1、存在的主要问题有：政务公开工作虽然取得了一些成效，但是与上级的高要求和社会公众的新期盼，还存在一定差距。一是思想认识不够到位，政务公开工作重要性的认识有待加"
        let text = "\(before)\n\n强；二是信息公开的时效性不够。\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [.paragraph(before + "强；二是信息公开的时效性不够。")])
    }

    @Test("a short line is not joined to the next (a title split over two lines stays two paragraphs)")
    func shortLinesNotJoined() {
        #expect(BlockShape.of(Convert.blocks("盐池县交通运输局\n\n2020年政府信息公开年度报告\n")) == [
            .paragraph("盐池县交通运输局"), .paragraph("2020年政府信息公开年度报告"),
        ])
    }

    @Test("a long title line is not joined to the line after it (trafilatura writes no blank line between)")
    func titleNotJoined() {
        // Thirty Characters ending in no stop: joined as a page break's split before, so the report had no title.
        let title = "广州市天河区人民政府办公室2021年政府信息公开工作年度报告"
        let next = "根据《中华人民共和国政府信息公开条例》要求，广州市天河区人民政府办公室编制本报告。"
        #expect(BlockShape.of(Convert.blocks("\(title)\n\(next)\n")) == [.paragraph(title), .paragraph(next)])
        // Prose that ends in `报告` after a comma is still one paragraph across a page break.
        let prose = "根据条例要求，现将本机关政务公开工作情况形成年度工作总结，并编制本年度的政府信息公开年度报告"
        #expect(BlockShape.of(Convert.blocks("\(prose)\n\n如下。\n")) == [.paragraph(prose + "如下。")])
    }

    @Test("a finished sentence, a heading or a new item is not joined to the paragraph before")
    func noJoinAfterSentenceOrBeforeHeading() {
        let sentence = "一是思想认识不够到位，政务公开工作重要性的认识有待加强。"
        let open = "一是思想认识不够到位，政务公开工作重要性的认识有待加强，并且"
        #expect(BlockShape.of(Convert.blocks("\(sentence)\n\n下一步我局将加强培训。\n")) == [
            .paragraph(sentence), .paragraph("下一步我局将加强培训。"),
        ])
        #expect(BlockShape.of(Convert.blocks("\(open)\n\n六、其他需要报告的事项\n")) == [
            .paragraph(open), .paragraph("六、其他需要报告的事项"),
        ])
        #expect(BlockShape.of(Convert.blocks("\(open)\n\n（二）加强培训。\n")) == [
            .paragraph(open), .paragraph("（二）加强培训。"),
        ])
    }

    @Test("invisible characters are removed; leading and trailing spaces trimmed from paragraphs")
    func invisibleCharacters() {
        let text = "\u{FEFF}　　一、总\u{200B}体情况\u{00AD}  \n"
        #expect(BlockShape.of(Convert.blocks(text)) == [.paragraph("一、总体情况")])
    }

    @Test("line ends: LF, CRLF, CR and form feed all end lines", arguments: ["\n", "\r\n", "\r", "\u{0C}"])
    func lineEnds(separator: String) {
        let text = ["一、总体情况", "无。", "规章\t0\t0\t0"].joined(separator: separator)
        #expect(BlockShape.of(Convert.blocks(text)) == [.paragraph("一、总体情况"), .paragraph("无。"), .table([["规章", "0", "0", "0"]])])
    }
}
