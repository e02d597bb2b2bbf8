import Foundation
import Testing
import NianbaoModel

/// Publication dates as sites and extractors write them: labelled (`发布时间：2026-03-10`) before
/// the title, after it or at the end, and bare date lines in every separator style.
@Suite("Recognizer: publication dates as sites write them")
struct PublishedDateTests {
    private func report(front: [String], trailer: [String] = []) throws -> Report {
        var fixture = ReportFixture()
        fixture.front = front
        fixture.trailer = trailer
        return try Convert.report(fixture)
    }

    @Test("a labelled date after the title", arguments: [
        ("发布时间：2026-03-10", "2026-03-10"),
        ("发布日期：2026/3/10", "2026-03-10"),
        ("时间：2026.03.10", "2026-03-10"),
        ("日期：2026-3-9", "2026-03-09"),
        ("发布时间:2026-03-10 10:23:45", "2026-03-10"),
        ("发布时间： 2026-03-10", "2026-03-10"),
        ("发布时间：2026年3月10日", "2026-03-10"),
        ("发布时间：2026 年 3 月 10 日", "2026-03-10"),
        ("成文日期：2026-03-10", "2026-03-10"),
        ("本站发布时间：2026-03-10", "2026-03-10"),
        ("信息发布日期 ： 2026-03-10", "2026-03-10"),
        ("来源：测试市交通运输局　发布时间：2026-03-10　浏览次数：12", "2026-03-10"),
        ("【发布时间：2026-03-10】【字体：大 中 小】", "2026-03-10"),
        ("发布时间：２０２６－０３－１０", "2026-03-10"),
        ("信息来源：本局 | 发布日期：2026.3.10 | 阅读：35", "2026-03-10"),
    ])
    func labelledAfterTitle(line: String, iso: String) throws {
        let report = try report(front: [ReportFixture.title, line, ""])
        #expect(report.published == iso)
        #expect(report.year == 2020)
        #expect(report.title == ReportFixture.title)
        #expect(report.diagnostics("metadata.published").isEmpty)
    }

    @Test("a labelled date before the title (a web page's header)")
    func labelledBeforeTitle() throws {
        let report = try report(front: ["发布时间：2026-03-10", "", ReportFixture.title, ""])
        #expect(report.published == "2026-03-10")
        #expect(report.title == ReportFixture.title)
        #expect(report.agency == ReportFixture.agency)
    }

    @Test("a labelled date at the end is the date, not prose of part six")
    func labelledTrailing() throws {
        let report = try report(front: [ReportFixture.title, ""], trailer: ["", ReportFixture.agency, "发布日期：2026-03-10"])
        #expect(report.published == "2026-03-10")
        #expect(report.sections[.other] == "无。")
    }

    @Test("the report's own signed date wins over a site's label")
    func signedDateFirst() throws {
        let report = try report(front: [ReportFixture.title, "发布时间：2026-03-10", ""],
                                trailer: ["", ReportFixture.agency, "2021年1月15日"])
        #expect(report.published == "2021-01-15")
    }

    @Test("not a publication date: a period, another time, a label inside a word", arguments: [
        "统计时间：2020年1月1日至2020年12月31日",
        "时间：2020年1月1日至2020年12月31日",
        "时间：2020-01-01 至 2020-12-31",
        "更新时间：2026-03-10",
        "办理时间：2026-03-10",
        "最后更新时间：2026-03-10",
        "发布时间：2026年13月10日",
        "发布时间：",
    ])
    func notPublished(line: String) throws {
        let report = try report(front: [ReportFixture.title, line, ""])
        #expect(report.published == nil)
        #expect(report.diagnostics("metadata.published").count == 1)
    }

    @Test("the signature and a date in any separator style on one line", arguments: [
        ("测试市交通运输局 2026-03-10", "2026-03-10"),
        ("测试市交通运输局　2026/3/10", "2026-03-10"),
        ("测试市交通运输局 2026.03.10", "2026-03-10"),
    ])
    func signatureAndDate(line: String, iso: String) throws {
        var fixture = ReportFixture()
        fixture.trailer = ["", line]
        let report = try Convert.report(fixture)
        #expect(report.published == iso)
        #expect(report.agency == ReportFixture.agency)
        #expect(report.sections[.other] == "无。")
    }

    @Test("a bare date line in the front matter, every separator", arguments: [
        ("2026-03-10", "2026-03-10"),
        ("2026/3/10", "2026-03-10"),
        ("2026.03.10", "2026-03-10"),
        ("2026年3月10日", "2026-03-10"),
    ])
    func bareFront(line: String, iso: String) throws {
        let report = try report(front: [ReportFixture.title, "", line, ""])
        #expect(report.published == iso)
    }
}
