import Foundation
import Testing
import NianbaoKit
import NianbaoModel
@testable import NianbaoOOXML
import NianbaoReview
import NianbaoValidator

/// `compare`: two years of one agency side by side.
@Suite("Compare two years")
struct ComparisonTests {
    @Test func cellsProseAndRepeatedShares() throws {
        let reports = SeriesBuilder(years: [2021, 2022]).build()
        var old = reports[0], new = reports[1]
        old.sections[.problems] = "问题一。问题二。"
        new.sections[.problems] = "问题一。问题三。"
        let comparison = Comparison(old: old, new: new, perReport: Validator.check)
        #expect(comparison.findings.isEmpty)
        let cell = try #require(comparison.cells.first { $0.path == "requests.new_received.total" })
        #expect(cell.old == old.requests["new_received", "total"])
        #expect(cell.new == new.requests["new_received", "total"])
        #expect(cell.change == cell.new! - cell.old!)
        let problems = try #require(comparison.parts.first { $0.part == .problems })
        #expect(problems.sentences.map(\.kind) == [.same, .removed, .added])
        #expect(problems.repeatedShare == 0.5)
        // The 备案 sentence of part 六 is the same both years, the other one too.
        #expect(comparison.parts.first { $0.part == .other }?.repeatedShare == 1)
        let identical = Comparison(old: old, new: old)
        #expect(identical.textRepeatedShare == 1)
        #expect(identical.tableRepeatedShare == 1)
    }

    /// Two years of one agency, the second's 上年结转 (科研机构) 2 more than the first's 结转下年度,
    /// its 本年新收 2 less (rule 6 breaks; rules 1–4 still hold), its prose rewritten to match.
    static func carriedOverMismatch() -> (old: Report, new: Report) {
        let reports = SeriesBuilder(years: [2020, 2021]).build()
        var new = reports[1]
        new.requests["carried_over", "research"]! += 2
        new.requests["new_received", "research"]! -= 2
        new.requests["carried_over", "total"]! += 2
        new.requests["new_received", "total"]! -= 2
        new.sections = SeriesBuilder.prose(new, feesYuan: new.activeDisclosure["fees", "amount_yuan"].map { NSDecimalNumber(decimal: $0).intValue })
        return (reports[0], new)
    }

    @Test func carriedOverMismatchAppearsAndTheOutputsAreWritten() throws {
        let (old, new) = Self.carriedOverMismatch()
        let comparison = Comparison(old: old, new: new, perReport: Validator.check)
        #expect(comparison.findings.map(\.rule) == ["6"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CompareJob.write(comparison, formats: [.json, .html], to: folder)
        #expect(written.map(\.lastPathComponent) == ["comparison.json", "comparison.html"])
        let html = try String(contentsOf: written[1], encoding: .utf8)
        #expect(html.contains("上年结转"))
        #expect(html.contains("class=\"changed\""))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: written[0])) as? [String: Any]
        #expect((json?["findings"] as? [[String: Any]])?.first?["rule"] as? String == "6")
    }

    @Test func docxReportHasFindingsThenMarkedTablesThenProseDifferences() throws {
        let (old, changed) = Self.carriedOverMismatch()
        var new = changed
        new.sections[.problems] = (new.sections[.problems] ?? "") + "新增一句。"
        let comparison = Comparison(old: old, new: new, perReport: Validator.check)
        let finding = try #require(comparison.findings.first)
        #expect(comparison.findings.map(\.rule) == ["6"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CompareJob.write(comparison, formats: [.docx], to: folder)
        #expect(written.map(\.lastPathComponent) == ["comparison.docx"])
        let bytes = try Data(contentsOf: written[0])

        // The project's own DOCX reader opens it: findings first, then the table, then the prose.
        let document = try DOCXReader.read(data: bytes, fileName: "comparison.docx")
        var texts: [String] = []
        var tables: [Table] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): texts.append(paragraph.text)
            case .table(let table):
                texts.append("<table>")
                tables.append(table)
            }
        }
        let findingAt = try #require(texts.firstIndex { $0.contains(finding.message) })
        let tableAt = try #require(texts.firstIndex(of: "<table>"))
        let proseAt = try #require(texts.firstIndex { $0.contains("新增一句。") })
        #expect(findingAt < tableAt && tableAt < proseAt)
        #expect(texts.contains { $0.contains("requests.carried_over.research=") })
        let table = try #require(tables.first)
        #expect(table.rows.count == comparison.cells.count + 1)
        let oldValue = try #require(old.requests["carried_over", "research"])
        let newValue = try #require(new.requests["carried_over", "research"])
        let changedRow = try #require(table.rows.first { $0.cells.first?.text == "requests.carried_over.research" })
        #expect(changedRow.cells.map(\.text) == ["requests.carried_over.research", "\(oldValue)", "\(newValue)", "\(newValue - oldValue)"])

        // The changed cells are shaded, the unchanged ones are not.
        let archive = try ZipArchive(data: bytes, displayName: "comparison.docx")
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let xml = try #require(String(data: try archive.read(entry, cap: 1 << 24), encoding: .utf8))
        let rows = xml.components(separatedBy: "<w:tr>").dropFirst()
        let changedXML = try #require(rows.first { $0.contains(">requests.carried_over.research<") })
        #expect(changedXML.components(separatedBy: "w:fill=\"FDE68A\"").count - 1 == 4)
        let unchanged = try #require(comparison.cells.first { $0.same })
        let unchangedXML = try #require(rows.first { $0.contains(">\(unchanged.path)<") })
        #expect(!unchangedXML.contains("w:fill"))
        #expect(xml.contains("<w:highlight w:val=\"green\"/>"))
    }
}
