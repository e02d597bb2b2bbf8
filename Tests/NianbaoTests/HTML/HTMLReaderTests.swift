import Foundation
import Testing
import NianbaoModel
import NianbaoHTML
import NianbaoKit

/// The HTML reader on small pages: table grids, cells, page chrome, title and date, links-only
/// pages and encodings.
@Suite("HTML reader")
struct HTMLReaderTests {
    static func read(_ html: String, name: String = "t.html") throws -> SourceDocument {
        try HTMLReader.read(data: Data(html.utf8), fileName: name)
    }

    static func paragraphs(_ document: SourceDocument) -> [String] {
        document.blocks.compactMap { if case .paragraph(let p) = $0 { return p.text } else { return nil } }
    }

    static func tables(_ document: SourceDocument) -> [Table] {
        document.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    /// Each row's cells as text; continuation cells of a row span as `^`, spans as `text*N`.
    static func grid(_ table: Table) -> [[String]] {
        table.rows.map { row in
            row.cells.map { cell in
                let text = cell.continuesVerticalMerge ? "^" : cell.text
                return cell.columnSpan > 1 ? "\(text)*\(cell.columnSpan)" : text
            }
        }
    }

    static func page(_ body: String, head: String = "<meta charset=\"utf-8\">") -> String {
        "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>"
    }

    // MARK: Tables

    @Test("rowspan and colspan become continuation cells and column spans, as vMerge and gridSpan")
    func spans() throws {
        let document = try Self.read(Self.page("""
            <table><tr><td rowspan="3" colspan="2">A</td><th colspan="2">B</th></tr>
            <tr><td>1</td><td rowspan=2>2</td></tr>
            <tr><td>3</td></tr>
            <tr><td>x</td><td>y</td><td>z</td><td>w</td></tr></table>
            """))
        let table = try #require(Self.tables(document).first)
        #expect(Self.grid(table) == [["A*2", "B*2"], ["^*2", "1", "2"], ["^*2", "3", "^"], ["x", "y", "z", "w"]])
        #expect(table.rows[1].cells[1].location.table == 1)
        #expect(table.rows[1].cells[1].location.row == 2)
        #expect(table.rows[1].cells[1].location.cell == 2)
        #expect(table.rows[1].cells[1].location.line == 2)
    }

    @Test("a rowspan reaching past the row's own cells, rowspan=0 (to the end of the table) and spans past the table's end")
    func spanEdges() throws {
        let document = try Self.read(Self.page("""
            <table><tr><td>a</td><td>b</td><td rowspan="0">c</td></tr><tr><td>d</td></tr><tr><td>e</td><td>f</td></tr>
            <tr><td rowspan="9">g</td><td>h</td><td>i</td></tr></table>
            """))
        let table = try #require(Self.tables(document).first)
        #expect(Self.grid(table) == [["a", "b", "c"], ["d", "", "^"], ["e", "f", "^"], ["g", "h", "^", "i"]])
        // A cell overlapping a span from above (an authoring error): the span still ends on time.
        let overlap = try Self.read(Self.page("""
            <table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td colspan="2">c</td></tr><tr><td>d</td><td>e</td></tr></table>
            """))
        #expect(try Self.grid(#require(Self.tables(overlap).first)) == [["a", "b"], ["^", "c*2"], ["d", "e"]])
    }

    @Test("&nbsp;-only cells are blank and keep their place; <br> and <p> in a cell join with a line break; th and td alike")
    func cells() throws {
        let document = try Self.read(Self.page("""
            <table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th></tr>
            <tr><td><p>规</p><p>章</p></td><td>&nbsp;</td><td> 3 </td></tr>
            <tr><td>行政<br>规范性文件</td><td><p>&nbsp;</p></td><td><span style="font-family:宋体">1</span>2</td></tr></table>
            """))
        let table = try #require(Self.tables(document).first)
        #expect(Self.grid(table) == [["信息内容", "本年制发件数", "本年废止件数"], ["规\n章", "", "3"], ["行政\n规范性文件", "", "12"]])
    }

    @Test("nested layout tables are opened up; the report's tables inside them are found; deep nesting is bounded")
    func layoutTables() throws {
        let document = try Self.read(Self.page("""
            <table><tr><td><a href="/">首页</a></td><td>
              <table width="100%"><tr><td><p>一、总体情况</p><p>正文。</p>
                <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
              </td></tr></table>
            </td></tr></table>
            """))
        #expect(Self.paragraphs(document) == ["一、总体情况", "正文。"])
        #expect(Self.tables(document).map(Self.grid) == [[["信息内容", "本年制发件数"], ["规章", "0"]]])

        let deep = String(repeating: "<table><tr><td>x", count: 300) + String(repeating: "</td></tr></table>", count: 300)
        let nested = try Self.read(Self.page(deep))
        #expect(Self.paragraphs(nested).count == 300)
    }

    @Test("script, style, noscript, comments, hidden elements, nav, page header and footer, chrome classes stay out")
    func chrome() throws {
        let document = try Self.read(Self.page("""
            <header><p>某某市人民政府</p></header><nav><a href="/">首页</a> 政务公开</nav>
            <div class="breadcrumb">当前位置：首页 &gt; 年报</div>
            <script>document.write("<p>脚本</p>")</script><style>p { color: red }</style><noscript><p>无脚本</p></noscript>
            <!-- <p>注释</p> --><div hidden><p>隐藏一</p></div><p style="display: none">隐藏二</p><span style="visibility:hidden">隐藏三</span><div class="box hide">隐藏四</div>
            <article><header><h1>某局2025年政府信息公开工作年度报告</h1></header><p>正文</p></article>
            <div class="bdsharebuttonbox">分享到微信</div><p><a href="/a.html">相关文章一</a></p>
            <footer>版权所有</footer>
            """))
        #expect(Self.paragraphs(document) == ["某局2025年政府信息公开工作年度报告", "正文"])
    }

    @Test("white space collapses as a browser shows it; <pre> keeps its lines; DOCTYPE internal subsets are blanked, entities not expanded")
    func text() throws {
        let document = try Self.read("""
            <!DOCTYPE html [ <!ENTITY x "EXPANDED"> <!ENTITY y SYSTEM "file:///etc/passwd"> ]>
            <html><body><p>  a \n\t b&nbsp;&nbsp;c &x; &y; &amp; &#20013;</p><pre>一行
            二行</pre></body></html>
            """)
        #expect(Self.paragraphs(document) == ["a b  c &x; &y; & 中", "一行", "二行"])
        #expect(document.diagnostics.contains { $0.code == "html.doctype_internal_subset" })
    }

    @Test("Word's downlevel-revealed conditional comments: markers dropped, content kept; real conditional comments stay comments")
    func wordConditionals() throws {
        let document = try Self.read(Self.page("""
            <!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]-->
            <p class=MsoListParagraph><![if !supportLists]><span>一、</span><![endif]><span>总体情况<o:p></o:p></span></p>
            <table class=MsoNormalTable><tr><td><p class=MsoNormal>规章</p></td><td>0</td></tr>
            <![if !supportMisalignedColumns]><tr height=0><td width=100></td><td width=50></td></tr><![endif]></table>
            """))
        #expect(Self.paragraphs(document) == ["一、总体情况"])
        #expect(Self.tables(document).map(Self.grid) == [[["规章", "0"], ["", ""]]])
    }

    // MARK: Title and date

    @Test("the title comes from the body; from the head's ArticleTitle or <title> (site name cut off) when the body has none")
    func title() throws {
        let body = "<p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>"
        let withTitle = try Self.read(Self.page("<h1>某局2025年政府信息公开工作年度报告</h1>" + body,
                                                head: "<meta charset=utf-8><title>首页_某某市人民政府</title>"))
        #expect(Self.paragraphs(withTitle).first == "某局2025年政府信息公开工作年度报告")
        let fromTitle = try Self.read(Self.page(body, head: "<meta charset=utf-8><title>某局2025年政府信息公开工作年度报告_某某市人民政府网</title>"))
        #expect(Self.paragraphs(fromTitle).first == "某局2025年政府信息公开工作年度报告")
        #expect(fromTitle.diagnostics.contains { $0.code == "html.title_from_head" })
        let fromMeta = try Self.read(Self.page(body, head: "<meta name=\"ArticleTitle\" content=\"某局2024年政府信息公开工作年度报告\"><title>某某市人民政府网</title>"))
        #expect(Self.paragraphs(fromMeta).first == "某局2024年政府信息公开工作年度报告")
        // A sentence that names the report is no title line: the head's title is still taken.
        let sentence = try Self.read(Self.page("<p>根据《中华人民共和国政府信息公开条例》规定编制本报告。</p>" + body,
                                               head: "<meta charset=utf-8><title>某局2025年政府信息公开工作年度报告</title>"))
        #expect(Self.paragraphs(sentence).first == "某局2025年政府信息公开工作年度报告")
    }

    @Test("a date line in the body stays; the head's PubDate or firstpublishedtime is the date line when the body has none")
    func date() throws {
        let body = "<h1>某局2025年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>"
        let inBody = try Self.read(Self.page(body.replacingOccurrences(of: "</h1>", with: "</h1><div>发布时间：2026-03-10 来源：本局</div>"),
                                             head: "<meta name=PubDate content=\"2026-03-01 10:00\">"))
        #expect(Self.paragraphs(inBody).contains("发布时间：2026-03-10 来源：本局"))
        #expect(!Self.paragraphs(inBody).contains("2026年3月1日"))
        let fromMeta = try Self.read(Self.page(body, head: "<meta name=\"firstpublishedtime\" content=\"2026-03-12-09:30:00\">"))
        #expect(Self.paragraphs(fromMeta).prefix(2) == ["某局2025年政府信息公开工作年度报告", "2026年3月12日"])
        #expect(fromMeta.diagnostics.contains { $0.code == "html.date_from_page" })
    }

    @Test("the head's date becomes the report's published date through the pipeline when the page has no date line")
    func publishedFromMeta() throws {
        // Sample 000 has no date line (its expected `published` is null); give its page a PubDate.
        let stem = TestFiles.sampleStems[0]
        var html = String(decoding: try HTMLSampleTests.fixture("\(stem).utf8"), as: UTF8.self)
        #expect(try Pipeline.convert(data: Data(html.utf8), fileName: "p.html", format: .html).published == nil)
        html = html.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"><meta name=\"PubDate\" content=\"2021-01-20 08:00:00\">")
        let report = try Pipeline.convert(data: Data(html.utf8), fileName: "p.html", format: .html)
        #expect(report.published == "2021-01-20")
    }

