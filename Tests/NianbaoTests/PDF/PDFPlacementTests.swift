import Foundation
import Testing
import NianbaoModel
import NianbaoWriters
import NianbaoKit
@testable import NianbaoPDF

/// Placement by the header cells in PDFs, on reports with distinct non-zero values and blank
/// cells, rows and whole columns (`Scripts/pdf-fixtures/blank_cells.sh`): a column blank in every
/// row keeps its place, a wrapped header cell (`商业企` / `业`) is one column, and a value that no
/// header column proves is null, never moved.
@Suite("PDF placement")
struct PDFPlacementTests {
    static func convert(_ name: String) throws -> (report: Report, comparison: ExpectedComparison) {
        let data = try PDFReaderTests.fixture(name)
        let report = try Pipeline.convert(data: data, fileName: name + ".pdf", format: .pdf)
        guard let url = Bundle.module.url(forResource: name + ".expected", withExtension: "json", subdirectory: "Fixtures/pdf") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/pdf/\(name).expected.json"])
        }
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try Data(contentsOf: url))
        return (report, comparison)
    }

    static func values(_ report: Report, _ table: String, _ row: String) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report).utf8)) as? [String: Any]
        return (json?[table] as? [String: Any])?[row] as? [String: Any] ?? [:]
    }

    @Test("LibreOffice PDF with two applicant columns blank in every row: every field exact")
    func blankColumns() throws {
        guard PDFReaderTests.popplerPresent("blank columns") else { return }
        let (report, comparison) = try Self.convert("blank_cells.lo")
        #expect(comparison.checks.count > 190)
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
        let received = try Self.values(report, "requests", "new_received")
        #expect(received["natural_person"] as? Int == 2195)
        #expect(received["commercial"] as? Int == 3319)
        #expect(received["research"] is NSNull)
        #expect(received["social_welfare"] as? Int == 2511)
        #expect(received["legal_service"] is NSNull)
        #expect(received["other_org"] as? Int == 3187)
        #expect(received["total"] as? Int == 11212)
        let review = try Self.values(report, "review_litigation", "review")
        #expect(review["upheld"] as? Int == 4)
        #expect(review["corrected"] is NSNull)
        #expect(review["other"] as? Int == 129)
        #expect(review["total"] as? Int == 267)
    }

    /// LibreOffice (no CJK font installed) broke 7.属于行政执法案卷 over a page: `5552` / `5554` at
    /// the foot of page 2, `26` / `44` at the top of page 3. The first pieces were read as the
    /// numbers (seed 2003 soak: 29 wrong numbers in 13 reports, this row each time).
    @Test("a row broken over a page: its numbers' pieces on the next page joined, proven by the row's sum")
    func rowBrokenOverAPage() throws {
        guard PDFReaderTests.popplerPresent("row broken over a page") else { return }
        let (report, comparison) = try Self.convert("syn2003_0399_2021.lo-nocjk")
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
        let row = try Self.values(report, "requests", "denied_enforcement_file")
        #expect(row["legal_service"] as? Int == 555226)
        #expect(row["total"] as? Int == 555444)
        #expect(row["commercial"] is NSNull)
    }

    /// LibreOffice with Noto CJK: every number of （七）总计 wrapped in its narrow cell, the first
    /// pieces on a line of their own between 3.其他's values and the 总计 label's line
    /// (`424 233 370 313 283 330 439` / `（七）总计 410 9 1 0 5 5 720`). The pieces' line was taken
    /// for 3.其他's continuation, unproven: 3.其他 was left null and 总计 read as the last pieces
    /// (seed 2003, 400 reports: 152 wrong numbers).
    @Test("a row's wrapped numbers whose first pieces stand on the line above its label: joined to that row by its sum")
    func wrappedAroundTheLabelLine() throws {
        guard PDFReaderTests.popplerPresent("wrapped around the label line") else { return }
        let (report, comparison) = try Self.convert("syn2003_0001_2021.lo-noto")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let total = try Self.values(report, "requests", "results_total")
        #expect(total["natural_person"] as? Int == 424410)
        #expect(total["other_org"] as? Int == 3305)
        #expect(total["total"] as? Int == 439720)
        let other = try Self.values(report, "requests", "other_misc")
        #expect(other["research"] as? Int == 172)
        #expect(other["total"] as? Int == 731)
        let right = comparison.checks.filter(\.ok).count
        #expect(right >= 198, "\(right) of \(comparison.checks.count)")
    }

    @Test("pieces of numbers at the top of a page: joined only when the row's sum holds, else unread")
    func piecesJoinedOnlyByTheSum() {
        let previous = ["7.属于行政执法案卷", "83", "—", "103", "—", "5552", "32", "5554"]
        let pieces = ["", "", "", "", "", "26", "", "44"]
        #expect(DocumentLayout.piecesJoined(previous, pieces) == [5: "555226", 7: "555444"])
        // 83 + 103 + 555226 + 32 ≠ 555445: both cells keep their two pieces apart (read as no number).
        var broken = previous
        broken[7] = "5554"
        #expect(DocumentLayout.piecesJoined(broken, ["", "", "", "", "", "26", "", "45"]) == [5: "5552 26", 7: "5554 45"])
        // A piece under a blank or a label, or a word that is not digits: not pieces.
        #expect(DocumentLayout.piecesJoined(previous, ["", "", "7", "", "", "", "", ""]) == nil)
        #expect(DocumentLayout.piecesJoined(previous, ["", "", "", "", "", "26", "", "续"]) == nil)
        #expect(DocumentLayout.piecesJoined(previous, ["", "", "", "", "", "", "", ""]) == nil)
    }

    @Test("narrow columns wrap the header cells: no wrong number, blank columns in place")
    func wrappedHeaders() throws {
        guard PDFReaderTests.popplerPresent("wrapped headers") else { return }
        let (report, comparison) = try Self.convert("blank_cells.narrow")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        // A number wrapped inside its narrow cell (`1036` over `2`, the row's other cells centred
        // over both lines) is joined: every field exact.
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
        let received = try Self.values(report, "requests", "new_received")
        #expect(received["natural_person"] as? Int == 1823)
        #expect(received["commercial"] is NSNull)
        #expect(received["research"] is NSNull)
        #expect(received["social_welfare"] as? Int == 3207)
        #expect(received["legal_service"] as? Int == 2221)
        #expect(received["other_org"] as? Int == 2708)
        #expect(received["total"] as? Int == 9959)
    }

    static func word(_ text: String, _ x: Double, _ y: Double, width: Double? = nil) -> PDFWord {
        PDFWord(text: text, x0: x, y0: y, x1: x + (width ?? Double(text.count) * 10), y1: y + 10)
    }

    @Test("header pieces wrapped in a narrow cell are one column; a row label is no header")
    func headerCells() {
        let words = [
            Self.word("法人或其他组织", 140, 0),
            Self.word("自然人", 100, 10), Self.word("商业企", 140, 14), Self.word("业", 150, 25),
            Self.word("社会公益", 180, 14), Self.word("组织", 185, 25), Self.word("总计", 230, 10),
        ]
        let header = HeaderColumns.find(in: words, height: 10)
        #expect(header?.names == ["自然人", "商业企业", "社会公益组织", "总计"])
        #expect(header?.separators.count == 3)
        #expect(HeaderColumns.normalized("（七）总计") == "（七）总计")
        #expect(HeaderColumns.normalized("采购总金额（万元）") == "采购总金额")
        #expect(HeaderColumns.find(in: [Self.word("（七）总计", 0, 0)], height: 10) == nil)
    }

    /// A requests header (7 columns, 40 apart, 30 wide) and rows under it: the label at x 0,
    /// each row's values given as (text, line) with line 0 the row's top line; `pitch` between lines.
    static func requestsTable(_ rows: [(label: String, y: Double, values: [[(String, Double)]])], pitch: Double, centred: Bool = true) -> TableGrid {
        var words = HeaderColumns.applicantNames.enumerated().map { Self.word($1, 100 + 40 * Double($0), 0, width: 30) }
        for row in rows {
            words.append(Self.word(row.label, 0, row.y, width: 80))
            for (column, pieces) in row.values.enumerated() {
                for (text, line) in pieces {
                    let width = Double(text.count) * 10
                    let x = 100 + 40 * Double(column) + (centred ? (30 - width) / 2 : 0)
                    words.append(Self.word(text, x, row.y + line * pitch, width: width))
                }
            }
        }
        return TableGrid(lines: VisualLine.lines(words))
    }

    static func valueTexts(_ grid: TableGrid, label: String) -> [String] {
        guard let row = grid.rows.first(where: { $0.cells.first?.text.contains(label) == true }) else { return [] }
        return row.cells.dropFirst(row.labelCellCount).map(\.text).filter { !$0.isEmpty }
    }

    @Test("numbers wrapped inside narrow cells are joined: every piece on the row's next text line")
    func wrappedNumbersOnTheirOwnLine() {
        // 2777 / 1611 / … printed as `277` over `7`, `161` over `1`, …; the row below is a row.
        let wrapped = [("277", "7"), ("161", "1"), ("185", "5"), ("224", "4"), ("244", "6"), ("240", "7"), ("133", "40")]
        let grid = Self.requestsTable([
            ("1.本年新收", 20, wrapped.map { [($0.0, 0), ($0.1, 1)] }),
            ("2.上年结转", 45, ["12", "34", "56", "78", "91", "23", "294"].map { [($0, 0)] }),
        ], pitch: 9)
        #expect(Self.valueTexts(grid, label: "本年新收") == ["2777", "1611", "1855", "2244", "2446", "2407", "13340"])
        #expect(Self.valueTexts(grid, label: "上年结转") == ["12", "34", "56", "78", "91", "23", "294"])
        #expect(grid.unplaced.isEmpty)
    }

    @Test("a number wrapped in a cell whose row's other values are centred over both lines is joined")
    func wrappedNumberAmongCentredValues() {
        // Only 总计 wraps (`1981` over `1`); the other values stand centred between its two lines.
        var values: [[(String, Double)]] = ["5", "17", "33", "41", "29", "77"].map { [($0, 0)] }
        values.append([("198", -0.5), ("1", 0.5)])
        let grid = Self.requestsTable([("1.本年新收", 24, values)], pitch: 9, centred: true)
        // `198` and `1` are half a line above and below the others: one value line.
        #expect(Self.valueTexts(grid, label: "本年新收").suffix(1) == ["1981"])
    }

    @Test("values under values without a label of their own, a row's pitch below: null, never joined or moved")
    func unprovenContinuationIsNull() {
        // The second line is 12 below the first (more than a text line): two rows or one wrapped
        // number cannot be told apart, and the row's label is on the first line only.
        let grid = Self.requestsTable([("1.本年新收", 20, ["277", "161", "185", "224", "244", "240", "133"].map { [($0, 0), ("9", 1)] })],
                                      pitch: 12)
        #expect(Self.valueTexts(grid, label: "本年新收").isEmpty)
        #expect(grid.unplaced.count == 7)
        #expect(grid.unplaced.first?.contains("not known whether one number wrapped or two rows") == true)
    }

    @Test("a piece that is not digits, or a first piece narrower than the column, is not joined")
    func wrapProofRules() {
        let piece = { (text: String, x: Double, y: Double) in PDFWord(text: text, x0: x, y0: y, x1: x + Double(text.count) * 10, y1: y + 10) }
        #expect(TableGrid.wrappedPieces([piece("198", 0, 0), piece("1", 10, 9)], height: 10, columnWidth: 30)?.text == "1981")
        #expect(TableGrid.wrappedPieces([piece("19.", 0, 0), piece("1", 10, 9)], height: 10, columnWidth: 30) == nil)
        #expect(TableGrid.wrappedPieces([piece("19", 0, 0), piece("1", 5, 9)], height: 10, columnWidth: 30) == nil)
        #expect(TableGrid.wrappedPieces([piece("198", 0, 0), piece("1", 10, 12)], height: 10, columnWidth: 30) == nil)
        #expect(TableGrid.wrappedPieces([piece("198", 0, 0), piece("1", 40, 9)], height: 10, columnWidth: 30) == nil)
    }

    @Test("a requests header lacking some applicant columns is not complete")
    func incompleteHeader() {
        let partial = HeaderColumns(spans: [0...10, 20...30], names: ["商业企业", "科研机构"])
        #expect(partial.incompleteness != nil)
        let whole = HeaderColumns(spans: (0..<7).map { Double($0 * 20)...Double($0 * 20 + 10) }, names: HeaderColumns.applicantNames)
        #expect(whole.incompleteness == nil)
    }

    @Test("MuPDF Story PDFs (seed 501): a blank cell's `-` before a value, a row of one value in a table of its own")
    func mupdfStoryBlankMarks() throws {
        guard PDFReaderTests.popplerPresent("MuPDF blank marks") else { return }
        let (report, comparison) = try Self.convert("syn501_0021_2021.mupdf")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(report.requests["not_processed_excessive", "total"] == 345371)
        #expect(report.requests["not_processed_excessive", "other_org"] == nil)
        let (single, singleComparison) = try Self.convert("syn501_0061_2021.mupdf")
        #expect(singleComparison.wrongNumbers.isEmpty, "\(singleComparison.wrongNumbersListed)")
        #expect(single.activeDisclosure["regulations", "in_force"] == 798)
        #expect(single.activeDisclosure["regulations", "issued"] == nil)
    }

    @Test("part 四's grid row one cell short of the table: read by its values' order, rule 4 placing what it proves")
    func reviewGridRowShort() throws {
        guard PDFReaderTests.popplerPresent("part 四 grid row short") else { return }
        // MuPDF's Story PDF (seed 2027): 行政复议's `— 207 — 327 534` came through as 14 cells with one
        // blank lost; the whole part was left null ("no unique placement"), its blanks noted as blank cells.
        let (report, comparison) = try Self.convert("syn2027_0354_2019.mupdf")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let outcomes = ["upheld", "corrected", "other", "pending", "total"]
        #expect(outcomes.map { report.reviewLitigation["litigation_direct", $0] } == [286, 223, 297, 391, 1197])
        #expect(outcomes.map { report.reviewLitigation["litigation_after_review", $0] } == [91, 104, 281, 379, 855])
        #expect(report.reviewLitigation["review", "total"] == 534)
        #expect(report.reviewLitigation["review", "corrected"] == nil)
        #expect(report.diagnostics.contains { $0.code == "table.order_unproven" && $0.path == "review_litigation.review.corrected" })
    }

    @Test("part 四's grid row whose last group is blank in every cell keeps its width: read by cell")
    func reviewGridRowLastGroupBlank() throws {
        guard PDFReaderTests.popplerPresent("part 四 last group blank") else { return }
        // LibreOffice's PDF (seed 2027): `— 214 — 192 84 490 179 — 109 312 600 — — — — —`, an empty label
        // column first and 复议后起诉 blank: the blanks at the end were dropped before the label column,
        // leaving 11 cells for 15, and the whole part was left null.
        let (report, comparison) = try Self.convert("syn2027_0044_2019.lo")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let outcomes = ["upheld", "corrected", "other", "pending", "total"]
        #expect(outcomes.map { report.reviewLitigation["review", $0] } == [214, nil, 192, 84, 490])
        #expect(outcomes.map { report.reviewLitigation["litigation_direct", $0] } == [179, nil, 109, 312, 600])
        #expect(outcomes.map { report.reviewLitigation["litigation_after_review", $0] } == [nil, nil, nil, nil, nil])
        #expect(report.diagnostics.contains { $0.code == "value.missing" && $0.path == "review_litigation.litigation_after_review.total" })
    }

    @Test("a number wrapped in its cell beside the last line of its own wrapped label is joined, not noted blank")
    func wrappedNumberBesideLabelEnd() throws {
        guard PDFReaderTests.popplerPresent("wrapped number beside label end") else { return }
        // LibreOffice's PDF (seed 2027): `3.要求提供公开出版` `39916 277 … 40000` over `3` … `5`, the line of
        // the pieces level with the label's end `物`: taken for a row's label of its own, the pieces
        // were unplaced and both cells noted blank.
        let (report, comparison) = try Self.convert("syn2027_0085_2021.lo")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        let columns = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
        #expect(columns.map { report.requests["not_processed_publication", $0] } == [399163, 277, 109, 232, nil, 224, 400005])
        #expect(!report.diagnostics.contains { $0.code == "value.missing" && $0.path == "requests.not_processed_publication.natural_person" })
    }

    @Test("a line of text that ran a row's values into its labels is no row left blank")
    func valuesRunIntoLabels() throws {
        guard PDFReaderTests.popplerPresent("values run into labels") else { return }
        // MuPDF's PDF (seed 2027): part 三's page read as lines, `三、本年度办（一）予以公开38 1 93 161 293理结果`
        // … `4.保护第三方合法权益` then 4's values. The labels before 4's, read as a text given row by
        // row, were once called rows left blank (their values are in those lines): nothing says so.
        let (report, comparison) = try Self.convert("syn2027_0320_2019.mupdf")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        for row in ["granted", "partially_granted", "denied_state_secret"] {
            #expect(!report.diagnostics.contains { $0.code == "value.missing" && $0.path == "requests.\(row).natural_person" })
        }
        #expect(report.requests["denied_process_info", "total"] == 1281)
    }

    @Test("part 四's grid row starting blank: an empty label column and a blank after a 总计 read alike, nothing placed")
    func reviewRowLabelColumnOrAfterTotal() throws {
        guard PDFReaderTests.popplerPresent("label column or after total") else { return }
        // LibreOffice's PDF (2,000-report soak, seed 2063): `[] [] [] [] [] [0] [] [] [] [] [] [13] [45]
        // [377] [178] [613]`, sixteen cells for fifteen. Without the first (the empty label column)
        // 0 is 行政复议's 总计; without the blank after 未经复议直接起诉's 总计 it is that group's
        // 结果维持, and rule 4 holds both ways: that reading was taken (1 wrong number).
        let (report, comparison) = try Self.convert("syn2063_0396_2019.lo")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(report.reviewLitigation["litigation_direct", "upheld"] == nil)
    }

    @Test("digits wrapped onto a page's last line (`70121` / `2`) are the row's, not a page number")
    func wrappedDigitsAtPageFoot() throws {
        guard PDFReaderTests.popplerPresent("page-foot digits") else { return }
        // Seed 901, LibreOffice PDF: 不予公开's row wraps `70121` / `2` and `70204` / `0` onto the
        // page's last line, read once as the page number "20" and dropped: six wrong numbers.
        let (report, comparison) = try Self.convert("syn901_0003_2021.lo")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(report.requests["denied_inquiry", "commercial"] == 701212)
        #expect(report.requests["denied_inquiry", "total"] == 702040)
        #expect(report.requests["denied_inquiry", "natural_person"] == nil)
    }

    @Test("small type in tall rows, large type in wrapped rows: tables stay tables (主动公开's rows not run into paragraphs, MuPDF's rows one table)")
    func smallTypeTallRows() throws {
        guard PDFReaderTests.popplerPresent("small type") else { return }
        // Seed 1103, LibreOffice PDF of a report set in small type: rows 6.9 pt apart read as
        // lines of prose, `行政处罚 129` and `行政强制 268` one paragraph, 行政处罚 given 268.
        let (report, comparison) = try Self.convert("syn1103_0085_2021.small")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbersListed)")
        #expect(report.activeDisclosure["punishment", "decisions"] == 129)
        #expect(report.activeDisclosure["enforcement", "decisions"] == 268)
        #expect(report.activeDisclosure["normative_documents", "issued"] == nil)
        #expect(report.activeDisclosure["normative_documents", "repealed"] == 293)
        // MuPDF, small type in rows 21 pt apart (more than twice the text's height): one table,
        // its rows with blank cells in place (54 fields null before).
        let (mupdf, mupdfComparison) = try Self.convert("syn1103_0061_2021.mupdf-small")
        #expect(mupdfComparison.wrongNumbers.isEmpty, "\(mupdfComparison.wrongNumbersListed)")
        let mismatches = mupdfComparison.mismatches.map(\.description)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(mupdf.requests["denied_process_info", "research"] == 123)
        #expect(mupdf.requests["denied_process_info", "commercial"] == nil)
        // MuPDF, large type: every row of 不予公开 wraps its label, no two table lines adjacent
        // (ten rows not found before).
        let (large, largeComparison) = try Self.convert("syn1103_0051_2021.mupdf-large")
        let largeMismatches = largeComparison.mismatches.map(\.description)
        #expect(largeMismatches.isEmpty, "\(largeMismatches.joined(separator: "\n"))")
        #expect(large.requests["denied_security_stability", "natural_person"] == 18)
        #expect(large.requests["denied_security_stability", "commercial"] == nil)
        // 行政复议/行政诉讼's only row of values alone at the top of a page, under the rest of its header.
        let (review, reviewComparison) = try Self.convert("syn1103_0090_2019.mupdf-large")
        let reviewMismatches = reviewComparison.mismatches.map(\.description)
        #expect(reviewMismatches.isEmpty, "\(reviewMismatches.joined(separator: "\n"))")
        #expect(review.reviewLitigation["litigation_direct", "upheld"] == nil)
        #expect(review.reviewLitigation["litigation_direct", "corrected"] == 122)
        #expect(review.reviewLitigation["litigation_after_review", "total"] == 1177)
    }

    @Test("a header broken by a page break: its two parts' columns make the whole header")
    func headerAcrossPages() {
        // 自然人 and 总计 at the foot of one page (MuPDF's Story), 商业企业 … 其他 at the top of the next.
        let foot = HeaderColumns(spans: [320...340, 508...526], names: ["自然人", "总计"])
        let top = HeaderColumns(spans: [352...370, 380...398, 410...430, 445...465, 480...498],
                                names: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        #expect(top.incompleteness != nil && foot.incompleteness != nil)
        let whole = HeaderColumns.merged(top, foot)
        #expect(whole?.names == HeaderColumns.applicantNames)
        #expect(whole?.incompleteness == nil)
        // Parts whose columns overlap, or that still lack a column, make none.
        #expect(HeaderColumns.merged(top, HeaderColumns(spans: [320...340, 490...526], names: ["自然人", "总计"])) == nil)
        #expect(HeaderColumns.merged(top, HeaderColumns(spans: [320...340], names: ["自然人"])) == nil)
    }

    /// The value cells of the row whose label contains `label`, blanks kept.
    static func cellTexts(_ grid: TableGrid, label: String) -> [String] {
        guard let row = grid.rows.first(where: { $0.cells.first?.text.contains(label) == true }) else { return [] }
        return row.cells.dropFirst(row.labelCellCount).map(\.text)
    }

    @Test("a blank cell's `-` before a value in the next column is a blank mark, not the value's sign")
    func blankMarkBeforeValue() {
        // MuPDF's Story puts `-` (the blank 其他 cell) 15 pt left of the 总计: once read as `-345371`.
        var words = HeaderColumns.applicantNames.enumerated().map { Self.word($1, 100 + 40 * Double($0), 0, width: 30) }
        words.append(Self.word("4.无正当理由大量反复申请", 0, 20, width: 80))
        for (column, text) in ["252", "147", "3445", "214", "251"].enumerated() {
            words.append(Self.word(text, 100 + 40 * Double(column), 20, width: 30))
        }
        words.append(PDFWord(text: "-", x0: 312, y0: 20, x1: 315, y1: 30))
        words.append(PDFWord(text: "4309", x0: 326, y0: 20, x1: 350, y1: 30))
        let grid = TableGrid(lines: VisualLine.lines(words))
        #expect(Self.cellTexts(grid, label: "无正当理由") == ["252", "147", "3445", "214", "251", "-", "4309"])
        // A change written `增 9` inside one cell stays one value.
        let change = TableGrid(lines: VisualLine.lines([
            Self.word("信息内容", 0, 0, width: 40), Self.word("上一年项目数量", 100, 0, width: 70), Self.word("本年增/减", 200, 0, width: 50),
            Self.word("处理决定数量", 300, 0, width: 60),
            Self.word("行政许可", 0, 20, width: 40), Self.word("12", 125, 20, width: 20), Self.word("增", 212, 20, width: 10),
            Self.word("9", 225, 20, width: 6), Self.word("30", 320, 20, width: 20),
        ]))
        #expect(Self.cellTexts(change, label: "行政许可") == ["12", "增9", "30"])
    }

    @Test("a row with one value under a header stands in its header's column")
    func oneValueUnderItsHeader() {
        // 规章 with only 现行有效件数 given, its row a table of its own (rows far apart): once read as 本年制发件数.
        let grid = TableGrid(lines: VisualLine.lines([
            Self.word("信息内容", 0, 0, width: 40), Self.word("本年制发件数", 130, 0, width: 54), Self.word("本年废止件数", 190, 0, width: 54),
            Self.word("现行有效件数", 250, 0, width: 54),
            Self.word("规章", 0, 27, width: 20), Self.word("798", 270, 27, width: 15),
        ]))
        #expect(Self.cellTexts(grid, label: "规章") == ["", "", "798"])
    }
}
