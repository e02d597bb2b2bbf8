import Foundation
import Testing
import NianbaoModel
import NianbaoWriters
import NianbaoKit

/// `ReportJSON.decode(ReportJSON.encode(report))` gives the report back.
@Suite("JSON round trip")
struct JSONRoundTripTests {
    private static func expectRoundTrip(_ report: Report) throws {
        let back = try ReportJSON.decode(Data(ReportJSON.encode(report).utf8))
        #expect(back.title == report.title)
        #expect(back.agency == report.agency)
        #expect(back.year == report.year)
        #expect(back.published == report.published)
        #expect(back.template == report.template)
        #expect(back.sections == report.sections)
        #expect(back.activeDisclosure == report.activeDisclosure)
        #expect(back.requests == report.requests)
        #expect(back.reviewLitigation == report.reviewLitigation)
        #expect(back.diagnostics.count == report.diagnostics.count)
        #expect(back.source == report.source)
        #expect(Set(back.diagnostics) == Set(report.diagnostics))
    }

    @Test("each sample", arguments: TestFiles.sampleStems)
    func sample(stem: String) throws {
        try Self.expectRoundTrip(try SampleConversionTests.convert(stem))
    }

    @Test("the 2021 fixture, with money and derived values")
    func fixture2021() throws {
        try Self.expectRoundTrip(try Convert.report(ReportFixture.v2021))
    }

    @Test("awkward values: fractions of a yuan, large amounts, negatives, text with quotes and control characters")
    func awkwardValues() throws {
        var report = Report(source: SourceInfo(file: "引号\"与\\反斜杠.txt", format: .text, sha256: "ab", encoding: "GB18030"), template: .v2019)
        report.title = "标题\t含“引号”"
        report.sections[.overview] = "第一段\n第二段\u{0001}\u{2028}结束"
        report.activeDisclosure["procurement", "amount_yuan"] = Decimal(string: "123456789012.35")!
        report.activeDisclosure["punishment", "change"] = -16
        report.activeDisclosure["procurement", "items"] = 0
        report.diagnostics = [Diagnostic(.info, code: "value.derived", path: nil, message: "m", location: SourceLocation(table: 3, row: 5, cell: 2))]
        try Self.expectRoundTrip(report)
    }

    @Test("null stays null, 0 stays 0")
    func nullAndZero() throws {
        let report = try Convert.report(ReportFixture().replacing(.requests, "denied_third_party",
            with: "\t\t4. 保护第三方合法权益\t0\t0\t—\t0\t0\t0\t0"))
        let json = ReportJSON.encode(report)
        #expect(json.contains("\"research\": null"))
        let back = try ReportJSON.decode(Data(json.utf8))
        #expect(back.requests["denied_third_party", "research"] == nil)
        #expect(back.requests["denied_third_party", "natural_person"] == 0)
    }

    @Test("decode refuses what is not a report")
    func decodeRefuses() {
        #expect(throws: ReportJSONError.self) { try ReportJSON.decode(Data("not json".utf8)) }
        #expect(throws: ReportJSONError.self) { try ReportJSON.decode(Data("[1, 2]".utf8)) }
        #expect(throws: ReportJSONError.self) { try ReportJSON.decode(Data("{\"schema\": \"other\"}".utf8)) }
    }
}