    @Test("the report's own title wins over a column heading before its element")
    func columnHeading() throws {
        let body = "<p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>"
        let outside = try Self.read(Self.page("""
            <div class="lm">政府信息公开年度报告</div><div class="bt">某局2025年政府信息公开工作年度报告</div><div class="lm2">政府信息公开年度报告</div>
            <div class="zw">\(body)</div>
            """))
        #expect(Self.paragraphs(outside).first == "某局2025年政府信息公开工作年度报告")
        let inside = try Self.read(Self.page("""
            <div class="lm">政府信息公开年度报告</div><div class="zw"><h2>某局2025年政府信息公开工作年度报告</h2>\(body)</div>
            """))
        #expect(Self.paragraphs(inside).first == "某局2025年政府信息公开工作年度报告")
    }

    @Test("after the report's closing date line, the page's own lines go")
    func afterDateLine() throws {
        let document = try Self.read(Self.page("""
            <h1>某局2025年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p><p>六、其他需要报告的事项</p><p>无。</p>
            <p>某局</p><p>2026年1月15日</p><p>网站地址：www.example.gov.cn</p><p>地址：某市某路1号　电话：0000-1234567</p>
            """))
        #expect(Self.paragraphs(document).suffix(3) == ["无。", "某局", "2026年1月15日"])
        let iso = try Self.read(Self.page("""
            <p>一、总体情况</p><p>正文</p><p>六、其他需要报告的事项</p><p>无。</p><p>2026-01-15</p><p>关于我们</p>
            """))
        #expect(Self.paragraphs(iso).last == "2026-01-15")
    }

