import Foundation
import Testing
import NianbaoModel
@testable import NianbaoWriters
import NianbaoKit

/// The report writer writes straight into bytes; those bytes are the value tree's, pretty and compact.
@Suite("JSON written directly")
struct DirectJSONTests {
    /// The JSON text of `report` as the value tree serialises it (the contract's reference layout).
    private static func viaTree(_ report: Report, pretty: Bool) -> [UInt8] {
        var bytes = ReportJSON.value(report).serializedUTF8(pretty: pretty)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    private static func expectSameAsTree(_ report: Report) {
        for pretty in [true, false] {
            let direct = ReportJSON.encodeUTF8(report, pretty: pretty)
            #expect(direct == viaTree(report, pretty: pretty))
            var appended = Array("prefix".utf8)
            ReportJSON.append(report, pretty: pretty, to: &appended)
            #expect(appended == Array("prefix".utf8) + direct)
        }
    }

    /// The escaping `JSONValue` used before the byte-run writer, scalar by scalar.
    private static func referenceQuote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    @Test("each sample, pretty and compact", arguments: TestFiles.sampleStems)
    func sample(stem: String) throws {
        Self.expectSameAsTree(try SampleConversionTests.convert(stem))
    }

    @Test("awkward text, every location shape, an empty template and every severity")
    func awkward() throws {
        var report = Report(source: SourceInfo(file: "引号\"与\\反斜杠\u{7F}.txt", format: .text, sha256: "ab", encoding: nil), template: .v2021)
        report.title = "标题\t含“引号”—…\u{2027}\u{2028}\u{2029}\u{202A}"
        report.sections[.overview] = "第一段\n第二段\u{0001}\u{001F}\r\u{08}\u{0C}结束\\"
        report.sections[.other] = ""
        report.year = -2021
        report.activeDisclosure["fees", "amount_yuan"] = Decimal(sign: .plus, exponent: -2, significand: 12_345_678_901_235)
        report.requests["granted", "total"] = -16
        report.diagnostics = [
            Diagnostic(.info, code: "value.derived", message: "m", location: SourceLocation(table: 3, row: 5, cell: 2)),
            Diagnostic(.warning, code: "w", path: "requests.granted.total", message: "“w”", location: .line(12)),
            Diagnostic(.error, code: "e1", message: "e", location: SourceLocation()),
            Diagnostic(.info, code: "i2", message: "i", location: SourceLocation(line: 3, table: 1, row: 2, cell: 3)),
            Diagnostic(.error, code: "e2", message: "e\n2", location: SourceLocation(row: 1)),
        ]
        Self.expectSameAsTree(report)
        Self.expectSameAsTree(Report(source: SourceInfo(file: "", format: .docx, sha256: ""), template: .unknown))
        let hand = Report(source: SourceInfo(file: "x", format: .json, sha256: ""), template: .v2019)
        var oddTable = hand
        oddTable.requests = ValueTable(rows: [ValueTable.Row(key: "empty", cells: []), ValueTable.Row(key: "k\"", cells: [.init(column: "c", value: 1)])])
        Self.expectSameAsTree(oddTable)
    }

    @Test("numbers are written as plainText writes them")
    func numbers() throws {
        var values: [Decimal] = [0, 1, -1, 9, 10, 100, 65_535, 65_536, -65_536, 101_500, Decimal(Int64.max), Decimal(Int64.min), Decimal(UInt64.max),
                                 Decimal(UInt64.max) + 1, Decimal(UInt64.max) * 10, .nan]
        for text in ["0.5", "-0.02", "10.15", "123456789012.35", "1e3", "1.5e3", "-2e-2", "5.0", "1e30", "12345678901234567890123", "0.000"] {
            values.append(try #require(Decimal(string: text)))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let significand = Decimal(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let value = Decimal(sign: Bool.random(using: &generator) ? .plus : .minus, exponent: Int.random(in: -6...24, using: &generator), significand: significand)
            values.append(value)
            values.append(value + Decimal(Int.random(in: -1_000...1_000, using: &generator)))
            values.append(value / 4)
        }
        for value in values {
            var bytes: [UInt8] = []
            JSONBytes.appendNumber(value, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == value.plainText, "\(value)")
        }
    }

    @Test("string escaping matches the scalar-by-scalar reference")
    func escaping() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = ["a", "中", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}",
                                "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2014}", "“", "”", "…", "é", "😀", " "]
        var samples = pieces + ["", String(repeating: "文", count: 100)]
        for _ in 0..<500 {
            samples.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        for text in samples {
            let bytes = JSONValue.string(text).serializedUTF8(pretty: false)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.referenceQuote(text), "\(text.debugDescription)")
        }
    }
}
