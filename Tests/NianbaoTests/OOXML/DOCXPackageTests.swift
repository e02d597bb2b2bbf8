import Foundation
import Testing
import NianbaoModel
@testable import NianbaoOOXML

@Suite("DOCX reader: package and errors")
struct DOCXPackageTests {
    private func minimalPackage(rels: String, documentPath: String = "word/document.xml", body: String = DOCX.p("正文")) throws -> Data {
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: rels)
        builder.addEntry(documentPath, text: DOCX.documentXML(body))
        return try builder.build()
    }

    @Test func leadingSlashBackslashAndCaseInTargets() throws {
        for target in ["/word/document.xml", "word\\document.xml", "/Word/Document.XML", "./word/../word/document.xml"] {
            let data = try minimalPackage(rels: DOCX.packageRels(target: target))
            #expect(DOCX.paragraphs(try DOCXReader.read(data: data, fileName: "t.docx")) == ["正文"], "target \(target)")
        }
        // Entry names themselves in odd case and with backslashes.
        let data = try minimalPackage(rels: DOCX.packageRels(target: "word/document.xml"), documentPath: "WORD\\Document.xml")
        #expect(DOCX.paragraphs(try DOCXReader.read(data: data, fileName: "t.docx")) == ["正文"])
    }

    @Test func strictRelationshipTypeAndOtherMainPartName() throws {
        let rels = DOCX.packageRels(target: "/content/main.xml", type: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
        let data = try minimalPackage(rels: rels, documentPath: "content/main.xml")
        #expect(DOCX.paragraphs(try DOCXReader.read(data: data, fileName: "t.docx")) == ["正文"])
    }

    @Test func readsFromAFileWithTheSameHash() throws {
        let data = try DOCX.package(body: DOCX.p("文件"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).docx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try DOCXReader.read(contentsOf: url)
        let fromMemory = try DOCXReader.read(data: data, fileName: url.lastPathComponent)
        #expect(fromFile == fromMemory)
        #expect(fromFile.source.file == url.lastPathComponent)
    }

    @Test func notAZip() {
        let error = DOCX.error { _ = try DOCXReader.read(data: Data("hello world".utf8), fileName: "a.docx") }
        #expect(error?.kind == .notZip)
        #expect(error?.description.hasPrefix("a.docx: ") == true)
        #expect(DOCX.error { _ = try DOCXReader.read(data: Data(), fileName: "e.docx") }?.kind == .notZip)
        #expect(DOCX.error { _ = try DOCXReader.read(data: Data("<html><body>".utf8), fileName: "h.docx") }?.problem.contains("HTML") == true)
    }

    @Test func oleCompoundFile() {
        let data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        let error = DOCX.error { _ = try DOCXReader.read(data: data, fileName: "old.docx") }
        #expect(error?.kind == .compoundFile)
        #expect(error?.description.contains(".doc") == true)
        #expect(error?.description.contains("encrypted") == true)
        #expect(error?.description.contains("soffice --headless --convert-to docx") == true)
    }

    @Test func pdfRenamed() {
        let error = DOCX.error { _ = try DOCXReader.read(data: Data("%PDF-1.7\n%âãÏÓ\n".utf8), fileName: "r.docx") }
        #expect(error?.kind == .pdf)
        #expect(error?.description.contains("PDF") == true)
    }

    @Test func zipThatIsNotADocx() throws {
        var builder = ZipArchiveBuilder()
        builder.addEntry("readme.txt", text: "hi")
        let error = DOCX.error { _ = try DOCXReader.read(data: try builder.build(), fileName: "z.docx") }
        #expect(error?.kind == .notDOCX)

        // An XLSX renamed: the officeDocument part is not a WordprocessingML document.
        var xlsx = ZipArchiveBuilder()
        xlsx.addEntry("_rels/.rels", text: DOCX.packageRels(target: "xl/workbook.xml"))
        xlsx.addEntry("xl/workbook.xml", text: "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")
        let xlsxError = DOCX.error { _ = try DOCXReader.read(data: try xlsx.build(), fileName: "x.docx") }
        #expect(xlsxError?.kind == .notDOCX)
        #expect(xlsxError?.description.contains("workbook") == true)

        // The relationship names a part that is not there.
        let missing = try minimalPackage(rels: DOCX.packageRels(target: "word/nothere.xml"))
        #expect(DOCX.error { _ = try DOCXReader.read(data: missing, fileName: "m.docx") }?.kind == .notDOCX)
    }

    @Test func truncatedArchive() throws {
        let data = try DOCX.package(body: DOCX.p(String(repeating: "数据", count: 200)))
        for length in [data.count / 2, data.count - 10, 30] {
            let error = DOCX.error { _ = try DOCXReader.read(data: data.prefix(length), fileName: "cut.docx") }
            #expect(error?.kind == .corruptArchive, "cut at \(length)")
            #expect(error?.description.contains("truncated") == true)
        }
    }

    @Test func malformedXMLNamesPartAndLine() throws {
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(DOCX.transitional)\">\n<w:body>\n<w:p></w:r>\n</w:body></w:document>")
        let error = DOCX.error { _ = try DOCXReader.read(data: try builder.build(), fileName: "bad.docx") }
        #expect(error?.kind == .malformedXML)
        #expect(error?.part == "word/document.xml")
        #expect(error?.line == 4)
        #expect(error?.description.hasPrefix("bad.docx: word/document.xml, line 4") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func doctypeAndEntitiesAreRefused() throws {
        let doctype = """
        <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
        <w:document xmlns:w="\(DOCX.transitional)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
        """
        let laughs = """
        <?xml version="1.0"?><w:document xmlns:w="\(DOCX.transitional)"><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>
        """
        for xml in [doctype, laughs] {
            var builder = ZipArchiveBuilder()
            builder.addEntry("_rels/.rels", text: DOCX.packageRels())
            builder.addEntry("word/document.xml", text: xml)
            let error = DOCX.error { _ = try DOCXReader.read(data: try builder.build(), fileName: "dtd.docx") }
            #expect(error?.kind == .forbiddenMarkup || error?.kind == .malformedXML)
            #expect(error?.part == "word/document.xml")
        }
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: doctype)
        #expect(DOCX.error { _ = try DOCXReader.read(data: try builder.build(), fileName: "dtd.docx") }?.kind == .forbiddenMarkup)
        // A DOCTYPE in an auxiliary part is refused too.
        var rels = ZipArchiveBuilder()
        rels.addEntry("_rels/.rels", text: "<?xml version=\"1.0\"?><!DOCTYPE r><Relationships xmlns=\"\(DOCX.relationshipsNamespace)\"/>")
        let relsError = DOCX.error { _ = try DOCXReader.read(data: try rels.build(), fileName: "r.docx") }
        #expect(relsError?.kind == .forbiddenMarkup)
        #expect(relsError?.part == "_rels/.rels")
    }

    @Test func partOverTheCap() throws {
        let body = String(repeating: DOCX.p("填充"), count: 20_000)
        let data = try DOCX.package(body: body)
        let limits = DOCXReader.Limits(mainPartBytes: 64 * 1024)
        let error = DOCX.error { _ = try DOCXReader.read(data: data, fileName: "big.docx", limits: limits) }
        #expect(error?.kind == .overLimit)
        #expect(error?.part == "word/document.xml")
        #expect(error?.description.contains("65536") == true)
        // The same package reads with the default limits.
        #expect(DOCX.paragraphs(try DOCXReader.read(data: data, fileName: "big.docx")).count == 20_000)
    }

    @Test func tooManyEntries() throws {
        var builder = ZipArchiveBuilder()
        for index in 0..<30 { builder.addEntry("f\(index).txt", text: "x", compression: .store) }
        let limits = DOCXReader.Limits(maxEntries: 20)
        #expect(DOCX.error { _ = try DOCXReader.read(data: try builder.build(), fileName: "many.docx", limits: limits) }?.kind == .overLimit)
    }

    /// 200 MB of zeros deflated to ~200 KB. Declared honestly, it is refused before inflating;
    /// with its declared sizes patched down to 1,000 bytes (a real zip bomb), it is refused after
    /// inflating one buffer past the declared size.
    @Test(.timeLimit(.minutes(1))) func zipBombIsRefusedQuickly() throws {
        let started = Date()
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", repeating: 0, count: 200_000_000, compression: .deflate(level: 1))
        let honest = try builder.build()
        #expect(honest.count < 1_000_000)
        let honestError = DOCX.error { _ = try DOCXReader.read(data: honest, fileName: "bomb.docx", limits: .init(mainPartBytes: 64 << 20)) }
        #expect(honestError?.kind == .overLimit)
        #expect(honestError?.description.contains("declares 200000000 bytes") == true)

        let bomb = try ZipBombPatch.patchDeclaredSize(of: "word/document.xml", in: honest, to: 1000)
        let bombError = DOCX.error { _ = try DOCXReader.read(data: bomb, fileName: "bomb.docx") }
        #expect(bombError?.kind == .overLimit)
        #expect(bombError?.description.contains("declared size of 1000 bytes") == true)

        // The wrapper alone: a cap below the (honest) size stops inflating at the cap.
        let archive = try ZipArchive(data: bomb, displayName: "bomb.zip")
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(throws: OOXMLError.self) { _ = try archive.read(entry, cap: 4096) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func encryptedEntriesAreRefused() throws {
        // libzip can only write AES-encrypted entries when built with crypto; build a traditional
        // PKWARE-flagged entry by hand instead: set the encryption bit in both headers.
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: DOCX.documentXML(DOCX.p("秘密")), compression: .store)
        let flagged = try ZipBombPatch.setEncryptedFlag(of: "word/document.xml", in: try builder.build())
        let error = DOCX.error { _ = try DOCXReader.read(data: flagged, fileName: "enc.docx") }
        #expect(error?.kind == .unsupported || error?.kind == .corruptArchive)
        #expect(error?.description.contains("encrypt") == true)
    }
}

