import Foundation
import Testing
import NianbaoModel
import NianbaoText
@testable import NianbaoRecognizer

/// The fixture's tables in the layouts real extractors write (issue 12), each small and inline:
/// every layout must give the fixture's values, and where the order of labels and values is lost,
/// `null` with a diagnostic rather than a wrong number.
@Suite("Recognizer: the tables as extractors lay them out")
struct ExtractorLayoutTests {
    /// The fixture's table rows rewritten line by line (`rewrite` gets the cells of a row).
    static func layout(_ fixture: ReportFixture = ReportFixture(), _ rewrite: ([String]) -> String) -> ReportFixture {
        func cells(_ line: String) -> [String] { line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var copy = fixture
        copy.active = fixture.active.map { ($0.key, rewrite(cells($0.line))) }
        copy.requests = fixture.requests.map { ($0.key, rewrite(cells($0.line))) }
        copy.review = fixture.review.map { ($0.key, rewrite(cells($0.line))) }
        return copy
    }

    static func expectFixtureValues(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let reference = try? Convert.report(ReportFixture())
        #expect(report.activeDisclosure == reference?.activeDisclosure, sourceLocation: sourceLocation)
        #expect(report.requests == reference?.requests, sourceLocation: sourceLocation)
        #expect(report.reviewLitigation == reference?.reviewLitigation, sourceLocation: sourceLocation)
    }

    /// Values only, without the locations (which differ between layouts).
    static func numbers(_ table: ValueTable) -> [[Decimal?]] { table.rows.map { $0.cells.map(\.value) } }

    static func expectFixtureNumbers(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let reference = try? Convert.report(ReportFixture()) else { return }
        #expect(numbers(report.activeDisclosure) == numbers(reference.activeDisclosure), sourceLocation: sourceLocation)
        #expect(numbers(report.requests) == numbers(reference.requests), sourceLocation: sourceLocation)
        #expect(numbers(report.reviewLitigation) == numbers(reference.reviewLitigation), sourceLocation: sourceLocation)
    }

    @Test("one cell per line without tabs or blank lines (LibreOffice text export, docx2txt, PyMuPDF)")
    func oneCellPerLine() throws {
        let fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("one cell per line with blank lines between the cells (mammoth, docx2txt)")
    func oneCellPerLineWithBlankLines() throws {
        let fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n\n") }
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("cells joined by ` | ` as web scrapers write them")
    func scraperPipes() throws {
        let fixture = Self.layout { $0.joined(separator: " | ") }
        Self.expectFixtureValues(try Convert.report(fixture))
    }

    @Test("Markdown pipe tables and headings, escaped enumerators (`1\\.属于国家秘密`)")
    func markdownPipeTable() throws {
        var fixture = Self.layout { "| " + $0.map { $0.replacingOccurrences(of: "1. ", with: "1\\.") }.joined(separator: " | ") + " |" }
        fixture.active.insert(("sep", "|---|---|---|---|"), at: 1)
        fixture.activeHeading = "## 二、主动公开政府信息情况"
        fixture.requestsHeading = "## 三、收到和处理政府信息公开申请情况"
        fixture.reviewHeading = "## 四、政府信息公开行政复议、行政诉讼情况"
        let report = try Convert.report(fixture)
        Self.expectFixtureValues(report)
        #expect(report.sections[.requests] != nil)
    }

    @Test("grid tables: `+---+` borders, a cell wrapped over two lines")
    func gridTable() throws {
        let border = "+----------+----------+----------+----------+"
        var fixture = Self.layout { border + "\n| " + $0.joined(separator: " | ") + " |" }
        // `其他对外管理服务事项` wrapped inside its cell, the other cells blank on the second line.
        fixture.replace(.activeDisclosure, "other_services", with: border + "\n| 其他对外管理 | 3 | 0 | 4 |\n| 服务事项 | | | |")
        Self.expectFixtureValues(try Convert.report(fixture))
    }

    @Test("columns padded with spaces (pandoc plain, w3m, pdftotext -layout)")
    func spacePadded() throws {
        let fixture = Self.layout { $0.map { $0.isEmpty ? "    " : $0 }.joined(separator: "    ") }
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("a label and its values on one line, single spaces (`行政许可 470`), a sign apart from its number (`减 1`)")
    func labelAndValuesOnOneLine() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.replace(.activeDisclosure, "licensing", with: "行政许可 10 增2 300")
        fixture.replace(.activeDisclosure, "punishment", with: "行政处罚 20 减 1 50")
        fixture.replace(.activeDisclosure, "other_services", with: "其他对外管理服务事项3\n0\n4")
        let report = try Convert.report(fixture)
        #expect(report.row(.activeDisclosure, "licensing") == values(10, 2, 300))
        #expect(report.row(.activeDisclosure, "punishment") == values(20, -1, 50))
        #expect(report.row(.activeDisclosure, "other_services") == values(3, 0, 4))
    }

    @Test("labels wrapped over lines: before the values, around them, and below them in their column")
    func wrappedLabels() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.replace(.requests, "partially_granted", with: "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）\n0\n0\n0\n0\n0\n0\n0")
        fixture.replace(.requests, "granted", with: "三、本年度办理结\n果\n（一）予以公开\n2\n1\n0\n0\n0\n0\n3")
        fixture.replace(.requests, "denied_prohibited", with: "2.其他法律行政法规\n0  0  0  0  0  0  0\n禁止公开")
        fixture.replace(.requests, "denied_security_stability", with: "3.危及\n0  0  0  0  0  0  0\n“三安\n全一稳\n定”")
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("header cells in another order or missing: rows are found by their labels")
    func headersMissing() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.requests.removeAll { $0.key.hasPrefix("h") }
        fixture.active.removeAll { $0.key.hasSuffix("c") }
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("half-width punctuation and digits, NFKC-normalised text (`第二十条第(一)项`, `(单位:万元)`)")
    func nfkc() throws {
        let text = ReportFixture().text.precomposedStringWithCompatibilityMapping
        #expect(text.contains("第二十条第(一)项"))
        Self.expectFixtureValues(try Convert.report(text))
    }

    @Test("page numbers, a page header and a repeated table header inside a table continued after a page break")
    func pageBreakInsideTable() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        let carriedOver = fixture.requests.first { $0.key == "carried_over" }?.line ?? ""
        fixture.replace(.requests, "carried_over",
                        with: carriedOver + "\n- 3 -\n\u{0C}第 4 页 共 9 页\n申请人情况\n法人或其他组织\n总计")
        // The label on one page, its values on the next.
        fixture.replace(.requests, "denied_third_party", with: "4.保护第三方合法权益\n— 4 —\n0\n0\n0\n0\n0\n0\n0")
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }

    @Test("labels written apart from their values (pdftotext's default mode): null + `table.order_uncertain`, never a wrong number")
    func columnsOneAfterAnother() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.replace(.activeDisclosure, "fees", with: "行政事业性收费")
        fixture.replace(.activeDisclosure, "h9", with: nil)
        fixture.replace(.activeDisclosure, "h9c", with: "信息内容")
        fixture.replace(.activeDisclosure, "procurement", with: "政府集中采购\n2\n0\n第二十条第（九）项\n采购项目数量\n5\n10.15万元\n采购总金额")
        let report = try Convert.report(fixture)
        #expect(report.row(.activeDisclosure, "fees") == values(nil, nil))
        #expect(report.row(.activeDisclosure, "procurement") == values(nil, nil))
        #expect(!report.diagnostics("table.order_uncertain", at: "active_disclosure.fees").isEmpty)
        #expect(!report.diagnostics("table.order_uncertain", at: "active_disclosure.procurement").isEmpty)
        #expect(report.row(.activeDisclosure, "licensing") == values(10, 2, 300))
    }

    @Test("a change (`增2`) where no change column is: the row is null, not shifted")
    func signedValueOutOfPlace() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.replace(.activeDisclosure, "procurement", with: "政府集中采购\n增2\n5")
        let report = try Convert.report(fixture)
        #expect(report.row(.activeDisclosure, "procurement") == values(nil, nil))
        #expect(!report.diagnostics("table.row_shape", at: "active_disclosure.procurement").isEmpty)
    }

