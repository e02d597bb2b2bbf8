import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer

/// Part headings: numbering styles, sub-headings inside the overview that must not become parts,
/// prose of each part, and a report repeated in one file.
@Suite("Recognizer: parts and headings")
struct SectionTests {
    @Test("the fixture's six parts hold their prose, without tables or the signature")
    func sixParts() throws {
        let report = try Convert.report(ReportFixture())
        #expect(report.sections[.overview] == "2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。")
        #expect(report.sections[.activeDisclosure] == "")
        #expect(report.sections[.requests] == "")
        #expect(report.sections[.reviewLitigation] == "")
        #expect(report.sections[.problems] == "一是信息更新还不够及时；二是公开内容不够全面。下一步我局将加强培训，提高公开质量。")
        #expect(report.sections[.other] == "无。")
        #expect(report.diagnostics("section.missing").isEmpty)
    }

    @Test("heading numbering styles", arguments: [
        ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
        ["1、 总体情况", "2、 主动公开政府信息情况", "3、 收到和处理政府信息公开申请情况", "4、 政府信息公开行政复议、行政诉讼情况", "5、 存在的主要问题及改进情况", "6、 其他需要报告的事项"],
        ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的问题及改进情况", "6、 其他需要报告的事项"],
        ["一．总体情况", "二．主动公开政府信息情况", "三．收到和处理政府信息公开申请情况", "四．政府信息公开行政复议、行政诉讼情况", "五．存在的主要问题及改进情况", "六．其他需要报告的事项"],
    ])
    func numberingStyles(headings: [String]) throws {
        var fixture = ReportFixture()
        fixture.overview[0] = headings[0]
        fixture.activeHeading = headings[1]
        fixture.requestsHeading = headings[2]
        fixture.reviewHeading = headings[3]
        fixture.problems[0] = headings[4]
        fixture.other[0] = headings[5]
        let report = try Convert.report(fixture)
        #expect(report.diagnostics("section.missing").isEmpty)
        #expect(report.sections[.overview]?.hasPrefix("2020年，我局") == true)
        #expect(report.sections[.problems]?.hasPrefix("一是信息更新") == true)
        #expect(report.sections[.other] == "无。")
        #expect(report.requests["new_received", "total"] == 4)
    }

    @Test("numbered sub-headings inside the overview stay in the overview", arguments: [
        "(四) 主动公开政府信息情况。",
        "（二）主动公开情况",
        "（二）主动公开政府信息情况",
        "（三）依申请公开情况。",
        "（三）收到和处理政府信息公开申请情况",
        "（四）政府信息公开行政复议、行政诉讼情况。",
        "(五) 存在的问题",
        "（1） 主动公开政府信息情况",
    ])
    func subHeadingsAreNotParts(subHeading: String) throws {
        var fixture = ReportFixture()
        fixture.overview += [subHeading, "我局主动在政府网站公开政府信息21条。"]
        let report = try Convert.report(fixture)
        let overview = try #require(report.sections[.overview])
        #expect(overview.contains(subHeading.trimmingCharacters(in: .whitespaces)))
        #expect(overview.hasSuffix("我局主动在政府网站公开政府信息21条。"))
        #expect(report.sections[.activeDisclosure] == "")
        #expect(report.sections[.requests] == "")
        #expect(report.sections[.reviewLitigation] == "")
        #expect(report.sections[.problems]?.hasPrefix("一是信息更新") == true)
        #expect(report.diagnostics("section.missing").isEmpty)
    }

    @Test("a heading followed by prose in the same paragraph keeps the prose")
    func headingWithProse() throws {
        var fixture = ReportFixture()
        fixture.other = ["六、其他需要报告的事项：本年度未收取信息处理费。"]
        let report = try Convert.report(fixture)
        #expect(report.sections[.other] == "本年度未收取信息处理费。")
    }

    @Test("a report repeated in one file: the second copy is ignored with `report.repeated`")
    func repeatedReport() throws {
        let single = try Convert.report(ReportFixture())
        var second = ReportFixture()
        second.replace(.requests, "new_received", with: "一、本年新收政府信息公开申请数量\t9\t0\t0\t0\t0\t0\t9")
        let doubled = try Convert.report(ReportFixture().text + "\n" + second.text)
        let repeated = doubled.diagnostics("report.repeated")
        #expect(repeated.count == 1)
        #expect(repeated.first?.severity == .warning)
        let firstLineOfCopy = ReportFixture().text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        // The copy starts at its title line, not at its overview.
        #expect(repeated.first?.location == .line(firstLineOfCopy))
        #expect(doubled.requests == single.requests)
        #expect(doubled.activeDisclosure == single.activeDisclosure)
        #expect(doubled.reviewLitigation == single.reviewLitigation)
        #expect(doubled.sections == single.sections)
        #expect(doubled.title == single.title)
        #expect(doubled.published == single.published)
        #expect(doubled.diagnostics("table.duplicate_row").isEmpty)
    }
}