    @Test("link lines (附件：<a>…</a>, 上一篇：<a>…</a>) go; a title heading made a link stays")
    func linkLines() throws {
        let document = try Self.read(Self.page("""
            <h1><a href="/nb/2025.html">某局2025年政府信息公开工作年度报告</a></h1>
            <p>一、总体情况</p><p>正文见<a href="/x.html">此处</a>。</p><h2><a name="p2"></a><a name="p2b">二、主动公开政府信息情况</a></h2>
            <p>附件：<a href="/u/1.pdf">某局2025年政府信息公开工作年度报告.pdf</a></p><p>上一篇：<a href="/1.html">关于某事的通知</a></p>
            """))
        #expect(Self.paragraphs(document) == ["某局2025年政府信息公开工作年度报告", "一、总体情况", "正文见此处。", "二、主动公开政府信息情况"])
    }

    @Test("a page's metadata table (索引号 | … | 发文日期 | date) gives the date when the body has no date line")
    func metadataTable() throws {
        let document = try Self.read(Self.page("""
            <table class="xxgk"><tr><td>索 引 号</td><td>014416330/2018-04736</td><td>分 类</td><td>政府信息公开年报</td></tr>
            <tr><td>发布机构</td><td>市政府办</td><td>发文日期：</td><td>2018-02-28</td></tr></table>
            <div class="content"><h1>某市2017年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p></div>
            """))
        #expect(Self.paragraphs(document).prefix(2) == ["某市2017年政府信息公开工作年度报告", "2018年2月28日"])
        #expect(Self.tables(document).isEmpty)
    }

