import Foundation
import Testing
import NianbaoModel
import NianbaoText
import NianbaoKit

/// Input that is not a report: a clear `ConversionError`, never a crash.
@Suite("Bad input")
struct BadInputTests {
    private func conversionError(_ data: Data, file: String = "bad.txt") -> ConversionError? {
        do {
            _ = try Pipeline.convert(data: data, fileName: file, format: .text)
            Issue.record("converted without an error")
            return nil
        } catch let error as ConversionError {
            return error
        } catch {
            Issue.record("not a ConversionError: \(error)")
            return nil
        }
    }

    @Test("empty or white-space-only input is refused as empty", arguments: [
        Data(), Data("   ".utf8), Data("\n\n\r\n".utf8), Data(" \n\u{3000}\n\u{00A0}\n".utf8), Data(" \t\n\t\n\t\t\n".utf8),
        Data([0xEF, 0xBB, 0xBF]), Data([0xFF, 0xFE]), Data([0xEF, 0xBB, 0xBF, 0x0A, 0x20]),
        Data("[bookmark: _GoBack]\n- 1 -\n".utf8),
    ])
    func empty(data: Data) throws {
        let error = try #require(conversionError(data))
        #expect(error.stage == .parse)
        #expect(error.message.contains("empty"))
        #expect(error.file == "bad.txt")
    }

    @Test("random bytes with NULs are refused as binary")
    func randomBinary() throws {
        var generator = SplitMix64(seed: 42)
        var bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
        for index in stride(from: 7, to: bytes.count, by: 97) { bytes[index] = 0 }
        bytes[0] = 0x41  // no accidental byte-order mark
        let error = try #require(conversionError(Data(bytes)))
        #expect(error.stage == .parse)
        #expect(error.message.contains("not a text file"))
    }

    @Test("known binary formats are named", arguments: [
        ([UInt8]("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00], "ZIP"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "PNG"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], ".doc"),
    ])
    func knownBinary(bytes: [UInt8], named: String) throws {
        let error = try #require(conversionError(Data(bytes)))
        #expect(error.stage == .parse)
        #expect(error.message.contains("not a text file"))
        #expect(error.message.contains(named))
    }

    @Test("a text that is not a report fails at .recognize", arguments: [
        """
        我市交通运输系统扎实推进冬季道路保畅工作

        本报讯（记者 王明）连日来，我市交通运输系统启动冬季道路保畅应急预案，全力保障群众安全出行。

        据了解，市交通运输局共出动养护人员1200人次，机械设备300台班，清理积雪5万立方米。

        一、提前部署

        入冬以来，市交通运输局多次召开专题会议，研究部署冬季保畅工作。

        二、加强值守

        各单位严格落实24小时值班制度，确保信息畅通。
        2021年1月15日
        """,
        "Hello, world.\nThis is not a report at all.\n1 2 3 4 5\n",
    ])
    func notAReport(text: String) throws {
        let error = try #require(conversionError(Data(text.utf8)))
        #expect(error.stage == .recognize)
        #expect(error.message.contains("not a government information disclosure annual report"))
    }

    @Test("the text reader throws `TextReadError` itself", arguments: [
        (Data(), TextReadError.empty),
        (Data([0x25, 0x50, 0x44, 0x46, 0x2D]), .binary(reason: "it is a PDF file; extract its text first (e.g. pdftotext)")),
    ])
    func readerErrors(data: Data, expected: TextReadError) {
        #expect(throws: expected) { try TextReader.read(data: data, fileName: "x.txt") }
    }

    @Test("truncated or odd-length UTF-16 does not crash")
    func truncatedUTF16() {
        let data = Data([0xFF, 0xFE]) + Data("一、总体情况\n无。".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + Data([0x41])
        let result = Result { try Pipeline.convert(data: data, fileName: "odd.txt", format: .text) }
        if case .success(let report) = result {
            #expect(report.diagnostics("input.encoding").count == 1)
        }
    }
}

/// A small deterministic generator, so that "random" input is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
