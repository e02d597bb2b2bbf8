import Foundation
import Testing
import NianbaoModel
import NianbaoPDF
import NianbaoWriters
import NianbaoKit

/// PDF renderings of the five samples made by `Scripts/make-pdf-fixtures.sh` (LibreOffice from the
/// DOCX fixtures: A4 portrait, narrow margins, landscape, tables split across pages with repeated
/// headers and a page-number footer, table text centred with cells aligned at the top, pandoc's
/// DOCX with narrow label columns; LibreOffice from the
/// HTML renderings; MuPDF from the HTML renderings), and bad PDFs. Every
/// test needs Poppler's `pdftotext` (poppler-utils, which `.ci/run` installs) and says so when it
/// is missing.
@Suite("PDF reader")
struct PDFReaderTests {
    /// Every fixture: `<stem>.<variant>.pdf`.
    static let fixtures: [String] = {
        let stems = TestFiles.sampleStems
        var names = stems.flatMap { ["\($0).lo", "\($0).web"] }
        names += ["000_ad0b93b4492ed8bd.narrow", "003_ca2117b5797f0594.narrow", "001_73cfe548748cf452.landscape",
                  "004_64ca144eb0d93f31.landscape", "002_b42afd72281d3df1.split", "004_64ca144eb0d93f31.split",
                  "000_ad0b93b4492ed8bd.pandoc", "003_ca2117b5797f0594.pandoc",
                  "000_ad0b93b4492ed8bd.mupdf", "003_ca2117b5797f0594.mupdf",
                  "001_73cfe548748cf452.center", "003_ca2117b5797f0594.center", "000_ad0b93b4492ed8bd.upside"]
        return names
    }()

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "pdf", subdirectory: "Fixtures/pdf") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/pdf/\(name).pdf"])
        }
        return try Data(contentsOf: url)
    }

    /// `false`, with a visible message, when `pdftotext` is missing.
    static func popplerPresent(_ test: String) -> Bool {
        if PDFReader.isAvailable { return true }
        print("pdftotext (poppler-utils) not installed: PDF test “\(test)” skipped")
        return false
    }

    static func read(_ data: Data, _ name: String = "x.pdf", options: PDFReader.Options = PDFReader.Options()) -> PDFError? {
        do {
            _ = try PDFReader.read(data: data, fileName: name, options: options)
            return nil
        } catch let error as PDFError {
            return error
        } catch {
            Issue.record("not a PDFError: \(error)")
            return nil
        }
    }

    @Test("each PDF rendering of each sample scores every field", arguments: fixtures)
    func fixtureScores(name: String) throws {
        guard Self.popplerPresent(name) else { return }
        let stem = String(name.prefix { $0 != "." })
        let report = try Pipeline.convert(data: try Self.fixture(name), fileName: name + ".pdf", format: .pdf)
        #expect(report.source.format == .pdf)
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try TestFiles.expected(stem))
        #expect(comparison.checks.count > 100)
        var mismatches = comparison.mismatches
        if name.hasSuffix(".web") {
            // LibreOffice's writer_web_pdf_Export leaves the HTML page's title heading out of the PDF
            // (page 1 comes out blank, page 2 starts with its last word): title, agency and the
            // year read from them can only be null there; every value must still be right.
            mismatches.removeAll { ["title", "agency", "year"].contains($0.field) && $0.actual == "null" }
        }
        let wrong = mismatches.map(\.description)
        #expect(wrong.isEmpty, "\(name): \(wrong.joined(separator: "\n"))")
    }

    /// R12: page 2 turned 180° (`/Rotate 180`, `Scripts/pdf-fixtures/upside_down.py`): pdftotext
    /// gives its words upside down; the page is read turned back, with a warning naming it, and
    /// the report equals the unturned PDF's (it also scores every field in `fixtureScores`).
    @Test("a page turned 180° is read turned back, with a page-named warning")
    func upsideDownPage() throws {
        guard Self.popplerPresent("upside-down page") else { return }
        let turned = try Pipeline.convert(data: try Self.fixture("000_ad0b93b4492ed8bd.upside"), fileName: "u.pdf", format: .pdf)
        let upright = try Pipeline.convert(data: try Self.fixture("000_ad0b93b4492ed8bd.lo"), fileName: "u.pdf", format: .pdf)
        let warnings = turned.diagnostics.filter { $0.code == "pdf.upside_down" }
        #expect(warnings.map(\.location?.page) == [2])
        #expect(warnings.first?.message.hasPrefix("page 2 is turned upside down") == true)
        #expect(!upright.diagnostics.contains { $0.code == "pdf.upside_down" })
        var turnedReport = turned, uprightReport = upright
        turnedReport.diagnostics = []
        uprightReport.diagnostics = []
        turnedReport.source = uprightReport.source  // the files differ; the report read from them must not
        #expect(turnedReport == uprightReport)
    }

    @Test("tables come out as the template's grid, with page locations")
    func tableGrid() throws {
        guard Self.popplerPresent("table grid") else { return }
        let document = try PDFReader.read(data: try Self.fixture("000_ad0b93b4492ed8bd.lo"), fileName: "a.pdf")
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 3, "\(tables.count) tables")
        // The requests table: a row per result, the label, then seven value cells.
        let requests = try #require(tables.first { $0.rows.contains { $0.cells.contains { $0.text == "1.属于国家秘密" } } })
        let secret = try #require(requests.rows.first { $0.cells.contains { $0.text == "1.属于国家秘密" } })
        let values = secret.cells.drop { $0.text != "1.属于国家秘密" }.dropFirst().map(\.text)
        #expect(values == ["0", "0", "0", "0", "0", "0", "0"], "\(values)")
        // A label wrapped over three lines inside its cell is one cell.
        #expect(requests.rows.contains { $0.cells.contains { $0.text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" } })
        #expect(secret.location.page == 2)
        #expect(secret.cells[0].location.description.hasPrefix("page 2, table 2, row "))
        // The active-disclosure table is continued on page 2 and joined.
        let active = tables[0]
        #expect(active.rows.contains { $0.cells.first?.text == "规章" })
        #expect(active.rows.contains { $0.cells.first?.text == "政府集中采购" })
        #expect(document.diagnostics.contains { $0.code == "pdf.table_continued" })
        // Paragraphs name their page and line.
        let first = try #require(document.blocks.first)
        if case .paragraph(let paragraph) = first {
            #expect(paragraph.text == "长春市九台区交通运输局2020年政府信息公开工作年度报告")
            #expect(paragraph.location.description == "page 1, line 1")
        } else {
            Issue.record("the title is not a paragraph")
        }
    }

    @Test("a table split across pages is joined and its repeated header rows dropped; page numbers left out")
    func splitTable() throws {
        guard Self.popplerPresent("split table") else { return }
        let document = try PDFReader.read(data: try Self.fixture("002_b42afd72281d3df1.split"), fileName: "s.pdf")
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 3, "\(tables.count) tables")
        let joined = document.diagnostics.filter { $0.code == "pdf.table_continued" }
        #expect(joined.contains { $0.message.contains("repeated header row") }, "\(joined.map(\.message))")
        #expect(document.diagnostics.contains { $0.code == "pdf.page_furniture" })
        let texts = document.blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph): [paragraph.text]
            case .table(let table): table.rows.flatMap { $0.cells.map(\.text) }
            }
        }
        #expect(!texts.contains { $0.range(of: #"^-\s*\d+\s*-$"#, options: .regularExpression) != nil }, "a page number was kept")
        // Each statutory row appears once.
        for label in ["1.属于国家秘密", "（七）总计", "政府集中采购"] {
            #expect(texts.filter { $0 == label }.count == 1, "\(label)")
        }
    }

    @Test("page locations print and parse back")
    func pageLocations() {
        let cell = SourceLocation(table: 1, row: 5, cell: 2, page: 2)
        #expect(cell.description == "page 2, table 1, row 5, cell 2")
        #expect(SourceLocation(parsing: cell.description) == cell)
        #expect(SourceLocation(line: 12, page: 3).description == "page 3, line 12")
        #expect(SourceLocation(parsing: "page 3, line 12") == SourceLocation(line: 12, page: 3))
        #expect(SourceLocation(line: 12).description == "line 12")
    }

    @Test("folders pick up .pdf inputs, detected as PDF by content")
    func detection() throws {
        #expect(InputCollector.folderExtensions.contains("pdf"))
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/x/report.bin"), data: Data("%PDF-1.7\n".utf8)) == .pdf)
        // Content wins, as for every format: a page saved as `.pdf` is read as the page it is.
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/x/report.pdf"), data: Data("<html>".utf8)) == .html)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/x/report.pdf"), data: Data("garbage".utf8)) == .pdf)
    }

    // MARK: Bad input

    @Test("a PDF that is really HTML, an empty file and a truncated PDF get clear errors")
    func notPDF() throws {
        let html = Data("<!DOCTYPE html><html><body>404 Not Found</body></html>".utf8)
        let error = try #require(Self.read(html, "report.pdf"))
        #expect(error.kind == .notPDF)
        #expect(error.description.contains("report.pdf") && error.description.contains("HTML"), "\(error)")
        #expect(Self.read(Data(), "empty.pdf")?.kind == .notPDF)

        let good = try Self.fixture("000_ad0b93b4492ed8bd.lo")
        let truncated = try #require(Self.read(good.prefix(good.count / 2), "cut.pdf"))
        #expect(truncated.kind == .damaged)
        #expect(truncated.problem.contains("truncated"), "\(truncated)")

        // Through the pipeline: the file is named, the stage is parse, nothing is converted.
        #expect(throws: ConversionError.self) { try Pipeline.convert(data: html, fileName: "report.pdf", format: .pdf) }
    }

    /// R11: a PDF with neither text nor an image is not called a scan: OCR would find nothing.
    @Test("a PDF with no text and no images: nothing to read")
    func noTextNoImages() throws {
        guard Self.popplerPresent("no text, no images") else { return }
        // Lines only, as many bytes as the text they replace (the cross-reference table stays right).
        let drawn = String(decoding: Self.pagesPDF(1), as: UTF8.self)
            .replacingOccurrences(of: "BT /F1 12 Tf 20 100 Td (Page of a long file) Tj ET", with: "0 0 m 100 100 l S 0 100 m 100 0 l S 1 1 m 9 20 l S")
        let error = try #require(Self.read(Data(drawn.utf8), "drawn.pdf"))
        #expect(error.problem.hasPrefix("the PDF has no text (and no images): nothing to read"), "\(error)")
    }

    /// R8: the word budget is checked while `pdftotext` writes; over it the PDF is refused.
    @Test("more words than the budget: refused while pdftotext writes")
    func wordBudget() throws {
        guard Self.popplerPresent("word budget") else { return }
        let error = try #require(Self.read(Self.pagesPDF(40), "many.pdf", options: PDFReader.Options(maximumWords: 100)))
        #expect(error.problem == "the PDF holds more than 100 words; one report is a few thousand (limit 100)", "\(error)")
    }

    @Test("a scanned PDF: `scanned PDF, no text layer: run OCR first`")
    func scanned() throws {
        guard Self.popplerPresent("scanned") else { return }
        let error = try #require(Self.read(try Self.fixture("bad/scanned"), "scan.pdf"))
        #expect(error.kind == .scanned)
        #expect(error.problem.hasPrefix("scanned PDF, no text layer: run OCR first"), "\(error)")
    }

    @Test("an encrypted PDF Poppler cannot open, and fonts that map glyphs to no Unicode")
    func encryptedAndUnmapped() throws {
        guard Self.popplerPresent("encrypted") else { return }
        let encrypted = try #require(Self.read(try Self.fixture("bad/encrypted"), "locked.pdf"))
        #expect(encrypted.kind == .encrypted)
        #expect(encrypted.problem.contains("encrypted"), "\(encrypted)")
        let unmapped = try #require(Self.read(try Self.fixture("bad/unmapped"), "glyphs.pdf"))
        #expect(unmapped.kind == .unmappedGlyphs)
        #expect(unmapped.problem.contains("no Unicode"), "\(unmapped)")
    }

    @Test("a PDF of 2,000 pages is refused quickly")
    func manyPages() throws {
        guard Self.popplerPresent("2,000 pages") else { return }
        let started = Date()
        let error = try #require(Self.read(Self.pagesPDF(2000), "long.pdf"))
        #expect(error.kind == .tooLarge)
        #expect(error.problem.contains("more than 200 pages"), "\(error)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("a missing pdftotext names the package to install")
    func popplerMissing() throws {
        let options = PDFReader.Options(pdftotext: "/nonexistent/pdftotext")
        let error = try #require(Self.read(try Self.fixture("000_ad0b93b4492ed8bd.lo"), "a.pdf", options: options))
        #expect(error.kind == .popplerMissing)
        #expect(error.problem.contains("poppler-utils"), "\(error)")
    }

    @Test("a pdftotext that hangs is stopped at the time limit; one without -bbox-layout is named")
    func toolFailures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func script(_ name: String, _ body: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }
        let pdf = try Self.fixture("000_ad0b93b4492ed8bd.lo")
        let started = Date()
        let hanging = try #require(Self.read(pdf, options: PDFReader.Options(pdftotext: try script("hang", "exec sleep 30"), timeLimit: 1)))
        #expect(hanging.kind == .tooLarge && hanging.problem.contains("did not finish within 1 s"), "\(hanging)")
        #expect(Date().timeIntervalSince(started) < 15)
        let old = try #require(Self.read(pdf, options: PDFReader.Options(pdftotext: try script("old", "echo 'Usage: pdftotext [options] <PDF-file> [<text-file>]' >&2; exit 99"))))
        #expect(old.kind == .tool && old.problem.contains("0.62"), "\(old)")
    }

    /// A minimal PDF of `count` pages, each with one line of Latin text (Helvetica), written by
    /// hand with a correct cross-reference table.
    static func pagesPDF(_ count: Int) -> Data {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        func object(_ text: String) {
            offsets.append(body.utf8.count)
            body += "\(offsets.count) 0 obj\n\(text)\nendobj\n"
        }
        let firstPage = 5
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\((0..<count).map { "\(firstPage + $0) 0 R" }.joined(separator: " "))] /Count \(count) >>")
        let content = "BT /F1 12 Tf 20 100 Td (Page of a long file) Tj ET"
        object("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for _ in 0..<count {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
        }
        let xref = body.utf8.count
        body += "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }
}
