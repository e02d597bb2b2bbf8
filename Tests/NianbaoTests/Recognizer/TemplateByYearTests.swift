import Foundation
import Testing
import NianbaoModel

/// A report whose tables cannot be found still has a template: the year reported on says which
/// (2019–2020 the 2019 template, 2021 on the 2021 template), with a diagnostic saying so.
@Suite("Recognizer: template by year when no table is found")
struct TemplateByYearTests {
    private func tableless(year: Int) throws -> Report {
        var fixture = ReportFixture()
        fixture.front = ["测试市交通运输局\(year)年政府信息公开工作年度报告", ""]
        fixture.active = []
        fixture.requests = []
        fixture.review = []
        return try Convert.report(fixture)
    }

    @Test("the year gives the template", arguments: [
        (2019, TemplateVersion.v2019), (2020, .v2019), (2021, .v2021), (2025, .v2021),
    ])
    func byYear(year: Int, template: TemplateVersion) throws {
        let report = try tableless(year: year)
        #expect(report.year == year)
        #expect(report.template == template)
        let byYear = report.diagnostics("template.by_year")
        #expect(byYear.count == 1)
        #expect(byYear.first?.severity == .info)
        #expect(byYear.first?.message.contains("no statutory table found") == true)
        #expect(byYear.first?.message.contains("\(year)") == true)
        #expect(report.diagnostics("template.unknown").isEmpty)
        // Missing is not zero: every table is reported missing and every value is null.
        for table in ReportTable.allCases {
            #expect(report.diagnostics("table.missing", at: table.rawValue).count == 1)
            #expect(report[table].allCells.allSatisfy { $0.value == nil })
        }
    }

    @Test("before 2019 there is no template to choose: unknown, with the error")
    func tooEarly() throws {
        let report = try tableless(year: 2018)
        #expect(report.template == .unknown)
        #expect(report.diagnostics("template.unknown").count == 1)
        #expect(report.diagnostics("template.by_year").isEmpty)
    }

    @Test("tables found: the labels still decide, the year only breaks ties")
    func labelsFirst() throws {
        let report = try Convert.report(ReportFixture())
        #expect(report.template == .v2019)
        #expect(report.diagnostics("template.by_year").isEmpty)
    }
}
