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

    @Test("narrow columns wrap the header cells: no wrong number, blank columns in place")
    func wrappedHeaders() throws {
        guard PDFReaderTests.popplerPresent("wrapped headers") else { return }
        let (report, comparison) = try Self.convert("blank_cells.narrow")
        #expect(comparison.wrongNumbers.isEmpty, "\(comparison.wrongNumbers.map(\.description).joined(separator: "\n"))")
        // A number wrapped inside its narrow cell (`1036` / `2`) is two values under one header:
        // null, not read.
        #expect(comparison.mismatches.count <= 1, "\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
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

    @Test("a requests header lacking some applicant columns is not complete")
    func incompleteHeader() {
        let partial = HeaderColumns(spans: [0...10, 20...30], names: ["商业企业", "科研机构"])
        #expect(partial.incompleteness != nil)
        let whole = HeaderColumns(spans: (0..<7).map { Double($0 * 20)...Double($0 * 20 + 10) }, names: HeaderColumns.applicantNames)
        #expect(whole.incompleteness == nil)
    }
}
