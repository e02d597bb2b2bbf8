import Foundation
import Testing
import NianbaoModel
import NianbaoText

/// How `TextReader` rebuilds tables from the shapes extractors leave: one cell per line (Word),
/// tab-separated rows (PDF), wrapped cells, space-aligned rows.
@Suite("Text reader: table layouts")
struct TextReaderLayoutTests {
    @Test("Word export: one cell per line after a tab, blank lines between rows")
    func oneCellPerLine() {
        let text = "二、主动公开政府信息情况\n\t信息内容\n\t本年新制作数量\n\n\t规章\n\t0\n\t0\n\t0\n\n\t规范性文件\n\t1\n\t2\n\t3\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .paragraph("二、主动公开政府信息情况"),
            .table([["信息内容", "本年新制作数量"], ["规章", "0", "0", "0"], ["规范性文件", "1", "2", "3"]]),
        ])
    }

    @Test("Word export: cell and row locations are the input lines")
    func oneCellPerLineLocations() throws {
        let blocks = Convert.blocks("标题\n\t规章\n\t0\n\n\t规范性文件\n\t1\n")
        guard case .table(let table) = try #require(blocks.last) else { Issue.record("no table"); return }
        #expect(table.location == .line(2))
        #expect(table.rows.map(\.location) == [.line(2), .line(5)])
        #expect(table.rows[0].cells.map(\.location) == [.line(2), .line(3)])
    }

    @Test("PDF extraction: one row per line, cells separated by tabs; trailing empty cells dropped")
    func tabSeparatedRows() {
        let text = "信息内容\t采购项目数量\t采购总金额\t\n政府集中采购\t0\t0\t\n\t(二) 部分公开\t0\t\t0\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .table([["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "0", "0"], ["", "(二) 部分公开", "0", "", "0"]]),
        ])
    }

    @Test("a cell wrapped over two lines is one cell: `\\t本年新` / `制作数量`")
    func wrappedCell() {
        let text = "\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t0\n\t0\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .table([["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "0", "0", "0"]]),
        ])
    }

    @Test("a heading right after a one-cell line is not a wrapped cell")
    func headingAfterCellIsNotContinuation() {
        let text = "\t政府集中采购\n\t0\n\t0\n三、收到和处理政府信息公开申请情况\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .table([["政府集中采购", "0", "0"]]),
            .paragraph("三、收到和处理政府信息公开申请情况"),
        ])
    }

    @Test("space-aligned rows (layout-preserving extraction)", arguments: [
        ("规章  0  0  0", ["规章", "0", "0", "0"]),
        ("其他对外管理服务事项　　61　　+1　　10056", ["其他对外管理服务事项", "61", "+1", "10056"]),
        ("行政处罚 62 减16 96", ["行政处罚", "62", "减16", "96"]),
        ("0 0 0 0 0", ["0", "0", "0", "0", "0"]),
        // A row left blank, its label on the lines above (`pdftotext -raw`).
        ("- - - - - - -", ["-", "-", "-", "-", "-", "-", "-"]),
        ("/ / / / / / /", ["/", "/", "/", "/", "/", "/", "/"]),
    ])
    func spaceAlignedRow(line: String, cells: [String]) {
        #expect(BlockShape.of(Convert.blocks(line)) == [.table([cells])])
    }

    @Test("sentences that end in numbers are not space-aligned rows", arguments: [
        "全年共主动公开信息 187 条。",
        "2020 年",
        "共受理申请 3 件，办结 3 件",
        // Two marks alone, or marks after a label without a number: no row.
        "— —",
        "行政许可 — — —",
    ])
    func proseWithNumbersIsNotARow(line: String) {
        #expect(BlockShape.of(Convert.blocks(line)) == [.paragraph(line)])
    }

    @Test("a table ends at the next paragraph; a later table is a new block")
    func tablesSeparatedByProse() {
        let text = "规章\t0\t0\t0\n说明文字。\n行政许可\t1\t2\t3\n"
        #expect(BlockShape.of(Convert.blocks(text)) == [
            .table([["规章", "0", "0", "0"]]),
            .paragraph("说明文字。"),
            .table([["行政许可", "1", "2", "3"]]),
        ])
    }
}
