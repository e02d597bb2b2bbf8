import Foundation
import Testing
import NianbaoModel
import NianbaoOOXML
import NianbaoKit

/// The bad-input zoo: every input that scraping really produces, each of which must end in a clear
/// error or a report with diagnostics — never a crash or a hang — within a time bound. Large inputs
/// are generated here rather than committed.
@Suite("Bad-input zoo")
struct BadInputZooTests {
    enum Expectation {
        /// A `ConversionError` whose message contains every fragment.
        case error([String])
        /// A report, with at least one diagnostic of the code (when given).
        case report(diagnostic: String?)
    }

    /// Converts and checks the outcome and the time it took (debug build, shared CI machine).
    static func check(_ name: String, _ data: Data, format: SourceFormat, expect: Expectation, seconds: Double = 20,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let start = Date()
        let outcome = Result { try Pipeline.convert(data: data, fileName: name, format: format) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < seconds, "\(name) took \(elapsed) s", sourceLocation: sourceLocation)
        switch (outcome, expect) {
        case (.failure(let error as ConversionError), .error(let fragments)):
            #expect(error.file == name, sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(error.message.contains(fragment), "\(name): “\(error.message)” lacks “\(fragment)”", sourceLocation: sourceLocation)
            }
            #expect(!error.message.contains("\n"), "one-line message", sourceLocation: sourceLocation)
        case (.success(let report), .report(let code)):
            if let code {
                #expect(report.diagnostics.contains { $0.code == code }, "\(name): no \(code) in \(report.diagnostics.map(\.code))",
                        sourceLocation: sourceLocation)
            }
        case (.failure(let error), _):
            Issue.record("\(name): unexpected error \(error)", sourceLocation: sourceLocation)
        case (.success, .error):
            Issue.record("\(name): converted, but an error was expected", sourceLocation: sourceLocation)
        }
    }

    static func sample(_ index: Int = 0) throws -> Data { try TestFiles.sample(TestFiles.sampleStems[index]) }

    static func docx(document: String, extra: [(String, String)] = []) throws -> Data {
        var builder = ZipArchiveBuilder()
        builder.addEntry("[Content_Types].xml", text: "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        builder.addEntry("_rels/.rels", text: """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """)
        builder.addEntry("word/document.xml", text: document)
        for (name, text) in extra { builder.addEntry(name, text: text) }
        return try builder.build()
    }

    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    // MARK: Text

    @Test func emptyAndWhitespace() {
        Self.check("empty.txt", Data(), format: .text, expect: .error(["empty"]))
        Self.check("spaces.txt", Data(" \n\u{3000}\n\t\t\n \r\n".utf8), format: .text, expect: .error(["empty"]))
    }

    @Test func randomBytes() {
        var generator = SplitMix64(seed: 42)
        for round in 0..<20 {
            let bytes = (0..<(512 + round * 300)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            Self.check("random\(round).txt", Data(bytes), format: .text, expect: .error(["not"]))
        }
    }

    @Test func invalidUTF8InTheMiddle() throws {
        var data = try Self.sample(1)
        data.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: data.count / 2)
        Self.check("broken-utf8.txt", data, format: .text, expect: .report(diagnostic: "input.encoding"))
    }

    @Test func utf16WithoutBOMAndGB18030() throws {
        let text = String(decoding: try Self.sample(2), as: UTF8.self)
        var utf16 = Data()
        for unit in text.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        Self.check("utf16le.txt", utf16, format: .text, expect: .report(diagnostic: nil))
        let gb = try Self.iconv(text, to: "GB18030")
        Self.check("gb18030.txt", gb, format: .text, expect: .report(diagnostic: nil))
        let report = try Pipeline.convert(data: gb, fileName: "gb18030.txt", format: .text)
        #expect(report.source.encoding == "GB18030")
        #expect(report.requests["new_received", "total"] == 1)
    }

    @Test func hundredMegabytesOfText() throws {
        let data = Data(repeating: 0x41, count: 100 * 1_048_576)
        Self.check("huge.txt", data, format: .text, expect: .error(["MiB", "split"]), seconds: 5)
    }

    @Test func tenMegabyteLineWithoutNewline() {
        let unit = Array("政府信息公开工作年度报告，一二三四五。0123456789".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10 * 1_048_576)
        while bytes.count < 10 * 1_048_576 { bytes += unit }
        Self.check("long-line.txt", Data(bytes), format: .text, expect: .error(["not a government information disclosure annual report"]), seconds: 60)
    }

    @Test func reportRepeatedTwice() throws {
        let data = try Self.sample(0) + Data("\n\n".utf8) + (try Self.sample(0))
        Self.check("twice.txt", data, format: .text, expect: .report(diagnostic: "report.repeated"))
    }

    @Test func truncatedReport() throws {
        let data = try Self.sample(3)
        Self.check("half.txt", data.prefix(data.count / 2), format: .text, expect: .report(diagnostic: "section.missing"))
    }

    // MARK: DOCX

    @Test func zipWithNoEntries() throws {
        // libzip writes no file for an archive without entries: the bytes of one, by hand (the
        // end-of-central-directory record alone).
        let empty = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        Self.check("empty.docx", empty, format: .docx, expect: .error(["empty.docx"]))
    }

    @Test func zipBomb() throws {
        var builder = ZipArchiveBuilder()
        builder.addEntry("[Content_Types].xml", text: "<Types/>")
        builder.addEntry("_rels/.rels", text: "<Relationships/>")
        builder.addEntry("word/document.xml", repeating: 0x20, count: 600 * 1_048_576, compression: .deflate(level: 1))
        Self.check("bomb.docx", try builder.build(), format: .docx, expect: .error(["word/document.xml"]), seconds: 30)
    }

    @Test func doctypeExternalEntityAndBillionLaughs() throws {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x \"y\">]><w:document \(Self.w)><w:body/></w:document>"
        Self.check("doctype.docx", try Self.docx(document: doctype), format: .docx, expect: .error(["word/document.xml"]))
        let external = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<w:document \(Self.w)><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
        Self.check("xxe.docx", try Self.docx(document: external), format: .docx, expect: .error(["word/document.xml"]))
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        laughs += "]><w:document \(Self.w)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        Self.check("laughs.docx", try Self.docx(document: laughs), format: .docx, expect: .error(["word/document.xml"]), seconds: 10)
    }

    @Test func fiftyLevelNestedTable() throws {
        var body = "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
        for _ in 0..<50 { body += "<w:tbl><w:tr><w:tc>" }
        body += "<w:p><w:r><w:t>深处</w:t></w:r></w:p>"
        for _ in 0..<50 { body += "</w:tc></w:tr></w:tbl><w:p/>" }
        let document = "<?xml version=\"1.0\"?><w:document \(Self.w)><w:body>\(body)</w:body></w:document>"
        Self.check("nested.docx", try Self.docx(document: document), format: .docx, expect: .report(diagnostic: "table.missing"))
    }

    @Test func truncatedDOCX() throws {
        let data = try Self.docx(document: "<?xml version=\"1.0\"?><w:document \(Self.w)><w:body><w:p/></w:body></w:document>")
        Self.check("truncated.docx", data.prefix(data.count * 2 / 3), format: .docx, expect: .error(["truncated.docx"]))
    }

    @Test func documentXMLThatIsNotXML() throws {
        Self.check("notxml.docx", try Self.docx(document: "this is { not xml <<<"), format: .docx, expect: .error(["word/document.xml"]))
    }

    @Test func pdfNamedDOCX() {
        Self.check("really.docx", Data("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8), format: .docx, expect: .error(["PDF"]))
    }

    @Test func legacyDoc() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        // A damaged compound file is refused before LibreOffice (which converts readable ones).
        Self.check("old.doc", ole, format: .docx, expect: .error(["OLE compound file", "damaged"]))
    }

    // MARK: Helpers

    static func iconv(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

@Suite("Format detection")
struct FormatDetectionTests {
    @Test func officeContainersAreReadByContentWhateverTheExtension() throws {
        let docx = try DOCXSampleTests.fixture("001_73cfe548748cf452.lo")
        let url = URL(fileURLWithPath: "/tmp/renamed.txt")
        #expect(Pipeline.format(of: url, data: docx) == .docx)
        let report = try Pipeline.convert(data: docx, fileName: "renamed.txt", format: Pipeline.format(of: url, data: docx))
        #expect(report.requests["new_received", "total"] == 1)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.txt"), data: Data("一、总体情况".utf8)) == .text)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.dat"), data: Data(" {\"schema\": 1}".utf8)) == .json)
    }
}