    @Test("a sentence ending in a number before a table is not read as a cell")
    func sentenceWithNumber() throws {
        var fixture = Self.layout { $0.filter { !$0.isEmpty }.joined(separator: "\n") }
        fixture.review.insert(("prose", "全年受理行政复议案件 2"), at: 0)
        fixture.requests.insert(("prose", "本年新收政府信息公开申请数量 4"), at: 0)
        let report = try Convert.report(fixture)
        Self.expectFixtureNumbers(report)
    }

    @Test("HTML table markup in text (pandoc's markdown for merged cells)")
    func htmlMarkup() throws {
        let fixture = Self.layout { "<tr>\n" + $0.map { "<td>\($0)</td>" }.joined(separator: "\n") + "\n</tr>" }
        Self.expectFixtureNumbers(try Convert.report(fixture))
    }
}

/// Blank cells keep their place where the source gives positions: never row repair for them.
@Suite("Recognizer: blank cells in positioned rows")
struct BlankCellTests {
    static let blankRow = "\t(三) 不予公开\t1. 属于国家秘密\t258\t12\t\t\t1\t1\t"

    static func expectBlanksInPlace(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(report.row(.requests, "denied_state_secret") == values(258, 12, nil, nil, 1, 1, nil), sourceLocation: sourceLocation)
        #expect(report.diagnostics("table.row_repaired", at: "requests.denied_state_secret").isEmpty, sourceLocation: sourceLocation)
        #expect(report.diagnostics("table.row_shape", at: "requests.denied_state_secret").isEmpty, sourceLocation: sourceLocation)
        #expect(report.diagnostics("value.missing").filter { $0.path?.hasPrefix("requests.denied_state_secret.") == true }.count == 3,
                sourceLocation: sourceLocation)
    }

    @Test("a Word table row `258 | 12 | | | 1 | 1 | `: each blank is null in its own column")
    func docxTable() throws {
        let fixture = ReportFixture().replacing(.requests, "denied_state_secret", with: Self.blankRow)
        // The blocks as the DOCX reader gives them: every cell with its table position.
        var tableNumber = 0
        let blocks = Convert.blocks(fixture.text).map { block -> Block in
            guard case .table(var table) = block else { return block }
            tableNumber += 1
            for row in table.rows.indices {
                for cell in table.rows[row].cells.indices {
                    table.rows[row].cells[cell].location = SourceLocation(table: tableNumber, row: row + 1, cell: cell + 1)
                }
            }
            return .table(table)
        }
        let document = SourceDocument(source: SourceInfo(file: "word.docx", format: .docx, sha256: ""), blocks: blocks)
        Self.expectBlanksInPlace(Recognizer.recognize(document))
    }

    @Test("a tab row with empty fields")
    func tabRow() throws {
        Self.expectBlanksInPlace(try Convert.report(ReportFixture().replacing(.requests, "denied_state_secret", with: Self.blankRow)))
    }

    @Test("a `|` row with empty cells")
    func pipeRow() throws {
        let line = Self.blankRow.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " | ")
        Self.expectBlanksInPlace(try Convert.report(ReportFixture().replacing(.requests, "denied_state_secret", with: line)))
    }

    @Test("cells that were really lost (a row of 6 values, no positions) still go through row repair")
    func lostCellsRepaired() throws {
        let fixture = ReportFixture().replacing(.requests, "denied_state_secret", with: "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0")
        let report = try Convert.report(fixture)
        #expect(report.row(.requests, "denied_state_secret") == values(0, 0, 0, 0, 0, 0, 0))
        #expect(!report.diagnostics("table.row_repaired", at: "requests.denied_state_secret").isEmpty)
    }
}

