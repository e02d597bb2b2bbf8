import Foundation
import Testing
@testable import NianbaoPDF

/// The geometry rules on hand-placed words: layouts the fixtures' producers do not make (labels
/// aligned at the top of tall cells, cells without padding), the word-level helpers, and the
/// XHTML reader. No Poppler needed.
@Suite("PDF geometry")
struct PDFGeometryTests {
    /// A word of `text` at `x`, `y`, 12 pt high, 12 pt per character.
    static func word(_ text: String, _ x: Double, _ y: Double, width: Double? = nil) -> PDFWord {
        PDFWord(text: text, x0: x, y0: y, x1: x + (width ?? Double(text.count) * 12), y1: y + 12)
    }

    /// Value words of one row: seven counts in columns 60 pt apart from x = 300.
    static func values(_ y: Double, _ numbers: [String]) -> [PDFWord] {
        numbers.enumerated().map { word($1, 300 + Double($0) * 60, y, width: 7) }
    }

    static func grid(_ words: [PDFWord]) -> TableGrid {
        TableGrid(lines: VisualLine.lines(words))
    }

    @Test("labels wrapped in cells aligned at the top join their row; a blank cell keeps its column")
    func topAligned() {
        var words: [PDFWord] = []
        // Row 1: a label over three lines (pitch 14), values on its first line.
        words += [Self.word("（二）部分公开（区分", 60, 100), Self.word("处理的，只计这一情形，", 60, 114), Self.word("不计其他情形）", 60, 128)]
        words += Self.values(100, ["1", "2", "3", "4", "5", "6", "21"])
        // Row 2: one line, a blank third cell.
        words += [Self.word("1.属于国家秘密", 60, 146)]
        words += Self.values(146, ["0", "0", "", "0", "0", "0", "0"]).filter { !$0.text.isEmpty }
        // Row 3: two lines.
        words += [Self.word("5.要求行政机关确认", 60, 164), Self.word("或重新出具已获取信息", 60, 178)]
        words += Self.values(164, ["7", "0", "0", "0", "0", "0", "7"])
        let rows = Self.grid(words).rows.filter(\.hasValues)
        #expect(rows.count == 3)
        let texts = rows.map { $0.cells.map(\.text) }
        #expect(texts[0] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "2", "3", "4", "5", "6", "21"])
        #expect(texts[1] == ["1.属于国家秘密", "0", "0", "", "0", "0", "0", "0"])
        #expect(texts[2] == ["5.要求行政机关确认或重新出具已获取信息", "7", "0", "0", "0", "0", "0", "7"])
    }