    @Test("a report only in hidden elements is read from there, with a warning; tables as pictures are named")
    func hiddenAndPictures() throws {
        let hidden = try Self.read(Self.page("""
            <div id="pdf"><p>正在加载</p></div>
            <div id="text" style="display:none"><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>
            <p><img src="/u/t1.png"></p><p>三、收到和处理政府信息公开申请情况</p><p><img src="/u/t2.png"></p></div>
            """))
        #expect(Self.paragraphs(hidden).contains("一、总体情况"))
        #expect(hidden.diagnostics.contains { $0.code == "html.hidden_report" })
        #expect(hidden.diagnostics.contains { $0.code == "html.tables_as_images" && $0.message.contains("2 image") })
    }

    @Test("a blank (&nbsp;) value cell of a report table is null with a diagnostic naming its place; its neighbours stay put")
    func blankValueCell() throws {
        var html = String(decoding: try HTMLSampleTests.fixture("\(TestFiles.sampleStems[1]).utf8"), as: UTF8.self)
        let label = try #require(html.range(of: "一、本年新收政府信息公开申请数量</td>"))
        let rowEnd = try #require(html.range(of: "</tr>", range: label.upperBound..<html.endIndex))
        var cells = html[label.upperBound..<rowEnd.lowerBound].components(separatedBy: "</td>")
        #expect(cells[1] == "<td>0")
        cells[1] = "<td>&nbsp;"
        html.replaceSubrange(label.upperBound..<rowEnd.lowerBound, with: cells.joined(separator: "</td>"))
        let report = try Pipeline.convert(data: Data(html.utf8), fileName: "blank.html", format: .html)
        #expect(report.requests["new_received", "natural_person"] == 1)
        #expect(report.requests.has("new_received", "commercial"))
        #expect(report.requests["new_received", "commercial"] == nil)
        #expect(report.requests["new_received", "research"] == 0)
        #expect(report.requests["new_received", "total"] == 1)
        let diagnostic = try #require(report.diagnostics.first { $0.path == "requests.new_received.commercial" })
        #expect(diagnostic.location?.description == "line 38, table 2, row 4, cell 3")
    }

    // MARK: Pages without the report