/// Splitting a line of text into cells.
@Suite("Recognizer: line cells")
struct LineCellsTests {
    @Test("numbers that met in one cell at a single space are two numbers, a thousands grouping is one",
          arguments: [("13612 252", ["13612", "252"]), ("1 0", ["1", "0"]), ("12 345", nil), ("1 234 567", nil),
                      ("470", nil), ("行政许可 470", nil),
                      // Read on bytes: a no-break space separates, tabs alone do not make the text
                      // spaced, a combining mark or a full-width digit is no digit.
                      ("1\u{A0}0", ["1", "0"]), ("13612\t 252", ["13612", "252"]), ("1\t0", nil),
                      ("1 0\u{301}", nil), ("1 \u{301}0", nil), ("1 ０", nil), ("1 0 元", nil), (" 7  8 ", ["7", "8"])])
    func spacedNumbers(text: String, numbers: [String]?) {
        #expect(LineCells.spacedNumbers(text) == numbers)
    }

    @Test("in a text whose rows set values one space apart, a thousands grouping is two numbers too")
    func groupingInOneSpaceRows() {
        #expect(LineCells.spacedNumbers("276 741", groupingAllowed: false) == ["276", "741"])
        #expect(LineCells.spacedNumbers("276 741") == nil)
        let rows = ["1.属于国家秘密 265 125", "2.其他法律行政法规禁止公开 8 67 273 33 20 401",
                    "7.属于行政执法案卷 121 84 30 580 252 1067", "3.其他 45 161 247 115 260 828"]
        #expect(LineCells.rowsOneSpaceApart(rows))
        // Two such rows are not enough; a layout text's runs of spaces are not one space apart.
        #expect(!LineCells.rowsOneSpaceApart(rows.prefix(3)))
        #expect(!LineCells.rowsOneSpaceApart(rows.map { $0.replacingOccurrences(of: " ", with: "   ") }))
    }

