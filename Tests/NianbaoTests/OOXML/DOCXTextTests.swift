import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

@Suite("DOCX reader: text and wrappers")
struct DOCXTextTests {
    @Test func runsSoupConcatenates() throws {
        let body = """
        <w:p w:rsidR="00AB"><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>\
        <w:r><w:t>1</w:t></w:r><w:proofErr w:type="spellStart"/>\
        <w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00CD"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>0</w:t></w:r>\
        <w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>\
        <w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">1500</w:t></w:r>\
        <w:commentRangeStart w:id="3"/><w:r><w:commentReference w:id="3"/></w:r><w:commentRangeEnd w:id="3"/>\
        <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>\
        <w:r><w:endnoteReference w:id="2"/><w:t>件</w:t></w:r></w:p>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["101500件"])
        #expect(document.source.format == .docx)
        #expect(document.source.encoding == nil)
        #expect(document.source.file == "test.docx")
    }

    @Test func specialRunContent() throws {
        let body = """
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>\
        <w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>\
        <w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t>f</w:t>\
        <w:sym w:font="Wingdings" w:char="F0FE"/><w:sym w:font="Wingdings" w:char="F0A8"/>\
        <w:t xml:space="preserve">  </w:t><w:t>１２　“引号”</w:t></w:r></w:p>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["a\tb\nc\nd-ef☑☐  １２　“引号”"])
    }

    @Test func whitespaceOnlyRunsAreKept() throws {
        let body = "<w:p><w:r><w:t>规章</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>0</w:t></w:r></w:p>"
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["规章 0"])
    }

    @Test func emptyParagraphsAreDropped() throws {
        let body = "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">　 </w:t></w:r></w:p>" + DOCX.p("x")
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["x"])
    }

    @Test func contentControlsAtEveryLevelNested() throws {
        let body = """
        <w:sdt><w:sdtPr><w:alias w:val="outer"/></w:sdtPr><w:sdtContent>\
        <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:sdt><w:sdtPr/><w:sdtContent>\
        <w:sdt><w:sdtContent><w:r><w:t>一、</w:t></w:r></w:sdtContent></w:sdt>\
        <w:r><w:t>总体情况</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>\
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent>\(DOCX.tc("规章"))</w:sdtContent></w:sdt>\
        <w:tc><w:sdt><w:sdtContent><w:p><w:customXml w:element="v"><w:smartTag w:element="n"><w:r><w:t>3</w:t></w:r></w:smartTag></w:customXml></w:p></w:sdtContent></w:sdt></w:tc>\
        </w:tr></w:sdtContent></w:sdt></w:tbl></w:sdtContent></w:sdt>\
        <w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>\
        <w:r><w:t>实数</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:sdt><w:sdtPr><w:showingPlcHdr w:val="true"/></w:sdtPr><w:sdtContent>\(DOCX.tc("点击输入"))</w:sdtContent></w:sdt>\(DOCX.tc("9"))</w:tr></w:tbl>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["一、总体情况", "实数"])
        let tables = DOCX.tables(document)
        #expect(tables.count == 2)
        #expect(DOCX.grid(tables[0]) == [["规章", "3"]])
        #expect(DOCX.grid(tables[1]) == [["", "9"]])
    }

    @Test func hyperlinksFieldsDirectionsAndRubyAreDescended() throws {
        let body = """
        <w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>网站</w:t></w:r></w:hyperlink>\
        <w:dir w:val="ltr"><w:r><w:t>A</w:t></w:r></w:dir><w:bdo w:val="ltr"><w:r><w:t>B</w:t></w:r></w:bdo>\
        <w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt>\
        <w:rubyBase><w:r><w:t>政</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>
        """
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["网站AB政"])
    }

    @Test func trackedChangesReadAsAccepted() throws {
        let body = """
        <w:p><w:r><w:t>收到</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>12</w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="x"><w:r><w:t>15</w:t></w:r></w:ins>\
        <w:moveFrom w:id="3"><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>件</w:t></w:r></w:moveTo>\
        <w:r><w:rPr><w:b/><w:rPrChange w:id="5"><w:rPr/></w:rPrChange></w:rPr><w:t>。</w:t></w:r></w:p>\
        <w:tbl><w:tr>\(DOCX.tc("a"))\(DOCX.tc("b"))</w:tr>\
        <w:tr><w:trPr><w:del w:id="6" w:author="x"/></w:trPr>\(DOCX.tc("gone"))\(DOCX.tc("gone"))</w:tr>\
        <w:tr>\(DOCX.tc("c"))<w:tc><w:tcPr><w:cellDel w:id="7"/></w:tcPr>\(DOCX.p("deleted cell"))</w:tc>\(DOCX.tc("d"))</w:tr></w:tbl>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["收到15件。"])
        #expect(DOCX.grid(DOCX.tables(document)[0]) == [["a", "b"], ["c", "d"]])
        #expect(document.diagnostics.contains { $0.code == "docx.tracked_changes" && $0.severity == .warning })
    }

    @Test func deletedParagraphMarkMergesParagraphs() throws {
        let body = """
        <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr><w:r><w:t>上半</w:t></w:r></w:p>\
        <w:p><w:r><w:t>下半</w:t></w:r></w:p>
        """
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["上半下半"])
    }

    @Test func noDiagnosticWithoutRevisions() throws {
        let document = try DOCX.read(body: DOCX.p("x"))
        #expect(document.diagnostics.isEmpty)
    }

    @Test func alternateContentReadsExactlyOneBranch() throws {
        let textBox = "<w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>"
        let body = """
        <w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:posOffset>123</wp:posOffset></wp:positionH>\
        <a:graphic><a:graphicData><wps:wsp><wps:txbx>\(textBox)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><v:shape><v:textbox>\(textBox)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
        <w:r><w:t>点</w:t></w:r></w:p>\
        <w:p><mc:AlternateContent><mc:Choice Requires="x99"><w:r><w:t>未知</w:t></w:r></mc:Choice>\
        <mc:Fallback><w:r><w:t>后备</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>\
        <w:p><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>选</w:t></w:r></mc:Choice>\
        <mc:Choice Requires="wps"><w:r><w:t>二</w:t></w:r></mc:Choice>\
        <mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["锚点", "框内", "后备", "选"])
    }

    @Test func alternateContentWithoutUsableBranchIsDiagnosed() throws {
        let body = "<w:p><mc:AlternateContent><mc:Choice Requires=\"x99\"><w:r><w:t>未知</w:t></w:r></mc:Choice></mc:AlternateContent><w:r><w:t>余</w:t></w:r></w:p>"
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["余"])
        #expect(document.diagnostics.contains { $0.code == "docx.alternate_content_skipped" })
    }

    @Test func complexAndSimpleFields() throws {
        let body = """
        <w:p><w:r><w:t>合计</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:instrText xml:space="preserve"> = SUM(</w:instrText></w:r><w:r><w:instrText>ABOVE) </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:t>5</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>件</w:t></w:r></w:p>\
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:instrText> = 1 "yes"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r><w:t>外层结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况……1</w:t></w:r></w:p>\
        <w:p><w:r><w:t>二、主动公开……2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
        <w:p><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2021年1月15日</w:t></w:r></w:fldSimple></w:p>\
        <w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr="PAGEREF _Toc1"><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>
        """
        let document = try DOCX.read(body: body)
        #expect(DOCX.paragraphs(document) == ["合计15件", "外层结果", "2021年1月15日", "第页"])
        #expect(document.diagnostics.contains { $0.code == "docx.formula_field" && $0.severity == .info })
    }

    @Test func textBoxesAreEmittedAfterTheirAnchor() throws {
        let body = """
        \(DOCX.p("前"))<w:p><w:r><w:t>锚段</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>\
        <w:p><w:r><w:t>框一</w:t></w:r></w:p><w:p><w:r><w:t>框二</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>\(DOCX.p("后"))
        """
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["前", "锚段", "框一", "框二", "后"])
    }

    @Test func strictNamespace() throws {
        let body = "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>严格</w:t></w:r></w:p><w:tbl><w:tr>\(DOCX.tc("1", "<w:gridSpan w:val=\"2\"/>"))</w:tr></w:tbl>"
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/></w:style>"
        let document = try DOCX.read(body: body, styles: styles, namespace: DOCX.strict)
        guard case .paragraph(let paragraph) = document.blocks.first else { Issue.record("no paragraph"); return }
        #expect(paragraph.text == "严格")
        #expect(paragraph.headingLevel == 1)
        #expect(DOCX.tables(document).first?.rows.first?.cells.first?.columnSpan == 2)
    }

    @Test func prefixesDoNotMatterOnlyNamespaces() throws {
        // Another prefix for the main namespace, and a foreign element that reuses the `w` prefix.
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="\(DOCX.transitional)"><x:body>\
        <x:p><x:r><x:t>甲</x:t></x:r><w:r xmlns:w="urn:not-word"><w:t>乙</w:t></w:r></x:p></x:body></x:document>
        """
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: xml)
        let document = try DOCXReader.read(data: builder.build(), fileName: "p.docx")
        #expect(DOCX.paragraphs(document) == ["甲"])
    }

    @Test func utf16PartsAreDecodedByLibxml2() throws {
        let xml = DOCX.documentXML(DOCX.p("十六位")).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var bytes = Data([0xFF, 0xFE])
        bytes.append(xml.data(using: .utf16LittleEndian) ?? Data())
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", contents: bytes)
        #expect(DOCX.paragraphs(try DOCXReader.read(data: builder.build(), fileName: "u.docx")) == ["十六位"])
    }
}
