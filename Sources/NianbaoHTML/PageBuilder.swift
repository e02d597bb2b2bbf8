import CNianbaoXML2
import NianbaoModel

/// A paragraph as the page gave it, before the page's chrome is told from the report.
struct PageParagraph {
    var text: String
    var line: Int
    var headingLevel: Int?
    /// The innermost block element holding it (an index into ``PageBuilder/parents``).
    var node: Int32
    /// Its visible text is link text, with at most a short lead (a menu entry, an attachment name,
    /// `上一篇：<a>…</a>`).
    var linkOnly: Bool
}

/// A table cell with what it holds: paragraphs, and tables nested in it.
struct PageCell {
    var items: [PageItem]
    var columnSpan: Int
    var rowSpan: Int
    var line: Int
}

/// A table row.
struct PageRow {
    var cells: [PageCell]
    var line: Int
}

/// A table as the page gave it (spans not yet resolved).
struct PageTable {
    var rows: [PageRow]
    var line: Int
    var node: Int32
}

/// What a container (the page body or a table cell) holds, in order.
indirect enum PageItem {
    case paragraph(PageParagraph)
    case table(PageTable)
}

/// A link to a document or a frame's source: what a page that only links to the report points at.
struct PageLink {
    var target: String
    var text: String
}

/// Receives libxml2's SAX events for one page and collects its paragraphs and tables.
///
/// Left out while reading: `<script>`, `<style>`, `<noscript>`, `<template>`, forms' controls,
/// `<nav>`, `<aside>`, page-level `<header>`/`<footer>` (kept inside `<article>`/`<main>`), frames
/// and embedded objects (their sources are recorded), elements hidden by `hidden`,
/// `display:none`, `visibility:hidden`, `mso-hide:all` or a hiding class (`hide`, `d-none`), and elements whose `class` or `id` names
/// page chrome (navigation, breadcrumbs, share buttons, footers, print/close tools). Comments never
/// reach SAX. Block elements and `<br>` end paragraphs; runs of white space collapse as a browser
/// shows them; `&nbsp;` reads as a space.
final class PageBuilder {
    /// The parser, while it runs (for line numbers).
    var context: htmlParserCtxtPtr?
    /// The first failure raised from a callback (a limit); the parse stops at the next chunk.
    var failure: HTMLReadError?
    /// Errors libxml2 recovered from (tag soup).
    var parserErrors = 0

    /// The body's items, in order.
    private(set) var body: [PageItem] = []
    /// `<title>` text.
    private(set) var titleText = ""
    /// `<meta name=… content=…>` values by lowercased name.
    private(set) var meta: [String: String] = [:]
    /// Links to documents and frame sources, in page order (at most ``maximumLinks``).
    private(set) var links: [PageLink] = []
    /// Each block element's parent (−1 for none), by node index; node 0 is the page.
    private(set) var parents: [Int32] = [-1]
    /// Elements left out as hidden or chrome, by reason.
    private(set) var skippedHidden = 0
    private(set) var skippedChrome = 0
    /// `<script>` elements.
    private(set) var scripts = 0

    private let file: String
    private let maximumTextBytes: Int
    private var textBytes = 0
    /// The most paragraphs and table cells built before the parse stops.
    private let maximumParagraphs: Int
    /// Paragraphs and table cells built so far.
    private var paragraphCount = 0
    private static let maximumLinks = 50
    /// Tables nested deeper than this are read as blocks (their text kept, their grid not).
    static let maximumTableNesting = 16

    private enum Kind {
        case inline, block, heading(Int), preformatted, lineBreak
        case table, row, cell, tableSection
        case anchor, title, meta, image
        case skipped, frame, pageHeaderOrFooter, article
        /// A table nested deeper than ``maximumTableNesting``: read as a block, its rows and cells too.
        case deepTable
    }

    private struct Open {
        var kind: Kind
        var pushedNode: Bool
    }

    /// A container being filled: the body, or a cell.
    private struct Container {
        var items: [PageItem] = []
        var buffer: [UInt8] = []
        var lastWasSpace = true
        var line = 0
        var visible = 0
        var linkVisible = 0
        // Cells only.
        var columnSpan = 1
        var rowSpan = 1
        var cellLine = 0
    }

    private struct TableBuild {
        var rows: [PageRow] = []
        var row: PageRow?
        var line: Int
        var node: Int32
        /// The container the table sits in.
        var container: Int
    }

