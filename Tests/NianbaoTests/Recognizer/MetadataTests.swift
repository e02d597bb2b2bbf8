import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer

/// Title, agency, year and publication date.
@Suite("Recognizer: metadata")
struct MetadataTests {
    private func report(front: [String], trailer: [String] = ["", ReportFixture.agency, "2021年1月15日"],
                        overview: String? = nil) throws -> Report {
        var fixture = ReportFixture()
        fixture.front = front
        fixture.trailer = trailer
        if let overview { fixture.overview[1] = overview }
        return try Convert.report(fixture)
    }

    @Test("the fixture: title, agency, year, published")
    func baseline() throws {
        let report = try Convert.report(ReportFixture())
        #expect(report.title == "测试市交通运输局2020年政府信息公开工作年度报告")
        #expect(report.agency == "测试市交通运输局")
        #expect(report.year == 2020)
        #expect(report.published == "2021-01-15")
        #expect(report.diagnostics.filter { $0.code.hasPrefix("metadata.") }.isEmpty)
    }

    @Test("spaced title: `牡丹江市交通运输局 2020 年政府信息公开工作年度报告`")
    func spacedTitle() throws {
        let report = try report(front: ["", "测试市交通运输局 2020 年政府信息公开工作年度报告", ""])
        #expect(report.title == "测试市交通运输局2020年政府信息公开工作年度报告")
        #expect(report.agency == "测试市交通运输局")
        #expect(report.year == 2020)
    }

    @Test("title wrapped inside a word by a PDF extractor: `…年度报` / `告`", arguments: ["告", "报告", "度报告"])
    func titleWrappedInsideAWord(tail: String) throws {
        let head = String("盐池县交通运输局 2020 年政府信息公开年度报告".dropLast(tail.count))
        let report = try report(front: [head, tail])
        #expect(report.title == "盐池县交通运输局2020年政府信息公开年度报告")
        #expect(report.agency == "盐池县交通运输局")
        #expect(report.year == 2020)
    }

    @Test("a sentence naming the report (`…编制本报告。`) before the title is not the title")
    func sentenceBeforeTitle() throws {
        let report = try report(front: ["根据《中华人民共和国政府信息公开条例》规定编制本报告。",
                                        "测试市交通运输局2020年政府信息公开工作年度报告"])
        #expect(report.title == "测试市交通运输局2020年政府信息公开工作年度报告")
        #expect(report.agency == "测试市交通运输局")
    }

    @Test("title split over two lines: agency line, then year and report name")
    func titleOverTwoLines() throws {
        let report = try report(front: ["", "盐池县交通运输局", "", "2020年政府信息公开年度报告", ""])
        #expect(report.title == "盐池县交通运输局2020年政府信息公开年度报告")
        #expect(report.agency == "盐池县交通运输局")
        #expect(report.year == 2020)
    }

    @Test("title split over two lines without a year (003): year from the overview")
    func titleWithoutYear() throws {
        let report = try report(front: ["尧都区交通运输局", "信息公开工作年度报告"], trailer: [],
                                overview: "2024年尧都区交通运输局在区委、区政府的正确领导下，扎实推进政府信息公开工作。")
        #expect(report.title == "尧都区交通运输局信息公开工作年度报告")
        #expect(report.agency == "尧都区交通运输局")
        #expect(report.year == 2024)
        #expect(report.published == nil)
    }

    @Test("agency after the year: `2020年测试市交通运输局政府信息公开工作年度报告`")
    func agencyAfterYear() throws {
        let report = try report(front: ["2020年测试市交通运输局政府信息公开工作年度报告"])
        #expect(report.agency == "测试市交通运输局")
        #expect(report.year == 2020)
    }

    @Test("agency from `关于…的` titles")
    func agencyBeforeGuanyu() throws {
        let report = try report(front: ["测试市交通运输局关于2020年政府信息公开工作年度报告"])
        #expect(report.agency == "测试市交通运输局")
    }

