import Foundation
import Testing
import NianbaoModel
import NianbaoWriters
import NianbaoKit

/// The five real samples against their expected values, scored field by field as `score.py`
/// scores them: every field must match.
@Suite("Samples")
struct SampleConversionTests {
    static func convert(_ stem: String) throws -> Report {
        try Pipeline.convert(data: try TestFiles.sample(stem), fileName: stem + ".txt", format: .text)
    }

    @Test("every expected field matches", arguments: TestFiles.sampleStems)
    func matchesExpected(stem: String) throws {
        let report = try Self.convert(stem)
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try TestFiles.expected(stem))
        #expect(comparison.checks.count > 100)
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.count) mismatch(es):\n\(comparison.mismatches.map(\.description).joined(separator: "\n"))")
    }

    @Test("the comparison notices wrong fields: a value, 0 for null, a title, a missing phrase")
    func comparisonNoticesMismatches() throws {
        var report = try Self.convert("004_64ca144eb0d93f31")
        report.activeDisclosure["regulations", "new_made"] = 1
        report.reviewLitigation["review", "upheld"] = 0
        report.title = "别的标题"
        report.sections[.other] = "有"
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8),
                                                expectedJSON: try TestFiles.expected("004_64ca144eb0d93f31"))
        #expect(comparison.mismatches.map(\.field).sorted() == [
            "active_disclosure.regulations.new_made", "review_litigation.review.upheld", "sections.other ∋ 无", "title",
        ])
    }

    @Test("source information", arguments: TestFiles.sampleStems)
    func sourceInfo(stem: String) throws {
        let report = try Self.convert(stem)
        #expect(report.source.file == stem + ".txt")
        #expect(report.source.format == .text)
        #expect(report.source.encoding == "UTF-8")
        #expect(report.source.sha256.count == 64)
        #expect(report.source.sha256.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test("no sample breaks a consistency rule or has a missing part", arguments: TestFiles.sampleStems)
    func noErrors(stem: String) throws {
        let report = try Self.convert(stem)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics.filter { $0.severity == .error })")
        #expect(report.diagnostics("section.missing").isEmpty)
    }

    @Test("004: the broken request rows are repaired or null, and the review table is all null")
    func sample004Diagnostics() throws {
        let report = try Self.convert("004_64ca144eb0d93f31")
        #expect(!report.diagnostics("table.row_repaired").isEmpty)
        #expect(report.diagnostics("table.row_repaired").allSatisfy { $0.severity == .warning })
        #expect(!report.diagnostics("value.derived").isEmpty)
        #expect(report.diagnostics("value.derived").allSatisfy { $0.severity == .info })
        #expect(report.diagnostics("table.no_values", at: "review_litigation").count == 1)
        #expect(report.reviewLitigation.allCells.allSatisfy { $0.value == nil })
        #expect(report.sections[.problems]?.contains("认识有待加强；二是") == true)
    }

    @Test("the diagnostics in the JSON are ordered most severe first", arguments: TestFiles.sampleStems)
    func diagnosticsOrder(stem: String) throws {
        let report = try Self.convert(stem)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report).utf8)) as? [String: Any])
        let severities = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
        let ranks = severities.map { ["error": 0, "warning": 1, "info": 2][$0] ?? 9 }
        #expect(ranks == ranks.sorted())
        #expect(severities.count == report.diagnostics.count)
    }
}
