import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

@Suite("DOCX reader: tables")
struct DOCXTableTests {
    @Test func gridSpanAndVerticalMerge() throws {
        let body = """
        <w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr>\(DOCX.tc("本列数据的勾稽关系", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"))\
        \(DOCX.tc("申请人情况", "<w:gridSpan w:val=\"2\"/>"))</w:tr>\
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>\(DOCX.tc("自然人"))\(DOCX.tc("总计"))</w:tr>\
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>\(DOCX.p("三、本年度办理结果"))</w:tc>\(DOCX.tc("（一）予以公开"))\(DOCX.tc("1"))\(DOCX.tc("1"))</w:tr>\
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr>\(DOCX.p("leftover"))</w:tc>\(DOCX.tc("（二）部分公开"))\(DOCX.tc("0"))\(DOCX.tc("0"))</w:tr>\
        </w:tbl>
        """
        let document = try DOCX.read(body: body)
        let table = try #require(DOCX.tables(document).first)
        #expect(DOCX.grid(table) == [
            ["本列数据的勾稽关系", "申请人情况"],
            ["", "自然人", "总计"],
            ["三、本年度办理结果", "（一）予以公开", "1", "1"],
            ["", "（二）部分公开", "0", "0"],
        ])
        #expect(table.rows[0].cells.map(\.columnSpan) == [2, 2])
        #expect(table.rows[1].cells.map(\.continuesVerticalMerge) == [true, false, false])
        #expect(table.rows[1].cells[0].columnSpan == 2)
        #expect(table.rows[3].cells[0].continuesVerticalMerge)
        #expect(table.rows[2].cells[0].continuesVerticalMerge == false)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func vMergeContinueWithoutStartIsWarned() throws {
        let body = "<w:tbl><w:tr>\(DOCX.tc("孤", "<w:vMerge/>"))</w:tr></w:tbl>"
        let document = try DOCX.read(body: body)
        #expect(DOCX.grid(DOCX.tables(document)[0]) == [["孤"]])
        #expect(document.diagnostics.contains { $0.code == "docx.table.vmerge_without_start" && $0.location?.row == 1 })
    }

    @Test func gridBeforeAndAfterKeepTheGrid() throws {
        let body = """
        <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr>\(DOCX.tc("a", "<w:vMerge w:val=\"restart\"/>"))\(DOCX.tc("b"))\(DOCX.tc("c"))</w:tr>\
        <w:tr><w:trPr><w:gridBefore w:val="1"/><w:wBefore w:w="100"/></w:trPr>\(DOCX.tc("e"))\(DOCX.tc("f"))</w:tr>\
        <w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>\(DOCX.tc("g"))</w:tr>\
        <w:tr><w:tblPrEx><w:tblBorders/></w:tblPrEx><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>\(DOCX.tc("h"))</w:tr>\
        </w:tbl>
        """
        let table = try #require(DOCX.tables(try DOCX.read(body: body)).first)
        #expect(DOCX.grid(table) == [["a", "b", "c"], ["", "e", "f"], ["g", "", ""], ["", "h", ""]])
        // The gridBefore cell closes the merge started above: the next cell is not a continuation.
        #expect(table.rows[1].cells.allSatisfy { !$0.continuesVerticalMerge })
    }

    @Test func locationsCountTopLevelTables() throws {
        let body = """
        \(DOCX.p("标题"))<w:tbl><w:tr>\(DOCX.tc("x"))</w:tr></w:tbl>\(DOCX.p(""))\
        <w:tbl><w:tr>\(DOCX.tc("r1c1"))\(DOCX.tc("r1c2"))</w:tr><w:tr>\(DOCX.tc("r2c1"))\(DOCX.tc("r2c2"))</w:tr></w:tbl>
        """
        let document = try DOCX.read(body: body)
        let tables = DOCX.tables(document)
        #expect(tables.count == 2)
        #expect(tables[1].location.table == 2)
        let cell = tables[1].rows[1].cells[1]
        #expect(cell.location == SourceLocation(table: 2, row: 2, cell: 2))
        #expect(cell.location.description == "table 2, row 2, cell 2")
        if case .paragraph(let paragraph) = document.blocks[0] {
            #expect(paragraph.location.line == nil)
        }
    }

    @Test func nestedTableIsFlattenedIntoItsCell() throws {
        let nested = "<w:tbl><w:tr>\(DOCX.tc("内1"))\(DOCX.tc("内2"))</w:tr><w:tr>\(DOCX.tc("内3"))\(DOCX.tc("内4"))</w:tr></w:tbl>"
        let body = """
        <w:tbl><w:tr>\(DOCX.tc("外"))<w:tc>\(DOCX.p("前"))\(nested)\(DOCX.p("后"))</w:tc></w:tr><w:tr>\(DOCX.tc("1"))\(DOCX.tc("2"))</w:tr></w:tbl>
        """
        let document = try DOCX.read(body: body)
        let tables = DOCX.tables(document)
        #expect(tables.count == 1)
        #expect(DOCX.grid(tables[0]) == [["外", "前\n内1\t内2\n内3\t内4\n后"], ["1", "2"]])
    }

    @Test func cellParagraphsJoinWithNewline() throws {
        let body = "<w:tbl><w:tr><w:tc>\(DOCX.p("本年新"))<w:p/>\(DOCX.p("制作数量"))</w:tc></w:tr></w:tbl>"
        #expect(DOCX.grid(DOCX.tables(try DOCX.read(body: body))[0]) == [["本年新\n制作数量"]])
    }

    @Test func tablesSplitAcrossPagesStayTwo() throws {
        let row = "<w:tr>\(DOCX.tc("1"))\(DOCX.tc("2"))</w:tr>"
        let body = "<w:tbl>\(row)</w:tbl><w:p/><w:tbl>\(row)</w:tbl>"
        #expect(DOCX.tables(try DOCX.read(body: body)).count == 2)
    }

    @Test func legacyHorizontalMerge() throws {
        let body = "<w:tbl><w:tr>\(DOCX.tc("合", "<w:hMerge w:val=\"restart\"/>"))\(DOCX.tc("", "<w:hMerge/>"))\(DOCX.tc("z"))</w:tr></w:tbl>"
        let table = try #require(DOCX.tables(try DOCX.read(body: body)).first)
        #expect(DOCX.grid(table) == [["合", "z"]])
        #expect(table.rows[0].cells[0].columnSpan == 2)
    }
}
