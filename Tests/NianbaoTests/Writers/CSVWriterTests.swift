import Foundation
import Testing
import NianbaoModel
@testable import NianbaoWriters

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
private func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error {}
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var quoted = false
    var fieldStarted = false
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"" where field.isEmpty:
            quoted = true
            fieldStarted = true
        case "\"": throw Malformed()
        case ",":
            record.append(field)
            field = ""
            fieldStarted = true
        case "\r":
            guard scalars.popFirst() == "\n" else { throw Malformed() }
            record.append(field)
            records.append(record)
            record = []
            field = ""
            fieldStarted = false
        case "\n": throw Malformed() // bare LF outside quotes: we promise CRLF
        default:
            field.unicodeScalars.append(scalar)
            fieldStarted = true
        }
    }
    if quoted { throw Malformed() }
    if fieldStarted || !record.isEmpty { throw Malformed() } // last record must end with CRLF
    return records
}

/// Python's csv module's view of `data` (decoded as utf-8-sig), as JSON rows.
private func pythonCSV(_ data: Data, python: String) throws -> [[String]] {
    let script = "import csv, io, json, sys; t = sys.stdin.buffer.read().decode('utf-8-sig'); "
        + "print(json.dumps(list(csv.reader(io.StringIO(t, newline='')))))"
    let result = try WriterTools.run(python, ["-c", script], stdin: data)
    #expect(result.status == 0, "python csv failed: \(result.stderr)")
    return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
}

