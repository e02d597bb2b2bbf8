import Foundation
import Testing
import NianbaoModel
import NianbaoHTML
import NianbaoWriters
import NianbaoKit

/// HTML renderings of the five samples (made by `Scripts/make-html-fixtures.sh`): the report alone
/// in the official layout (UTF-8), and inside a government site's page — layout tables, menus,
/// breadcrumbs, tools, footer, scripts, a hidden decoy, the request table split in two — in UTF-8
/// and in GB18030 bytes under `charset=gb2312`; and pandoc's, mammoth's and LibreOffice's HTML of
/// the samples' DOCX. Each must score every expected field.
@Suite("HTML samples")
struct HTMLSampleTests {
    static let variants = ["utf8", "page", "gbk"]

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/html") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/html/\(name).html"])
        }
        return try Data(contentsOf: url)
    }

    static func mismatches(_ report: Report, stem: String) throws -> [String] {
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try TestFiles.expected(stem))
        #expect(comparison.checks.count > 100)
        return comparison.mismatches.map(\.description)
    }

    /// R6: HTML5's void elements (`embed`, `source`, `track`, `wbr`) before the report end at
    /// once; the report after them scores every field (an `<embed>` used to swallow it).
    @Test("void elements before the report do not hide it", arguments: [
        #"<embed src="/v.mp4" width="500">"#,
        #"<video controls><source src="/v.mp4" type="video/mp4"><track src="/t.vtt"></video>"#,
        #"<p>政府信息<wbr>公开</p><embed src="/a.swf"><wbr>"#,
    ])
    func voidElementsEndAtOnce(prefix: String) throws {
        let page = String(decoding: try Self.fixture("000_ad0b93b4492ed8bd.utf8"), as: UTF8.self)
        let body = try #require(page.range(of: "<body>").flatMap { start in page.range(of: "</body>").map { page[start.upperBound..<$0.lowerBound] } })
        let html = #"<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="zoom">"# + prefix + body + "</div></body></html>"
        let report = try Pipeline.convert(data: Data(html.utf8), fileName: "embed.html", format: .html)
        #expect(try Self.mismatches(report, stem: "000_ad0b93b4492ed8bd") == [])
        var values = 0
        for table in ReportTable.allCases {
            for row in report[table].rows { values += row.cells.filter { $0.value != nil }.count }
        }
        #expect(values == 198)
    }

    /// R10: the site page in UTF-16 without byte-order mark (LE and BE), and undeclared with one
    /// stray invalid byte, read like the UTF-8 page and score every field; the GB18030 page stays GB18030.
    @Test("BOM-less UTF-16 and an undeclared page with one stray byte score like the UTF-8 page")
    func bomlessUTF16AndStrayByte() throws {
        let stem = "000_ad0b93b4492ed8bd"
        let original = try Self.fixture("\(stem).page")
        let text = String(decoding: original, as: UTF8.self)
        let reference = try Pipeline.convert(data: original, fileName: "page.html", format: .html)
        // Like the page itself: every field but the date, which is the site's 发布时间 line.
        func scoresLikeThePage(_ report: Report) throws -> [String] {
            #expect(report.published == reference.published)
            return try Self.mismatches(report, stem: stem).filter { !$0.hasPrefix("published:") }
        }
        var little = Data(), big = Data()
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        for (data, encoding) in [(little, "UTF-16LE"), (big, "UTF-16BE")] {
            let report = try Pipeline.convert(data: data, fileName: "u16.html", format: .html)
            #expect(report.source.encoding == encoding)
            #expect(try scoresLikeThePage(report) == [])
        }
        var bytes = original
        let declared = try #require(bytes.range(of: Data(#"<meta charset="utf-8">"#.utf8)))
        bytes.removeSubrange(declared)
        let heading = try #require(bytes.range(of: Data("二、主动公开".utf8)))
        bytes.insert(0xFF, at: heading.lowerBound)
        let stray = try Pipeline.convert(data: bytes, fileName: "one.html", format: .html)
        #expect(stray.source.encoding == "UTF-8")
        #expect(stray.diagnostics.contains { $0.code == "html.encoding.replaced" && $0.message.hasPrefix("1 byte sequence") })
        #expect(try scoresLikeThePage(stray) == [])
        let gbk = try Pipeline.convert(data: try Self.fixture("\(stem).gbk"), fileName: "g.html", format: .html)
        #expect(gbk.source.encoding == "GB18030")
    }

    @Test("each HTML rendering of each sample scores every field", arguments: TestFiles.sampleStems, variants)
    func fixtureScores(stem: String, variant: String) throws {
        let data = try Self.fixture("\(stem).\(variant)")
        let name = "\(stem).\(variant).html"
        let url = URL(fileURLWithPath: "/tmp/\(name)")
        #expect(Pipeline.format(of: url, data: data) == .html)
        let report = try Pipeline.convert(data: data, fileName: name, format: .html)
        #expect(report.source.format == .html)
        #expect(report.source.encoding == (variant == "gbk" ? "GB18030" : "UTF-8"))
        var wrong = try Self.mismatches(report, stem: stem)
        if variant != "utf8" {
            // The site's 发布时间 line is the publication date when the report itself gives none.
            let plain = try Pipeline.convert(data: try TestFiles.sample(stem), fileName: stem + ".txt", format: .text)
            #expect(report.published == Self.pageDate(plain))
            wrong.removeAll { $0.hasPrefix("published:") }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    /// The date a site page gives (`发布时间：` and `<meta name="PubDate">`, by
    /// `Scripts/html-fixtures/render_page.py`): the report's own, or 2021-01-01 when it has none.
    static func pageDate(_ plain: Report) -> String? {
        plain.published ?? "2021-01-01"
    }

    @Test("HTML as real tools write it (pandoc, mammoth, LibreOffice's HTML export of the DOCX; Word's web-page markup) scores every field")
    func producersScore() throws {
        guard let folder = Bundle.module.url(forResource: "html", withExtension: nil, subdirectory: "Fixtures") else {
            Issue.record("Fixtures/html is missing")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["pandoc", "mammoth", "lo", "word"].contains($0.deletingPathExtension().pathExtension) }
        #expect(files.count >= 14)
        for file in files.sorted(by: { $0.path < $1.path }) {
            let stem = String(file.lastPathComponent.prefix { $0 != "." })
            let report = try Pipeline.convert(contentsOf: file)
            #expect(report.source.format == .html)
            let wrong = try Self.mismatches(report, stem: stem)
            #expect(wrong.isEmpty, "\(file.lastPathComponent): \(wrong.joined(separator: "\n"))")
        }
    }

    @Test("a request table split by an editor inside the 三、本年度办理结果 row span still scores every field")
    func splitInsideRowSpan() throws {
        let stem = TestFiles.sampleStems[1]
        var html = String(decoding: try Self.fixture("\(stem).utf8"), as: UTF8.self)
        let row = try #require(html.range(of: "<tr><td>4.保护第三方合法权益"))
        html.insert(contentsOf: "</table>\n<p>（续表）</p>\n<table border=\"1\">\n", at: row.lowerBound)
        let report = try Pipeline.convert(data: Data(html.utf8), fileName: "split.html", format: .html)
        let wrong = try Self.mismatches(report, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test("the page around the report stays out of its title, prose and tables", arguments: TestFiles.sampleStems)
    func chromeStaysOut(stem: String) throws {
        let plain = try Pipeline.convert(data: try TestFiles.sample(stem), fileName: stem + ".txt", format: .text)
        for variant in ["page", "gbk"] {
            let report = try Pipeline.convert(data: try Self.fixture("\(stem).\(variant)"), fileName: "\(stem).html", format: .html)
            #expect(report.title == plain.title)
            #expect(report.agency == plain.agency)
            #expect(report.published == Self.pageDate(plain))
            for section in SectionKey.allCases {
                #expect(report.sections[section] == plain.sections[section], "\(variant): section \(section.rawValue)")
            }
            for table in ReportTable.allCases {
                #expect(report[table] == plain[table], "\(variant): table \(table.rawValue)")
            }
            let everything = SectionKey.allCases.compactMap { report.sections[$0] }.joined(separator: "\n")
            for chrome in ["某某市人民政府门户网站", "打印本页", "上一篇", "版权所有", "分享到", "字号", "99999", "当前位置", "浏览器"] {
                #expect(!everything.contains(chrome), "\(variant): “\(chrome)” leaked into the prose")
            }
            #expect(report.diagnostics.contains { $0.code == "html.page_chrome" })
        }
    }

    @Test("the plain rendering reads as the same blocks as the DOCX reader gives for LibreOffice's DOCX of it")
    func blocksLikeDOCX() throws {
        let stem = TestFiles.sampleStems[1]
        let html = try HTMLReader.read(data: try Self.fixture("\(stem).utf8"), fileName: "a.html")
        let tables = html.blocks.compactMap { block -> Table? in if case .table(let table) = block { return table } else { return nil } }
        #expect(tables.count == 3)
        // The request table: 3 header rows, then the label rows; 三、本年度办理结果 spans the result rows.
        let requests = tables[1]
        let results = requests.rows.filter { row in row.cells.first?.continuesVerticalMerge == true }
        #expect(results.count >= 15)
        #expect(requests.rows[0].cells.first?.columnSpan == 3)
        #expect(requests.rows[1].cells.first?.continuesVerticalMerge == true)
        #expect(requests.rows.allSatisfy { $0.cells.reduce(0) { $0 + $1.columnSpan } == 10 })
    }
}
