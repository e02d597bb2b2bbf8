import Foundation
import Testing
import NianbaoModel
import NianbaoKit
import NianbaoRecognizer

/// Blank cells keep their columns: rows of distinct, non-zero values with cells left blank, as real
/// reports leave them. A row of zeros shifted one column is still a row of zeros; these are not.
@Suite("Recognizer: blank cells keep their columns")
struct BlankCellPlacementTests {
    /// Request rows with blanks (nil): rule 2 holds, a blank counted as 0.
    static let requestRows: [(label: String, key: String, values: [Decimal?])] = [
        ("一、本年新收政府信息公开申请数量", "new_received", [131, 165, nil, 17, nil, 23, 336]),
        ("二、上年结转政府信息公开申请数量", "carried_over", [nil, 41, 52, nil, 6, nil, 99]),
        ("（一）予以公开", "granted", [88, nil, nil, nil, nil, 9, 97]),
        ("（六）其他处理", "other_handling", [nil, nil, nil, nil, nil, nil, nil]),
        ("（七）总计", "results_total", [214, 206, 52, 17, 6, 23, 518]),
        ("四、结转下年度继续办理", "carried_forward", [nil, 12, nil, 3, nil, nil, 15]),
    ]

    static let reviewValues: [Decimal?] = [nil, 7, 3, nil, 10, 21, nil, 4, 2, 27, 5, 6, nil, nil, 11]

