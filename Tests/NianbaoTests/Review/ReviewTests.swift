import Foundation
import Testing
import NianbaoKit
import NianbaoModel
import NianbaoReview
import NianbaoValidator

/// `review` on seeded consistent series with one planted inconsistency at a time.
@Suite("Review across years")
struct ReviewTests {
    static func review(_ reports: [Report], agencies: AgencyDirectory = AgencyDirectory()) -> [Finding] {
        Reviewer.review(reports, agencies: agencies, perReport: Validator.check).findings
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.rule) \($0.year ?? 0): \($0.message)" }.joined(separator: "\n")
    }

    @Test func consistentSeriesGivesNoFinding() {
        for seed: UInt64 in [1, 7, 42] {
            let reports = SeriesBuilder(seed: seed).build()
            #expect(reports.count == 5)
            for report in reports { #expect(Validator.check(report).isEmpty) }
            let findings = Self.review(reports)
            #expect(findings.isEmpty, "\(Self.describe(findings))")
        }
    }

    @Test func carriedOverMismatchIsFoundOnceWithItsCells() throws {
        var reports = SeriesBuilder().build()
        let index = try #require(reports.firstIndex { $0.year == 2021 })
        var report = reports[index]
        // One more carried over, one fewer new: rules 1–2 still hold inside the report.
        for column in ["natural_person", "total"] {
            report.requests["carried_over", column]! += 1
            report.requests["new_received", column]! -= 1
        }
        report.sections = SeriesBuilder.prose(report, feesYuan: report.activeDisclosure["fees", "amount_yuan"].map { NSDecimalNumber(decimal: $0).intValue })
        #expect(Validator.check(report).isEmpty)
        reports[index] = report
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        let finding = try #require(findings.first)
        #expect(finding.rule == "6")
        #expect(finding.severity == .error)
        #expect(finding.year == 2021)
        let previous = try #require(reports.first { $0.year == 2020 })
        #expect(finding.cells.map(\.path) == ["requests.carried_over.natural_person", "requests.carried_forward.natural_person",
                                             "requests.carried_over.total", "requests.carried_forward.total"])
        #expect(finding.cells[0].value == report.requests["carried_over", "natural_person"])
        #expect(finding.cells[1].value == previous.requests["carried_forward", "natural_person"])
        #expect(finding.cells[1].file == previous.source.file)
        #expect(finding.cells[0].source == report.valueLocations["requests.carried_over.natural_person"]?.description)
        #expect(finding.cells[0].value == finding.cells[1].value.map { $0 + 1 })
    }

    @Test func proseCountDifferingFromTheTableIsFoundOnce() throws {
        var reports = SeriesBuilder().build()
        let index = try #require(reports.firstIndex { $0.year == 2022 })
        let table = try #require(reports[index].requests["new_received", "total"])
        let stated = table + 5
        reports[index].sections[.overview] = reports[index].sections[.overview]?
            .replacingOccurrences(of: "收到政府信息公开申请\(table)件", with: "收到政府信息公开申请\(stated)件")
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        let finding = try #require(findings.first)
        #expect(finding.rule == "8")
        #expect(finding.year == 2022)
        #expect(finding.matchedWords == "收到政府信息公开申请\(stated)件")
        #expect(finding.cells.map(\.path) == ["requests.new_received.total", "sections.overview"])
        #expect(finding.cells.map(\.value) == [table, stated])
        #expect(finding.cells[1].source == "sections.overview, 第1段")
    }

    @Test func feesInWanYuanAreComparedInYuan() throws {
        var reports = SeriesBuilder().build()
        let index = try #require(reports.firstIndex { $0.year == 2023 })
        reports[index].activeDisclosure["fees", "amount_yuan"]! += 100
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "8")
        #expect(findings.first?.cells.first?.path == "active_disclosure.fees.amount_yuan")
    }

    @Test func activeDisclosureCountIsMatchedWhereTheTableHasTheRow() throws {
        for (year, column) in [(2020, "new_published"), (2022, "issued")] {
            var reports = SeriesBuilder().build()
            let index = try #require(reports.firstIndex { $0.year == year })
            let table = try #require(reports[index].activeDisclosure["normative_documents", column])
            reports[index].activeDisclosure["normative_documents", column] = table + 1
            // 2021 template: 现行有效件数 rolls on with 制发; keep it consistent so that only rule 8 speaks.
            if column == "issued" {
                for later in reports.indices where (reports[later].year ?? 0) >= year {
                    reports[later].activeDisclosure["normative_documents", "in_force"]! += 1
                }
            }
            let findings = Self.review(reports)
            #expect(findings.count == 1, "\(Self.describe(findings))")
            let finding = try #require(findings.first)
            #expect(finding.rule == "8")
            #expect(finding.year == year)
            #expect(finding.cells.map(\.path) == ["active_disclosure.normative_documents.\(column)", "sections.active_disclosure"])
            #expect(finding.cells.map(\.value) == [table + 1, table])
            let words = column == "issued" ? "制发行政规范性文件\(table)件" : "主动公开规范性文件\(table)件"
            #expect(finding.matchedWords == words)
        }
    }

    /// A text report with the six part headings in `order` (part numbers), each with one line of prose.
    static func partsReport(order: [Int]) throws -> Report {
        let headings = SectionKey.allCases.map { "\(["一", "二", "三", "四", "五", "六"][$0.number - 1])、\($0.officialHeading)" }
        var text = "某市交通运输局2021年政府信息公开工作年度报告\n"
        for number in order {
            text += headings[number - 1] + "\n" + "第\(number)部分的正文。\n"
        }
        text += "某市交通运输局\n2022年1月20日\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-parts-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        return try Pipeline.convert(contentsOf: url)
    }

    @Test func partsOutOfOrderAreFoundOnce() throws {
        let inOrder = try Self.partsReport(order: [1, 2, 3, 4, 5, 6])
        #expect(inOrder.sections.count == 6)
        let clean = Self.review([inOrder]).filter { $0.rule.hasPrefix("completeness.parts") || $0.rule == "completeness.order" }
        #expect(clean.isEmpty, "\(Self.describe(clean))")

        let swapped = try Self.partsReport(order: [1, 3, 2, 4, 5, 6])
        let findings = Self.review([swapped]).filter { $0.rule.hasPrefix("completeness.parts") || $0.rule == "completeness.order" }
        #expect(findings.count == 1, "\(Self.describe(findings))")
        let finding = try #require(findings.first)
        #expect(finding.rule == "completeness.order")
        #expect(finding.cells.map(\.path) == ["sections.active_disclosure"])
        #expect(finding.cells.first?.source == "line 6")
        #expect(finding.message.contains("二、主动公开政府信息情况"))
    }

    @Test func proseOfAnotherKindIsNotMatched() {
        var report = SeriesBuilder(years: [2021]).build()[0]
        report.sections[.other] = "全年备案行政复议案件134件，办理行政复议案件20件。共受理政府信息公开申请999件。"
        report.sections[.overview] = (report.sections[.overview] ?? "") + "\n共收到政府信息公开申请999件（含上年结转3件）。"
        let findings = Self.review([report]).filter { $0.rule == "8" }
        // Only the 上年结转 3 inside the bracket states the table's own quantity (the seeded one is at least 6).
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.matchedWords == "上年结转3件")
    }

    @Test func missingPartIsFoundOnce() throws {
        var reports = SeriesBuilder().build()
        let index = try #require(reports.firstIndex { $0.year == 2020 })
        reports[index].sections[.problems] = nil
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "completeness.parts")
        #expect(findings.first?.year == 2020)
        #expect(findings.first?.cells.map(\.path) == ["sections.problems"])
    }

    @Test func template2019For2022IsFoundOnce() {
        let reports = SeriesBuilder(templateOverride: [2022: .v2019]).build()
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "completeness.template")
        #expect(findings.first?.year == 2022)
    }

    @Test func template2021For2020IsFoundOnce() {
        let reports = SeriesBuilder(templateOverride: [2020: .v2021]).build()
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "completeness.template")
        #expect(findings.first?.year == 2020)
        #expect(findings.first?.message.contains("应使用2019年版模板") == true)
    }

    @Test func governmentOfficePublishingTheGovernmentsReportHasTheMarchDeadline() {
        var office = SeriesBuilder(agency: "某县人民政府办公室", years: [2020]).build()[0]
        office.title = "某县人民政府2020年政府信息公开工作年度报告"
        office.published = "2021-03-15"
        #expect(Self.review([office]).isEmpty)
        office.published = "2021-04-01"
        let late = Self.review([office])
        #expect(late.map(\.rule) == ["completeness.published"])
        #expect(late.first?.message.contains("县级以上地方人民政府本级年度报告，3月31日前") == true)
        #expect(late.first?.cells.map(\.source) == ["2021-04-01"])
    }

    @Test func duplicateYearIsFoundOnce() throws {
        var reports = SeriesBuilder().build()
        var copy = try #require(reports.first { $0.year == 2021 })
        copy.source.file = "copy_2021.txt"
        copy.source.sha256 = "another"
        reports.append(copy)
        // The same input given twice counts once.
        reports.append(reports[0])
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "series.duplicate")
        #expect(findings.first?.cells.map(\.file).sorted() == ["copy_2021.txt", "某市交通运输局_2021.txt"])
    }

    @Test func gapIsFoundOnce() {
        let reports = SeriesBuilder().build().filter { $0.year != 2021 }
        let findings = Self.review(reports)
        #expect(findings.count == 1, "\(Self.describe(findings))")
        #expect(findings.first?.rule == "series.gap")
        #expect(findings.first?.year == 2021)
    }

    @Test func itemCountsNotCarriedOnAreAWarning() throws {
        var reports = SeriesBuilder().build()
        let index = try #require(reports.firstIndex { $0.year == 2020 })
        reports[index].activeDisclosure["licensing", "previous_items"]! += 2
        let later = try #require(reports.firstIndex { $0.year == 2023 })
        reports[later].activeDisclosure["regulations", "in_force"]! -= 1
        let findings = Self.review(reports)
        #expect(findings.map(\.rule) == ["7", "7"], "\(Self.describe(findings))")
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.first?.cells.map(\.path) == ["active_disclosure.licensing.previous_items",
                                                      "active_disclosure.licensing.previous_items", "active_disclosure.licensing.change"])
    }

    @Test func renamedAgencyJoinsItsSeriesThroughTheDirectory() throws {
        var reports = SeriesBuilder().build()
        reports[4].agency = "某市交通局"
        #expect(Reviewer.review(reports).series.count == 2)
        let directory = try AgencyDirectory(csv: "name,id\n某市交通运输局,traffic\n某市交通局,traffic\n", file: "agencies.csv")
        let result = Reviewer.review(reports, agencies: directory, perReport: Validator.check)
        #expect(result.series.count == 1)
        #expect(result.series.first?.agencyID == "traffic")
        #expect(result.findings.isEmpty, "\(Self.describe(result.findings))")
    }

    @Test func publicationDeadlineDependsOnWhoPublishes() {
        var department = SeriesBuilder(years: [2020]).build()[0]
        department.published = "2021-03-15"
        let late = Self.review([department])
        #expect(late.map(\.rule) == ["completeness.published"])
        #expect(late.first?.message.contains("1月31日") == true)

        var government = SeriesBuilder(agency: "某县人民政府", years: [2020]).build()[0]
        government.published = "2021-03-15"
        #expect(Self.review([government]).isEmpty)
        government.published = "2021-04-02"
        #expect(Self.review([government]).first?.message.contains("3月31日") == true)

        var early = department
        early.published = "2020-12-20"
        #expect(Self.review([early]).first?.severity == .error)
    }

    @Test func blankCellsAreListed() {
        var report = SeriesBuilder(years: [2021]).build()[0]
        report.requests["granted", "research"] = nil
        report.requests["granted", "total"] = nil
        let findings = Self.review([report]).filter { $0.rule == "completeness.blank_cells" }
        #expect(findings.count == 1)
        #expect(findings.first?.cells.map(\.path) == ["requests.granted.research", "requests.granted.total"])
    }

    @Test func everyPatternCompiles() {
        #expect(ProseCheckPatterns.allCompile)
    }
}
