import Foundation
import Testing
import NianbaoRecognizer

/// `CellValue.parse`: every way a report writes a value.
@Suite("CellValue.parse")
struct CellValueTests {
    @Test("numbers", arguments: [
        ("0", Decimal(0)),
        (" 0", 0),
        ("\u{00A0}0", 0),
        ("0 ", 0),
        ("\u{3000}7\u{3000}", 7),
        ("增9", 9),
        ("减16", -16),
        ("增加3", 3),
        ("减少2", -2),
        ("+1", 1),
        ("-2", -2),
        ("－2", -2),
        ("−2", -2),
        ("1,234", 1234),
        ("１２", 12),
        ("１，２３４", 1234),
        ("7410", 7410),
        ("0.5", Decimal(string: "0.5")!),
        ("3件", 3),
        ("12条", 12),
    ])
    func number(raw: String, expected: Decimal) {
        #expect(CellValue.parse(raw) == .number(expected, unit: nil))
    }

    @Test("money with a unit in the cell", arguments: [
        ("101500元", Decimal(101500), MoneyUnit.yuan),
        ("10.15万元", Decimal(string: "10.15")!, .tenThousandYuan),
        ("1.5万元", Decimal(string: "1.5")!, .tenThousandYuan),
        ("2亿元", 2, .hundredMillionYuan),
        ("１０１５００元", 101500, .yuan),
    ])
    func money(raw: String, value: Decimal, unit: MoneyUnit) {
        #expect(CellValue.parse(raw) == .number(value, unit: unit))
    }

    @Test("10.15万元 is exactly 101500 元 (Decimal, no binary rounding)")
    func exactMoney() throws {
        guard case .number(let value, let unit?) = CellValue.parse("10.15万元") else {
            Issue.record("not a number with a unit")
            return
        }
        #expect(value * unit.multiplier == Decimal(101500))
        #expect("\(value * unit.multiplier)" == "101500")
    }

    @Test("blank cells", arguments: ["", " ", "\u{00A0}", "\u{3000}", "\t"])
    func blank(raw: String) {
        #expect(CellValue.parse(raw) == .blank)
        #expect(CellValue.parse(raw).isValueLike)
        #expect(!CellValue.parse(raw).isNumeric)
    }

    @Test("placeholders", arguments: ["—", "——", "/", "-", "－", "–", "…", "\\"])
    func placeholder(raw: String) {
        guard case .placeholder = CellValue.parse(raw) else {
            Issue.record("\(raw) is \(CellValue.parse(raw)), not a placeholder")
            return
        }
        #expect(!CellValue.parse(raw).isNumeric)
    }

    @Test("无 is an explicit zero", arguments: ["无", " 无 ", "没有"])
    func none(raw: String) {
        #expect(CellValue.parse(raw) == .none)
        #expect(CellValue.parse(raw).isNumeric)
    }

    @Test("labels and malformed numbers are text", arguments: [
        "规章", "(一) 予以公开", "1.属于国家秘密", "1.5.2", ".5", "5.", "12a", "增", "元", "第二十条第（一）项",
    ])
    func text(raw: String) {
        #expect(CellValue.parse(raw) == .text)
        #expect(!CellValue.parse(raw).isValueLike)
    }

    @Test("units named in headers", arguments: [
        ("采购总金额（万元）", MoneyUnit?.some(.tenThousandYuan)),
        ("本年收费金额（单位：万元）", .tenThousandYuan),
        ("采购总金额（单位：元）", .yuan),
        ("采购总金额", nil),
    ])
    func headerUnit(text: String, unit: MoneyUnit?) {
        #expect(MoneyUnit.mentioned(in: text) == unit)
    }
}
