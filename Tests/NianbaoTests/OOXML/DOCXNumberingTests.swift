import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

@Suite("DOCX reader: numbering and headings")
struct DOCXNumberingTests {
    static let styles = """
    <w:docDefaults/><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>\
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>\
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>\
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>\
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
    <w:style w:type="character" w:styleId="c"><w:name w:val="heading 1 Char"/></w:style>\
    <w:style w:type="paragraph" w:styleId="Twice"><w:name w:val="Twice"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
    """

    static let numbering = """
    <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/>\
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0"/></w:pPr></w:lvl>\
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>\
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>\
    </w:abstractNum>\
    <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="3"/>\
    <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>\
    <mc:Fallback><w:numFmt w:val="decimalEnclosedCircleChinese"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>\
    <w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>\
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
    <w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>\
    <w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>\
    <w:num w:numId="4"><w:abstractNumId w:val="6"/></w:num>\
    <w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride>\
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>\
    <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="Twice"/></w:lvl>\
    <w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:pStyle w:val="Twice"/></w:lvl></w:abstractNum>\
    <w:num w:numId="6"><w:abstractNumId w:val="7"/></w:num>
    """

    static func heading(_ style: String, _ text: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    static func listed(_ numId: Int, _ ilvl: Int, _ text: String) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    @Test func headingsGetRenderedChineseNumbers() throws {
        let body = [
            Self.heading("1", "总体情况"),
            Self.heading("2", "加强组织领导"),
            Self.heading("2", "健全制度"),
            Self.listed(1, 2, "细则"),
            Self.heading("MyHeading", "主动公开政府信息情况"),
            Self.heading("2", "重新开始"),
            DOCX.p("正文"),
            "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>无编号</w:t></w:r></w:p>",
            "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>大纲</w:t></w:r></w:p>",
        ].joined()
        let document = try DOCX.read(body: body, styles: Self.styles, numbering: Self.numbering)
        let paragraphs = document.blocks.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        #expect(paragraphs.map(\.text) == [
            "一、总体情况", "（一）加强组织领导", "（二）健全制度", "1. 细则", "二、主动公开政府信息情况", "（一）重新开始", "正文", "无编号", "大纲",
        ])
        #expect(paragraphs.map(\.headingLevel) == [1, 2, 2, nil, 1, 2, nil, 1, 3])
    }

    @Test func startOverridesFallbackFormatsAndBullets() throws {
        let body = [
            Self.listed(2, 0, "甲"), Self.listed(2, 0, "乙"),
            Self.listed(3, 0, "丙"), Self.listed(4, 0, "要点"),
            Self.listed(99, 0, "未知列表"),
        ].joined()
        let document = try DOCX.read(body: body, styles: Self.styles, numbering: Self.numbering)
        #expect(DOCX.paragraphs(document) == ["③甲", "④乙", "⑩丙", "要点", "未知列表"])
    }

    /// Start overrides on two levels of one list both hold, whatever order they are stored in.
    @Test func startOverridesOnSeveralLevels() throws {
        let body = [Self.listed(5, 1, "先"), Self.listed(5, 0, "后"), Self.listed(5, 1, "再")].joined()
        for _ in 0..<20 {
            let document = try DOCX.read(body: body, styles: Self.styles, numbering: Self.numbering)
            #expect(DOCX.paragraphs(document) == ["（三）先", "五、后", "（一）再"])
        }
    }

    /// A style named by two levels of its list numbers at the first of them.
    @Test func styleNamedByTwoLevelsTakesTheFirst() throws {
        let body = [Self.heading("Twice", "甲"), Self.heading("Twice", "乙")].joined()
        for _ in 0..<20 {
            let document = try DOCX.read(body: body, styles: Self.styles, numbering: Self.numbering)
            #expect(DOCX.paragraphs(document) == ["1. 甲", "2. 乙"])
        }
    }

    @Test func markerFormats() {
        #expect(MarkerFormat.format(1, as: "chineseCounting") == "一")
        #expect(MarkerFormat.format(10, as: "chineseCounting") == "十")
        #expect(MarkerFormat.format(12, as: "chineseCounting") == "十二")
        #expect(MarkerFormat.format(20, as: "chineseCounting") == "二十")
        #expect(MarkerFormat.format(35, as: "chineseCounting") == "三十五")
        #expect(MarkerFormat.format(101, as: "chineseCountingThousand") == "一百零一")
        #expect(MarkerFormat.format(110, as: "chineseCountingThousand") == "一百一十")
        #expect(MarkerFormat.format(2005, as: "chineseCountingThousand") == "二千零五")
        #expect(MarkerFormat.format(3, as: "chineseLegalSimplified") == "叁")
        #expect(MarkerFormat.format(11, as: "chineseLegalSimplified") == "壹拾壹")
        #expect(MarkerFormat.format(2, as: "ideographTraditional") == "乙")
        #expect(MarkerFormat.format(12, as: "decimalFullWidth") == "１２")
        #expect(MarkerFormat.format(3, as: "decimalEnclosedCircleChinese") == "③")
        #expect(MarkerFormat.format(105, as: "ideographDigital") == "一〇五")
        #expect(MarkerFormat.format(4, as: "upperRoman") == "IV")
        #expect(MarkerFormat.format(28, as: "lowerLetter") == "bb")
        #expect(MarkerFormat.format(7, as: "somethingNew") == "7")
    }
}
