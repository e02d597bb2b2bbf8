import Foundation
import NianbaoModel

/// Turns what ``PageBuilder`` collected into the block stream: layout tables opened up, data tables
/// given their grid, the report told from the page around it, the title and date taken from the
/// head when the body lacks them.
struct PageContent {
    let builder: PageBuilder
    let file: String
    var diagnostics: [Diagnostic] = []

    /// The body's items, layout tables opened up.
    private var items: [Item] = []
    /// Indices of the items that are the report's part headings and tables.
    private var keys: [Int] = []

    init(builder: PageBuilder, file: String) {
        self.builder = builder
        self.file = file
        items = flatten(builder.body)
        keys = items.indices.filter { isKey(items[$0]) }
    }

    /// Whether the page holds a part heading or a table of a report.
    var holdsReport: Bool { !keys.isEmpty }

    /// The error for a page with scripts and almost no text (its content loaded by the scripts),
    /// `nil` for any other page.
    var emptyPageError: HTMLReadError? {
        guard keys.isEmpty, builder.scripts > 0 else { return nil }
        var characters = 0
        for item in items {
            switch item {
            case .paragraph(let paragraph):
                if Self.isTitleLine(paragraph.text) { return nil }
                characters += paragraph.text.count
            case .table(let table): characters += table.rows.reduce(0) { $0 + $1.cells.count }
            }
            if characters >= 100 { return nil }
        }
        return HTMLReadError(.empty, file: file, problem:
            "the page shows almost no text (\(characters) characters): its content is probably loaded by scripts; save the page as the browser shows it (\"Save page as…\", complete) and convert that")
    }

    /// The error for a page that holds no report but links to one (an attachment, a frame), naming
    /// the link targets; `nil` for any other page.
    var linksOnlyError: HTMLReadError? {
        guard keys.isEmpty, !builder.links.isEmpty else { return nil }
        return HTMLReadError(.linksOnly, file: file, problem:
            "the page holds no report text or tables, only links to it: \(Self.describe(builder.links)); fetch that file and convert it")
    }

    private static func describe(_ links: [PageLink]) -> String {
        let shown = links.prefix(3).map { link in
            link.text.isEmpty || link.text == link.target ? link.target : "\(link.target) (\(link.text))"
        }
        return shown.joined(separator: ", ") + (links.count > 3 ? " and \(links.count - 3) more" : "")
    }

    /// A paragraph or a data table, in reading order.
    private enum Item {
        case paragraph(PageParagraph)
        case table(PageTable)

        var node: Int32 {
            switch self {
            case .paragraph(let paragraph): paragraph.node
            case .table(let table): table.node
            }
        }
    }

    mutating func blocks() -> [Block] {
        var items = items
        var pageDate: String?
        var root: Int32 = 0
        if keys.count >= 2 {
            items = keepReport(items, keys: keys, root: &root, pageDate: &pageDate)
        }
        if pageDate == nil {
            // A metadata table (索引号 | … | 发文日期 | 2026-03-10) anywhere on the page.
            for case .table(let table) in self.items where !Self.isReportTable(table) {
                if let date = Self.tableDate(table) {
                    pageDate = date
                    break
                }
            }
        }
        items = dropChrome(items)
        noteMissingTables(items, root: root)
        addTitleAndDate(&items, pageDate: pageDate)
        return makeBlocks(items)
    }

    // MARK: Layout tables

    /// The body's items with layout tables opened up into the items of their cells, in row order.
    private func flatten(_ body: [PageItem]) -> [Item] {
        var result: [Item] = []
        // An explicit stack, not recursion: nesting depth is the page's to choose.
        var stack: [(items: [PageItem], next: Int)] = [(body, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].items.count else {
                stack.removeLast()
                continue
            }
            let item = stack[top].items[stack[top].next]
            stack[top].next += 1
            switch item {
            case .paragraph(let paragraph):
                // Link lines go, except a heading that is the report's title made a link.
                if !paragraph.linkOnly || (paragraph.headingLevel != nil && Self.isTitleLine(paragraph.text)
                                           && paragraph.text.contains(where: \.isNumber)) {
                    result.append(.paragraph(paragraph))
                }
            case .table(let table):
                if Self.isLayout(table) {
                    stack.append((table.rows.flatMap { $0.cells.flatMap(\.items) }, 0))
                } else {
                    result.append(.table(table))
                }
            }
        }
        return result
    }