private func trickyReport() throws -> Report {
    var report = try WriterFixtures.report(WriterFixtures.stem2019)
    report.source.file = "含,逗号 \"引号\".txt"
    report.agency = "某市\"交通,运输\"局\n（第二行）\r\n第三行"
    report.diagnostics = [
        Diagnostic(.error, code: "requests.balance", message: "一+二 ≠ 三+四"),
        Diagnostic(.warning, code: "unit.guessed", message: "单位推测"),
        Diagnostic(.warning, code: "row.repaired", message: "行修复"),
        Diagnostic(.info, code: "value.derived", message: "由规则推出"),
    ]
    return report
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test func wideHeaderFollowsTheColumnRule() throws {
        let header = CSVWriter.wideHeader()
        #expect(Array(header.prefix(7)) == ["file", "format", "converted_by", "agency", "year", "published", "template"])
        #expect(Array(header.suffix(2)) == ["errors", "warnings"])
        #expect(Set(header).count == header.count, "column names are unique")

        func position(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "\(name) missing") }
        #expect(try position("active_disclosure.regulations.new_made") == 7)
        #expect(try position("active_disclosure.regulations.total_published") < position("active_disclosure.regulations.issued"))
        #expect(try position("active_disclosure.regulations.in_force") < position("active_disclosure.normative_documents.new_made"))
        #expect(try position("active_disclosure.fees.change") + 1 == position("active_disclosure.fees.amount_yuan"))
        #expect(try position("requests.other_handling.total") < position("requests.other_overdue_correction.natural_person"))
        #expect(try position("requests.other_misc.total") + 1 == position("requests.results_total.natural_person"))
        #expect(try position("requests.carried_forward.total") + 1 == position("review_litigation.review.upheld"))
        #expect(header[header.count - 3] == "review_litigation.litigation_after_review.total")

        // Exactly the union of both templates' cells, each once.
        var union = Set<String>()
        for template in [TemplateVersion.v2019, .v2021] {
            for table in ReportTable.allCases {
                for row in TemplateCatalog.rows(table, template) {
                    for column in row.columns { union.insert("\(table.rawValue).\(row.key).\(column.key)") }
                }
            }
        }
        #expect(Set(header.dropFirst(7).dropLast(2)) == union)
    }

    @Test func mergePlacesNewKeysBeforeTheNextSharedKey() {
        #expect(CSVColumns.merge(["a", "b", "c"], ["a", "x", "c", "y"]) == ["a", "b", "x", "c", "y"])
        #expect(CSVColumns.merge([], ["a", "b"]) == ["a", "b"])
        #expect(CSVColumns.merge(["a"], ["z", "a"]) == ["z", "a"])
    }

    @Test func wideRowOf2019Report() throws {
        let report = try trickyReport()
        let header = CSVWriter.wideHeader()
        let row = CSVWriter.wideRow(report)
        #expect(row.count == header.count)
        let byName = Dictionary(uniqueKeysWithValues: zip(header, row))
        #expect(byName["year"] == "2020")
        #expect(byName["format"] == report.source.format.rawValue)
        #expect(byName["converted_by"] == "", "no converter named for a file nianbao read itself")
        #expect(byName["published"] == "")
        #expect(byName["template"] == "2019")
        #expect(byName["active_disclosure.licensing.decisions"] == "679")
        #expect(byName["active_disclosure.punishment.change"] == "-16")
        #expect(byName["active_disclosure.regulations.issued"] == "", "2021-only column is empty")
        #expect(byName["requests.other_misc.total"] == "")
        #expect(byName["requests.other_handling.total"] == "0")
        #expect(byName["errors"] == "1")
        #expect(byName["warnings"] == "2")
    }

    @Test func wideRowOf2021Report() throws {
        let report = try WriterFixtures.report(WriterFixtures.stem2021)
        let byName = Dictionary(uniqueKeysWithValues: zip(CSVWriter.wideHeader(), CSVWriter.wideRow(report)))
        #expect(byName["template"] == "2021")
        #expect(byName["published"] == "2025-01-10")
        #expect(byName["active_disclosure.regulations.new_made"] == "")
        #expect(byName["requests.other_handling.total"] == "")
        #expect(byName["active_disclosure.fees.amount_yuan"] == CSVWriter.format(report.activeDisclosure["fees", "amount_yuan"]))
        #expect(byName["active_disclosure.fees.amount_yuan"] != "")
        #expect(byName["errors"] == "0")
    }

    @Test func longRowsOnePerValue() throws {
        var report = try WriterFixtures.report(WriterFixtures.stem2021)
        report.reviewLitigation["review", "pending"] = nil
        let rows = CSVWriter.longRows(report)
        let cellCount = ReportTable.allCases.reduce(0) { $0 + report[$1].allCells.count }
        #expect(rows.count == cellCount)
        #expect(rows.allSatisfy { $0.count == CSVWriter.longHeader.count })
        let pending = try #require(rows.first { $0[4] == "review_litigation" && $0[5] == "review" && $0[6] == "pending" })
        #expect(pending[7] == "")
        #expect(pending[3] == "2021")
        #expect(CSVWriter.longRows(Report(source: report.source)).isEmpty, "unknown template: no values")
    }

    @Test func numbersArePlain() throws {
        #expect(CSVWriter.format(nil) == "")
        #expect(CSVWriter.format(Decimal(101_500)) == "101500")
        #expect(CSVWriter.format(Decimal(-16)) == "-16")
        #expect(CSVWriter.format(Decimal(string: "10.15")) == "10.15")
        #expect(CSVWriter.format(Decimal(string: "1e25")) == "10000000000000000000000000")
        #expect(CSVWriter.format(Decimal(string: "0.0001")) == "0.0001")
        #expect(Decimal(0).plainText == "0")
    }

    @Test func quoting() throws {
        #expect(CSVWriter.encode(field: "plain 中文") == "plain 中文")
        #expect(CSVWriter.encode(field: "a,b") == "\"a,b\"")
        #expect(CSVWriter.encode(field: "say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.encode(field: "line\nbreak") == "\"line\nbreak\"")
        #expect(CSVWriter.encode(row: ["a", "", "b"]) == "a,,b\r\n")
        let rows = [["某市\"交通,运输\"局\n（第二行）", "", "x\r\ny"], ["1", "2", "3"]]
        #expect(try parseCSV(CSVWriter.encode(rows: rows)) == rows)
    }

    @Test(.enabled(if: WriterTools.python() != nil, "python3 not found"))
    func pythonReadsWhatWeWrite() throws {
        let python = try #require(WriterTools.python())
        let reports = [try trickyReport(), try WriterFixtures.report(WriterFixtures.stem2021)]
        for shape in CSVShape.allCases {
            let data = CSVWriter.data(for: reports, shape: shape, byteOrderMark: true)
            let parsed = try pythonCSV(data, python: python)
            let expected = [CSVWriter.header(shape)] + reports.flatMap { CSVWriter.rows($0, shape: shape) }
            #expect(parsed == expected, "\(shape)")
        }
    }

    @Test func fileWriterIsAtomicAndStreams() throws {
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("reports.csv")
        let reports = [try trickyReport(), try WriterFixtures.report(WriterFixtures.stem2021)]

        let writer = try CSVFileWriter(url: url, shape: .wide, byteOrderMark: true)
        // Append enough rows to pass the flush threshold several times.
        for index in 0..<60 { try writer.append(reports[index % 2], shape: .wide) }
        #expect(!FileManager.default.fileExists(atPath: url.path), "nothing at the destination before finish()")
        try writer.finish()
        #expect(writer.recordCount == 61)
        #expect(throws: CSVFileWriterError.self) { try writer.append(["late"]) }

        let data = try Data(contentsOf: url)
        #expect(data.starts(with: CSVWriter.byteOrderMark))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let records = try parseCSV(text)
        #expect(records.count == 61)
        #expect(records[0] == CSVWriter.wideHeader())
        #expect(records[1] == CSVWriter.wideRow(reports[0]))
        #expect(records[2] == CSVWriter.wideRow(reports[1]))
        #expect(records[1][3] == "某市\"交通,运输\"局\n（第二行）\r\n第三行")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["reports.csv"], "temporary file renamed away")
    }

    @Test func fileWriterLongShapeWithoutBOM() throws {
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("long.csv")
        let report = try WriterFixtures.report(WriterFixtures.stem2019)
        let writer = try CSVFileWriter(url: url, shape: .long)
        try writer.append(report, shape: .long)
        try writer.finish()
        let records = try parseCSV(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        #expect(records.first == CSVWriter.longHeader)
        #expect(records.count == 1 + CSVWriter.longRows(report).count)
        #expect(records.contains(["000_ad0b93b4492ed8bd.txt", "长春市九台区交通运输局", "2020", "2019",
                                  "active_disclosure", "punishment", "change", "-16"]))
    }

    @Test func cancelledOrDroppedWriterLeavesNothing() throws {
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("x.csv")
        let writer = try CSVFileWriter(url: url, shape: .wide)
        try writer.append(["a"])
        writer.cancel()
        do {
            let dropped = try CSVFileWriter(url: url, header: ["b"])
            try dropped.append(["c"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(throws: CSVFileWriterError.self) {
            _ = try CSVFileWriter(url: directory.appendingPathComponent("missing/dir.csv"))
        }
    }
}
