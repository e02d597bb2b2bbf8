import Foundation
import Testing
import NianbaoModel
import NianbaoOOXML

/// Reads the committed DOCX renderings of the samples (made by `Scripts/make-docx-fixtures.sh`
/// with LibreOffice and pandoc) and checks the block stream against the JSON they were rendered
/// from: headings, title, date line, every table value, and the official merged header cells.
@Suite("DOCX reader: LibreOffice and pandoc fixtures")
struct DOCXFixtureTests {
    static let directory: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("docx")

    static var fixtures: [String] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".docx") }.sorted()
    }

    static let headings = [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]

    static let requestRows: [(String, String)] = [
        ("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
        ("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("denied_state_secret", "1.属于国家秘密"), ("denied_prohibited", "2.其他法律行政法规禁止公开"),
        ("denied_security_stability", "3.危及“三安全一稳定”"), ("denied_third_party", "4.保护第三方合法权益"),
        ("denied_internal_affairs", "5.属于三类内部事务信息"), ("denied_process_info", "6.属于四类过程性信息"),
        ("denied_enforcement_file", "7.属于行政执法案卷"), ("denied_inquiry", "8.属于行政查询事项"),
        ("unavailable_not_held", "1.本机关不掌握相关政府信息"), ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_unclear", "3.补正后申请内容仍不明确"), ("not_processed_petition", "1.信访举报投诉类申请"),
        ("not_processed_duplicate", "2.重复申请"), ("not_processed_publication", "3.要求提供公开出版物"),
        ("not_processed_excessive", "4.无正当理由大量反复申请"), ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ("results_total", "（七）总计"), ("carried_forward", "四、结转下年度继续办理"),
    ]
    static let requestColumns = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
    static let reviewColumns = ["upheld", "corrected", "other", "pending", "total"]

    @Test func fixturesArePresent() {
        #expect(Self.fixtures.count >= 10)
    }

    @Test(arguments: fixtures)
    func fixtureMatchesItsSource(_ name: String) throws {
        let directory = try #require(Self.directory)
        let stem = String(name.prefix { $0 != "." })
        let jsonData = try Data(contentsOf: directory.appendingPathComponent("\(stem).json"))
        let report = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        let document = try DOCXReader.read(contentsOf: directory.appendingPathComponent(name))
        #expect(document.source.format == .docx)

        let paragraphs = document.blocks.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        let texts = paragraphs.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        for heading in Self.headings {
            let found = paragraphs.first { $0.text.trimmingCharacters(in: .whitespaces) == heading }
            #expect(found != nil, "\(name): heading \(heading)")
            #expect(found?.headingLevel != nil, "\(name): heading level of \(heading)")
        }
        if let title = report["title"] as? String { #expect(texts.contains(title), "\(name): title") }
        if let published = report["published"] as? String {
            let parts = published.split(separator: "-").compactMap { Int($0) }
            #expect(texts.contains("\(parts[0])年\(parts[1])月\(parts[2])日"), "\(name): date line")
        }
        if let overview = (report["sections"] as? [String: Any])?["overview"] as? String,
           let first = overview.split(separator: "\n").first {
            #expect(texts.contains(String(first)), "\(name): first overview paragraph")
        }

        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 3, "\(name): three tables")
        let template = report["template"] as? String

        // 三: requests.
        let requests = try #require(tables.first { Self.contains($0, "申请人情况") }, "\(name): requests table")
        let requestValues = report["requests"] as? [String: Any] ?? [:]
        var rows = Self.requestRows
        if template == "2021" {
            rows += [("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                     ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                     ("other_misc", "3.其他")]
        } else {
            rows.append(("other_handling", "（六）其他处理"))
        }
        for (key, label) in rows {
            let row = try #require(requests.rows.first { $0.cells.contains { $0.text == label } }, "\(name): row \(label)")
            let expected = Self.requestColumns.map { Self.number((requestValues[key] as? [String: Any])?[$0]) }
            #expect(row.cells.suffix(7).map(\.text) == expected, "\(name): \(key)")
        }
        let applicant = requests.rows.lazy.flatMap(\.cells).first { $0.text == "申请人情况" }
        #expect(applicant?.columnSpan == 7, "\(name): 申请人情况 spans 7 columns")
        #expect(requests.rows.lazy.flatMap(\.cells).first { $0.text == "法人或其他组织" }?.columnSpan == 5, "\(name): 法人或其他组织 spans 5")
        let resultsStart = try #require(requests.rows.firstIndex { $0.cells.first?.text == "三、本年度办理结果" })
        let continued = requests.rows[(resultsStart + 1)...].prefix { $0.cells.first?.continuesVerticalMerge == true }.count
        #expect(continued == rows.count - 4, "\(name): 三、本年度办理结果 spans its rows")

        // 四: review and litigation, the last row holds the 15 values.
        let review = try #require(tables.first { Self.contains($0, "行政复议") }, "\(name): review table")
        let reviewValues = report["review_litigation"] as? [String: Any] ?? [:]
        let expectedReview = ["review", "litigation_direct", "litigation_after_review"].flatMap { group in
            Self.reviewColumns.map { Self.number((reviewValues[group] as? [String: Any])?[$0]) }
        }
        #expect(review.rows.last?.cells.map(\.text) == expectedReview, "\(name): review values")
        #expect(review.rows.first?.cells.map(\.columnSpan) == [5, 10], "\(name): 行政复议 / 行政诉讼 header")

        // 二: active disclosure.
        let active = try #require(tables.first { Self.contains($0, "第二十条第（一）项") }, "\(name): active disclosure table")
        let activeValues = report["active_disclosure"] as? [String: Any] ?? [:]
        for (key, label, columns) in Self.activeRows(template) {
            let row = try #require(active.rows.first { $0.cells.first?.text == label }, "\(name): row \(label)")
            let values = activeValues[key] as? [String: Any] ?? [:]
            let expected = columns.map { column -> String in
                if column == "change" { return Self.change(values[column]) }
                if column == "amount_yuan", template == "2021" {
                    return Self.number((values[column] as? NSNumber).map { NSNumber(value: $0.doubleValue / 10_000) })
                }
                return Self.number(values[column])
            }
            let actual = row.cells.dropFirst().filter { !$0.continuesVerticalMerge }.map(\.text)
            #expect(Self.trimmed(actual) == Self.trimmed(expected), "\(name): \(key)")
        }
    }

    static func activeRows(_ template: String?) -> [(String, String, [String])] {
        if template == "2021" {
            let counts = ["issued", "repealed", "in_force"]
            return [("regulations", "规章", counts), ("normative_documents", "行政规范性文件", counts),
                    ("licensing", "行政许可", ["decisions"]), ("punishment", "行政处罚", ["decisions"]),
                    ("enforcement", "行政强制", ["decisions"]), ("fees", "行政事业性收费", ["amount_yuan"])]
        }
        let counts = ["new_made", "new_published", "total_published"]
        let items = ["previous_items", "change", "decisions"]
        return [("regulations", "规章", counts), ("normative_documents", "规范性文件", counts),
                ("licensing", "行政许可", items), ("other_services", "其他对外管理服务事项", items),
                ("punishment", "行政处罚", items), ("enforcement", "行政强制", items),
                ("fees", "行政事业性收费", ["previous_items", "change"]), ("procurement", "政府集中采购", ["items", "amount_yuan"])]
    }

    static func contains(_ table: Table, _ text: String) -> Bool {
        table.rows.contains { $0.cells.contains { $0.text == text } }
    }

    /// Drops trailing empty strings (pandoc pads spanned cells with empty ones).
    static func trimmed(_ values: [String]) -> [String] {
        var values = values
        while values.last == "" { values.removeLast() }
        return values
    }

    /// The renderer's number format: integers without a decimal point, null as empty.
    static func number(_ value: Any?) -> String {
        guard let number = value as? NSNumber else { return "" }
        let double = number.doubleValue
        if double == double.rounded(), abs(double) < 1e15 { return String(Int(double)) }
        return String(double)
    }

    static func change(_ value: Any?) -> String {
        guard let number = value as? NSNumber else { return "" }
        let value = number.intValue
        return value > 0 ? "增\(value)" : value < 0 ? "减\(-value)" : "0"
    }
}
