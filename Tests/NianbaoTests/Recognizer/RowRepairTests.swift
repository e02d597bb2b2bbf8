import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer

/// Damaged rows: a missing cell, an extra cell, an ambiguous row, a table with no values. Only a
/// placement that the sum rules make unique is used; anything else is null with a warning.
@Suite("Recognizer: damaged rows")
struct RowRepairTests {
    @Test("004: 6 zeros for 7 columns → all 0, `table.row_repaired` warning and info `value.derived`")
    func missingCellAllZero() throws {
        let report = try Convert.report(ReportFixture()
            .replacing(.requests, "partially_granted", with: "\t(二) 部分公开 (区分处理的，只计这一情形，不计其他情形)\t0\t0\t0\t0\t0\t0"))
        #expect(report.row(.requests, "partially_granted") == values(0, 0, 0, 0, 0, 0, 0))
        let repaired = report.diagnostics("table.row_repaired", at: "requests.partially_granted")
        #expect(repaired.count == 1)
        #expect(repaired.first?.severity == .warning)
        let derived = report.diagnostics("value.derived").filter { $0.path?.hasPrefix("requests.partially_granted") == true }
        #expect(derived.count == 1)
        #expect(derived.allSatisfy { $0.severity == .info })
        #expect(derived.first?.message.contains("rule 2") == true)
    }

    @Test("a missing total cell is derived from the other six, marked `value.derived` at its path")
    func missingTotalDerived() throws {
        let report = try Convert.report(ReportFixture()
            .replacing(.requests, "granted", with: "三、本年度办理结果\t(一) 予以公开\t2\t1\t0\t0\t0\t0"))
        #expect(report.row(.requests, "granted") == values(2, 1, 0, 0, 0, 0, 3))
        #expect(report.diagnostics("table.row_repaired", at: "requests.granted").count == 1)
        let derived = report.diagnostics("value.derived", at: "requests.granted.total")
        #expect(derived.count == 1)
        #expect(derived.first?.severity == .info)
    }

    @Test("an extra cell: 8 values for 7, only one placement keeps the row total → repaired")
    func extraCell() throws {
        let report = try Convert.report(ReportFixture()
            .replacing(.requests, "granted", with: "三、本年度办理结果\t(一) 予以公开\t2\t1\t0\t0\t0\t0\t0\t3"))
        #expect(report.row(.requests, "granted") == values(2, 1, 0, 0, 0, 0, 3))
        let repaired = report.diagnostics("table.row_repaired", at: "requests.granted")
        #expect(repaired.count == 1)
        #expect(repaired.first?.message.contains("1 extra cell(s) ignored") == true)
        #expect(report.diagnostics("requests.row_total").isEmpty)
    }

    @Test("an ambiguous row: where the missing cell is changes the values → all null + warning", arguments: [
        "1\t0\t0\t0\t0\t1",
        "2\t1\t0\t0\t0\t3",
    ])
    func ambiguousRow(cells: String) throws {
        let report = try Convert.report(ReportFixture()
            .replacing(.requests, "carried_over", with: "二、上年结转政府信息公开申请数量\t\(cells)"))
        #expect(report.row(.requests, "carried_over") == values(nil, nil, nil, nil, nil, nil, nil))
        let shape = report.diagnostics("table.row_shape", at: "requests.carried_over")
        #expect(shape.count == 1)
        #expect(shape.first?.severity == .warning)
        #expect(report.diagnostics("table.row_repaired").isEmpty)
        // Null is not checked by the rules: no balance error comes from the row left empty.
        #expect(report.diagnostics("requests.balance").isEmpty)
    }

    @Test("too many cells in part 二 leave the row null with `table.row_shape`")
    func activeRowShape() throws {
        let report = try Convert.report(ReportFixture().replacing(.activeDisclosure, "regulations", with: "规章\t0\t0\t0\t0\t0"))
        #expect(report.row(.activeDisclosure, "regulations") == values(nil, nil, nil))
        #expect(report.diagnostics("table.row_shape", at: "active_disclosure.regulations").count == 1)
    }

    @Test("002: 16 zeros for the 15 review/litigation cells → all 0, repaired")
    func reviewExtraCell() throws {
        let zeros = Array(repeating: "0", count: 16).joined(separator: "\t")
        let report = try Convert.report(ReportFixture().replacing(.reviewLitigation, "values", with: zeros))
        for group in ["review", "litigation_direct", "litigation_after_review"] {
            #expect(report.row(.reviewLitigation, group) == values(0, 0, 0, 0, 0))
        }
        #expect(report.diagnostics("table.row_repaired", at: "review_litigation").count == 1)
    }