    @Test("a page that only links to the report names the link targets")
    func linksOnly() throws {
        let attachment = Self.page("""
            <h1>某局2025年政府信息公开工作年度报告</h1><p>详见附件。</p>
            <p>附件：<a href="/u/cms/2026/report.pdf">某局2025年政府信息公开工作年度报告.pdf</a></p>
            """)
        let error = try #require(throws: HTMLReadError.self) { try Self.read(attachment) }
        #expect(error.kind == .linksOnly)
        #expect(error.description.contains("/u/cms/2026/report.pdf"))
        let frame = Self.page("<h1>某局2025年政府信息公开工作年度报告</h1><iframe src=\"/pdfjs/viewer.html?file=/nb2025.pdf\"></iframe>")
        let framed = try #require(throws: HTMLReadError.self) { try Self.read(frame) }
        #expect(framed.description.contains("/pdfjs/viewer.html?file=/nb2025.pdf"))
        let converted = try #require(throws: ConversionError.self) {
            try Pipeline.convert(data: Data(attachment.utf8), fileName: "l.html", format: .html)
        }
        #expect(converted.message.contains("report.pdf"))
    }

    @Test("a redirecting page names its target; a page whose content scripts load says so")
    func redirectAndScripted() throws {
        let redirect = try #require(throws: HTMLReadError.self) {
            try Self.read(Self.page("", head: "<meta http-equiv=\"Refresh\" content=\"0; URL='/art/2026/nb.html'\">"))
        }
        #expect(redirect.kind == .linksOnly)
        #expect(redirect.description.contains("/art/2026/nb.html"))
        let scripted = try #require(throws: HTMLReadError.self) {
            try Self.read(Self.page("<div id=\"app\"></div><script src=\"/js/app.js\"></script><p>加载中…</p>"))
        }
        #expect(scripted.kind == .empty)
        #expect(scripted.description.contains("scripts"))
    }

    // MARK: Encodings

    static let gbBody = "<h1>某局2025年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本机关认真贯彻落实《条例》，公开信息一百二十条。</p>"

    static func gb18030(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
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

    @Test("charset=gb2312 by <meta charset>, by http-equiv, and undeclared: read as GB18030")
    func gbk() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else {
            print("iconv(1) not installed: GB18030 fixtures made in the test skipped")
            return
        }
        for head in ["<meta charset=\"gb2312\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">", ""] {
            let data = try Self.gb18030(Self.page(Self.gbBody, head: head))
            let document = try HTMLReader.read(data: data, fileName: "g.html")
            #expect(document.source.encoding == "GB18030")
            #expect(Self.paragraphs(document).last == "本机关认真贯彻落实《条例》，公开信息一百二十条。")
            if head.isEmpty { #expect(document.diagnostics.contains { $0.code == "html.encoding.undeclared" }) }
        }
    }

    @Test("a BOM, UTF-16, and a stale gb2312 declaration on UTF-8 bytes")
    func unicode() throws {
        let html = Self.page(Self.gbBody, head: "")
        let bom = try HTMLReader.read(data: Data([0xEF, 0xBB, 0xBF] + Array(html.utf8)), fileName: "b.html")
        #expect(bom.source.encoding == "UTF-8")
        #expect(Self.paragraphs(bom).first == "某局2025年政府信息公开工作年度报告")
        var utf16 = Data([0xFF, 0xFE])
        for unit in html.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let sixteen = try HTMLReader.read(data: utf16, fileName: "u.html")
        #expect(sixteen.source.encoding == "UTF-16LE")
        #expect(Self.paragraphs(sixteen) == Self.paragraphs(bom))
        let stale = try Self.read(Self.page(Self.gbBody, head: "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"))
        #expect(stale.source.encoding == "UTF-8")
        #expect(Self.paragraphs(stale) == Self.paragraphs(bom))
        #expect(stale.diagnostics.contains { $0.code == "html.encoding.declaration_ignored" })
    }

    @Test("a page in an undeclared legacy encoding that is not Chinese text is a clear error")
    func undeclaredLegacy() throws {
        // Windows-1252 French: neither UTF-8 nor GB18030 Chinese.
        let bytes = Array("<html><body><p>".utf8) + [0x45, 0x74, 0xE9, 0x20, 0xE0, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73, 0x20, 0xE7, 0x61, 0x20, 0xEA, 0x74, 0x72, 0x65]
            + Array("</p></body></html>".utf8)
        let error = try #require(throws: HTMLReadError.self) { try HTMLReader.read(data: Data(bytes), fileName: "w.html") }
        #expect(error.kind == .undecodable)
        #expect(error.description.contains("declares no charset"))
    }

    // MARK: Formats and folders

    @Test("HTML is recognised by extension and by content, and picked up in folders")
    func detection() throws {
        let html = Data(Self.page("<p>x</p>").utf8)
        for ext in ["html", "htm", "shtml", "xhtml"] {
            #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.\(ext)"), data: Data("<p>x</p>".utf8)) == .html)
            #expect(InputCollector.folderExtensions.contains(ext))
        }
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.txt"), data: html) == .html)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.doc"), data: Data("\u{FEFF}<!-- saved -->\n<html xmlns:o=\"urn\">".utf8)) == .html)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "/tmp/a.txt"), data: Data("一、总体情况 <b>".utf8)) == .text)
        #expect(SourceFormat(rawValue: "html") == .html)
    }
}