    @Test("a column blank in every row keeps its place, found from its header")
    func blankColumn() {
        var words: [PDFWord] = []
        let headers = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        words += headers.enumerated().map { Self.word($1, 298 + Double($0) * 60, 80, width: 50) }
        words += [Self.word("一、本年新收政府信息公开申请数量", 60, 100, width: 220)]
        words += Self.values(100, ["3", "1", "0", "0", "", "0", "4"]).filter { !$0.text.isEmpty }
        words += [Self.word("二、上年结转政府信息公开申请数量", 60, 120, width: 220)]
        words += Self.values(120, ["0", "0", "0", "0", "", "0", "0"]).filter { !$0.text.isEmpty }
        let rows = Self.grid(words).rows.filter(\.hasValues)
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "", "0", "4"],
            ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "", "0", "0"],
        ])
    }

    @Test("labels wrapped in cells aligned in the middle join their row; a merged group label goes with one row")
    func centred() {
        var words: [PDFWord] = []
        // Rows with no gap between them: row pitch 28 = two label lines of 14.
        words += [Self.word("4.保护第三方合法权", 160, 200), Self.word("益", 160, 214)]
        words += Self.values(207, ["0", "0", "0", "0", "0", "0", "0"])
        words += [Self.word("5.属于三类内部事务", 160, 228), Self.word("信息", 160, 242)]
        words += Self.values(235, ["1", "0", "0", "0", "0", "0", "1"])
        // The group label of a merged cell, centred over both rows.
        words += [Self.word("（三）不予公开", 60, 221, width: 84)]
        let rows = Self.grid(words).rows.filter(\.hasValues)
        #expect(rows.count == 2)
        #expect(rows[0].cells.last?.text == "0")
        #expect(rows.map { $0.cells.map(\.text).filter { $0.hasPrefix("4.") || $0.hasPrefix("5.") } } == [["4.保护第三方合法权益"], ["5.属于三类内部事务信息"]])
        #expect(rows[1].cells.suffix(7).map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
    }

    @Test("a sign and its number are one value; header words right of a short sign do not make a column")
    func signs() {
        var words: [PDFWord] = []
        words += [Self.word("信息内容", 60, 80), Self.word("上一年项目数量", 150, 80), Self.word("本年增/减", 260, 80), Self.word("处理决定数量", 350, 80)]
        words += [Self.word("行政许可", 60, 100), Self.word("24", 150, 100, width: 14), Self.word("增", 240, 100), Self.word("9", 254, 100, width: 7), Self.word("679", 340, 100, width: 21)]
        words += [Self.word("行政处罚", 60, 120), Self.word("62", 150, 120, width: 14), Self.word("减", 240, 120), Self.word("16", 254, 120, width: 14), Self.word("96", 340, 120, width: 14)]
        let rows = Self.grid(words).rows
        let valued = rows.filter(\.hasValues).map { $0.cells.map(\.text) }
        #expect(valued == [["行政许可", "24", "增9", "679"], ["行政处罚", "62", "减16", "96"]])
    }

    @Test("values, page numbers, part headings, joining")
    func helpers() {
        for value in ["0", "12", "101,500", "10.15", "增9", "减 16", "+3", "无", "—", "8件", "10.15万元"] {
            #expect(TextJoin.isValueLike(value), "\(value)")
        }
        for text in ["3.", "1、", "规章", "2020年", "（一）", "第3页", ""] {
            #expect(!TextJoin.isValueLike(text), "\(text)")
        }
        // Around the shortcuts for labels and plain counts: blanks, fullwidth digits, a mark on a
        // digit, letters.
        for value in [" 12 ", "１２", "\u{3000}无", "0", "０", "增加3"] {
            #expect(TextJoin.isValueLike(value), "\(value)")
        }
        for text in [" ", "Total", "a1", "1a", "无效", "。1", "1\u{301}", "\u{3000}"] {
            #expect(!TextJoin.isValueLike(text), "\(text)")
        }
        for text in ["3", "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3/5", "Page 3 of 5"] {
            #expect(DocumentLayout.isPageNumber(text), "\(text)")
        }
        for text in ["2020年", "第二十条第（八）项", "一、总体情况"] {
            #expect(!DocumentLayout.isPageNumber(text), "\(text)")
        }
        #expect(DocumentLayout.isPartHeading("三、收到和处理政府信息公开申请情况"))
        #expect(DocumentLayout.isEnumeratedLabel("5.要求行政机关确认"))
        #expect(!DocumentLayout.isEnumeratedLabel("度办理结果"))
        #expect(!DocumentLayout.isEnumeratedLabel("3.5万元用于……"))
        // The patterns' shortcut (no match without a possible first scalar) says what the regular
        // expressions say.
        let headingPattern = #"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])"#
        let enumeratorPattern = #"^\s*(\d{1,2}[.、．](?![0-9])|[（(]\d{1,2}[）)])"#
        // (Since the patterns are scans of scalars, not run: digit counts, lookahead, brackets, blanks.)
        for text in ["", " ", "  （一）", "\u{85}1.", "\u{B}2、", "１.", "٣.", "\u{3000}十、", "x1.", "(2)", " 5、", "\t（3）", "一二三、", "第一、",
                     "12.", "123.", "1.5", "1.５", "12.3", "1．", "1、2", "（12）", "（123）", "(1", "（）", "（1)", "一二三四、", "（一二三四）",
                     "十.", "一．", "（十）abc", "\u{A0}1.", "\u{2028}1.", "\u{200B}1.", "1", "、", "1.\u{301}", "\u{1D7CF}.", "一、\u{301}"] {
            #expect(TextPattern.partHeading.matches(text) == (text.range(of: headingPattern, options: .regularExpression) != nil), "\(text)")
            #expect(TextPattern.arabicEnumerator.matches(text) == (text.range(of: enumeratorPattern, options: .regularExpression) != nil), "\(text)")
        }
        // The pieces of column names are a set now, not a search of each name.
        for piece in ["自然", "人", "社会公益", "组织", "法律服务机构", "总计", "申请人", "复议后", "维持", "结果纠正", "本年增/减", "自然人总计", "x", "行政许可"] {
            let searched = HeaderColumns.names.union(HeaderColumns.headerWords).contains { $0.contains(piece) }
            #expect(HeaderColumns.namePieces.contains(piece) == searched, "\(piece)")
        }
        #expect(TextJoin.join(["我局", "2020", "年", "Total", "12"]) == "我局2020年Total 12")
    }

    @Test("pdftotext's XHTML: pages, words, control characters made U+FFFD, entities refused")
    func xhtml() throws {
        let xhtml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title>t &amp; u</title></head><body><doc>
              <page width="595.3" height="841.9"><flow><block><line>
                <word xMin="56.8" yMin="40.1" xMax="320.8" yMax="71.3">长春市 &lt;局&gt;</word>
                <word xMin="325.6" yMin="40.1" xMax="392.3" yMax="71.3">a\u{01}b</word>
              </line></block></flow></page>
              <page width="842" height="595"></page>
            </doc></body></html>
            """
        let pages = try BBoxXHTML.pages(Data(xhtml.utf8), fileName: "x.pdf")
        #expect(pages.count == 2)
        #expect(pages[0].words.map(\.text) == ["长春市 <局>", "a\u{FFFD}b"])
        #expect(pages[0].words[0].x0 == 56.8 && pages[0].words[0].y1 == 71.3)
        #expect(pages[1].width == 842 && pages[1].words.isEmpty)

        // `trimmed` is Foundation's trimming.
        for text in ["", " ", "a", " a ", "\u{3000}长春\u{3000}", "\u{200B}x\u{85}", "\n\t x\u{A0}", "x\u{301} ", "\u{2028}"] {
            #expect(BBoxXHTML.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
            #expect(BBoxXHTML.trimmed(text, .whitespaces) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
        // An empty word element has no text; a word without its box is skipped, the word around it
        // read on; CDATA is text.
        let shapes = """
            <html><body><doc><page width="10" height="10">
            <word xMin="1" yMin="1" xMax="2" yMax="2"/><word xMin="1" yMin="1" xMax="2" yMax="2">a<word yMin="1"/>b</word>
            <word xMin="3" yMin="1" xMax="4" yMax="2"><![CDATA[<c>]]></word><word xMin="5" yMin="1" xMax="6" yMax="2"></word>
            </page></doc></body></html>
            """
        let read = try BBoxXHTML.pages(Data(shapes.utf8), fileName: "x.pdf")
        #expect(read.count == 1 && read[0].words.map(\.text) == ["ab", "<c>"])

        let entity = "<!DOCTYPE x [<!ENTITY e \"boom\">]><html><body><doc><page width=\"1\" height=\"1\"><word xMin=\"0\" yMin=\"0\" xMax=\"1\" yMax=\"1\">&e;</word></page></doc></body></html>"
        #expect(throws: PDFError.self) { try BBoxXHTML.pages(Data(entity.utf8), fileName: "x.pdf") }
        #expect(throws: PDFError.self) { try BBoxXHTML.pages(Data("<html><body><doc><page>".utf8), fileName: "x.pdf") }
        let undeclared = "<html><body><doc><page width=\"1\" height=\"1\"><word xMin=\"0\" yMin=\"0\" xMax=\"1\" yMax=\"1\">&nbsp;</word></page></doc></body></html>"
        #expect(throws: PDFError.self) { try BBoxXHTML.pages(Data(undeclared.utf8), fileName: "x.pdf") }
    }

    @Test("the text check's white-space test answers as Unicode's property for every scalar")
    func whitespaceFastPath() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PDFReader.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
