import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

/// The SAX2 push reader under the walkers: nodes that straddle the 32 KiB chunks it feeds,
/// text that arrives in pieces, both spellings of an empty element, decoded attribute values and
/// undecodable input.
@Suite("DOCX reader: streaming through the SAX2 push parser")
struct DOCXStreamingTests {
    @Test func attributeValuesArriveDecoded() throws {
        // `&amp;` in the package relationship's Target must reach the archive lookup as `&`.
        let data = try DOCX.package(body: "<w:p><w:r><w:t>正文</w:t></w:r></w:p>",
                                    mainPath: "word/doc&1.xml", relsTarget: "word/doc&amp;1.xml")
        let document = try DOCXReader.read(data: data, fileName: "amp.docx")
        #expect(DOCX.paragraphs(document) == ["正文"])
    }

    @Test func textPiecesAreJoined() throws {
        let body = "<w:p><w:r><w:t>a&amp;b&#x4E00;<![CDATA[<c>]]>d&lt;</w:t></w:r></w:p>"
        #expect(DOCX.paragraphs(try DOCX.read(body: body)) == ["a&b一<c>d<"])
    }

    @Test func bothSpellingsOfAnEmptyElementReadAlike() throws {
        let short = "<w:p/><w:p><w:r><w:t/><w:t>x</w:t><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
        let long = "<w:p></w:p><w:p><w:r><w:t></w:t><w:t>x</w:t><w:tab></w:tab></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p></w:p></w:tc></w:tr></w:tbl>"
        let shortDocument = try DOCX.read(body: short), longDocument = try DOCX.read(body: long)
        #expect(DOCX.paragraphs(shortDocument) == DOCX.paragraphs(longDocument))
        #expect(DOCX.paragraphs(shortDocument).contains("x\t"))
        #expect(DOCX.tables(shortDocument).map { $0.rows.map { $0.cells.map(\.text) } }
                == DOCX.tables(longDocument).map { $0.rows.map { $0.cells.map(\.text) } })
    }

    @Test func nodesAcrossChunkBoundaries() throws {
        // 3,000 paragraphs (~200 KB), a skipped run-properties subtree of ~170 KB in the middle,
        // and a 100,000-character text node: all cross the reader's 32 KiB chunks.
        var body = ""
        for index in 0..<1500 { body += "<w:p><w:r><w:t>段落\(index)</w:t></w:r></w:p>" }
        body += "<w:p><w:r><w:rPr>" + String(repeating: "<w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"24\"/>", count: 3000)
            + "</w:rPr><w:t>跳过之后</w:t></w:r></w:p>"
        let long = String(repeating: "一二三四五六七八九十", count: 10_000)
        body += "<w:p><w:r><w:t>\(long)</w:t></w:r></w:p>"
        for index in 1500..<3000 { body += "<w:p><w:r><w:t>段落\(index)</w:t></w:r></w:p>" }
        let paragraphs = DOCX.paragraphs(try DOCX.read(body: body))
        #expect(paragraphs.count == 3002)
        #expect(paragraphs.first == "段落0")
        #expect(paragraphs[1500] == "跳过之后")
        #expect(paragraphs[1501] == long)
        #expect(paragraphs.last == "段落2999")
        #expect(paragraphs == (0..<1500).map { "段落\($0)" } + ["跳过之后", long] + (1500..<3000).map { "段落\($0)" })
    }

    @Test func undecodableInputIsAnError() throws {
        // Declared Shift_JIS, written UTF-8: libxml2 halts on the conversion (an error it raises
        // without a parser context); the reader reports it instead of libxml2 printing it.
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        let document = DOCX.documentXML("<w:p><w:r><w:t>正文尧</w:t></w:r></w:p>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"Shift_JIS\"")
        builder.addEntry("word/document.xml", text: document)
        let data = try builder.build()
        let error = try #require(throws: OOXMLError.self) { try DOCXReader.read(data: data, fileName: "ascii.docx") }
        #expect(error.kind == .malformedXML)
        #expect(error.description.hasPrefix("ascii.docx: word/document.xml: malformed XML: input conversion failed"))
    }
}
