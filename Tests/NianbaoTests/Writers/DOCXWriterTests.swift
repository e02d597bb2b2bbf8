import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

/// What Python's zipfile and minidom see in a DOCX.
private struct PackageView: Decodable {
    struct Entry: Decodable {
        var name: String
        var dateTime: [Int]
        var compressType: Int
        var wellFormed: String
    }

    var entries: [Entry]
    var document: String
    var text: String
}

private func inspect(_ data: Data, python: String) throws -> PackageView {
    let script = """
    import io, json, sys, zipfile, xml.dom.minidom
    z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
    assert z.testzip() is None
    entries = []
    for info in z.infolist():
        try:
            xml.dom.minidom.parseString(z.read(info.filename))
            ok = "ok"
        except Exception as error:
            ok = str(error)
        entries.append({"name": info.filename, "dateTime": list(info.date_time),
                        "compressType": info.compress_type, "wellFormed": ok})
    doc = z.read("word/document.xml").decode("utf-8")
    dom = xml.dom.minidom.parseString(doc)
    text = "|".join(node.firstChild.data for node in dom.getElementsByTagName("w:t") if node.firstChild)
    print(json.dumps({"entries": entries, "document": doc, "text": text}))
    """
    let result = try WriterTools.run(python, ["-c", script], stdin: data)
    #expect(result.status == 0, "python failed: \(result.stderr)")
    return try JSONDecoder().decode(PackageView.self, from: Data(result.stdout.utf8))
}

@Suite("DOCX writer")
struct DOCXWriterTests {
    @Test(arguments: [TemplateVersion.v2019, .v2021])
    func layoutsCoverTheGrid(template: TemplateVersion) {
        let report = Report(source: SourceInfo(file: "x", format: .text, sha256: ""), template: template)
        for table in ReportTable.allCases {
            guard let layout = DOCXTableLayout.layout(table, for: report) else {
                Issue.record("no layout for \(table)")
                continue
            }
            #expect(layout.isConsistent, "\(table) \(template): every row covers the grid")
            #expect(layout.columnWidths.reduce(0, +) <= DOCXTableLayout.textWidth)
            // A vertical continuation always sits under a cell of the same columns.
            for (r, row) in layout.rows.enumerated() {
                var column = 0
                for cell in row {
                    if cell.verticalMerge == .continue {
                        let above = cellStarting(at: column, in: layout.rows[r - 1])
                        #expect(above?.span == cell.span, "\(table) row \(r) column \(column)")
                        #expect(above?.verticalMerge != DOCXTableLayout.VerticalMerge.none)
                    }
                    column += cell.span
                }
            }
        }
        #expect(DOCXTableLayout.layout(.requests, for: Report(source: report.source)) == nil)
    }

    private func cellStarting(at column: Int, in row: [DOCXTableLayout.Cell]) -> DOCXTableLayout.Cell? {
        var start = 0
        for cell in row {
            if start == column { return cell }
            start += cell.span
        }
        return nil
    }

    @Test func requestsHeaderIsTheOfficialOne() throws {
        let report = try WriterFixtures.report(WriterFixtures.stem2021)
        let layout = try #require(DOCXTableLayout.layout(.requests, for: report))
        #expect(layout.headerRowCount == 3)
        #expect(layout.columnWidths.count == 10)
        #expect(layout.rows[0].map(\.text) == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
        #expect(layout.rows[0].map(\.span) == [3, 7])
        #expect(layout.rows[1].map(\.text) == ["", "自然人", "法人或其他组织", "总计"])
        #expect(layout.rows[1].map(\.span) == [3, 1, 5, 1])
        #expect(layout.rows[2].map(\.text) == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        // 一: label over three columns; 三、本年度办理结果 starts at （一）予以公开 and covers to （七）总计.
        #expect(layout.rows[3].first?.text == "一、本年新收政府信息公开申请数量")
        #expect(layout.rows[3].first?.span == 3)
        let granted = layout.rows[5]
        #expect(granted.map(\.text).prefix(2) == ["三、本年度办理结果", "（一）予以公开"])
        #expect(granted[0].verticalMerge == .restart)
        #expect(granted[1].span == 2)
        let firstDenied = layout.rows[7]
        #expect(firstDenied.map(\.text).prefix(3) == ["", "（三）不予公开", "1.属于国家秘密"])
        #expect(firstDenied[1].verticalMerge == .restart)
        #expect(layout.rows[8][1].verticalMerge == .continue)
        let otherRows = layout.rows.filter { $0.count > 2 && $0[2].text.hasPrefix("1.申请人无正当理由") }
        #expect(otherRows.count == 1 && otherRows[0][1].text == "（六）其他处理")
        let total = try #require(layout.rows.first { $0.contains { $0.text == "（七）总计" } })
        #expect(total[0].verticalMerge == .continue)
        #expect(layout.rows.last?.first?.text == "四、结转下年度继续办理")
        #expect(layout.rows.count == 3 + 25)
    }

