import Foundation
import Testing
import NianbaoModel
import NianbaoHTML
import NianbaoKit

/// Bad HTML input: each ends in a clear error or a correct report, never a crash or a hang. Large
/// pages are generated here rather than committed.
@Suite("HTML bad input")
struct HTMLBadInputTests {
    static func fixture(_ stem: String = TestFiles.sampleStems[0], variant: String = "utf8") throws -> String {
        String(decoding: try HTMLSampleTests.fixture("\(stem).\(variant)"), as: UTF8.self)
    }

    static func scores(_ data: Data, stem: String = TestFiles.sampleStems[0], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let report = try Pipeline.convert(data: data, fileName: "big.html", format: .html)
        let wrong = try HTMLSampleTests.mismatches(report, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test("a 50 MB page (a report padded with scripts, comments, an inline image and hidden blocks) converts, every field right")
    func fiftyMegabytes() throws {
        let page = try Self.fixture()
        var padding = "<script>" + String(repeating: "var a = \"</div>\" + 1 < 2;\n", count: 400_000) + "</script>\n"
        padding += "<!-- " + String(repeating: "旧版页面内容 ", count: 1_000_000) + " -->\n"
        padding += "<img src=\"data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: 700_000) + "\">\n"
        padding += "<div style=\"display:none\">" + String(repeating: "<p>隐藏 1 2 3</p>", count: 300_000) + "</div>\n"
        let html = page.replacingOccurrences(of: "<body>", with: "<body>" + padding)
        let data = Data(html.utf8)
        #expect(data.count > 50_000_000)
        let start = Date()
        try Self.scores(data)
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test("a page over the byte limit or the text limit is refused with the limit named")
    func limits() throws {
        let data = Data(try Self.fixture().utf8)
        let bytes = try #require(throws: HTMLReadError.self) {
            try HTMLReader.read(data: data, fileName: "l.html", limits: HTMLReader.Limits(maximumBytes: 1 << 10))
        }
        #expect(bytes.kind == .overLimit)
        #expect(bytes.description.contains("limit"))
        let text = try #require(throws: HTMLReadError.self) {
            try HTMLReader.read(data: data, fileName: "l.html", limits: HTMLReader.Limits(maximumTextBytes: 1 << 10))
        }
        #expect(text.kind == .overLimit)
    }

    @Test("a page of 200,000 <p>x</p> (or of table cells) is refused quickly: more paragraphs than one report holds")
    func paragraphBudget() throws {
        let start = Date()
        for (name, body) in [("p.html", String(repeating: "<p>x</p>", count: 200_000)),
                             ("td.html", "<table>" + String(repeating: "<tr><td></td><td></td></tr>", count: 100_000) + "</table>")] {
            let data = Data(("<html><body>" + body + "</body></html>").utf8)
            let error = try #require(throws: ConversionError.self) {
                try Pipeline.convert(data: data, fileName: name, format: .html)
            }
            #expect(error.message.contains("more than \(Pipeline.maximumDOCXParagraphs) paragraphs (table cells included): more than one report holds; split the document"),
                    "\(error.message)")
            #expect(error.description.hasPrefix(name))
        }
        #expect(Date().timeIntervalSince(start) < 30)
        // The reader's own limit, and its error's kind.
        let small = try #require(throws: HTMLReadError.self) {
            try HTMLReader.read(data: Data(String(repeating: "<p>x</p>", count: 11).utf8), fileName: "s.html",
                                limits: HTMLReader.Limits(maximumParagraphs: 10))
        }
        #expect(small.kind == .overLimit)
        #expect(small.description == "s.html: more than 10 paragraphs (table cells included): more than one report holds; split the document")
    }

    @Test("a report inside 10,000 nested <div>s converts, every field right")
    func nestedDivs() throws {
        let page = try Self.fixture()
        let html = page.replacingOccurrences(of: "<body>", with: "<body>" + String(repeating: "<div class=\"c\">", count: 10_000))
            .replacingOccurrences(of: "</body>", with: String(repeating: "</div>", count: 10_000) + "</body>")
        try Self.scores(Data(html.utf8))
        // Unclosed, and with text at every level.
        let soup = String(repeating: "<div>层", count: 10_000)
        let document = try HTMLReader.read(data: Data(soup.utf8), fileName: "soup.html")
        #expect(document.blocks.count == 10_000)
    }

    @Test("a DOCTYPE with an internal subset and entities: nothing expanded, nothing loaded, the report reads")
    func internalSubset() throws {
        let page = try Self.fixture()
        let doctype = """
            <!DOCTYPE html [
              <!ENTITY a "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            """
        let html = page.replacingOccurrences(of: "<!DOCTYPE html>", with: doctype)
            .replacingOccurrences(of: "<body>", with: "<body><p>&c; &xxe;</p>")
        let document = try HTMLReader.read(data: Data(html.utf8), fileName: "dtd.html")
        let texts = HTMLReaderTests.paragraphs(document)
        #expect(texts.contains("&c; &xxe;"))
        #expect(!texts.joined().contains("AAAA"))
        #expect(!texts.joined().contains("root:"))
        #expect(!texts.joined().contains("ENTITY"))
        #expect(document.diagnostics.contains { $0.code == "html.doctype_internal_subset" })
        try Self.scores(Data(html.utf8))
    }

    @Test("binary bytes named .html are a clear error, never a report", arguments: [
        ("random", [UInt8](repeating: 0, count: 0)), ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
        ("pdf", Array("%PDF-1.7\n%\u{E2}\u{E3}".utf8)), ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00]), ("empty", []),
    ] as [(String, [UInt8])])
    func binary(name: String, head: [UInt8]) throws {
        var bytes = head
        if name == "random" {
            var generator = SystemRandomNumberGenerator()
            bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        let url = URL(fileURLWithPath: "/tmp/\(name).html")
        let format = Pipeline.format(of: url, data: Data(bytes))
        let error = try #require(throws: ConversionError.self) {
            try Pipeline.convert(data: Data(bytes), fileName: "\(name).html", format: format)
        }
        #expect(error.file == "\(name).html")
        #expect(!error.message.contains("\n"))
        if name != "empty" { #expect(error.message.contains("not an HTML page") || error.message.contains("zip") || error.message.contains("PDF")) }
    }
}