    /// A table that frames the page rather than holding data: it holds a table, has one column,
    /// or a cell holds running text or a part heading.
    private static func isLayout(_ table: PageTable) -> Bool {
        var widest = 0
        for row in table.rows {
            widest = max(widest, row.cells.reduce(0) { $0 + $1.columnSpan })
            for cell in row.cells {
                var length = 0
                for item in cell.items {
                    switch item {
                    case .table: return true
                    case .paragraph(let paragraph):
                        length += paragraph.text.count
                        if isPartHeading(paragraph.text) { return true }
                    }
                }
                if length > 400 { return true }
            }
        }
        return widest <= 1
    }

    // MARK: The report inside the page

    private func isKey(_ item: Item) -> Bool {
        switch item {
        case .paragraph(let paragraph): Self.isPartHeading(paragraph.text)
        case .table(let table): Self.isReportTable(table)
        }
    }

    /// Keeps the items inside the element that holds every part heading and report table, and
    /// before it the title and date lines nearest to it; a date line after it becomes `pageDate`.
    private mutating func keepReport(_ items: [Item], keys: [Int], root: inout Int32, pageDate: inout String?) -> [Item] {
        root = items[keys[0]].node
        for key in keys.dropFirst() { root = commonAncestor(root, items[key].node) }
        guard root != 0 else { return items }
        var kept: [Item] = []
        var before: [Item] = []
        var dropped = 0
        var reachedRoot = false
        // A title line inside the report's element, before its first part heading, is the title.
        let firstHeading = items.firstIndex { if case .paragraph(let p) = $0 { return Self.isPartHeading(p.text) } else { return false } } ?? items.count
        let hasOwnTitle = items[..<firstHeading].contains { isInside($0.node, root) && Self.isTitleLine(Self.text($0)) }
        for item in items {
            if isInside(item.node, root) {
                if !reachedRoot {
                    // Else the title just before the report's element (the nearest naming a year:
                    // a column heading `政府信息公开年度报告` may come before it), and the page's date line.
                    let titles = hasOwnTitle ? [] : before.indices.filter { Self.isTitleLine(Self.text(before[$0])) }
                    let dated = titles.last { Self.text(before[$0]).has("年") && Self.text(before[$0]).contains(where: \.isNumber) }
                    if let title = dated ?? titles.last {
                        kept.append(before[title])
                        dropped -= 1
                        for later in before[(title + 1)...] where Self.infoDate(Self.text(later)) != nil {
                            kept.append(later)
                            dropped -= 1
                        }
                    } else if let dated = before.last(where: { Self.infoDate(Self.text($0)) != nil }) {
                        kept.append(dated)
                        dropped -= 1
                    }
                    reachedRoot = true
                }
                kept.append(item)
            } else {
                dropped += 1
                if reachedRoot {
                    if pageDate == nil, let date = Self.infoDate(Self.text(item)) { pageDate = date }
                } else {
                    before.append(item)
                }
            }
        }
        if dropped > 0 {
            diagnostics.append(Diagnostic(.info, code: "html.page_chrome",
                message: "\(dropped) block(s) of the page outside the report's content (menus, headers, footers, related links) were left out"))
        }
        return kept
    }

    /// Says why no table of the report is in the page when that can be seen: the tables are
    /// pictures, or attachments.
    private mutating func noteMissingTables(_ items: [Item], root: Int32) {
        let tables = items.filter { if case .table(let table) = $0 { return Self.isReportTable(table) } else { return false } }
        guard tables.isEmpty else { return }
        let images = builder.images.filter { root == 0 || isInside($0, root) }.count
        if images > 0 {
            diagnostics.append(Diagnostic(.warning, code: "html.tables_as_images",
                message: "the page has none of the report's tables as text, but \(images) image(s) in the report's content: the tables are probably pictures, whose values cannot be read"))
        }
        if !builder.links.isEmpty {
            diagnostics.append(Diagnostic(.warning, code: "html.tables_linked",
                message: "the page has none of the report's tables as text; it links to \(Self.describe(builder.links)), which may hold them"))
        }
    }

    /// Drops print/close/share/next-article lines everywhere, and after the last part heading
    /// and report table, everything from the first such line on (the page's footer).
    private func dropChrome(_ items: [Item]) -> [Item] {
        let lastKey = items.lastIndex(where: isKey) ?? items.count
        var result: [Item] = []
        for (index, item) in items.enumerated() {
            if case .paragraph(let paragraph) = item, Self.isChromeLine(paragraph.text) {
                if index > lastKey { break }
                continue
            }
            result.append(item)
            // The report's closing date line (`2026年3月10日`) after its last part: what follows
            // is the page's.
            if index > lastKey, lastKey < items.count, case .paragraph(let paragraph) = item, Self.isBareDate(paragraph.text) { break }
        }
        return result
    }

