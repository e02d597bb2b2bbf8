import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer

/// Value formats read through the whole recognizer: signs, units, placeholders, 无, and the
/// diagnostics each one leaves.
@Suite("Recognizer: value formats")
struct ValueFormatTests {
    @Test("the 2019 fixture: every value, no warnings or errors")
    func baseline2019() throws {
        let report = try Convert.report(ReportFixture())
        #expect(report.template == .v2019)
        #expect(report.row(.activeDisclosure, "regulations") == values(0, 0, 0))
        #expect(report.row(.activeDisclosure, "normative_documents") == values(2, 2, 5))
        #expect(report.row(.activeDisclosure, "licensing") == values(10, 2, 300))
        #expect(report.row(.activeDisclosure, "other_services") == values(3, 0, 4))
        #expect(report.row(.activeDisclosure, "punishment") == values(20, -1, 50))
        #expect(report.row(.activeDisclosure, "enforcement") == values(1, 0, 0))
        #expect(report.row(.activeDisclosure, "fees") == values(2, 0))
        #expect(report.row(.activeDisclosure, "procurement") == values(5, 101500))
        #expect(report.row(.requests, "new_received") == values(3, 1, 0, 0, 0, 0, 4))
        #expect(report.row(.requests, "carried_over") == values(1, 0, 0, 0, 0, 0, 1))
        #expect(report.row(.requests, "granted") == values(2, 1, 0, 0, 0, 0, 3))
        #expect(report.row(.requests, "unavailable_not_held") == values(1, 0, 0, 0, 0, 0, 1))
        #expect(report.row(.requests, "results_total") == values(3, 1, 0, 0, 0, 0, 4))
        #expect(report.row(.requests, "carried_forward") == values(1, 0, 0, 0, 0, 0, 1))
        #expect(report.row(.requests, "denied_inquiry") == values(0, 0, 0, 0, 0, 0, 0))
        #expect(report.row(.reviewLitigation, "review") == values(1, 0, 0, 1, 2))
        #expect(report.row(.reviewLitigation, "litigation_direct") == values(0, 0, 0, 0, 0))
        #expect(report.row(.reviewLitigation, "litigation_after_review") == values(0, 1, 0, 0, 1))
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics)")
    }

    @Test("the 2021 fixture: 2021 columns, fees in 万元 from the header")
    func baseline2021() throws {
        let report = try Convert.report(ReportFixture.v2021)
        #expect(report.template == .v2021)
        #expect(report.year == 2021)
        #expect(report.row(.activeDisclosure, "regulations") == values(0, 0, 0))
        #expect(report.row(.activeDisclosure, "normative_documents") == values(2, 1, 5))
        #expect(report.row(.activeDisclosure, "licensing") == values(300))
        #expect(report.row(.activeDisclosure, "punishment") == values(50))
        #expect(report.row(.activeDisclosure, "enforcement") == values(2))
        #expect(report.activeDisclosure["fees", "amount_yuan"] == 15000)
        #expect(report.row(.requests, "other_misc") == values(0, 0, 0, 0, 0, 0, 0))
        #expect(report.row(.requests, "results_total") == values(3, 1, 0, 0, 0, 0, 4))
        #expect(report.diagnostics("value.unit_guessed").isEmpty)
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics)")
    }

    @Test("2021 fees with no unit in the header are 万元, by the template")
    func fees2021WithoutHeaderUnit() throws {
        let fixture = ReportFixture.v2021.replacing(.activeDisclosure, "h8c", with: "信息内容\t本年收费金额")
        let report = try Convert.report(fixture)
        #expect(report.activeDisclosure["fees", "amount_yuan"] == 15000)
        #expect(report.diagnostics("value.unit_guessed", at: "active_disclosure.fees.amount_yuan").count == 1)
    }

    @Test("the change column: 增/减 and +/- signs", arguments: [
        ("增9", Decimal(9)), ("减16", -16), ("+1", 1), ("-2", -2), ("0", 0), ("增加3", 3), ("减少4", -4),
    ])
    func change(cell: String, expected: Decimal) throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "licensing", with: "行政许可\t10\t\(cell)\t300"))
        #expect(report.row(.activeDisclosure, "licensing") == values(10, expected, 300))
        #expect(report.diagnostics("value.invalid").isEmpty)
    }

    @Test("procurement money: the unit in the cell or the header", arguments: [
        ("采购总金额", "101500元", Decimal(101500)),
        ("采购总金额", "10.15万元", 101500),
        ("采购总金额（万元）", "10.15", 101500),
        ("采购总金额（元）", "101500", 101500),
        ("采购总金额（万元）", "101500元", 101500),
        ("采购总金额", "0", 0),
    ])
    func procurementMoney(header: String, cell: String, yuan: Decimal) throws {
        let fixture = ReportFixture()
            .replacing(.activeDisclosure, "h9c", with: "信息内容\t采购项目数量\t\(header)\t")
            .replacing(.activeDisclosure, "procurement", with: "政府集中采购\t5\t\(cell)\t")
        let report = try Convert.report(fixture)
        #expect(report.row(.activeDisclosure, "procurement") == values(5, yuan))
        #expect(report.diagnostics("value.unit_guessed").isEmpty)
    }

    @Test("procurement with no unit anywhere and a non-zero amount: 元, with `value.unit_guessed`")
    func procurementUnitGuessed() throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "procurement", with: "政府集中采购\t5\t3000\t"))
        #expect(report.activeDisclosure["procurement", "amount_yuan"] == 3000)
        let guessed = report.diagnostics("value.unit_guessed", at: "active_disclosure.procurement.amount_yuan")
        #expect(guessed.count == 1)
        #expect(guessed.first?.severity == .warning)
        #expect(guessed.first?.message.contains("3000") == true)
    }

    @Test("full-width digits and thousands separators", arguments: [
        ("２\t１\t０\t０\t０\t０\t３", values(2, 1, 0, 0, 0, 0, 3)),
        ("1,202\t1\t0\t0\t0\t0\t1,203", values(1202, 1, 0, 0, 0, 0, 1203)),
        ("\u{00A0}2\t 1\t0 \t0\t0\t0\t3", values(2, 1, 0, 0, 0, 0, 3)),
    ])
    func digitForms(cells: String, expected: [Decimal?]) throws {
        let report = try Convert.report(ReportFixture().replacing(.requests, "granted", with: "三、本年度办理结果\t（一）予以公开\t\(cells)"))
        #expect(report.row(.requests, "granted") == expected)
    }

    @Test("a blank, — or / cell is null with `value.missing`, never 0", arguments: ["", "—", "/", "-", "——"])
    func missingValue(cell: String) throws {
        let report = try Convert.report(ReportFixture().replacing(.requests, "denied_third_party",
            with: "\t\t4. 保护第三方合法权益\t0\t0\t\(cell)\t0\t0\t0\t0"))
        #expect(report.row(.requests, "denied_third_party") == values(0, 0, nil, 0, 0, 0, 0))
        let missing = report.diagnostics("value.missing", at: "requests.denied_third_party.research")
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .warning)
        #expect(report.diagnostics("table.row_repaired").isEmpty)
    }

    @Test("a blank or placeholder cell in part 二 is null with `value.missing`", arguments: ["—", "/", ""])
    func missingActiveValue(cell: String) throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "punishment", with: "行政处罚\t20\t\(cell)\t50"))
        #expect(report.row(.activeDisclosure, "punishment") == values(20, nil, 50))
        #expect(report.diagnostics("value.missing", at: "active_disclosure.punishment.change").count == 1)
    }

    @Test("无 is 0 with an info `value.none_as_zero`")
    func noneAsZero() throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "regulations", with: "规章\t无\t无\t0"))
        #expect(report.row(.activeDisclosure, "regulations") == values(0, 0, 0))
        let none = report.diagnostics("value.none_as_zero")
        #expect(none.map(\.path) == ["active_disclosure.regulations.new_made", "active_disclosure.regulations.new_published"])
        #expect(none.allSatisfy { $0.severity == .info })
    }

    @Test("text where a value belongs is null with `value.unreadable`")
    func unreadable() throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "enforcement", with: "行政强制\t1\t约2\t0"))
        #expect(report.row(.activeDisclosure, "enforcement") == values(1, nil, 0))
        #expect(report.diagnostics("value.unreadable", at: "active_disclosure.enforcement.change").count == 1)
    }
}