    static func text(requests: [String]) -> String {
        ([ReportFixture.title, "", "一、总体情况", "本年度我局主动公开政府信息。", "三、收到和处理政府信息公开申请情况"] + requests
            + ["四、政府信息公开行政复议、行政诉讼情况", "无。", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"])
            .joined(separator: "\n") + "\n"
    }

    static func header() -> [String] {
        ["申请人情况", "", "自然人", "法人或其他组织", "总计", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
    }

    static func show(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "" }

    static func expectRequests(_ report: Report) {
        for row in requestRows {
            #expect(report.row(.requests, row.key) == row.values, "\(row.key)")
        }
    }

    @Test("one cell per line, an empty line a blank cell (LibreOffice text export): every value in its column")
    func oneCellPerLineBlanks() throws {
        var lines = Self.header()
        for row in Self.requestRows {
            lines.append(row.label)
            lines += row.values.map(Self.show)
            // LibreOffice writes the next row's empty label cells before its label.
            lines.append("")
        }
        let report = try Convert.report(Self.text(requests: lines))
        Self.expectRequests(report)
        #expect(report.diagnostics("value.missing", at: "requests.new_received.research").count == 1)
        #expect(report.diagnostics("table.row_shape").isEmpty, "\(report.diagnostics("table.row_shape"))")
    }

    @Test("one cell per line with an empty line after each cell (docx2txt): blanks counted in pairs of lines")
    func oneCellPerTwoLinesBlanks() throws {
        var lines = Self.header().flatMap { [$0, ""] }
        for row in Self.requestRows {
            lines += [row.label, ""]
            lines += row.values.flatMap { [Self.show($0), ""] }
        }
        let report = try Convert.report(Self.text(requests: lines))
        Self.expectRequests(report)
    }

    @Test("values that lost their blanks without a trace are not shifted: the row is null, not guessed")
    func droppedBlanksNotShifted() throws {
        var lines = Self.header()
        for row in Self.requestRows {
            lines.append(row.label)
            lines += row.values.compactMap { $0.map { "\($0)" } }
        }
        let report = try Convert.report(Self.text(requests: lines))
        // 131 165 17 23 336: five values for seven cells; rule 2 alone cannot place them.
        for row in Self.requestRows {
            let read = report.row(.requests, row.key)
            for (got, expected) in zip(read, row.values) where got != nil {
                #expect(got == expected, "\(row.key): \(read) is not \(row.values)")
            }
        }
    }

    static func html(requestRows: [(label: String, key: String, values: [Decimal?])], review: [Decimal?]) -> String {
        func cell(_ value: Decimal?) -> String { "<td>\(show(value))</td>" }
        let requestTable = "<table><tr><td colspan=\"3\" rowspan=\"2\">申请人情况</td><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>"
            + "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
            + requestRows.map { "<tr><td colspan=\"3\">\($0.label)</td>" + $0.values.map(cell).joined() + "</tr>" }.joined() + "</table>"
        let reviewTable = "<table><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>"
            + "<tr><td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>"
            + "<tr>" + String(repeating: "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", count: 2) + "</tr>"
            + "<tr>" + review.map(cell).joined() + "</tr></table>"
        return "<html><body><p>\(ReportFixture.title)</p><p>一、总体情况</p><p>本年度我局主动公开政府信息。</p>"
            + "<p>三、收到和处理政府信息公开申请情况</p>\(requestTable)<p>四、政府信息公开行政复议、行政诉讼情况</p>\(reviewTable)"
            + "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>"
    }

    @Test("HTML table: a blank cell is a cell, in request rows and in the 15 cells of 行政复议/行政诉讼")
    func htmlBlankCells() throws {
        let html = Self.html(requestRows: Self.requestRows, review: Self.reviewValues)
        let report = try Pipeline.convert(data: Data(html.utf8), fileName: "blank.html", format: .html)
        Self.expectRequests(report)
        #expect(report.row(.reviewLitigation, "review") == Array(Self.reviewValues[0..<5]))
        #expect(report.row(.reviewLitigation, "litigation_direct") == Array(Self.reviewValues[5..<10]))
        #expect(report.row(.reviewLitigation, "litigation_after_review") == Array(Self.reviewValues[10..<15]))
        #expect(report.diagnostics("value.missing", at: "review_litigation.review.upheld").count == 1)
        #expect(report.diagnostics("table.row_shape").isEmpty, "\(report.diagnostics("table.row_shape"))")
    }

    @Test("a `|` review row with one blank too many (a header cell spanning two columns): the blank that keeps rule 4 is left out")
    func pipeReviewRowWithSpanBlank() throws {
        var fixture = ReportFixture()
        fixture.review = [
            ("h1", "| 行政复议 | | | | | | 行政诉讼 | | | | | | | | | |"),
            ("h2", "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |"),
            ("h3", "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"),
            ("values", "|  | 250 | 338 | 99 | 687 | |  |  |  |  |  | 346 | 333 | 288 | 308 | 1275 |"),
        ]
        let report = try Convert.report(fixture)
        #expect(report.row(.reviewLitigation, "review") == values(nil, 250, 338, 99, 687))
        #expect(report.row(.reviewLitigation, "litigation_direct") == values(nil, nil, nil, nil, nil))
        #expect(report.row(.reviewLitigation, "litigation_after_review") == values(346, 333, 288, 308, 1275))
    }

    @Test("a blank row's wrapped label does not take the values beside the next numbered label (w3m)")
    func blankRowLabelAboveNumberedLabel() throws {
        var fixture = ReportFixture()
        fixture.replace(.requests, "unavailable_not_held", with: "               1.本机关不掌握相关政府   89    274    133     76      46     260    878\n               信息\n")
        fixture.replace(.requests, "unavailable_needs_creation", with: "三、 （四）无  2.没有现成信息需要另行\n本年  法提供   制作\n度办")
        fixture.replace(.requests, "unavailable_unclear", with: "理结           3.补正后申请内容仍不明   73    801     74     345   339446    8    340747\n 果            确\n")
        let report = try Convert.report(fixture)
        #expect(report.row(.requests, "unavailable_needs_creation").allSatisfy { $0 == nil })
        // The values are read for 3.补正后申请内容仍不明确 or left null: never given to another row.
        let unclear = report.row(.requests, "unavailable_unclear")
        #expect(unclear.allSatisfy { $0 == nil } || unclear == values(73, 801, 74, 345, 339446, 8, 340747), "\(unclear)")
    }

    @Test("a short row label (`规章`) keeps its values; the next row's label below them is not joined to it")
    func shortLabelNotJoinedToNextRow() throws {
        var fixture = ReportFixture()
        fixture.replace(.activeDisclosure, "regulations", with: "规章 |  30 |  299 |  959")
        fixture.replace(.activeDisclosure, "normative_documents", with: "规范性文件 |    \n|  31 |    ")
        let report = try Convert.report(fixture)
        #expect(report.row(.activeDisclosure, "regulations") == values(30, 299, 959))
        #expect(report.row(.activeDisclosure, "normative_documents") != values(30, 299, 959))
    }
}
