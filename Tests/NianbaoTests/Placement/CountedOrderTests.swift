import Foundation
import Testing
import NianbaoModel
import NianbaoWriters
@testable import NianbaoKit
@testable import NianbaoText
@testable import NianbaoRecognizer

/// Values whose column is only their order in a text (one value per line or paragraph, pieces of
/// a line split on spaces): the order is proof only where the row's own sum rule checks it. Texts
/// of random valid reports (`Scripts/synth`, seed 301: distinct non-zero values, blank cells)
/// through LibreOffice's PDF and `pdftotext`, `pdftotext -layout` and PyMuPDF, kept in
/// `Fixtures/counted-order` (`Scripts/make-order-fixtures.sh`). Each gave wrong numbers
/// before (9, 24, 22, 14): `pdftotext` reads part 四's row as `193 658 46 299 120` (its 总计 658
/// second) and wraps of narrow cells (`277` / `7`) reach the texts as two numbers.
@Suite("Counted order checked by the template's arithmetic")
struct CountedOrderTests {
    static func convert(_ stem: String, _ extractor: String, folder: String = "Fixtures/counted-order") throws -> (report: Report, comparison: ExpectedComparison) {
        guard let text = Bundle.module.url(forResource: "\(stem).\(extractor)", withExtension: "txt", subdirectory: folder),
              let expected = Bundle.module.url(forResource: "\(stem).expected", withExtension: "json", subdirectory: folder) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(folder)/\(stem).\(extractor).txt"])
        }
        let report = try Pipeline.convert(data: try Data(contentsOf: text), fileName: "\(stem).txt", format: .text)
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try Data(contentsOf: expected))
        return (report, comparison)
    }

    /// The fixtures, with the fields right when the rule came in (a floor: fewer is a regression).
    @Test("extractor texts of reports with distinct values: no wrong number", arguments: [
        // 301/0005: 73 until a row read from the values after its label was left null where the next
        // row's label stands later with none of its own (a row left blank, or that row's values).
        ("syn301_0001_2021", "pdftotext", 129), ("syn301_0005_2021", "pdftotext", 67),
        // Every field since the pieces of numbers wrapped in narrow cells are joined (128 before).
        ("syn301_0005_2021", "pdftotext-layout", 200),
        ("syn501_0030_2019", "pdftotext", 65), ("syn501_0036_2019", "pdftotext", 73),
        ("syn501_0021_2021", "pdftotext", 136),
    ])
    func noWrongNumber(stem: String, extractor: String, floor: Int) throws {
        let (report, comparison) = try Self.convert(stem, extractor)
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= floor, "\(right) of \(comparison.checks.count)")
        // What is not read is not proven: the text's order left open.
        #expect(right == comparison.checks.count || report.diagnostics.contains { $0.code == "table.order_unproven" })
    }

    @Test("a row whose 总计 the text gives in another column is null, with the values named and the order named as the reason")
    func scrambledReviewRow() throws {
        let (report, _) = try Self.convert("syn301_0001_2021", "pdftotext")
        for column in ["upheld", "corrected", "other", "pending", "total"] {
            #expect(report.reviewLitigation["review", column] == nil)
        }
        let warning = try #require(report.diagnostics.first { $0.code == "table.order_unproven" && $0.path == "review_litigation.review" })
        #expect(warning.message.contains("`193 658 46 299 120`"), "\(warning.message)")
        #expect(warning.message.contains("out of column order"), "\(warning.message)")
    }

    /// Texts of the seed-501 and seed-701 soaks that once gave wrong numbers, with the fields right
    /// when they were fixed (a floor):
    /// - 501/0031 `-layout`: a page's wrapped header (`社会公` / `益组织`) drifting from its columns;
    /// - 701/0039 `pdftotext`: a bare `总计` of a header repeated after a page break read as （七）总计;
    /// - 701/0107 `pdftotext`: nine values for a row of seven, cut to the last seven that keep rule 2;
    /// - 701/0051 `pdftotext`: an empty line between blocks read as a blank cell (`626` / `157` stacked);
    /// - 701/0144 PyMuPDF: the ` ` line after 政府集中采购's one value read as its blank 采购总金额;
    /// - 701/0057 `-layout`: a squeezed line's `254` grazing the column left of its own;
    /// - 301/0005 PyMuPDF: numbers wrapped in narrow cells (no wrong number before; 175 → 196 right);
    /// - 901/0028 `pdftotext`: `2.其他法律行政法规禁止公` / `开` / `3.危及…` then both rows' 14
    ///   values, the first seven read as row 3's (rule 2 holds for both rows);
    /// - 901/0145 `pdftotext`: `规章` / `` / `71`, the empty line read as a blank 本年制发件数;
    /// - 901/0115 `-raw`: a one-digit column of another row fitting the one space between `183 76`;
    /// - 1103/0016 `pdftotext`: `四、结转下年度继续办理` followed by 30 values, the first seven
    ///   (4.无正当理由大量反复申请's, its label ten lines above) read as its own.
    @Test("soak texts that once gave wrong numbers: none now", arguments: [
        // 701/0039, 0107, 0051 (and 2003/0057, 0162, 0208, 2033/0239 below): 70, 100, 119, 129, 118,
        // 86 and 96 until a row read from the values after its label was left null where the next row's
        // label stands later in the text with none of its own: the values may be that row's.
        ("syn501_0031_2021", "pdftotext-layout", 112), ("syn701_0039_2021", "pdftotext", 63),
        // 701/0107: 107 until a row left null for more values than cells made the next row's values
        // before its label count (4.无正当理由大量反复申请 is null since: the run before its label keeps its rule 2).
        ("syn701_0107_2021", "pdftotext", 86), ("syn701_0051_2021", "pdftotext", 105),
        ("syn701_0144_2019", "pymupdf", 100), ("syn701_0057_2021", "pdftotext-layout", 192),
        // 901/0145: 84 until rows waiting for the column rules were left null as above too.
        ("syn901_0028_2019", "pdftotext", 96), ("syn901_0145_2021", "pdftotext", 81),
        ("syn901_0115_2021", "pdftotext-raw", 139), ("syn1103_0016_2019", "pdftotext", 61),
        // 175 fields right before its wrapped numbers were joined (nothing is left unproven now).
        ("syn301_0005_2021", "pymupdf", 196),
        // 2,000-report soak: 结转下年度's blocks out of column order after 总计's spanning block, on a
        // page whose other cells stand on neighbouring lines (a text not of one block per cell as a whole).
        ("syn2003_0592_2019", "pdftotext", 89),
        // LibreOffice with Noto CJK: a row's values before its label, the next rows' after it (7 and
        // 5 wrong numbers before).
        ("syn2003_0003_2021", "pdftotext-noto", 74), ("syn2003_0057_2021", "pdftotext-noto", 126),
        // The same below the header: 一、本年新收's values before its label (5 wrong numbers before).
        ("syn2003_0067_2021", "pdftotext-noto", 105),
        // …, its blank cells unwritten: `2100 2479 2304 1449 8332` (5 wrong numbers before).
        ("syn2003_0162_2019", "pdftotext-noto", 114),
        // The header repeated on a new page, its bare `其他` read as row 3.其他 (7 wrong numbers before).
        ("syn2003_0195_2021", "pdftotext-noto", 81),
        // A blank row's label at a page's foot, then the new page's header and a later row's values (7).
        ("syn2003_0059_2021", "pdftotext-nocjk", 81),
        // A blank row whose marks the text dropped, then the next row's values before its wrapped label (7).
        ("syn2003_1267_2021", "pdftotext-nocjk", 149),
        // Narrow cells: 一、本年新收's values before its label, pieces of its wrapped numbers after it,
        // and 上年结转's values before its label too (7 and 14 wrong numbers before).
        ("syn2003_0066_2019", "pdftotext-noto", 109), ("syn2003_0205_2021", "pdftotext-noto", 45),
        // `2065 2105 …` / `3.危及…` / `3` `4` (pieces) / 4.保护第三方's values / its label / 5's values:
        // 3.危及 null for 9 values, 4.保护第三方 took 5's (7 wrong numbers before).
        ("syn2003_0157_2021", "pdftotext-noto", 54),
        // `（六）其他处理` (blank) / `（七）总计` (a bare 总计 header read as that row before) / 总计's values:
        // the two labels joined as （六）其他处理, given them (7 wrong numbers before).
        ("syn2003_0208_2019", "pdftotext-noto", 79),
        // A bare `其他` after a repeated header whose other cells were taken out (7 wrong numbers before).
        ("syn2003_0085_2021", "pdftotext-noto", 89),
        // The first row null for its values before its label, then `3` (a piece of its 14633) /
        // `136 69 143 23 36` / `157 564` (two blocks on one line) / `二、上年结转…` / （一）予以公开's values:
        // 上年结转 took those, its 总计 placed by the sum rules (1 wrong number each before).
        ("syn2003_0011_2021", "pdftotext-noto", 49), ("syn2003_0037_2021", "pdftotext-noto", 83),
        // Seed 2011 (reports no rule was written on): a page's header cells interleaved with values
        // (`组织` `机构` values `其他` values `总计` values), the bare `总计` read as the 总计 row (7 before).
        ("syn2011_0563_2021", "pdftotext-noto", 55),
        // 主动公开: `194` right after the header, then `规章` and `84  198  993` (规范性文件's, its label far
        // below): 规章 read as those three (3 wrong numbers before), null now as uncertain.
        ("syn2011_0458_2019", "pdftotext-noto", 86),
        // `…  536` / the header repeated on a new page / `223 … 1445` (2.其他法律行政法规禁止公开's, its 自然人
        // blank) / `2.其他法律…` / `159 … 934` (3.危及's): 2 read as 3's values (7 wrong numbers before).
        ("syn2011_0249_2021", "pdftotext-noto", 81),
        // Seed 2027 (made after the rules above): 主动公开's `行政处罚` / `806` / `` / `行政强制`, one block of
        // two lines, 806 standing under 行政处罚 (行政强制's, 行政处罚 blank): it was read as 行政处罚's (1 before).
        ("syn2027_0115_2021", "pdftotext-noto", 28),
        // Seed 2011, 0361: 主动公开 `规章` / `` / `122` / `` / `行政规范性文件` / `` / `45` … `10` / `50` (one
        // block): read as one cell a line with empty lines for blanks, 122 规章's 本年废止 (2 wrong numbers
        // before); its row labels stand an empty line above their values, so empty lines part blocks.
        ("syn2011_0361_2021", "pdftotext-noto", 94),
        // Seed 2033 (made after the rules above), 0239: `1.属于国家秘密` / `52` `75` (pieces of its wrapped
        // numbers) / `284 246 270 241 1041` / `2.其他法律行政法规禁止公开` / 3.危及's values: a row's worth
        // after the label above that breaks its rule 2, its end keeping the rule (7 wrong numbers before).
        ("syn2033_0239_2021", "pdftotext-noto", 95),
        // 0336: `5.要求行政机关确认或重新出具已获取信息` (a blank row) / （六）其他处理's values / the 总计's
        // pieces / `（六）其他处理` `（七）总计` `四、结转下年度继续办理`: the first seven were read as its own (7 before).
        ("syn2033_0336_2019", "pdftotext-noto", 62),
        // A row left blank without a trace, the next row's values after its label, that row's label
        // later with none of its own (`7.属于行政执法案卷` / 8's values / `8.属于行政查询事项` `（四）无法提供`
        // …; 2011/0519: （二）部分公开 / 1.属于国家秘密's values): 7, 7, 5, 7 and 7 wrong numbers before.
        ("syn2033_0405_2021", "pdftotext-noto", 77), ("syn2033_0518_2019", "pdftotext-noto", 89),
        ("syn2033_0575_2021", "pdftotext-noto", 102), ("syn2033_0585_2021", "pdftotext-noto", 58),
        ("syn2011_0519_2021", "pdftotext-noto", 97),
        // The same with the next row's values waiting for the column rules (`（二）部分公开…` / `85 71 443
        // 599`, 1.属于国家秘密's, its 总计 placed as （二）'s: 1 wrong number before).
        ("syn2011_0255_2021", "pdftotext-noto", 126),
        // `（七）总计` read before (a header's bare 总计) / `3162` / `3688 571672` (one line) / … /
        // `四、结转下年度继续办理` / `32 65 - 4 96 115 312`: the blocks under the spanning one out of order,
        // the row before unread (2 wrong numbers each before).
        ("syn2027_0074_2019", "pdftotext-noto", 112), ("syn2033_0422_2019", "pdftotext-noto", 121),
        // 主动公开: `现行有效件数` `250 10 399` / `行政规范性文件` … `本年处理决定数量` `175` / `行政许可` … `行政处罚`
        // `93` `行政强制`: values after column headers taken for a text given row by row, so 行政许可 read
        // as a blank row and 93 as 行政处罚's (行政强制's; 1 wrong number before).
        ("syn2033_0483_2021", "pdftotext-noto", 88),
        // A row given fewer than half its cells, placed by its own rule 2 alone: pieces of other cells
        // (`8.属于行政查询事项` `8` `8`, the ends of 512468 and 513118 wrapped in their cells; `（七）总计`
        // `2 43 45`, 610372's end and 结转下年度's first two): 1 wrong number each before.
        ("syn2027_0041_2021", "pdftotext-noto", 85), ("syn2033_0427_2021", "pdftotext-noto", 52),
        // Seed 2039 (made after the rules above): 0016, the header's `2678 64393 …` (一、本年新收's) then
        // `一、本年新收…` `二、上年结转…` stacked over 上年结转's values, cut as if they were 一's (1 wrong
        // number before); 0103, part 四's `总计` `132 286 199 617`, the next groups' header words, then
        // `319 343 147 809`: counted one cell a line from the first 总计 as if the header words were
        // blank cells, 132 … 617 read as 行政复议's (4 before).
        ("syn2039_0016_2019", "pdftotext-noto", 60), ("syn2039_0103_2021", "pdftotext-noto", 101),
        // Seed 2041 (made after every rule above): 4.保护第三方's and 5.属于三类内部事务's cells one over the
        // other (`13` / `225`, `101` / `218` …, `351` / `778`), joined as numbers wrapped in their cells
        // (13225 + 101218 + 237290 + 45 = 351778 keeps rule 2: 1 wrong number before).
        ("syn2041_0141_2021", "pdftotext-noto", 64),
        // Seed 2053: `5.属于三类内部事务信息` (left blank) / 6's values / `开` (the end of （三）不予公开,
        // written down the left column) / `6.属于四类过程性信息` / a new page: `开` taken for the end of
        // 5's label, wrapped around the values, so the values were 5's own (7 wrong numbers before).
        ("syn2053_0403_2021", "pdftotext-noto", 142),
        // 0490: `3.要求提供公开出版物` (left blank) / `4.无正当理由大量反复申请` / 4's values / 5's values,
        // cut into one run each for 3 and 4, `5.要求行政机关确认…` later with none of its own: 4 was left
        // uncertain, 3 kept the first run (7 wrong numbers before).
        ("syn2053_0490_2019", "pdftotext-noto", 102),
        // 0576: `（七）总计` (read before, as uncertain) again, `1849 669724 2344` on one line, then
        // 结转下年度's blocks `78 28 156 174 167 180 783`, out of column order: the duplicate row's
        // values did not count as spanning, so rule 1 was not asked (3 wrong numbers before).
        ("syn2053_0576_2019", "pdftotext-noto", 54),
        // Seed 2063: 0356, `（六）其他处理` / `161` / `（七）总计` / `3820` / `3173 603728 3164` … (too few lines to
        // tell a text of blocks by themselves) then 结转下年度's blocks `67 179 86 189 10 140 671`, out of
        // column order: the spanning row was noted only where the blocks showed (4 wrong numbers before).
        ("syn2063_0356_2019", "pdftotext-noto", 39),
        // 0358: `5.属于三类内部事务` / `开` / `43 25 110 273 451` / `信息` in a text that marks blank cells
        // `—`, the row's `—` and 902 written elsewhere: 43 + 25 + 110 + 273 = 451, so rule 2 took 451
        // for the row's 总计 (1 wrong number before).
        ("syn2063_0358_2019", "pdftotext-noto", 63),
        // 1339: `4.保护第三方合法权益` (left blank) / `110 155 85 11 78 205 644` (5.属于三类内部事务's) / … /
        // `5.属于三类内部事务信息` later with a row's worth of values after it that keep no rule 2: 4 took
        // 5's values (7 wrong numbers before).
        ("syn2063_1339_2021", "pdftotext-noto", 123),
        // 1446: `二、上年结转…` / `自然人` / … / `总计` (the column header) / `125 16 996 183 422 227 1969`, read
        // as the 总计 row; `（七）总计` later, stacked under `（六）其他处理` with its values split, never
        // read, so the bare one stayed (7 wrong numbers before).
        ("syn2063_1446_2019", "pdftotext-noto", 93),
        // Seed 2071 (600 reports, made after every rule above), 0095: `4.保护第三方合法权益` (left blank) /
        // `200 - 17 162 - 66 445` (5's) / `5.属于三类内部事务信息` at a page's foot / the header repeated
        // (`申请人情况` … `其他`) / 6's values: the values after that header counted as 5's own, so 4 kept
        // 5's values (5 wrong numbers).
        ("syn2071_0095_2021", "pdftotext-noto", 119),
        // Seed 2027, 0588: the header repeated on a new page without its `其他` `总计` (written elsewhere,
        // with 3.危及's 580), then `3.危及“三安全一稳定”` / `62 102 86 40 290`: 62 + 102 + 86 + 40 = 290, so
        // rule 2 alone made 290 the row's 总计 (1 wrong number once the row above was left uncertain).
        ("syn2027_0588_2019", "pdftotext-noto", 66),
        // A lone label whose values keep no rule 2 is a label written away from its values: 2063's 0747,
        // `3.要求提供公开出版物` … `2.申请人逾期未按收费…` stacked (4.无正当理由 left blank) / five runs, the last
        // 3.其他's, whose label stands later among 结转下年度's cells (`3.其他` / `70` `579` / part 四), so the
        // runs were cut one per label (16 wrong numbers before); 1119, `2.申请人逾期未按收费…` (left blank)
        // / `80 121 441 642` (3.其他's) / `3.其他` / `6901 … 2927` (the 总计 row's, breaking rule 2) (1
        // before); 2053's 0423, `6.属于四类过程性信息` (left blank) / 7's values / `7.属于行政执法案卷` /
        // `12496` `12556` `24` … (8's, pieces of wrapped numbers) (7 before).
        ("syn2063_0747_2021", "pdftotext-noto", 57), ("syn2063_1119_2021", "pdftotext-noto", 57),
        ("syn2053_0423_2021", "pdftotext-noto", 62),
        // 0031: 主动公开's `行政处罚` / `2` / `` / `行政强制` / `第二十条第（八）项`: 2 under 行政处罚's label, 行政强制
        // given no value of its own (1 wrong number before). 1304: `（三）不予公 4.保护第三方合法权益` /
        // `5.属于三类内部事务信息` / 4's values / `1.属于国家秘密` / 5's values: row 1 (left blank) written after
        // rows 4 and 5, 5's values read as its own (1 before).
        ("syn2063_0031_2021", "pdftotext-noto", 81), ("syn2063_1304_2019", "pdftotext-noto", 98),
        // Seed 2081 (600 reports, made after every rule above), 0478 in `pdftotext -raw`: `其他对外管理服务
        // 事项 78 414` (上一年项目数量 left blank) placed by its characters under `信息内容 上一年项目数量 本年增/减
        // 处理决定数量`, a line in reading order whose characters measure nothing (2 wrong numbers).
        ("syn2081_0478_2019", "pdftotext-raw", 122),
    ])
    func onceWrong(stem: String, extractor: String, floor: Int) throws {
        let (_, comparison) = try Self.convert(stem, extractor)
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= floor, "\(right) of \(comparison.checks.count)")
    }

    @Test("pdftotext: a row's values before its label as well as after it are nobody's; a row alone after it is the row's")
    func rowBeforeItsLabel() throws {
        // `一、本年新收…` / `18` `08` (pieces of its wrapped numbers) / `135 — 1 73 — 180 389` / `二、上年结转…` /
        // `687 — 40 11 — 221 959` / `160 …`: the values after 上年结转's label are （一）予以公开's and （二）部分公开's,
        // whose labels stand elsewhere; those before it keep its sum rule. It took 687 … 959.
        let (report, _) = try Self.convert("syn2003_0057_2021", "pdftotext-noto")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.allSatisfy { report.requests["carried_over", $0] == nil })
        #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.carried_over" })
        // The table's first row: `…务机构` (the header) / `3228 — — 1721 2151 2094 9194` / `一、本年新收…` / `159 — — 53 …`.
        let (first, _) = try Self.convert("syn2003_0067_2021", "pdftotext-noto")
        #expect(columns.allSatisfy { first.requests["new_received", $0] == nil })
        #expect(first.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.new_received" })
        // `55` `18` (pieces) / `255 … 1443` (1.本机关不掌握's, its label elsewhere) / `3.补正后申请内容仍不明确` /
        // `29 219 257 165 19 114 803` / `1.信访举报…`: a row's worth after the label, and it keeps rule 2.
        let (alone, comparison) = try Self.convert("syn2003_0203_2021", "pdftotext-nocjk")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(columns.map { alone.requests["unavailable_unclear", $0] } == [29, 219, 257, 165, 19, 114, 803])
    }

    @Test("pdftotext: a row's worth of values that follow no row label, before a row's label, make the row uncertain")
    func orphanRowBeforeLabel() throws {
        // `1.信访举报投诉类申` / `210 … 1043` / `不予处 请` (pieces of labels) / `/ / 292 82 220 286 880`
        // (2.重复申请's) / `理` / `2.重复申请` / `24 118 119 122 / 27 410` (3.要求提供公开出版物's, its label
        // after them): 2.重复申请 took the values after its label (6 wrong numbers before).
        let (report, _) = try Self.convert("syn2027_0041_2021", "pdftotext-noto")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.allSatisfy { report.requests["not_processed_duplicate", $0] == nil })
        #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.not_processed_duplicate" })
        #expect(columns.map { report.requests["not_processed_petition", $0] } == [210, 15, 57, 197, 377, 187, 1043])
    }

    @Test("pdftotext: labels of consecutive rows stacked before their values are read by the one cut that keeps rule 2 in every row")
    func stackedLabels() throws {
        let columns = DOCXFixtureTests.requestColumns
        // `三、本 （一）予以公开` / `年度办 （二）部分公开（区分处理的，只计这一` / `理结果 情形，不计其他情形）`,
        // then 14 values, one a block: both rows were left null (order uncertain).
        let (report, comparison) = try Self.convert("syn2027_0011_2021", "pdftotext-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(columns.map { report.requests["granted", $0] } == [268, nil, nil, 184, 186, 89, 727])
        #expect(columns.map { report.requests["partially_granted", $0] } == [41, 71, nil, 190, 234, nil, 536])
        #expect(report.diagnostics.contains { $0.code == "table.stacked_labels" && $0.path == "requests.granted" })
        // `（二）部分公开…` / `287` `37` `140 210 122 100 896` (1.属于国家秘密's) / `1.属于国家秘密` / `2.其他…禁止公开` /
        // 14 values (2.其他…'s and the next row's): （一）予以公开's values went astray above, and the cut
        // gave 1.属于国家秘密 2.其他…'s values (8 wrong numbers). The rows stay null.
        let (astray, astrayComparison) = try Self.convert("syn2027_0119_2021", "pdftotext-noto")
        #expect(astrayComparison.wrongNumbers.isEmpty, "\(astrayComparison.wrongNumbersListed)")
        #expect(columns.allSatisfy { astray.requests["denied_state_secret", $0] == nil })
        #expect(!astray.diagnostics.contains { $0.code == "table.stacked_labels" })
        // The stacked rows' columns one after another (`82` `—` `143` `—` `—` `—` … `487` `—`): no cut
        // into runs keeps rule 2, the columns read back into rows do (（二）部分公开 blank).
        let (columnMajor, columnComparison) = try Self.convert("syn2027_0009_2021", "pdftotext-noto")
        #expect(columnComparison.wrongNumbers.isEmpty, "\(columnComparison.wrongNumbersListed)")
        #expect(columns.map { columnMajor.requests["granted", $0] } == [82, 143, nil, nil, 262, nil, 487])
        #expect(columns.allSatisfy { columnMajor.requests["partially_granted", $0] == nil })
    }

    @Test("pdftotext: the table's last values, then labels of rows below with none of their own: cut into rows by rule 2, else uncertain")
    func labelsAfterTheLastValues() throws {
        let columns = DOCXFixtureTests.requestColumns
        // `（七）总计` / 14 values / `三、本` … `5.要求行政机关确认…` (a row above, read nowhere) / `四、结转下年度继续办理`:
        // 结转下年度 was left unread; the 14 values cut in two keep rule 2 in each.
        let (report, comparison) = try Self.convert("syn2027_0540_2019", "pdftotext-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(columns.map { report.requests["results_total", $0] } == [1292, 2380, 1169, 189964, 1933, 216583, 413321])
        #expect(columns.map { report.requests["carried_forward", $0] } == [154, 102, 10, nil, 175, 52, 493])
        #expect(report.diagnostics.contains { $0.code == "table.stacked_labels" && $0.path == "requests.carried_forward" })
        // The values after `5.要求行政机关确认…` hold multi-number blocks (`3089 1772 2810 2815 1922`): no cut, the row null.
        let (blank, _) = try Self.convert("syn2033_0336_2019", "pdftotext-noto")
        #expect(columns.allSatisfy { blank.requests["not_processed_confirmation", $0] == nil })
        #expect(blank.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.not_processed_confirmation" })
    }

    @Test("pdftotext: values after a header repeated on a new page are not a blank row's above it; a new page's first row keeps them")
    func valuesAfterRepeatedHeader() throws {
        let columns = DOCXFixtureTests.requestColumns
        // `778 1595 30 314 1496` / `2.其他法律行政法规禁止公开` (blank, its rows below already read) /
        // `申请人情况` … `益组织 机构` / `14 187 191 178 298 212 1080` (7.属于行政执法案卷's). It took them.
        let (blank, _) = try Self.convert("syn2003_0059_2021", "pdftotext-nocjk")
        #expect(columns.allSatisfy { blank.requests["denied_prohibited", $0] == nil })
        #expect(blank.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.denied_prohibited" })
        // `6.属于四类过程性信息` / the header / `101 30 110 181 237 21 680`: the new page's first row,
        // its label set before the header, no row below it read yet: its values.
        let (first, comparison) = try Self.convert("syn2003_0157_2021", "pdftotext-nocjk")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(columns.map { first.requests["denied_process_info", $0] } == [101, 30, 110, 181, 237, 21, 680])
    }

    @Test("pdftotext: a row's values followed by the next row's wrapped label with no values of its own are uncertain")
    func valuesBeforeWrappedLabelBelow() throws {
        // `1.申请人无正当理由逾期不补正…` (blank, its `-` marks dropped) / `38 288 117 155 105 209 912` /
        // `2.申请人逾期未按收费…政府信息` / `公开申请` / the header / `3.其他`: the values are row 2's.
        let (report, _) = try Self.convert("syn2003_1267_2021", "pdftotext-nocjk")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.allSatisfy { report.requests["other_overdue_correction", $0] == nil })
        #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.other_overdue_correction"
            && $0.message.contains("wrapped over two lines") })
        // docx2txt: the next row's label, then its blank marks (`—` a line): no wrap, every field right.
        let (marks, marksComparison) = try Self.convert("syn2003_0007_2021", "docx2txt")
        let mismatches = marksComparison.mismatches
        #expect(mismatches.isEmpty, "\(mismatches.map(\.description).joined(separator: "\n"))")
        #expect(!marks.diagnostics.contains { $0.code == "table.order_uncertain" })
        // Narrow cells: `1413` / `3189 1831 1081 2770 2437 2822` / `一、本年新收…` / `0` / `121 173 67 25 49 435` /
        // `二、上年结转…`: the first row's values before its label break rule 2 (14130 wrapped); null.
        let (narrow, _) = try Self.convert("syn2003_0066_2019", "pdftotext-noto")
        #expect(columns.allSatisfy { narrow.requests["new_received", $0] == nil })
        // Then every row's values stand before its label: `2 89 40` (pieces) / `119 104` (two blocks on one
        // line) … `557` / `二、上年结转…` / `216 … 824` (（一）予以公开's). 上年结转 is null.
        let (chained, _) = try Self.convert("syn2003_0205_2021", "pdftotext-noto")
        #expect(columns.allSatisfy { chained.requests["carried_over", $0] == nil })
        #expect(chained.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.carried_over" })
    }

    @Test("pdftotext: a bare 其他 right after the applicant columns' headers is their column, not row 3.其他")
    func repeatedHeaderOther() throws {
        // `…` / `法律服` / `务机构` / `其他` / `190` …: the header repeated on a new page, then a row whose label
        // stands elsewhere. It was read as 3.其他.
        let (report, comparison) = try Self.convert("syn2003_0195_2021", "pdftotext-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(report.diagnostics.contains { $0.code == "table.values_unplaced" && $0.message.contains("applicant columns' headers") })
        // The same where the repeated header's other cells are taken out as a repeat of the first page's
        // (`商业企` / `业` … `务机构`), `其他` left alone after them: `244 … 1609` (1.属于国家秘密's) were read as 3.其他.
        let (alone, aloneComparison) = try Self.convert("syn2003_0085_2021", "pdftotext-noto")
        #expect(aloneComparison.wrongNumbers.isEmpty, "\(aloneComparison.wrongNumbersListed)")
        #expect(alone.requests["other_misc", "total"] == nil)
        #expect(alone.diagnostics.contains { $0.code == "table.values_unplaced" && $0.message.contains("applicant columns' headers") })
    }

    /// `-raw` texts of the 2,000-report soak: a row left blank as a line of marks alone
    /// (`2.没有现成信息需要另行` / `制作` / `- - - - - - -`, 194 right before: the marks read as a
    /// label, so both it and the next row were "labels apart from their values"), and `（六）其他` /
    /// `处理` (the group's cell wrapped) read as row `3.其他` (195 before).
    @Test("a row of blank marks alone, and （六）其他 wrapped from its 处理: every field", arguments: [
        ("syn2003_0003_2021", 200), ("syn2003_0241_2021", 200),
    ])
    func blankMarksAndWrappedGroup(stem: String, floor: Int) throws {
        let (report, comparison) = try Self.convert(stem, "pdftotext-raw")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= floor, "\(right) of \(comparison.checks.count)")
        #expect(!report.diagnostics.contains { $0.code == "table.order_uncertain" })
    }

    @Test("a text read row by row once numbers wrapped in their cells are joined: a label straight before the next is a blank row")
    func rowByRowAfterWrappedNumbers() throws {
        // PyMuPDF, seed 901: `1839` / `9` (183,99 wrapped) made 新收's run eight values, so the text
        // was not taken as row by row and every label before another read as "labels apart".
        let (report, comparison) = try Self.convert("syn901_0114_2019", "pymupdf")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["denied_security_stability", $0] } == [294, 149, 54, nil, 993, 21, 1511])
        #expect(columns.map { report.requests["denied_inquiry", $0] } == [nil, nil, 66, 224, 674, 240, 1204])
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 190, "\(right) of \(comparison.checks.count) (142 before)")
    }

    @Test("a text read row by row though a label wraps over lines: a label straight before the next is a blank row",
          arguments: ["pdftotext-raw-noto", "pymupdf-noto"])
    func rowByRowWithWrappedLabels(extractor: String) throws {
        // Seed 2041: `2.其他法律行政法规禁止公` / `开` / its values — no one line of the label names
        // the row, so the text was not taken as row by row, and `4.无正当理由大量反复申请` (left blank)
        // straight before `5.要求行政机关确认或重新` / `出具已获取信息` / 5's values made both rows
        // "labels apart from their values": null, and with them rule 3 for every row with a blank cell.
        let (report, comparison) = try Self.convert("syn2041_0557_2021", extractor)
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["not_processed_excessive", $0] } == [nil, nil, nil, nil, nil, nil, nil])
        #expect(columns.map { report.requests["not_processed_confirmation", $0] } == [165, 257, 18, 143, 166, 8, 757])
        #expect(columns.map { report.requests["denied_prohibited", $0] } == [241, nil, 1, 275, 95, 187, 799])
        #expect(!report.diagnostics.contains { $0.code == "table.order_uncertain" })
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 202, "\(right) of \(comparison.checks.count) (146 and 145 before)")
    }

    @Test("read row by row: a blank row's wrapped label before one whose numbers wrapped in their cells",
          arguments: ["pdftotext-raw-noto", "pymupdf-noto"])
    func blankRowBeforeWrappedNumbers(extractor: String) throws {
        // Seed 2041: `2.其他法律行政法规` / `禁止公开` (left blank) / `3.危及“三安全一稳` / `定”` / `10588` /
        // `6` / `841 209 151 173 262` / `10752` / `2`: nine pieces for seven cells, so the stacked
        // labels made both rows uncertain and rule 3 unusable for the whole table.
        let (report, comparison) = try Self.convert("syn2041_0153_2021", extractor)
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["denied_prohibited", $0] } == [nil, nil, nil, nil, nil, nil, nil])
        #expect(columns.map { report.requests["denied_security_stability", $0] } == [105886, 841, 209, 151, 173, 262, 107522])
        #expect(columns.map { report.requests["carried_over", $0] } == [nil, 54, 104, 6, 158, 78, 400])
        let right = comparison.checks.filter(\.ok).count
        let floor = extractor == "pymupdf-noto" ? 189 : 200
        #expect(right >= floor, "\(right) of \(comparison.checks.count) (\(floor - 70) before)")
    }

    @Test("read row by row: a blank row's label wrapped over lines before a group's wrapped label",
          arguments: ["pymupdf-noto", "pdftotext-raw-noto"])
    func blankRowWithWrappedLabel(extractor: String) throws {
        // Seed 2041: `3.补正后申请内容仍不明` / `确` / `（五）不` / `予处理` / `1.信访…` and its values (on
        // the label's line in `-raw`). The blank row's label, found only joined, was not known:
        // rule 3 went unused and every row with a blank cell kept only its 总计.
        let (report, comparison) = try Self.convert("syn2041_0303_2021", extractor)
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["unavailable_unclear", $0] } == [nil, nil, nil, nil, nil, nil, nil])
        #expect(columns.map { report.requests["not_processed_petition", $0] } == [143, 182, 116, 265, nil, nil, 706])
        #expect(columns.map { report.requests["granted", $0] } == [294, 183, 235, 85, 8, nil, 805])
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 197, "\(right) of \(comparison.checks.count) (143 before)")
    }

    @Test("pdftotext -raw: a line of numbers alone one space apart is numbers, whatever their digits")
    func numbersOneSpaceApart() throws {
        // Seed 2041: `6.属于四类过程性信` / `息` / `936 113` / `67326` / `6` / `170 122` / … in a text
        // whose rows give their values one space apart: `936 113` was read as 936113 (a thousands
        // space), the row's wrapped numbers could not be joined and rule 3 failed for the table.
        let (report, comparison) = try Self.convert("syn2041_0250_2019", "pdftotext-raw-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["carried_over", $0] } == [100, 42, 140, 87, 154, nil, 523])
        #expect(columns.map { report.requests["granted", $0] } == [38, 159, 227, nil, 66, nil, 490])
        #expect(report.diagnostics.contains { $0.code == "table.wrapped_number" && $0.message.contains("`936 113 673266 170 122 674607`") })
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 181, "\(right) of \(comparison.checks.count) (127 before)")
    }

    @Test("numbers wrapped in their cells are joined in a row whose blank cells are marked")
    func wrappedNumbersBesideMarks() throws {
        // PyMuPDF, seed 2041: `3098` `2788` `3398` `-` `-` `114454` `5` `115382` `9`, nine pieces for
        // seven cells; the marks kept the wrapped numbers from being joined, and the row, then
        // the column rules, were left null.
        let (report, comparison) = try Self.convert("syn2041_0289_2021", "pymupdf-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["new_received", $0] } == [3098, 2788, 3398, nil, nil, 1144545, 1153829])
        #expect(columns.map { report.requests["results_total", $0] } == [3210, 2868, 3360, nil, nil, 1144532, 1153970])
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 205, "\(right) of \(comparison.checks.count) (180 before)")
    }

    @Test("a table with no two neighbouring values counts its cells in the pitch another table of the text proves")
    func pitchFromAnotherTable() throws {
        // docx2txt, seed 1103: `规章` / `` / `198` / `` / `` / `` / `934` (each cell then an empty
        // line, 本年废止件数 blank): the request table proves two lines a cell; 主动公开's rows alone did not.
        let (report, comparison) = try Self.convert("syn1103_0033_2021", "docx2txt")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(["issued", "repealed", "in_force"].map { report.activeDisclosure["regulations", $0] } == [198, nil, 934])
        #expect(["issued", "repealed", "in_force"].map { report.activeDisclosure["normative_documents", $0] } == [300, nil, nil])
    }

    @Test("a numbered label wrapped over two lines before the next row's label: both rows' values uncertain, null")
    func wrappedLabelBeforeNextLabel() throws {
        let (report, _) = try Self.convert("syn901_0028_2019", "pdftotext")
        for row in ["denied_prohibited", "denied_security_stability"] {
            for column in ["natural_person", "commercial", "total"] { #expect(report.requests[row, column] == nil) }
            #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.\(row)" })
        }
    }

    @Test("a row label followed by more than a row's values, another row's label unread above: its values uncertain, null")
    func surplusValuesAfterUnreadLabels() throws {
        let (report, _) = try Self.convert("syn1103_0016_2019", "pdftotext")
        for column in ["natural_person", "commercial", "total"] { #expect(report.requests["carried_forward", column] == nil) }
        let warning = try #require(report.diagnostics.first { $0.code == "table.order_uncertain" && $0.path == "requests.carried_forward" })
        #expect(warning.message.contains("30 values"), "\(warning.message)")
    }

    @Test("`pdftotext`'s empty line after a label is no blank cell where no row's first value stands right below its label")
    func blockTextEmptyLineIsNoBlank() throws {
        // `规章` / `` / `71` / `` / `行政规范性文件` / `` / `150`: 71 and 150 once read as 废止 (the source: 制发).
        let (report, _) = try Self.convert("syn901_0145_2021", "pdftotext")
        for row in ["regulations", "normative_documents"] {
            #expect(report.activeDisclosure[row, "repealed"] == nil)
            #expect(report.activeDisclosure[row, "issued"] == nil)
        }
        #expect(report.activeDisclosure["enforcement", "decisions"] == 936)
    }

    @Test("numbers wrapped in their cells onto the next line (`32659` / `7`) are joined where only one joining keeps rule 2")
    func wrappedNumbersJoined() throws {
        // `pdftotext -raw`: `一、本年新收… 3220 3092 3370` / `32659` / `7` / `88865` / `8` / `1532` / `12264` / `69`.
        let (report, comparison) = try Self.convert("syn501_0095_2021", "pdftotext-raw")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["new_received", $0] } == [3220, 3092, 3370, 326597, 888658, 1532, 1226469])
        #expect(report.diagnostics.contains { $0.code == "table.wrapped_number" && $0.path == "requests.new_received" })
        let row = { (texts: [String], lines: [Int]) in
            zip(texts, lines).map { TableRecognizer.ValueCell(StreamCell(kind: .value(.number(Decimal(string: $0) ?? 0, unit: nil)), raw: $0,
                                                                          location: .line($1), line: $1, positioned: false)) }
        }
        // Pieces on one line are never joined; a row that keeps rule 2 as read is left alone.
        #expect(TableRecognizer.joinedWrappedNumbers(row(["1", "2", "3", "6"], [5, 5, 5, 5]), width: 3, totalSlot: 2) == nil)
        #expect(TableRecognizer.joinedWrappedNumbers(row(["1", "2", "3"], [5, 6, 7]), width: 3, totalSlot: 2) == nil)
        // `1` / `2` / `14`: 12 + … no; `1`, `2` and `3` on three lines with 总计 `15`: 12 + 3 = 15, the only joining.
        #expect(TableRecognizer.joinedWrappedNumbers(row(["1", "2", "3", "15"], [5, 6, 6, 6]), width: 3, totalSlot: 2)?.map(\.raw) == ["12", "3", "15"])
    }

    @Test("a row whose blocks `pdftotext` gives after a row's spanning blocks, with no sum rule to check their order, is null")
    func rowAfterSpanningBlocks() throws {
        // 总计 reads `2589` / `2956 347566 2683` / `2703` / `2327 360824`; 结转下年度 then reads
        // `87 24 132 45 - 194 482` for the source's `87 24 - 194 132 45 482` (本年新收 is unread: rule 1 unusable).
        let (report, _) = try Self.convert("syn501_0021_2021", "pdftotext")
        for column in ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"] {
            #expect(report.requests["carried_forward", column] == nil)
        }
        #expect(report.requests["results_total", "research"] == 347566)
        let warning = try #require(report.diagnostics.first { $0.code == "table.order_unproven" && $0.path == "requests.carried_forward" })
        #expect(warning.message.contains("spanning block"), "\(warning.message)")
    }

    @Test("values that `pdftotext` stacks in one block (two rows' cells) are no row's: the row is null, the stack named")
    func stackedBlock() throws {
        // 行政强制's `449`, then `306` over `-8` (行政处罚's 处理决定数量 over 行政强制's 本年增/减): once read as [449, 306, -8].
        let (report, _) = try Self.convert("syn501_0036_2019", "pdftotext")
        #expect(report.activeDisclosure["enforcement", "change"] == nil)
        #expect(report.activeDisclosure["enforcement", "decisions"] == nil)
        let warning = try #require(report.diagnostics.first { $0.code == "table.order_unproven" && $0.path == "active_disclosure.enforcement" })
        #expect(warning.message.contains("`306` and `-8`"), "\(warning.message)")
    }

    @Test("a row read in the text's order that breaks rule 1 where another order of its values keeps it is null")
    func rowOutOfColumnOrder() throws {
        // 结转下年度 [18, 31, 7, 22, 14, 13, 105] given with 社会公益组织 and 法律服务机构 swapped: rule 2
        // holds either way, rule 1 (新收 + 上年结转 = 办理结果总计 + 结转下年度) only in the printed order.
        func rows(_ carriedForward: [Int]) -> String {
            let rows: [(String, [Int])] = [
                ("一、本年新收政府信息公开申请数量", [101, 230, 37, 48, 59, 68, 543]),
                ("二、上年结转政府信息公开申请数量", [7, 12, 3, 14, 5, 16, 57]),
                ("（七）总计", [90, 211, 33, 40, 50, 71, 495]),
                ("四、结转下年度继续办理", carriedForward),
            ]
            let table = rows.map { label, values in ([label] + values.map(String.init)).joined(separator: "\n\n") }.joined(separator: "\n\n")
            return "某某局2022年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n" + table + "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
        }
        let swapped = try Pipeline.convert(data: Data(rows([18, 31, 7, 14, 22, 13, 105]).utf8), fileName: "swapped.txt", format: .text)
        #expect(swapped.requests["new_received", "commercial"] == 230)
        #expect(swapped.requests["results_total", "total"] == 495)
        for column in ["natural_person", "social_welfare", "legal_service", "total"] {
            #expect(swapped.requests["carried_forward", column] == nil)
        }
        let warning = try #require(swapped.diagnostics.first { $0.code == "table.order_unproven" && $0.path == "requests.carried_forward" })
        #expect(warning.message.contains("social_welfare, legal_service"), "\(warning.message)")
        // In the printed order every column keeps rule 1: the row is read.
        let printed = try Pipeline.convert(data: Data(rows([18, 31, 7, 22, 14, 13, 105]).utf8), fileName: "printed.txt", format: .text)
        #expect(printed.requests["carried_forward", "social_welfare"] == 22)
        #expect(printed.requests["carried_forward", "legal_service"] == 14)
        #expect(!printed.diagnostics.contains { $0.code == "table.order_unproven" })
    }

    @Test("lynx drops blank cells and rows: blank rows read from their lone labels, cells placed where the column rules agree")
    func lynxBlankRows() throws {
        let (report, comparison) = try Self.convert("syn501_0014_2019", "lynx")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 178, "\(right) of \(comparison.checks.count)")
        // 5. and 6. of 不予公开 blank: their labels stand together before 7.'s values.
        let enforcement = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"].map {
            report.requests["denied_enforcement_file", $0]
        }
        #expect(enforcement == [123, nil, 626, nil, 774, 155, 1678])
        #expect(report.diagnostics.contains { $0.path == "requests.denied_internal_affairs.total" && $0.message.contains("a row left blank") })
        // 予以公开 `319 133 288 86 634 1460`: one blank among the parts, which the column rules
        // leave open between 商业企业 and 科研机构; the rest is proven.
        #expect(report.requests["granted", "natural_person"] == 319)
        #expect(report.requests["granted", "research"] == nil)
        #expect(report.requests["granted", "total"] == 1460)
        #expect(report.diagnostics.contains { $0.code == "table.order_unproven" && $0.path == "requests.granted.research" })
    }

    @Test("html2text breaks a `|` row at each blank cell: the row is joined, every cell in its place")
    func html2textBrokenRows() throws {
        let (report, comparison) = try Self.convert("syn501_0007_2021", "html2text")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
        // `二、上年结转… |  71 |  24 |  62 |    ` / `|  55 |    ` / `|  212`.
        let carried = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"].map {
            report.requests["carried_over", $0]
        }
        #expect(carried == [71, 24, 62, nil, 55, nil, 212])
        // Later lines keep their numbers: the lines joined in stay as empty lines.
        let text = "a |  1 |    \n|  2\nb\n| x | y |\n| z | w |"
        #expect(BrokenPipeRows.joined(text) == "a |  1 |    |  2\n\nb\n| x | y |\n| z | w |")
        #expect(BrokenPipeRows.joined("no pipes\nhere") == "no pipes\nhere")
    }

    @Test("cells the source delimits keep their values when a rule breaks: the validator reports it")
    func delimitedRowKept() throws {
        // Sample 001 (one cell per tab-led line) with the 一、本年新收 total changed from 1 to 3.
        var text = String(decoding: try TestFiles.sample("001_73cfe548748cf452"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\t1\u{00A0}\n\n\t二、上年结转", with: "\t3\u{00A0}\n\n\t二、上年结转")
        let report = try Pipeline.convert(data: Data(text.utf8), fileName: "broken.txt", format: .text)
        #expect(report.requests["new_received", "total"] == 3)
        #expect(!report.diagnostics.contains { $0.code == "table.order_unproven" })
    }
}

/// Markdown writers (mammoth) escape a number that would start a list: `3\.其他` is the row label
/// `3.其他`, not the end of the paragraph before it (which gave 3.其他's values to the row above).
@Suite("Escaped enumerators")
struct EscapedEnumeratorTests {
    @Test("`3\\.其他` starts a new item, on both text paths")
    func escapedEnumerator() {
        #expect(HeadingShape.startsWithEnumerator("3\\.其他"))
        #expect(HeadingShape.startsWithEnumerator(simpleScalars: "3\\.其他".unicodeScalars))
        #expect(!HeadingShape.startsWithEnumerator("3\\"))
        #expect(!HeadingShape.startsWithEnumerator(simpleScalars: "a\\.b".unicodeScalars))
    }
}

/// Web pages through trafilatura keep the tables as `| … |` rows but drop the part headings (and
/// run the three tables together): each table is found by its own row and column labels.
@Suite("Tables without their part headings")
struct HeadlessTableTests {
    @Test("trafilatura texts: the three tables read by their labels, no wrong number", arguments: [
        ("syn301_0000_2019", 181), ("syn301_0001_2021", 205),
    ])
    func trafilaturaTables(stem: String, floor: Int) throws {
        let (report, comparison) = try CountedOrderTests.convert(stem, "trafilatura", folder: "Fixtures/headless")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= floor, "\(right) of \(comparison.checks.count)")
        let found = Set(report.diagnostics.filter { $0.code == "table.found_by_labels" }.compactMap(\.path))
        #expect(found == ["active_disclosure", "requests", "review_litigation"])
        #expect(report.diagnostics.contains { $0.code == "section.missing" })
    }

    @Test("trafilatura: `|  \\t\\t\\t |` is an empty cell and `|  |` a spanned column, in a row with both")
    func tabbedBlankCells() throws {
        // Seed 901: `| 二、上年结转… |  |  |  \t\t\t\t\t | 116 | 100 |  \t\t\t\t\t | 13 | 123 | 352 |`
        // once read as six values after a label over three columns.
        let (report, comparison) = try CountedOrderTests.convert("syn901_0070_2019", "trafilatura", folder: "Fixtures/headless")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["carried_over", $0] } == [nil, 116, 100, nil, 13, 123, 352])
        #expect(LineCells.split("| a |  |  \t\t |  1 |")?.cells == ["a", "", "1"])
    }

    @Test("trafilatura: a `|` row whose empty cells hold tabs is a `|` row, not tab fields")
    func pipeRowWithTabs() throws {
        // `| 75 | 373 | 71 | 178 | 697 |  |  \t\t\t\t\t | 206 | …`: split at its tabs, part 四's row and the
        // request rows with a blank cell were cells of `|` text, unreadable (3,442 fields of 600 reports).
        let (report, comparison) = try CountedOrderTests.convert("syn2027_0001_2021", "trafilatura", folder: "Fixtures/headless")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.count) fields not right")
        let outcomes = ["upheld", "corrected", "other", "pending", "total"]
        #expect(outcomes.map { report.reviewLitigation["litigation_direct", $0] } == [nil, 206, 374, 100, 680])
    }

    @Test("a text whose rule 3 check tries other orders of the result rows: no wrong number")
    func ruleThreeOrders() throws {
        // The release build segfaulted in this check (Scripts/release-smoke.sh runs every fixture
        // through the release build); 179 of its 203 fields are read, the rest unread rows.
        let (_, comparison) = try CountedOrderTests.convert("syn2003_0008_2019", "pdftotext")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.checks.filter(\.ok).count >= 179)
    }

    @Test("`pdftotext` writing each row's first column beside its label and the rest after the last label: the row after is uncertain, not given the rows' values", arguments: [
        // `3.要求提供公开出版物` `/` `4.无正当…` `266` `5.要求…` `9` `（六）其他处理` `/` then 18 values:
        // 其他处理 (blank) once took `/ 1 161 119 / 826 1107`, 出版物's rest.
        ("syn2003_0854_2019", 101),
        // `3.要求提供公开出版物` (its first cell blank) `4.…` `285` `5.…` `48` `（六）其他处理` then
        // `260 129 54 153 596`: 596, 出版物's 总计, was placed as 其他处理's.
        ("syn2003_1262_2019", 53),
    ])
    func firstColumnBesideLabels(stem: String, floor: Int) throws {
        let (report, comparison) = try CountedOrderTests.convert(stem, "pdftotext")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.checks.filter(\.ok).count >= floor)
        for column in ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"] {
            #expect(report.requests["other_handling", column] == nil)
        }
        #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.other_handling" })
    }

    @Test("a row label written around a run of values (`3.补正后申请内容仍` / values / `不明确` / `1` `1`): the row is null, not given the wrapped numbers' last digits")
    func labelAroundValues() throws {
        let (report, comparison) = try CountedOrderTests.convert("syn2003_1246_2019", "pdftotext")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.checks.filter(\.ok).count >= 133)
        #expect(report.requests["unavailable_unclear", "total"] == nil)
        #expect(report.diagnostics.contains { $0.code == "table.order_uncertain" && $0.path == "requests.unavailable_unclear" })
    }

    @Test("a bare 总计 after part 四's column headers, set by `pdftotext` before part 四's heading, is not the requests' 总计 row")
    func reviewHeaderTotal() throws {
        // `其他结` `果` `尚未审` `结` `总计` `319` `218` `537`: 537 was read as the requests' 总计.
        let (report, comparison) = try CountedOrderTests.convert("syn2003_1875_2021", "pdftotext")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        // 101 until 上年结转, 6.属于四类过程性信息, （四）2 and （五）2 were left null: the next rows (blank)
        // have their labels later in the text with no values of their own, so each run may be theirs.
        #expect(comparison.checks.filter(\.ok).count >= 87)
        #expect(report.requests["results_total", "total"] == nil)
        #expect(report.diagnostics.contains { $0.code == "table.values_unplaced" && $0.message.contains("part 四") })
    }

    @Test("`pdftotext -layout`: a page's widest rows that do not line up (one squeezed) lay out no columns; the short row is placed by the sum rules instead")
    func squeezedFullRowLaysOutNothing() throws {
        // `（一）予以公开 57 36 159 88 144 65 549` puts 144 at character 41, where the page's other
        // full rows have 社会公益组织's values. Its columns, the only layout left once the others'
        // (touching) were dropped, placed `2.重复申请 4 76 209 46 335`'s 46 under 法律服务机构.
        let (report, comparison) = try CountedOrderTests.convert("syn2003_1846_2019", "pdftotext-layout")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.checks.filter(\.ok).count >= 203)
        let columns = DOCXFixtureTests.requestColumns
        #expect(columns.map { report.requests["not_processed_duplicate", $0] } == [4, 76, 209, 46, nil, nil, 335])
    }

    @Test("`pdftotext -layout`: a row squeezed over two lines whose values interleave by character is not read in the text's order")
    func interleavedLines() throws {
        // `2.重复申请  32  204` over `167 127 163  141 834` (167 between 32 and 204): read as
        // `32 204 167 …`, 32 and 204 swapped (the source's 自然人 is 204).
        let (report, comparison) = try CountedOrderTests.convert("syn2003_1414_2019", "pdftotext-layout")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(comparison.checks.filter(\.ok).count >= 151)
        #expect(report.requests["not_processed_duplicate", "natural_person"] == nil)
        #expect(report.requests["not_processed_duplicate", "commercial"] == nil)
    }

    @Test("every distinct order of a row's values comes once, the row's own order included, until the body stops")
    func ordersOfValues() {
        func orders(_ cells: [Decimal?]) -> [[Decimal?]] {
            var seen: [[Decimal?]] = []
            TableRecognizer.forEachOrder(of: cells) { seen.append($0); return false }
            return seen
        }
        #expect(orders([1, 2, 3]).count == 6)
        #expect(Set(orders([1, 2, 3]).map { $0.map { $0 ?? -1 } }).count == 6)
        // Equal values and blanks: 3! / 2! orders.
        #expect(orders([5, nil, 5]).count == 3)
        #expect(orders([5, nil, 5]).contains([5, nil, 5]))
        #expect(orders([1, 2, 3, 4, 5, 6, 7]).count == 5_040)
        #expect(orders([]).count == 1 && orders([4]) == [[4]])
        var calls = 0
        TableRecognizer.forEachOrder(of: [1, 2, 3, 4]) { _ in calls += 1; return calls == 3 }
        #expect(calls == 3)
        // Other orders keeping rule 2 (总计 last = the sum of the rest): [2, 1, 3] only.
        var others: [[Decimal?]] = []
        TableRecognizer.forEachOtherOrder(of: [1, 2, 3], keepingRuleTwoAt: 2) { others.append($0); return false }
        #expect(others == [[2, 1, 3]])
    }
}
