import Foundation
import Testing
import NianbaoModel
import NianbaoValidator

/// The five consistency rules (勾稽关系), each passing and failing, and null values not checked.
@Suite("Validator")
struct ValidatorTests {
    /// A 2019 report whose every value is consistent: new 4 (3 natural + 1 commercial), carried
    /// over 1 natural; 3 granted + 1 not held = 4 results; 1 carried forward; one review case.
    static func consistentReport(_ template: TemplateVersion = .v2019) -> Report {
        var report = Report(source: SourceInfo(file: "t.txt", format: .text, sha256: ""), template: template)
        for table in ReportTable.allCases {
            for (row, column, _) in report[table].allCells { report[table][row, column] = 0 }
        }
        func set(_ row: String, natural: Decimal, commercial: Decimal) {
            report.requests[row, "natural_person"] = natural
            report.requests[row, "commercial"] = commercial
            report.requests[row, "total"] = natural + commercial
        }
        set("new_received", natural: 3, commercial: 1)
        set("carried_over", natural: 1, commercial: 0)
        set("granted", natural: 2, commercial: 1)
        set("unavailable_not_held", natural: 1, commercial: 0)
        set("results_total", natural: 3, commercial: 1)
        set("carried_forward", natural: 1, commercial: 0)
        report.reviewLitigation["review", "upheld"] = 1
        report.reviewLitigation["review", "pending"] = 1
        report.reviewLitigation["review", "total"] = 2
        return report
    }

    @Test("a consistent report passes every rule", arguments: [TemplateVersion.v2019, .v2021])
    func consistent(template: TemplateVersion) {
        #expect(Validator.check(Self.consistentReport(template)).isEmpty)
    }