    @Test func reviewLitigationHeaderIsTheOfficialOne() throws {
        let report = try WriterFixtures.report(WriterFixtures.stem2019)
        let layout = try #require(DOCXTableLayout.layout(.reviewLitigation, for: report))
        #expect(layout.rows[0].map(\.text) == ["行政复议", "行政诉讼"])
        #expect(layout.rows[0].map(\.span) == [5, 10])
        #expect(layout.rows[1].map(\.text) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"])
        #expect(layout.rows[1].map(\.span) == [1, 1, 1, 1, 1, 5, 5])
        #expect(layout.rows[2].count == 15)
        #expect(layout.rows[2].prefix(5).allSatisfy { $0.verticalMerge == .continue })
        #expect(layout.rows[3].count == 15)
    }

    @Test func activeDisclosureGroupsAndUnits() throws {
        let report2019 = try WriterFixtures.report(WriterFixtures.stem2019)
        let layout2019 = try #require(DOCXTableLayout.layout(.activeDisclosure, for: report2019))
        #expect(layout2019.rows[0].map(\.text) == ["第二十条第（一）项"])
        #expect(layout2019.rows[1].map(\.text) == ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"])
        #expect(layout2019.rows.contains { $0.map(\.text) == ["信息内容", "采购项目数量", "采购总金额（元）"] && $0.last?.span == 2 })
        #expect(layout2019.rows.contains { $0.map(\.text) == ["行政处罚", "62", "-16", "96"] })

        var report2021 = try WriterFixtures.report(WriterFixtures.stem2021)
        report2021.activeDisclosure["fees", "amount_yuan"] = 101_500
        let layout2021 = try #require(DOCXTableLayout.layout(.activeDisclosure, for: report2021))
        #expect(layout2021.rows.contains { $0.map(\.text) == ["信息内容", "本年收费金额（单位：万元）"] && $0.last?.span == 3 })
        #expect(layout2021.rows.contains { $0.map(\.text) == ["行政事业性收费", "10.15"] })
        #expect(!layout2021.rows.contains { $0.first?.text == "其他对外管理服务事项" })
    }

    @Test func dosTimestampIsUTC() {
        let epoch = ZipArchiveWriter.DOSTimestamp(secondsSince1970: 315_532_800)
        #expect(epoch.date == (0 << 9 | 1 << 5 | 1) && epoch.time == 0)
        let stamp = ZipArchiveWriter.DOSTimestamp(secondsSince1970: 1_700_000_000) // 2023-11-14T22:13:20Z
        #expect(stamp.date == UInt16((2023 - 1980) << 9 | 11 << 5 | 14))
        #expect(stamp.time == UInt16(22 << 11 | 13 << 5 | 10))
        #expect(ZipArchiveWriter.DOSTimestamp(secondsSince1970: 0) == epoch, "clamped to 1980")
        #expect(DOCXWriter.archiveTimestamp(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == 1_700_000_000)
        #expect(DOCXWriter.archiveTimestamp(environment: ["SOURCE_DATE_EPOCH": "soon"]) == DOCXWriter.defaultTimestamp)
        #expect(DOCXWriter.archiveTimestamp(environment: [:]) == DOCXWriter.defaultTimestamp)
    }

    @Test func outputIsByteReproducible() throws {
        let report = try WriterFixtures.report(WriterFixtures.stem2019)
        let first = try DOCXWriter.data(for: report, timestamp: DOCXWriter.defaultTimestamp)
        let second = try DOCXWriter.data(for: report, timestamp: DOCXWriter.defaultTimestamp)
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let later = try DOCXWriter.data(for: report, timestamp: 1_700_000_000)
        #expect(later != first, "the timestamp is the only difference")
        #expect(later.count == first.count)
    }