    @Test("a review/litigation row with one cell missing is repaired only where unique")
    func reviewMissingCell() throws {
        // 14 values: review 1 0 0 1 2, direct 0 0 0 0 0, after-review 0 1 0 0 (total lost).
        let cells = "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t1\t0\t0"
        let report = try Convert.report(ReportFixture().replacing(.reviewLitigation, "values", with: cells))
        #expect(report.row(.reviewLitigation, "review") == values(1, 0, 0, 1, 2))
        #expect(report.row(.reviewLitigation, "litigation_direct") == values(0, 0, 0, 0, 0))
        #expect(report.row(.reviewLitigation, "litigation_after_review") == values(0, 1, 0, 0, 1))
        #expect(report.diagnostics("value.derived", at: "review_litigation.litigation_after_review.total").count == 1)
    }

    @Test("review/litigation groups given one per labelled row")
    func reviewLabelledRows() throws {
        var fixture = ReportFixture()
        fixture.review = [
            ("h", "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"),
            ("review", "行政复议\t1\t0\t0\t1\t2"),
            ("litigation_direct", "行政诉讼未经复议直接起诉\t0\t0\t0\t0\t0"),
            ("litigation_after_review", "行政诉讼复议后起诉\t0\t1\t0\t0\t1"),
        ]
        let report = try Convert.report(fixture)
        #expect(report.row(.reviewLitigation, "review") == values(1, 0, 0, 1, 2))
        #expect(report.row(.reviewLitigation, "litigation_direct") == values(0, 0, 0, 0, 0))
        #expect(report.row(.reviewLitigation, "litigation_after_review") == values(0, 1, 0, 0, 1))
    }

    @Test("004: a table with headers and no values → all null, `table.no_values`")
    func headersWithoutValues() throws {
        let report = try Convert.report(ReportFixture().replacing(.reviewLitigation, "values", with: nil))
        for group in ["review", "litigation_direct", "litigation_after_review"] {
            #expect(report.row(.reviewLitigation, group) == values(nil, nil, nil, nil, nil))
        }
        let noValues = report.diagnostics("table.no_values", at: "review_litigation")
        #expect(noValues.count == 1)
        #expect(noValues.first?.severity == .warning)
        #expect(report.diagnostics("table.missing").isEmpty)
        #expect(report.diagnostics("review_litigation.total").isEmpty)
    }

    @Test("a table that is not there at all → all null, `table.missing`")
    func missingTable() throws {
        var fixture = ReportFixture()
        fixture.review = []
        let report = try Convert.report(fixture)
        #expect(report.row(.reviewLitigation, "review") == values(nil, nil, nil, nil, nil))
        #expect(report.diagnostics("table.missing", at: "review_litigation").count == 1)
    }

    @Test("a row that is missing from a table → its values null, `table.row_missing`")
    func missingRow() throws {
        let report = try Convert.report(ReportFixture().replacing(.requests, "denied_inquiry", with: nil))
        #expect(report.row(.requests, "denied_inquiry") == values(nil, nil, nil, nil, nil, nil, nil))
        #expect(report.diagnostics("table.row_missing", at: "requests.denied_inquiry").count == 1)
        #expect(report.row(.requests, "unavailable_not_held") == values(1, 0, 0, 0, 0, 0, 1))
    }
}

/// `RowAligner` on its own.
@Suite("RowAligner")
struct RowAlignerTests {
    private let seven = RowAligner(slotCount: 7, rules: [RowAligner.SumRule(total: 6, parts: Array(0..<6))])

    @Test("as many values as slots: exact")
    func exact() {
        #expect(seven.align(values(1, 0, 0, 0, 0, 0, 1)) == .exact(values(1, 0, 0, 0, 0, 0, 1)))
    }

    @Test("a missing total: derived, and only that placement keeps non-negative parts")
    func missingTotal() {
        #expect(seven.align(values(3, 1, 0, 0, 0, 0)) == .repaired(values(3, 1, 0, 0, 0, 0, 4), derived: [6], dropped: 0))
    }