    /// A line that is a date and nothing else: `2026年3月10日`, `2026-03-10`.
    static func isBareDate(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let key = squashed(text)
        guard key.count <= 11, key.first?.isNumber == true, date(in: Substring(key)) != nil else { return false }
        return key.allSatisfy { ($0.isASCII && $0.isNumber) || "年月日-/.".contains($0) }
    }

    /// The title from the head when no title line comes before the first part heading; the page's
    /// date from a date line after the report or the head's metadata when the body has none.
    private mutating func addTitleAndDate(_ items: inout [Item], pageDate: String?) {
        let firstHeading = items.firstIndex(where: { if case .paragraph(let p) = $0 { return Self.isPartHeading(p.text) } else { return false } }) ?? items.count
        var titleIndex = items[..<firstHeading].firstIndex(where: { Self.isTitleLine(Self.text($0)) })
        if titleIndex == nil, let title = headTitle() {
            items.insert(.paragraph(PageParagraph(text: title, line: 0, headingLevel: 1, node: 0, linkOnly: false)), at: 0)
            titleIndex = 0
            diagnostics.append(Diagnostic(.info, code: "html.title_from_head",
                message: "the page body has no title line; the title is taken from the page's head: \(title)"))
        }
        let bodyHasDate = items.contains { if case .paragraph(let p) = $0 { return Self.infoDate(p.text) != nil } else { return false } }
        guard !bodyHasDate, let date = pageDate ?? metaDate() else { return }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return }
        let line = "\(parts[0])年\(parts[1])月\(parts[2])日"
        items.insert(.paragraph(PageParagraph(text: line, line: 0, headingLevel: nil, node: 0, linkOnly: false)), at: (titleIndex ?? -1) + 1)
        diagnostics.append(Diagnostic(.info, code: "html.date_from_page",
            message: "the report has no date line in the page body; the page's publication date \(date) is given as its date line"))
    }

    private func headTitle() -> String? {
        for candidate in [builder.meta["articletitle"], builder.meta["title"], builder.meta["og:title"], builder.titleText].compactMap({ $0 }) {
            let text = PageBuilder.trimmed(candidate)
            // `报告标题_某某市人民政府`: the site's name cut off.
            for separator in ["_", "|", "｜", " - ", "－", "—", "--", "-"] where text.contains(separator) {
                for part in text.components(separatedBy: separator) where Self.isTitleLine(PageBuilder.trimmed(part)) {
                    return PageBuilder.trimmed(part)
                }
            }
            if Self.isTitleLine(text) { return text }
        }
        return nil
    }

    private func metaDate() -> String? {
        for key in ["pubdate", "firstpublishedtime", "publishdate", "publishtime", "pubtime", "article:published_time", "dc.date", "dcterms.issued"] {
            if let value = builder.meta[key], let date = Self.date(in: Substring(value)) { return date }
        }
        return nil
    }

    // MARK: Blocks

    private func makeBlocks(_ items: [Item]) -> [Block] {
        var blocks: [Block] = []
        var tableNumber = 0
        for item in items {
            switch item {
            case .paragraph(let paragraph):
                let location = paragraph.line > 0 ? SourceLocation.line(paragraph.line) : SourceLocation()
                blocks.append(.paragraph(Paragraph(text: paragraph.text, location: location, headingLevel: paragraph.headingLevel)))
            case .table(let table):
                tableNumber += 1
                if let resolved = Self.grid(table, number: tableNumber) { blocks.append(.table(resolved)) } else { tableNumber -= 1 }
            }
        }
        return blocks
    }

    /// The table with `rowspan` resolved into continuation cells in the rows below (`colspan` is
    /// the cell's ``TableCell/columnSpan``); `nil` for a table without cells.
    static func grid(_ table: PageTable, number: Int) -> Table? {
        var rows: [TableRow] = []
        // Open row spans by grid column: rows still to cover, and the spanned width.
        var carries: [Int: (remaining: Int, width: Int)] = [:]
        let pageRows = table.rows
        for (rowIndex, pageRow) in pageRows.enumerated() {
            var cells: [TableCell] = []
            var column = 0
            var continued: Set<Int> = []
            let rowNumber = rows.count + 1
            func location(_ line: Int) -> SourceLocation {
                SourceLocation(line: line > 0 ? line : nil, table: number, row: rowNumber, cell: cells.count + 1)
            }
            func continueSpans() {
                while let carry = carries[column], carry.remaining > 0 {
                    continued.insert(column)
                    cells.append(TableCell(text: "", location: location(pageRow.line), columnSpan: carry.width, continuesVerticalMerge: true))
                    carries[column] = carry.remaining > 1 ? (carry.remaining - 1, carry.width) : nil
                    column += carry.width
                }
            }
            for cell in pageRow.cells {
                continueSpans()
                let text = cell.items.compactMap { item -> String? in
                    if case .paragraph(let paragraph) = item { return paragraph.text }
                    return nil
                }.joined(separator: "\n")
                cells.append(TableCell(text: text, location: location(cell.line), columnSpan: cell.columnSpan))
                let rowSpan = cell.rowSpan == 0 ? pageRows.count - rowIndex : min(cell.rowSpan, pageRows.count - rowIndex)
                if rowSpan > 1 {
                    carries[column] = (rowSpan - 1, cell.columnSpan)
                    continued.insert(column)
                }
                column += cell.columnSpan
            }
            // Spans from above that reach past the row's own cells.
            while let next = carries.keys.filter({ $0 >= column }).min() {
                while column < next {
                    cells.append(TableCell(text: "", location: location(pageRow.line)))
                    column += 1
                }
                continueSpans()
            }
            // A span that this row's own cells overlap (an authoring error) still runs out in time.
            for (key, carry) in carries where !continued.contains(key) && key < column {
                carries[key] = carry.remaining > 1 ? (carry.remaining - 1, carry.width) : nil
            }
            if cells.isEmpty { continue }
            rows.append(TableRow(cells: cells, location: SourceLocation(line: pageRow.line > 0 ? pageRow.line : nil, table: number, row: rowNumber)))
        }
        guard !rows.isEmpty else { return nil }
        return Table(rows: rows, location: SourceLocation(line: table.line > 0 ? table.line : nil, table: number))
    }

    // MARK: Tree

    private func commonAncestor(_ a: Int32, _ b: Int32) -> Int32 {
        let parents = builder.parents
        func depth(_ node: Int32) -> Int {
            var depth = 0, current = node
            while current > 0 {
                current = parents[Int(current)]
                depth += 1
            }
            return depth
        }
        var x = a, y = b
        var dx = depth(x), dy = depth(y)
        while dx > dy { x = parents[Int(x)]; dx -= 1 }
        while dy > dx { y = parents[Int(y)]; dy -= 1 }
        while x != y, x > 0, y > 0 {
            x = parents[Int(x)]
            y = parents[Int(y)]
        }
        return x == y ? x : 0
    }

    private func isInside(_ node: Int32, _ root: Int32) -> Bool {
        let parents = builder.parents
        var current = node
        while current > 0 {
            if current == root { return true }
            current = parents[Int(current)]
        }
        return root == 0
    }

    // MARK: Text tests

    private static func text(_ item: Item) -> String {
        if case .paragraph(let paragraph) = item { return paragraph.text }
        return ""
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0xA0 || scalar.value == 0x3000
    }

    private static func squashed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isBlank(scalar) { result.append(scalar) }
        return String(result)
    }

    /// A part heading of the report: `一、总体情况` … `六、其他需要报告的事项` (or `1、`).
    static func isPartHeading(_ text: String) -> Bool {
        // Most paragraphs fail on their first character: no work beyond it.
        guard text.utf8.count <= 240, let lead = text.unicodeScalars.first(where: { !isBlank($0) }),
              "一二三四五六七八12345678".unicodeScalars.contains(lead) else { return false }
        let key = squashed(text)
        guard key.count >= 3, key.count <= 40, let first = key.first else { return false }
        let second = key[key.index(after: key.startIndex)]
        guard "一二三四五六七八".contains(first) || ("12345678".contains(first)),
              "、.．,，:：".contains(second) || (first.isNumber && second == " ") else { return false }
        let keywords = ["总体情况", "概述", "主动公开", "收到和处理", "依申请", "行政复议", "行政诉讼", "复议", "存在的主要问题", "存在问题",
                        "改进", "其他需要报告", "其他事项"]
        return keywords.contains { key.has($0) }
    }

    /// The date in a page's metadata table: a cell `发文日期`/`发布日期`/`成文日期`/`发布时间` followed by
    /// a cell holding a date.
    static func tableDate(_ table: PageTable) -> String? {
        let labels: Set<String> = ["发文日期", "发布日期", "成文日期", "发布时间", "公开日期", "生成日期"]
        for row in table.rows.prefix(10) {
            let texts = row.cells.map { cell in
                cell.items.compactMap { if case .paragraph(let p) = $0 { return p.text } else { return nil } }.joined()
            }
            for (index, text) in texts.enumerated() where index + 1 < texts.count {
                let label = squashed(text).trimmingCharacters(in: [":", "："])
                if labels.contains(label), let date = date(in: Substring(squashed(texts[index + 1]))) { return date }
            }
        }
        return nil
    }

    /// A table of the report (第二十条…, 申请人情况, 行政复议…).
    static func isReportTable(_ table: PageTable) -> Bool {
        let markers = ["信息内容", "申请人情况", "本年新收", "行政复议", "第二十条", "自然人", "予以公开", "行政诉讼"]
        for row in table.rows.prefix(40) {
            for cell in row.cells {
                for item in cell.items {
                    if case .paragraph(let paragraph) = item, markers.contains(where: { paragraph.text.has($0) }) { return true }
                }
            }
        }
        return false
    }

    /// A title line: a short line naming an annual report, not a breadcrumb trail nor a sentence
    /// (`根据《中华人民共和国政府信息公开条例》…编制本报告。`).
    static func isTitleLine(_ text: String) -> Bool {
        guard text.utf8.count <= 600, text.has("报告"), !text.has("。") else { return false }
        let key = squashed(text)
        guard key.count <= 80, key.has("报告"), key.has("年度报告") || key.has("信息公开") || key.has("政务公开") else { return false }
        let trail = [">", "»", "＞", "›", "当前位置", "您的位置", "现在的位置", "首页"]
        return !trail.contains { key.has($0) }
    }

    /// Lines of the page's furniture: print, close, share, font size, previous/next article,
    /// attachments, related links, copyright and site registration.
    static func isChromeLine(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        let key = squashed(text)
        guard key.count <= 60 else { return false }
        let prefixes = ["分享到", "分享：", "分享:", "字号", "【字体", "字体：", "【打印", "打印本页", "【关闭", "关闭窗口", "上一篇", "下一篇", "上一条",
                        "下一条", "扫一扫", "当前位置", "您的位置", "您现在的位置", "您当前的位置", "当前的位置", "附件下载", "相关链接", "相关文章", "相关阅读",
                        "相关文件", "相关信息", "版权所有", "主办单位", "主办：", "承办单位", "网站标识码", "网站地图", "联系我们", "浏览次数", "访问量",
                        "阅读次数", "点击数", "【我要纠错】", "【收藏", "【返回", "返回顶部", "打印｜", "打印|"]
        if prefixes.contains(where: { key.hasPrefix($0) }) { return true }
        let inner = ["ICP备", "公网安备", "【打印】", "【关闭】", "[打印]", "[关闭]", "打印本页", "关闭窗口", "【打印本页】", "网站标识码"]
        return inner.contains { key.has($0) }
    }

    /// The ISO date of a page's date line: `发布时间：2026-03-10`, `发布日期:2026年3月10日`, `时间：…`.
    static func infoDate(_ text: String) -> String? {
        guard text.utf8.count <= 600, text.has("时间") || text.has("日期") else { return nil }
        for marker in ["发布时间", "发布日期", "发文日期", "成文日期", "时间", "日期"] {
            var searchStart = text.startIndex
            while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
                var rest = text[range.upperBound...].drop { $0 == " " || $0 == "\u{A0}" || $0 == "\u{3000}" }
                if let first = rest.first, first == ":" || first == "：" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\u{A0}" || $0 == "\u{3000}" }
                    if let date = date(in: rest) { return date }
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// The ISO date at the start of `text`: `2026-03-10`, `2026/3/10`, `2026.03.10`, `2026年3月10日`.
    static func date(in text: Substring) -> String? {
        var numbers: [Int] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex, numbers.count < 3 {
            let character = text[index]
            if character.isASCII, character.isNumber {
                current.append(character)
                if current.count > 4 { return nil }
            } else {
                guard !current.isEmpty, let value = Int(current) else { return nil }
                let expected: String = numbers.isEmpty ? "-/.年" : numbers.count == 1 ? "-/.月" : ""
                numbers.append(value)
                current = ""
                if numbers.count == 3 { break }
                guard expected.contains(character) else { return nil }
            }
            index = text.index(after: index)
        }
        if numbers.count == 2, !current.isEmpty, let value = Int(current) { numbers.append(value) }
        guard numbers.count == 3, numbers[0] >= 1990, numbers[0] <= 2100, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(numbers[0])-\(two(numbers[1]))-\(two(numbers[2]))"
    }
}
