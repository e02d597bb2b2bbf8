import Foundation
import Testing
import NianbaoModel
import NianbaoText
import NianbaoKit

/// Every supported encoding gives the same report as UTF-8 and records what it detected.
@Suite("Text reader: encodings")
struct EncodingTests {
    enum Encoding: String, CaseIterable, CustomTestStringConvertible {
        case utf8, utf8BOM, utf16LEBOM, utf16BEBOM, utf16LE, utf16BE, gb18030

        var testDescription: String { rawValue }

        /// The name `source.encoding` must record.
        var detected: String {
            switch self {
            case .utf8, .utf8BOM: "UTF-8"
            case .utf16LEBOM, .utf16LE: "UTF-16LE"
            case .utf16BEBOM, .utf16BE: "UTF-16BE"
            case .gb18030: "GB18030"
            }
        }

        func encode(_ text: String) throws -> Data {
            switch self {
            case .utf8: return Data(text.utf8)
            case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
            case .utf16LEBOM: return Data([0xFF, 0xFE]) + utf16(text, littleEndian: true)
            case .utf16BEBOM: return Data([0xFE, 0xFF]) + utf16(text, littleEndian: false)
            case .utf16LE: return utf16(text, littleEndian: true)
            case .utf16BE: return utf16(text, littleEndian: false)
            case .gb18030: return try iconv(text, to: "GB18030")
            }
        }

        private func utf16(_ text: String, littleEndian: Bool) -> Data {
            var data = Data()
            for unit in text.utf16 {
                let bytes = littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
                data.append(contentsOf: bytes)
            }
            return data
        }
    }

    /// Encodes UTF-8 text with the system's `iconv` tool.
    static func iconv(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    private static func sameContent(_ a: Report, _ b: Report) {
        #expect(a.title == b.title)
        #expect(a.agency == b.agency)
        #expect(a.year == b.year)
        #expect(a.published == b.published)
        #expect(a.template == b.template)
        #expect(a.sections == b.sections)
        #expect(a.activeDisclosure == b.activeDisclosure)
        #expect(a.requests == b.requests)
        #expect(a.reviewLitigation == b.reviewLitigation)
        #expect(a.diagnostics.map(\.code) == b.diagnostics.map(\.code))
    }

    @Test("each sample in each encoding gives the UTF-8 report", arguments: Encoding.allCases, TestFiles.sampleStems)
    func sampleInEncoding(encoding: Encoding, stem: String) throws {
        let data = try TestFiles.sample(stem)
        let text = try #require(String(data: data, encoding: .utf8))
        let reference = try Pipeline.convert(data: data, fileName: stem + ".txt", format: .text)
        let encoded = try encoding.encode(text)
        let report = try Pipeline.convert(data: encoded, fileName: stem + ".txt", format: .text)
        #expect(report.source.encoding == encoding.detected)
        #expect(report.diagnostics("input.encoding").isEmpty)
        Self.sameContent(report, reference)
    }

    @Test("the inline fixture in each encoding", arguments: Encoding.allCases)
    func fixtureInEncoding(encoding: Encoding) throws {
        let text = ReportFixture().text
        let reference = try Convert.report(text)
        let report = try Pipeline.convert(data: try encoding.encode(text), fileName: "f.txt", format: .text)
        #expect(report.source.encoding == encoding.detected)
        Self.sameContent(report, reference)
    }

    @Test("`TextDecoding` names the encoding and removes the byte-order mark")
    func decodingRemovesBOM() throws {
        let decoded = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("一、总体情况".utf8))
        #expect(decoded.text == "一、总体情况")
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.replacedBytes == 0)
        let utf16 = try TextDecoding.decode(Data([0xFF, 0xFE, 0x00, 0x4E, 0x01, 0x30]))
        #expect(utf16.text == "一、")
        #expect(utf16.encoding == "UTF-16LE")
    }

    @Test("invalid UTF-8 bytes in the middle of a report: converted with an `input.encoding` warning")
    func invalidUTF8() throws {
        var data = try TestFiles.sample("002_b42afd72281d3df1")
        let reference = try Pipeline.convert(data: data, fileName: "002.txt", format: .text)
        // Into the prose of part 五, well away from the tables.
        let text = try #require(String(data: data, encoding: .utf8))
        let anchor = try #require(text.range(of: "我局政务公开工作存在的问题"))
        let offset = text.utf8.distance(from: text.startIndex, to: anchor.lowerBound)
        data.insert(contentsOf: [0xFF, 0xC3, 0x28], at: offset)
        let report = try Pipeline.convert(data: data, fileName: "002.txt", format: .text)
        #expect(report.source.encoding == "UTF-8")
        let warnings = report.diagnostics("input.encoding")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("2 byte(s)") == true)
        #expect(report.requests == reference.requests)
        #expect(report.activeDisclosure == reference.activeDisclosure)
        #expect(report.reviewLitigation == reference.reviewLitigation)
        #expect(report.sections[.problems]?.contains("\u{FFFD}") == true)
    }
}