    @Test("rule 1 fails: 一 + 二 ≠ 三(七) + 四, in one column")
    func balanceFails() throws {
        var report = Self.consistentReport()
        report.requests["carried_forward", "total"] = 0  // 4 + 1 ≠ 4 + 0
        report.valueLocations["requests.carried_forward.total"] = .line(214)
        let findings = Validator.check(report).filter { $0.code == "requests.balance" }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.path == "requests.carried_forward.total")
        #expect(finding.message.contains("(5)"))
        #expect(finding.message.contains("(4)"))
        #expect(finding.message.contains("总计"))
        #expect(finding.location == .line(214))
        // The same change also breaks rule 2 on the carried-forward row.
        #expect(Validator.check(report).map(\.code).sorted() == ["requests.balance", "requests.row_total"])
    }

    @Test("rule 2 fails: a row's 总计 is not the sum of the six applicant columns")
    func rowTotalFails() throws {
        var report = Self.consistentReport()
        report.requests["denied_third_party", "research"] = 2
        let finding = try #require(Validator.check(report).first { $0.code == "requests.row_total" })
        #expect(finding.severity == .error)
        #expect(finding.path == "requests.denied_third_party.total")
        #expect(finding.message.contains("总计 0"))
        #expect(finding.message.contains("(2)"))
        #expect(finding.message.contains("保护第三方合法权益"))
    }

    @Test("rule 3 fails: 三(七)总计 is not the sum of the result rows")
    func resultsTotalFails() throws {
        var report = Self.consistentReport()
        report.requests["granted", "natural_person"] = 5
        report.requests["granted", "total"] = 6
        let findings = Validator.check(report)
        let natural = try #require(findings.first { $0.code == "requests.results_total" && $0.path == "requests.results_total.natural_person" })
        #expect(natural.severity == .error)
        #expect(natural.message.contains("三(七)总计 3"))
        #expect(natural.message.contains("(6)"))
        #expect(natural.message.contains("自然人"))
        #expect(findings.contains { $0.code == "requests.results_total" && $0.path == "requests.results_total.total" && $0.message.contains("(7)") })
        #expect(findings.filter { $0.code == "requests.results_total" }.count == 2)
    }

    @Test("rule 3 in the 2021 template sums the three 其他处理 rows")
    func resultsTotal2021() throws {
        var report = Self.consistentReport(.v2021)
        report.requests["other_overdue_fee", "natural_person"] = 1
        report.requests["other_overdue_fee", "total"] = 1
        let finding = try #require(Validator.check(report).first { $0.code == "requests.results_total" })
        #expect(finding.path == "requests.results_total.natural_person")
        #expect(finding.message.contains("(4)"))
    }

    @Test("rule 4 fails: a group's 总计 is not 维持 + 纠正 + 其他 + 尚未审结")
    func reviewTotalFails() throws {
        var report = Self.consistentReport()
        report.reviewLitigation["litigation_after_review", "corrected"] = 1
        let findings = Validator.check(report)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.code == "review_litigation.total")
        #expect(finding.severity == .error)
        #expect(finding.path == "review_litigation.litigation_after_review.total")
        #expect(finding.message.contains("总计 0"))
        #expect(finding.message.contains("(1)"))
        #expect(finding.message.contains("行政诉讼·复议后起诉"))
    }

    @Test("rule 5 fails: negative counts", arguments: [
        ("active_disclosure", "licensing", "decisions"),
        ("active_disclosure", "procurement", "amount_yuan"),
    ])
    func negativeFails(table: String, row: String, column: String) throws {
        var report = Self.consistentReport()
        let reportTable = try #require(ReportTable(rawValue: table))
        report[reportTable][row, column] = -3
        let findings = Validator.check(report)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.code == "value.invalid")
        #expect(finding.path == "\(table).\(row).\(column)")
        #expect(finding.message.contains("negative (-3)"))
    }

    @Test("rule 5 fails: a count that is not whole")
    func fractionFails() throws {
        var report = Self.consistentReport()
        report.activeDisclosure["regulations", "new_made"] = Decimal(string: "1.5")!
        let finding = try #require(Validator.check(report).first)
        #expect(finding.code == "value.invalid")
        #expect(finding.path == "active_disclosure.regulations.new_made")
        #expect(finding.message.contains("not a whole number (1.5)"))
    }

    @Test("rule 5 passes: a negative 本年增/减 and a money amount with fractions")
    func signedAndMoneyPass() {
        var report = Self.consistentReport()
        report.activeDisclosure["punishment", "change"] = -16
        report.activeDisclosure["procurement", "amount_yuan"] = Decimal(string: "1015.5")!
        #expect(Validator.check(report).isEmpty)
    }

    @Test("null values are not checked by any rule")
    func nullNotChecked() {
        var report = Self.consistentReport()
        report.requests["carried_forward", "total"] = nil      // rules 1 and 2 on that cell
        report.requests["granted", "natural_person"] = nil     // rule 3 for that column, rule 2 for the row
        report.requests["results_total", "commercial"] = 9
        report.requests["granted", "commercial"] = nil         // … so rule 3 for 商业企业 is not checked either
        report.reviewLitigation["review", "other"] = nil       // rule 4 for the group
        report.reviewLitigation["review", "total"] = 7
        let codes = Validator.check(report).map { "\($0.code) \($0.path ?? "")" }
        // 商业企业 of results_total (9) still breaks rule 1 and rule 2 where every value is known.
        #expect(codes.sorted() == [
            "requests.balance requests.carried_forward.commercial",
            "requests.row_total requests.results_total.total",
        ])
    }

    @Test("an empty report (all null) passes")
    func allNull() {
        let report = Report(source: SourceInfo(file: "t.txt", format: .text, sha256: ""), template: .v2019)
        #expect(Validator.check(report).isEmpty)
    }

    @Test("validate replaces earlier findings instead of adding them twice")
    func validateIsIdempotent() {
        var report = Self.consistentReport()
        report.requests["carried_forward", "total"] = 0
        report.diagnostics = [Diagnostic(.warning, code: "value.missing", path: "x", message: "kept")]
        Validator.validate(&report)
        Validator.validate(&report)
        #expect(report.diagnostics.map(\.code).sorted() == ["requests.balance", "requests.row_total", "value.missing"])
        report.requests["carried_forward", "total"] = 1
        Validator.validate(&report)
        #expect(report.diagnostics.map(\.code) == ["value.missing"])
    }
}
