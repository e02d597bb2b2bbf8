import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer

/// The same tables in the layouts extractors produce, with labels written differently: each must
/// give the same values.
@Suite("Recognizer: table layouts and labels")
struct TableLayoutTests {
    /// The fixture's tables rewritten as a Word text export: one cell per line after a tab, a
    /// blank line after each row.
    static func wordLayout(_ fixture: ReportFixture) -> ReportFixture {
        func word(_ rows: [(key: String, line: String)]) -> [(key: String, line: String)] {
            rows.map { row in
                (row.key, row.line.split(separator: "\t", omittingEmptySubsequences: false).map { "\t" + $0 }.joined(separator: "\n") + "\n")
            }
        }
        var copy = fixture
        copy.active = word(fixture.active)
        copy.requests = word(fixture.requests)
        copy.review = word(fixture.review)
        return copy
    }

    static func expectFixtureValues(_ report: Report) {
        let reference = try? Convert.report(ReportFixture())
        #expect(report.activeDisclosure == reference?.activeDisclosure)
        #expect(report.requests == reference?.requests)
        #expect(report.reviewLitigation == reference?.reviewLitigation)
    }

    @Test("Word layout (one cell per line) gives the fixture's values")
    func wordLayoutValues() throws {
        let report = try Convert.report(Self.wordLayout(ReportFixture()))
        Self.expectFixtureValues(report)
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics)")
    }

    @Test("Word layout with wrapped header cells (`本年新` / `制作数量`, `结果` / `纠正`)")
    func wordLayoutWrapped() throws {
        var fixture = Self.wordLayout(ReportFixture())
        fixture.replace(.activeDisclosure, "h1c", with: "\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n")
        fixture.replace(.reviewLitigation, "h2", with: "\t结果\n维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未\n审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n")
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("space-aligned rows in part 二")
    func spaceAlignedActive() throws {
        var fixture = ReportFixture()
        fixture.active = fixture.active.map { row in
            (row.key, row.line.split(separator: "\t").joined(separator: "  "))
        }
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("labels split by spaces and review columns in another order are read by their labels")
    func spacedAndReorderedReviewLabels() throws {
        var fixture = ReportFixture()
        fixture.review = [
            ("h1", "行政复议\t\t\t\t\t行政诉讼"),
            ("h2", "总计\t尚未 审结\t结果 维持\t结果 纠正\t其他 结果\t未经复议直接起诉\t\t\t\t\t复议后起诉"),
            ("h3", "\t\t\t\t\t总计\t尚未 审结\t结果 维持\t结果 纠正\t其他 结果\t总计\t尚未 审结\t结果 维持\t结果 纠正\t其他 结果"),
            ("values", "2\t1\t1\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t1\t0"),
        ]
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("half- and full-width brackets and enumerators in row labels", arguments: [
        ("(一) 予以公开", "1. 属于国家秘密", "(七) 总计"),
        ("（一）予以公开", "1．属于国家秘密", "（七）总计"),
        ("（一） 予以公开", "１.属于国家秘密", "（ 七 ）总 计"),
        ("（一）予以公开", "1、属于国家秘密", "（七）合计"),
    ])
    func bracketForms(granted: String, stateSecret: String, total: String) throws {
        let fixture = ReportFixture()
            .replacing(.requests, "granted", with: "三、本年度办理结果\t\(granted)\t2\t1\t0\t0\t0\t0\t3")
            .replacing(.requests, "denied_state_secret", with: "\t（三）不予公开\t\(stateSecret)\t0\t0\t0\t0\t0\t0\t0")
            .replacing(.requests, "results_total", with: "\t\(total)\t3\t1\t0\t0\t0\t0\t4")
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
        #expect(report.diagnostics("table.row_missing").isEmpty)
    }

    @Test("requests header rows in another order (002 puts 申请人情况 and 总计 above the organisations)")
    func requestHeaderOrder() throws {
        var fixture = ReportFixture()
        fixture.replace(.requests, "h1", with: "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t")
        fixture.replace(.requests, "h2", with: "\t\t法人或其他组织\t总计")
        fixture.replace(.requests, "h3", with: "\t申请人情况\t\t")
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("applicant columns in the order the header states")
    func applicantColumnOrder() throws {
        var fixture = ReportFixture()
        // 商业企业 and 自然人 swapped in the header, and in every value row.
        fixture.replace(.requests, "h3", with: "\t\t商业企业\t自然人\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t")
        fixture.requests = fixture.requests.map { row in
            guard !row.key.hasPrefix("h") else { return row }
            var cells = row.line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let first = cells.count - 7
            cells.swapAt(first, first + 1)
            return (row.key, cells.joined(separator: "\t"))
        }
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("004: labels that drift into the wrong row position still name their row")
    func labelsInOddCells() throws {
        let fixture = ReportFixture()
            .replacing(.requests, "unavailable_not_held", with: "(四) 无法提供\t6. 本机关不掌握相关政府信息\t\t1\t0\t0\t0\t0\t0\t1\t\t")
            .replacing(.requests, "not_processed_petition", with: "\t(五) 不予处理\t\t1. 信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\t\t")
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("a table split in two by prose or a page break is still one table")
    func splitTable() throws {
        var fixture = ReportFixture()
        let index = try #require(fixture.requests.firstIndex { $0.key == "unavailable_not_held" })
        fixture.requests.insert(("page", "\n- 7 -\n"), at: index)
        fixture.requests.insert(("note", "（续表）"), at: index + 1)
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
    }

    @Test("the template is detected from the labels", arguments: [(ReportFixture(), TemplateVersion.v2019), (.v2021, .v2021)])
    func templateByLabels(fixture: ReportFixture, template: TemplateVersion) throws {
        let report = try Convert.report(fixture)
        #expect(report.template == template)
        #expect(report.diagnostics("template.year_mismatch").isEmpty)
    }

    @Test("a 2019-template table in a report on 2021 is read as 2019, with `template.year_mismatch`")
    func templateYearMismatch() throws {
        var fixture = ReportFixture()
        fixture.front = ["测试市交通运输局2021年政府信息公开工作年度报告"]
        let report = try Convert.report(fixture)
        #expect(report.template == .v2019)
        #expect(report.diagnostics("template.year_mismatch").count == 1)
        #expect(report.requests["new_received", "total"] == 4)
    }
}