    @Test("all zeros with one missing: every placement gives the same row, position unknown")
    func zeros() {
        #expect(seven.align(values(0, 0, 0, 0, 0, 0)) == .repaired(values(0, 0, 0, 0, 0, 0, 0), derived: [], dropped: 0))
    }

    @Test("an extra cell that only one placement drops consistently")
    func extra() {
        #expect(seven.align(values(2, 1, 0, 0, 0, 0, 0, 3)) == .repaired(values(2, 1, 0, 0, 0, 0, 3), derived: [], dropped: 1))
    }

    /// 行政复议/行政诉讼: three groups of five, each 总计 the sum of its four results.
    private let review = RowAligner(slotCount: 15, rules: stride(from: 0, to: 15, by: 5).map {
        RowAligner.SumRule(total: $0 + 4, parts: Array($0..<($0 + 4)))
    })

    /// `pdftotext -layout` on a narrow 总计 cell: `1138` written `113` over the row and `8` under it,
    /// both read as cells. Dropping `113` keeps every rule only because the group `8` moves into is
    /// blank (`-`): nothing checks `8` there, so nothing is placed (syn2003_0003_2021, seed 2003).
    @Test("an extra cell whose drop moves a value under blank cells only: ambiguous")
    func extraMovingUnderBlanks() {
        let read = values(113, 107, 155, 33, 148, 443, 338, 219, 207, 374, nil, nil, nil, nil, nil, 8)
        #expect(review.align(read) == .ambiguous)
        // `1064` as `106` / `4` where the group keeps three of its cells: the `4` is not its 总计.
        let partly = values(106, 105, 72, 249, 140, 566, 292, 242, 228, nil, 762, 395, 303, nil, 366, 4)
        #expect(review.align(partly) == .ambiguous)
        // PyMuPDF gives the pieces last (`… 366 106 4`): dropping either keeps every rule.
        let piecesLast = values(105, 72, 249, 140, 566, 292, 242, 228, nil, 762, 395, 303, nil, 366, 106, 4)
        #expect(review.align(piecesLast) == .ambiguous)
    }

    @Test("an extra cell before complete groups: every moved value checked, repaired")
    func extraBeforeCompleteGroups() {
        let read = values(9, 1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 1, 1, 1, 1, 4)
        #expect(review.align(read) == .repaired(values(1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 1, 1, 1, 1, 4), derived: [], dropped: 1))
    }

    /// lynx, PyMuPDF, `pdftotext -raw`: part 四's one row with its blank cells dropped. A group
    /// whose five cells are all given is placed however many cells the others miss; a group
    /// missing one of its results is open (which one is not shown); a whole blank group makes
    /// every group open (any of the three could be the blank one).
    @Test("agreement: the groups every placement keeping rule 4 gives alike, however many cells are missing")
    func agreementManyMissing() throws {
        // 维持 纠正 其他 尚未审结 总计 ×3: group 2 misses two results, group 3 three (five missing).
        let given: [Decimal] = [210, 75, 38, 19, 342, 134, 327, 461, 168, 168]
        let agreement = try #require(review.agreement(given, maximumMissing: 14))
        #expect(agreement.cells == values(210, 75, 38, 19, 342, nil, nil, nil, nil, 461, nil, nil, nil, nil, 168))
        #expect(agreement.open == [5, 6, 7, 8, 10, 11, 12, 13])
        // Beyond the default of four missing cells: `nil` unless asked for.
        #expect(review.agreement(given) == nil)
        // Two full groups and a blank one: which group is blank is not shown.
        let twoGroups: [Decimal] = [159, 197, 388, 329, 1073, 317, 65, 235, 22, 639]
        #expect(review.agreement(twoGroups, maximumMissing: 14) == nil)
        // Not whole numbers: the same search in Decimal (1.5 + 2 + 2 = 5.5, three cells blank).
        let money: [Decimal] = [Decimal(string: "1.5") ?? 0, 2, 2, Decimal(string: "5.5") ?? 0]
        let inDecimal = try #require(seven.agreement(money, maximumMissing: 6))
        #expect(inDecimal.cells[6] == Decimal(string: "5.5"))
        #expect(inDecimal.open == [0, 1, 2, 3, 4, 5])
    }

    @Test("ambiguous placements", arguments: [values(1, 0, 0, 0, 0, 1), values(1, 1, 0, 0, 0, 0, 2, 2, 2, 2)])
    func ambiguous(row: [Decimal?]) {
        #expect(seven.align(row) == .ambiguous)
    }
}