    private var open: [Open] = []
    private var containers: [Container] = [Container()]
    private var tables: [TableBuild] = []
    private var node: Int32 = 0
    private var skipDepth = 0
    private var headings: [Int] = []
    private var preformatted = 0
    private var articles = 0
    private var inTitle = 0
    private var deepTables = 0
    private var anchors: [(href: String, text: [UInt8])] = []
    /// Open anchors that are links (`href`); `<a name>` targets are not.
    private var openLinks = 0

    /// Read hidden elements too (the second reading of a page whose only copy of the report is hidden).
    private let readsHidden: Bool
    /// Images, by the block element holding them.
    private(set) var images: [Int32] = []

    init(file: String, maximumTextBytes: Int, maximumParagraphs: Int = .max, readsHidden: Bool = false) {
        self.file = file
        self.maximumTextBytes = maximumTextBytes
        self.maximumParagraphs = maximumParagraphs
        self.readsHidden = readsHidden
    }

    /// The parser's current line.
    private var line: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    // MARK: Events

    /// HTML5's void elements that libxml2's HTML parser (2.9) does not know as empty: it would
    /// make everything after them in the same parent their content (an `<embed>` at the top of
    /// an article would hide the report). They end where they start; their end events are ignored.
    static let voidElements: Set<String> = ["embed", "source", "track", "wbr"]

    func start(name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let tag = String(cString: name)
        if Self.voidElements.contains(tag) {
            if skipDepth == 0, let source = Self.attributes(attributes)["src"], !source.isEmpty, tag == "embed" {
                addLink(PageLink(target: source, text: tag))
            }
            return
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        var kind = Self.kinds[tag] ?? .inline
        let attributes = Self.attributes(attributes)
        if case .frame = kind {
            for key in ["src", "data"] {
                if let source = attributes[key], !source.isEmpty { addLink(PageLink(target: source, text: tag)) }
            }
            skipDepth = 1
            return
        }
        if case .skipped = kind {
            if tag == "script" { scripts += 1 }
            skipDepth = 1
            return
        }
        if case .meta = kind {
            readMeta(attributes)
            open.append(Open(kind: .meta, pushedNode: false))
            return
        }
        if case .pageHeaderOrFooter = kind {
            if articles == 0 {
                skippedChrome += 1
                skipDepth = 1
                return
            }
            kind = .block
        }
        if tag == "html" || tag == "body" {
            // Never left out as a whole.
        } else if !readsHidden, Self.isHidden(attributes) {
            skippedHidden += 1
            skipDepth = 1
            return
        } else if Self.isChrome(attributes) {
            skippedChrome += 1
            skipDepth = 1
            return
        }
        var pushedNode = false
        switch kind {
        case .block, .preformatted, .article:
            flushParagraph()
            pushNode()
            pushedNode = true
            if case .preformatted = kind { preformatted += 1 }
            if case .article = kind { articles += 1 }
        case .heading(let level):
            flushParagraph()
            pushNode()
            pushedNode = true
            headings.append(level)
        case .lineBreak:
            flushParagraph()
        case .table:
            flushParagraph()
            pushNode()
            pushedNode = true
            if tables.count >= Self.maximumTableNesting || deepTables > 0 {
                kind = .deepTable
                deepTables += 1
            } else {
                tables.append(TableBuild(line: line, node: node, container: containers.count - 1))
            }
        case .row:
            if tables.isEmpty || deepTables > 0 || cellIsOpen {
                // Outside a table, or tag soup inside an open cell: a block of the cell.
                kind = .block
                flushParagraph()
                pushNode()
                pushedNode = true
            } else {
                finishRow()
                tables[tables.count - 1].row = PageRow(cells: [], line: line)
            }
        case .cell:
            if tables.isEmpty || deepTables > 0 || cellIsOpen {
                kind = .block
                flushParagraph()
                pushNode()
                pushedNode = true
            } else {
                if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = PageRow(cells: [], line: line) }
                flushParagraph()
                pushNode()
                pushedNode = true
                var cell = Container()
                cell.columnSpan = Self.span(attributes["colspan"], maximum: 1000)
                cell.rowSpan = Self.span(attributes["rowspan"], maximum: 65_534, zeroMeans: 0)
                cell.cellLine = line
                containers.append(cell)
            }
        case .anchor:
            let href = attributes["href"] ?? ""
            anchors.append((href, []))
            if !href.trimmingASCIISpaces.isEmpty { openLinks += 1 }
        case .image:
            if images.count < 10_000 { images.append(node) }
        case .title:
            inTitle += 1
        case .inline, .tableSection, .meta, .skipped, .frame, .pageHeaderOrFooter, .deepTable:
            break
        }
        open.append(Open(kind: kind, pushedNode: pushedNode))
    }