    @Test("pieces split by scalars are the pieces split by Characters, on text where each scalar is one")
    func scalarSplitting() {
        let pieces = ["行政", "许可", "规章", "（三", "）", "1.", "2、", "3", "0", " ", " ", " ", "  ", "\u{3000}", "\u{A0}", "a", "、", "，", "．", "Ｂ", "x y"]
        var state: UInt64 = 24
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var mismatches: [String] = []
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + next(12)) { text += pieces[next(pieces.count)] }
            #expect(text.isTriviallyNormalized)
            if LineCells.splitOnWideSpaces(scalarsOf: text) != LineCells.splitOnWideSpaces(text) { mismatches.append("wide: [\(text)]") }
            if LineCells.splitBetweenIdeographs(scalarsOf: text) != LineCells.splitBetweenIdeographs(text) { mismatches.append("ideographs: [\(text)]") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }

    @Test("two values run together in one line (`13612 252`, pdftotext's default mode) are read apart, never as 13612252")
    func valuesRunTogether() throws {
        let fixture = ExtractorLayoutTests.layout { cells in
            // The first two values of every row joined by one space, the rest one per line.
            let nonEmpty = cells.filter { !$0.isEmpty }
            guard nonEmpty.count > 2, CellValue.plainInteger(nonEmpty[1]) != nil, CellValue.plainInteger(nonEmpty[2]) != nil else {
                return nonEmpty.joined(separator: "\n")
            }
            return ([nonEmpty[0], nonEmpty[1] + " " + nonEmpty[2]] + nonEmpty.dropFirst(3)).joined(separator: "\n")
        }
        let report = try Convert.report(fixture)
        ExtractorLayoutTests.expectFixtureNumbers(report)
    }

    @Test("markdown escapes and emphasis", arguments: [("1\\.属于国家秘密", "1.属于国家秘密"), ("**总计**", "总计"), ("a\\b", "a\\b")])
    func clean(_ input: String, _ expected: String) {
        #expect(LineCells.clean(input) == expected)
    }

    @Test("cells of a line", arguments: [
        ("规章 | 0 | 0 | 0", ["规章", "0", "0", "0"], true),
        ("| 规章 | 0 | | 0 |", ["规章", "0", "", "0"], true),
        ("规章    0     0   0", ["规章", "0", "0", "0"], false),
        ("（三 1.属 0", ["（三", "1.属 0"], false),
    ])
    func split(_ line: String, _ cells: [String], _ positioned: Bool) {
        let split = LineCells.split(line)
        #expect(split?.cells == cells)
        #expect(split?.positioned == positioned)
    }

    @Test("prose and borders", arguments: ["2020年，我局认真贯彻落实条例，全年主动公开政府信息120条。", "+----+----+", "|---|:---:|"])
    func proseAndBorders(_ line: String) {
        let split = LineCells.split(line)
        #expect(split == nil || split?.cells.isEmpty == true)
    }

    @Test("a label and its values at single spaces", arguments: [
        ("行政许可 470", "行政许可", ["470"]), ("行政处罚 62 减 16 96", "行政处罚", ["62", "减16", "96"]), ("0 0 0", "", ["0", "0", "0"]),
        // A sign joins a number only: three blank marks stay three.
        ("1.信访举报投诉类申请 - - -", "1.信访举报投诉类申请", ["-", "-", "-"]),
    ])
    func trailingValues(_ text: String, _ label: String, _ values: [String]) {
        let split = LineCells.trailingValues(text)
        #expect(split?.label == label)
        #expect(split?.values == values)
    }
}