    @Test(.enabled(if: WriterTools.python() != nil, "python3 not found"))
    func packageUnzipsAndEveryPartIsWellFormed() throws {
        let python = try #require(WriterTools.python())
        var report = try WriterFixtures.report(WriterFixtures.stem2021)
        report.activeDisclosure["fees", "amount_yuan"] = 101_500
        report.requests["granted", "natural_person"] = 4_321
        report.requests["granted", "commercial"] = nil
        report.sections[.overview] = "第一段 <b>&amp; \"引号\"\n\n第二段\t制表\u{1}控制符"
        let view = try inspect(try DOCXWriter.data(for: report, timestamp: 1_700_000_000), python: python)

        #expect(view.entries.map(\.name) == DOCXWriter.partNames)
        for entry in view.entries {
            #expect(entry.wellFormed == "ok", "\(entry.name): \(entry.wellFormed)")
            #expect(entry.compressType == 8, "\(entry.name) deflated")
            #expect(entry.dateTime == [2023, 11, 14, 22, 13, 20], "\(entry.name) fixed time")
        }
        let text = view.text
        #expect(text.hasPrefix("尧都区交通运输局信息公开工作年度报告|一、总体情况|第一段 <b>&amp; \"引号\"|第二段|制表控制符"))
        for heading in ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"] {
            #expect(text.contains("|\(heading)|"), "\(heading)")
        }
        #expect(text.contains("|申请人情况|"))
        #expect(text.contains("|4321|"))
        #expect(text.contains("|本年收费金额（单位：万元）|行政事业性收费|10.15|"))
        #expect(text.hasSuffix("|尧都区交通运输局|2025年1月10日"))
        let document = view.document
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("<w:gridSpan w:val=\"5\"/>"))
        #expect(document.contains("<w:vMerge w:val=\"restart\"/>"))
        #expect(document.contains("<w:tab/>"))
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/>"))
    }

    @Test func concurrentWritersAgree() async throws {
        let report = try WriterFixtures.report(WriterFixtures.stem2021)
        let expected = try DOCXWriter.data(for: report, timestamp: 0)
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try DOCXWriter.data(for: report, timestamp: 0) } }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test(.enabled(if: WriterTools.python() != nil, "python3 not found"))
    func unknownTemplateHasHeadingsButNoTables() throws {
        let python = try #require(WriterTools.python())
        var report = Report(source: SourceInfo(file: "x.txt", format: .text, sha256: ""))
        report.agency = "某县"
        report.year = 2018
        let view = try inspect(try DOCXWriter.data(for: report), python: python)
        #expect(view.entries.allSatisfy { $0.wellFormed == "ok" })
        #expect(!view.document.contains("<w:tbl>"))
        #expect(view.text == "某县2018年政府信息公开工作年度报告|一、总体情况|二、主动公开政府信息情况|三、收到和处理政府信息公开申请情况"
            + "|四、政府信息公开行政复议、行政诉讼情况|五、存在的主要问题及改进情况|六、其他需要报告的事项|某县")
    }

    @Test func writeReplacesTheFileAtomically() throws {
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("report.docx")
        try Data("old".utf8).write(to: url)
        let report = try WriterFixtures.report(WriterFixtures.stem2019)
        try DOCXWriter.write(report, to: url)
        #expect(try Data(contentsOf: url) == DOCXWriter.data(for: report))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.docx"])
        #expect(throws: DOCXWriteError.self) {
            try DOCXWriter.write(report, to: directory.appendingPathComponent("missing/report.docx"))
        }
    }

    /// Runs `Scripts/check-docx-opens.sh` on both fixture reports: LibreOffice converts them to
    /// PDF and every numeric table cell must show up in the PDF's text.
    @Test(.enabled(if: ["soffice", "pdftotext", "python3", "bash"].allSatisfy { WriterTools.which($0) != nil },
                   "soffice, pdftotext, python3 or bash not on PATH"),
          .timeLimit(.minutes(3)))
    func libreOfficeOpensIt() throws {
        let bash = try #require(WriterTools.which("bash"))
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for stem in [WriterFixtures.stem2019, WriterFixtures.stem2021] {
            var report = try WriterFixtures.report(stem)
            report.requests["new_received", "natural_person"] = 8_765
            report.reviewLitigation["litigation_after_review", "pending"] = 4_242
            report.activeDisclosure["licensing", "decisions"] = 679
            try DOCXWriter.write(report, to: directory.appendingPathComponent("\(stem).docx"))
        }
        // Keep the files for a look when asked (NIANBAO_WRITERS_ARTIFACTS=/some/dir).
        if let keep = ProcessInfo.processInfo.environment["NIANBAO_WRITERS_ARTIFACTS"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let target = URL(fileURLWithPath: keep).appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try? FileManager.default.copyItem(at: directory.appendingPathComponent(name), to: target)
            }
        }
        let script = WriterTools.packageRoot.appendingPathComponent("Scripts/check-docx-opens.sh").path
        let result = try WriterTools.run(bash, [script, directory.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("ok ") }.count == 2, "\(result.stdout)")
    }
}