    func end() {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let element = open.popLast() else { return }
        switch element.kind {
        case .deepTable:
            flushParagraph()
            deepTables -= 1
        case .block, .preformatted, .article:
            flushParagraph()
            if case .preformatted = element.kind { preformatted -= 1 }
            if case .article = element.kind { articles -= 1 }
        case .heading:
            flushParagraph()
            headings.removeLast()
        case .table:
            closeDanglingCells()
            finishRow()
            if let table = tables.popLast() {
                // Any containers the table opened and tag soup left open are closed with it.
                while containers.count - 1 > table.container, let extra = containers.popLast() {
                    containers[containers.count - 1].items.append(contentsOf: extra.items)
                }
                containers[containers.count - 1].items.append(.table(PageTable(rows: table.rows, line: table.line, node: table.node)))
            }
        case .row:
            closeDanglingCells()
            finishRow()
        case .cell:
            closeCell()
        case .anchor:
            if let anchor = anchors.popLast() {
                if !anchor.href.trimmingASCIISpaces.isEmpty { openLinks -= 1 }
                noteAnchor(anchor)
            }
        case .title:
            inTitle -= 1
        case .inline, .tableSection, .meta, .lineBreak, .skipped, .frame, .pageHeaderOrFooter, .image:
            break
        }
        if element.pushedNode { node = parents[Int(node)] }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if skipDepth > 0 { return }
        if inTitle > 0 {
            if titleText.utf8.count < 2000 { titleText += String(decoding: bytes, as: UTF8.self) }
            return
        }
        textBytes += bytes.count
        if textBytes > maximumTextBytes, failure == nil {
            failure = HTMLReadError(.overLimit, file: file, problem:
                "the page holds more than \(maximumTextBytes / 1_048_576) MiB of text: more than one report")
            context.map { xmlStopParser($0) }
            return
        }
        for index in anchors.indices where anchors[index].text.count < 400 {
            anchors[index].text.append(contentsOf: bytes.prefix(400))
        }
        let top = containers.count - 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A && preformatted > 0 {
                flushParagraph()
                index += 1
                continue
            }
            if HTMLDecoding.isASCIISpace(byte) {
                if !containers[top].lastWasSpace {
                    containers[top].buffer.append(0x20)
                    containers[top].lastWasSpace = preformatted == 0
                }
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                // `&nbsp;`: a space that does not collapse.
                containers[top].buffer.append(0x20)
                containers[top].lastWasSpace = true
                index += 2
                continue
            }
            if containers[top].buffer.isEmpty || containers[top].line == 0 { containers[top].line = line }
            containers[top].buffer.append(byte)
            containers[top].lastWasSpace = false
            // Count characters (lead bytes) to tell link-only paragraphs.
            if byte < 0x80 || byte >= 0xC0 {
                if openLinks == 0 { containers[top].visible += 1 } else { containers[top].linkVisible += 1 }
            }
            index += 1
        }
    }

    // MARK: Containers

    private func pushNode() {
        parents.append(node)
        node = Int32(parents.count - 1)
    }

    /// Ends the paragraph being collected in the innermost container.
    private func flushParagraph() {
        let top = containers.count - 1
        defer {
            containers[top].buffer.removeAll(keepingCapacity: true)
            containers[top].lastWasSpace = true
            containers[top].line = 0
            containers[top].visible = 0
            containers[top].linkVisible = 0
        }
        guard !containers[top].buffer.isEmpty else { return }
        let text = Self.trimmed(String(decoding: containers[top].buffer, as: UTF8.self))
        guard !text.isEmpty else { return }
        // Link text with at most a short lead (`附件：`, `上一篇：`, `相关链接:`): a link line.
        let visible = containers[top].visible, linkVisible = containers[top].linkVisible
        let paragraph = PageParagraph(text: text, line: containers[top].line, headingLevel: headings.last, node: node,
                                      linkOnly: linkVisible > 0 && visible <= 6 && linkVisible >= 2 * visible)
        containers[top].items.append(.paragraph(paragraph))
        countParagraph()
    }

    /// Counts one paragraph or table cell built; past ``maximumParagraphs`` the parse stops with
    /// an error, as the DOCX reader's does: memory grows with paragraphs, not bytes.
    private func countParagraph() {
        paragraphCount += 1
        guard paragraphCount > maximumParagraphs, failure == nil else { return }
        failure = HTMLReadError(.overLimit, file: file, problem:
            "more than \(maximumParagraphs) paragraphs (table cells included): more than one report holds; split the document")
        context.map { xmlStopParser($0) }
    }

    /// Whether a cell of the innermost table is open.
    private var cellIsOpen: Bool {
        guard let table = tables.last else { return false }
        return containers.count - 1 > table.container
    }

    /// Closes the cells of the innermost table still open when its row or the table ends (the
    /// element stack is balanced, so this is a safeguard, not a path tag soup takes).
    private func closeDanglingCells() {
        while cellIsOpen { closeCell() }
    }

    private func closeCell() {
        flushParagraph()
        guard let table = tables.last, containers.count - 1 > table.container, let cell = containers.popLast() else { return }
        let pageCell = PageCell(items: cell.items, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan, line: cell.cellLine)
        let index = tables.count - 1
        if tables[index].row == nil { tables[index].row = PageRow(cells: [], line: cell.cellLine) }
        tables[index].row?.cells.append(pageCell)
        countParagraph()
    }

    private func finishRow() {
        guard !tables.isEmpty, let row = tables[tables.count - 1].row else { return }
        tables[tables.count - 1].row = nil
        tables[tables.count - 1].rows.append(row)
    }

    /// Ends the page: whatever tag soup left open is closed.
    func finish() {
        while !open.isEmpty { end() }
        while containers.count > 1, let extra = containers.popLast() {
            containers[containers.count - 1].items.append(contentsOf: extra.items)
        }
        flushParagraph()
        body = containers[0].items
        containers[0].items = []
    }

    // MARK: Head, links

    private func readMeta(_ attributes: [String: String]) {
        guard let content = attributes["content"] else { return }
        // `<meta http-equiv="refresh" content="0; url=…">`: a page that sends the reader elsewhere.
        if attributes["http-equiv"]?.lowercased() == "refresh", let range = content.lowercased().range(of: "url=") {
            let offset = content.lowercased().distance(from: content.lowercased().startIndex, to: range.upperBound)
            let target = String(content.dropFirst(offset)).trimmingASCIISpaces.trimmingCharacters(in: ["'", "\""])
            if !target.isEmpty { addLink(PageLink(target: target, text: "refresh")) }
        }
        let key = (attributes["name"] ?? attributes["property"] ?? attributes["itemprop"] ?? "").lowercased()
        if !key.isEmpty, meta[key] == nil { meta[key] = String(content.prefix(500)) }
    }

    private func noteAnchor(_ anchor: (href: String, text: [UInt8])) {
        let target = anchor.href.trimmingASCIISpaces
        guard !target.isEmpty, !target.hasPrefix("#"), !target.lowercased().hasPrefix("javascript:") else { return }
        let text = Self.trimmed(String(decoding: anchor.text, as: UTF8.self))
        let lower = target.lowercased()
        let path = lower.split(separator: "?").first.map(String.init) ?? lower
        let documentExtensions = [".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".et", ".zip", ".rar", ".7z", ".txt", ".rtf"]
        let isDocument = documentExtensions.contains { path.hasSuffix($0) }
        let namesReport = text.has("报告") || text.has("年报")
        if isDocument || (namesReport && !text.isEmpty) { addLink(PageLink(target: target, text: text)) }
    }

    private func addLink(_ link: PageLink) {
        if links.count < Self.maximumLinks { links.append(link) }
    }

    // MARK: Classification

    private static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in ["p", "div", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "section", "address", "center", "hr",
                     "form", "fieldset", "legend", "figure", "figcaption", "details", "summary", "body", "html", "head",
                     "caption", "dir", "menu", "frameset", "noframes", "h7", "article", "main"] {
            kinds[name] = .block
        }
        kinds["article"] = .article
        kinds["main"] = .article
        for level in 1...6 { kinds["h\(level)"] = .heading(level) }
        kinds["pre"] = .preformatted
        kinds["xmp"] = .preformatted
        kinds["listing"] = .preformatted
        kinds["plaintext"] = .preformatted
        kinds["br"] = .lineBreak
        kinds["table"] = .table
        kinds["tr"] = .row
        kinds["td"] = .cell
        kinds["th"] = .cell
        for name in ["thead", "tbody", "tfoot", "colgroup", "col"] { kinds[name] = .tableSection }
        kinds["a"] = .anchor
        kinds["img"] = .image
        kinds["title"] = .title
        kinds["meta"] = .meta
        for name in ["script", "style", "noscript", "template", "svg", "math", "canvas", "audio", "video", "select", "option",
                     "optgroup", "datalist", "button", "textarea", "input", "nav", "aside", "dialog", "map", "xml", "marquee",
                     "link", "base", "head:script", "o:smarttagtype"] {
            kinds[name] = .skipped
        }
        for name in ["iframe", "frame", "embed", "object", "applet"] { kinds[name] = .frame }
        kinds["header"] = .pageHeaderOrFooter
        kinds["footer"] = .pageHeaderOrFooter
        return kinds
    }()

    private static func attributes(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        guard let list else { return [:] }
        var result: [String: String] = [:]
        var index = 0
        while let name = list[index] {
            // Only the attributes the reader looks at become strings (Word's and LibreOffice's
            // pages carry many others on every element).
            if let key = wantedAttribute(name), result[key] == nil {
                result[key] = list[index + 1].map { String(cString: $0) } ?? ""
            }
            index += 2
        }
        return result
    }

    private static let wantedAttributes = ["class", "id", "style", "hidden", "role", "colspan", "rowspan", "href", "src", "data",
                                           "content", "name", "property", "itemprop", "http-equiv"]

    /// The attribute's lowercased name when the reader uses it, without building a string for others.
    private static func wantedAttribute(_ name: UnsafePointer<xmlChar>) -> String? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > 10 { return nil }
        }
        for wanted in wantedAttributes where wanted.utf8.count == length {
            var matches = true
            for (offset, byte) in wanted.utf8.enumerated() where (name[offset] >= 0x41 && name[offset] <= 0x5A ? name[offset] | 0x20 : name[offset]) != byte {
                matches = false
                break
            }
            if matches { return wanted }
        }
        return nil
    }

    /// Class names that hide an element in common style sheets.
    private static let hidingClasses: Set<String> = ["hide", "hidden", "d-none", "sr-only", "visually-hidden", "invisible", "display-none"]

    private static func isHidden(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil { return true }
        if let classes = attributes["class"],
           classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains(where: { hidingClasses.contains($0.lowercased()) }) {
            return true
        }
        guard let style = attributes["style"], !style.isEmpty else { return false }
        // Lowercased, without white space, on bytes: most elements of Word's and LibreOffice's
        // pages carry a style.
        var squashed: [UInt8] = []
        squashed.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where !HTMLDecoding.isASCIISpace(byte) {
            squashed.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return squashed.withUnsafeBufferPointer { haystack in
            hiddenStyles.contains { style in style.withUnsafeBufferPointer { ByteSearch.contains(haystack, $0) } }
        }
    }

    private static let hiddenStyles: [[UInt8]] = ["display:none", "visibility:hidden", "mso-hide:all"].map { Array($0.utf8) }

    /// Class and id words that name page chrome.
    private static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "mainmenu", "topmenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "position", "location", "dqwz", "share", "sharing", "bdsharebuttonbox", "bdshare", "fenxiang", "sidebar",
        "copyright", "toolbar", "tools", "fontsize", "qrcode", "ewm", "gotop", "backtop", "search", "searchbox",
        "login", "friendlink", "friendlinks", "yqlj", "pagenav", "prevnext", "skip", "wza", "footer", "header",
    ]
    /// Whole class or id tokens that name page chrome (but that, as words, occur in content names).
    private static let chromeTokens: Set<String> = ["head", "foot", "top", "bottom", "site-header", "site-footer", "page-header", "page-footer"]

    private static func isChrome(_ attributes: [String: String]) -> Bool {
        var tokens: [Substring] = []
        if let value = attributes["class"] { tokens += value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }
        if let value = attributes["id"] { tokens.append(Substring(value)) }
        if let role = attributes["role"], ["navigation", "banner", "contentinfo", "search"].contains(role.lowercased()) { return true }
        for token in tokens {
            let lower = token.lowercased()
            if chromeTokens.contains(lower) { return true }
            for word in lower.split(whereSeparator: { $0 == "-" || $0 == "_" }) {
                let word = String(word)
                // `header`/`footer` only as the whole name or its first word (`header-top`), not
                // `article-header`, which often holds the report's title and date.
                if word == "header" || word == "footer" {
                    if lower.hasPrefix(word) { return true }
                    continue
                }
                if chromeWords.contains(word) { return true }
            }
        }
        return false
    }

    private static func span(_ value: String?, maximum: Int, zeroMeans: Int = 1) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmingASCIISpaces.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits.prefix(6)) else { return 1 }
        if number == 0 { return zeroMeans }
        return min(number, maximum)
    }

    /// `text` without leading and trailing white space (spaces, line breaks, `&nbsp;`, U+3000).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
            default: false
            }
        }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}

extension String {
    /// Whether `needle` occurs in the string (byte-wise on UTF-8, no Foundation).
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { haystack in needle.withUTF8 { ByteSearch.contains(haystack, $0) } }
    }

    /// Without leading and trailing ASCII white space.
    var trimmingASCIISpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// Substring search on bytes.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        var index = 0
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