    @Test("no agency in the title: the signature line before the date")
    func agencyFromSignature() throws {
        let report = try report(front: ["政府信息公开工作年度报告"], trailer: ["", "测试市交通运输局", "2021年1月15日"])
        #expect(report.title == "政府信息公开工作年度报告")
        #expect(report.agency == "测试市交通运输局")
        #expect(report.year == 2020)
        #expect(report.published == "2021-01-15")
        #expect(report.sections[.other] == "无。")
    }

    @Test("signature and date on one line")
    func signatureAndDateOnOneLine() throws {
        let report = try report(front: ["政府信息公开工作年度报告"], trailer: ["", "测试市交通运输局　2021年1月15日"])
        #expect(report.agency == "测试市交通运输局")
        #expect(report.published == "2021-01-15")
        #expect(report.sections[.other] == "无。")
    }

    @Test("year from the statistics period: `统计时间自2020年1月1日起至2020年12月31日`")
    func yearFromStatisticsPeriod() throws {
        let report = try report(front: [
            "测试市交通运输局政府信息公开工作年度报告",
            "本报告由测试市交通运输局编制，统计时间自2020年1月1日起至2020年12月31日。",
        ], overview: "今年以来，我局认真贯彻落实《中华人民共和国政府信息公开条例》。")
        #expect(report.year == 2020)
        #expect(report.agency == "测试市交通运输局")
    }

    @Test("year from the overview when the title has none")
    func yearFromOverview() throws {
        let report = try report(front: ["测试市交通运输局政府信息公开工作年度报告"])
        #expect(report.year == 2020)
    }

    @Test("year taken as the year before publication, with a warning, when nothing states it")
    func yearFromPublication() throws {
        let report = try report(front: ["测试市交通运输局政府信息公开工作年度报告"],
                                overview: "我局认真贯彻落实《中华人民共和国政府信息公开条例》。")
        #expect(report.year == 2020)
        #expect(report.diagnostics("metadata.year").count == 1)
    }

    @Test("published from the trailing date line", arguments: [
        ("2021年1月15日", "2021-01-15"),
        ("2021 年 1 月 15 日", "2021-01-15"),
        ("二〇二一年一月十五日", "2021-01-15"),
        ("二○二一年一月三十一日", "2021-01-31"),
        ("二〇二一年十二月五日", "2021-12-05"),
        ("2021-01-15", "2021-01-15"),
        ("2021.1.15", "2021-01-15"),
        ("2021/01/15", "2021-01-15"),
        ("２０２１年１月１５日", "2021-01-15"),
    ])
    func publishedTrailing(line: String, iso: String) throws {
        let report = try report(front: [ReportFixture.title], trailer: ["", ReportFixture.agency, line])
        #expect(report.published == iso)
        #expect(report.sections[.other] == "无。")
    }

    @Test("published from a date line right after the title (002)")
    func publishedFront() throws {
        let report = try report(front: [ReportFixture.title, "", "2021 年 1 月 15 日", ""], trailer: [])
        #expect(report.published == "2021-01-15")
        #expect(report.year == 2020)
    }

    @Test("no date line: published is null with an info diagnostic")
    func noDate() throws {
        let report = try report(front: [ReportFixture.title], trailer: [])
        #expect(report.published == nil)
        let published = report.diagnostics("metadata.published")
        #expect(published.count == 1)
        #expect(published.first?.severity == .info)
    }

    @Test("an impossible date is not a date line")
    func impossibleDate() throws {
        let report = try report(front: [ReportFixture.title], trailer: ["", ReportFixture.agency, "2021年13月45日"])
        #expect(report.published == nil)
    }

    @Test("no title line: title null with `metadata.title`")
    func noTitle() throws {
        let report = try report(front: ["根据条例规定，制作本报告。"])
        #expect(report.title == nil)
        #expect(report.diagnostics("metadata.title").count == 1)
        #expect(report.agency == "测试市交通运输局")
    }
}