/// Byte surgery on small zip archives for the zip-bomb and encryption tests.
enum ZipBombPatch {
    struct PatchError: Error {}

    private static func u32(_ data: [UInt8], _ offset: Int) -> Int {
        Int(data[offset]) | Int(data[offset + 1]) << 8 | Int(data[offset + 2]) << 16 | Int(data[offset + 3]) << 24
    }

    private static func u16(_ data: [UInt8], _ offset: Int) -> Int {
        Int(data[offset]) | Int(data[offset + 1]) << 8
    }

    private static func put32(_ data: inout [UInt8], _ offset: Int, _ value: Int) {
        for index in 0..<4 { data[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    /// Local headers and central-directory headers of `name`: (local offset, central offset).
    private static func headers(of name: String, in bytes: [UInt8]) throws -> (Int, Int) {
        let nameBytes = Array(name.utf8)
        var central: Int?
        var index = 0
        while index + 46 <= bytes.count {
            if u32(bytes, index) == 0x0201_4B50 {
                let nameLength = u16(bytes, index + 28)
                if Array(bytes[(index + 46)..<(index + 46 + nameLength)]) == nameBytes { central = index; break }
            }
            index += 1
        }
        guard let central else { throw PatchError() }
        let local = u32(bytes, central + 42)
        guard u32(bytes, local) == 0x0403_4B50 else { throw PatchError() }
        return (local, central)
    }

    static func patchDeclaredSize(of name: String, in data: Data, to size: Int) throws -> Data {
        var bytes = [UInt8](data)
        let (local, central) = try headers(of: name, in: bytes)
        put32(&bytes, local + 22, size)
        put32(&bytes, central + 24, size)
        return Data(bytes)
    }

    static func setEncryptedFlag(of name: String, in data: Data) throws -> Data {
        var bytes = [UInt8](data)
        let (local, central) = try headers(of: name, in: bytes)
        bytes[local + 6] |= 1
        bytes[central + 8] |= 1
        return Data(bytes)
    }
}
