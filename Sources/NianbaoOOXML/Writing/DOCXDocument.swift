public import Foundation

/// A plain document — headings, paragraphs of marked runs, tables of marked cells — written as a
/// DOCX by ``DOCXDocumentWriter`` through the same package, styles and XML writer as the report
/// writer (``DOCXWriter``). Used for documents that are not reports, such as a comparison report.
public struct DOCXDocument: Sendable {
    /// How a run or a cell is marked.
    public enum Mark: String, Sendable {
        /// Changed: yellow highlight.
        case changed
        /// Added: green highlight, underlined.
        case added
        /// Removed: red, struck through.
        case removed
        /// An error: red, bold.
        case error
        /// A warning: dark yellow.
        case warning
    }

    /// A run of text, marked or not.
    public struct Run: Sendable {
        /// The text.
        public var text: String
        /// The mark, if any.
        public var mark: Mark?
        /// Bold.
        public var bold: Bool

        /// Creates a run.
        public init(_ text: String, mark: Mark? = nil, bold: Bool = false) {
            self.text = text
            self.mark = mark
            self.bold = bold
        }
    }

    /// A table cell: its text, shaded when marked.
    public struct Cell: Sendable {
        /// The text.
        public var text: String
        /// The mark, if any (``Mark/changed`` shades the cell).
        public var mark: Mark?

        /// Creates a cell.
        public init(_ text: String, mark: Mark? = nil) {
            self.text = text
            self.mark = mark
        }
    }

    /// A block of the body.
    public enum Block: Sendable {
        /// A heading (style `Heading1`).
        case heading(String)
        /// A paragraph of body text.
        case paragraph([Run])
        /// A table: the header row (repeated on each page), then the rows; `widths` in
        /// twentieths of a point, one per column.
        case table(header: [String], rows: [[Cell]], widths: [Int])
    }

    /// The title (style `Title`, and `dc:title`).
    public var title: String
    /// The author written as `dc:creator`, if any.
    public var creator: String?
    /// The body.
    public var blocks: [Block]

    /// Creates a document.
    public init(title: String, creator: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.creator = creator
        self.blocks = blocks
    }
}

/// Writes a ``DOCXDocument`` as a DOCX package (libzip, libxml2's writer).
public enum DOCXDocumentWriter {
    /// The DOCX bytes of `document`, every entry stamped with `timestamp` (seconds since 1970, UTC;
    /// default ``DOCXWriter/archiveTimestamp(environment:)``).
    /// - Throws: ``DOCXWriteError`` when the XML or the package cannot be built.
    public static func data(for document: DOCXDocument, timestamp: Int64 = DOCXWriter.archiveTimestamp()) throws -> Data {
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", try DOCXWriterParts.contentTypes()),
            ("_rels/.rels", try DOCXWriterParts.packageRelationships()),
            ("docProps/core.xml", try DOCXWriterParts.coreProperties(title: document.title, creator: document.creator)),
            ("word/_rels/document.xml.rels", try DOCXWriterParts.documentRelationships()),
            ("word/document.xml", try body(document)),
            ("word/styles.xml", try DOCXWriterParts.styles()),
        ]
        let archive = try ZipArchiveWriter(timestamp: .init(secondsSince1970: timestamp))
        for (name, bytes) in parts { try archive.add(name, data: bytes) }
        return try archive.finish()
    }

    private static func body(_ document: DOCXDocument) throws -> Data {
        let xml = try XMLStreamWriter(part: "word/document.xml")
        try xml.element("w:document", [
            "xmlns:w": DOCXWriterParts.Namespace.wordprocessing,
            "xmlns:r": DOCXWriterParts.Namespace.officeRelationships,
        ]) {
            try xml.element("w:body") {
                try paragraph(xml, [DOCXDocument.Run(document.title)], style: "Title")
                for block in document.blocks {
                    switch block {
                    case .heading(let text): try paragraph(xml, [DOCXDocument.Run(text)], style: "Heading1")
                    case .paragraph(let runs): try paragraph(xml, runs, style: "BodyText")
                    case .table(let header, let rows, let widths): try table(xml, header: header, rows: rows, widths: widths)
                    }
                }
                try xml.element("w:sectPr") {
                    typealias Page = DOCXWriterDocument.Page
                    try xml.element("w:pgSz", ["w:w": String(Page.width), "w:h": String(Page.height)])
                    try xml.element("w:pgMar", [
                        "w:top": String(Page.marginTop), "w:right": String(Page.marginRight),
                        "w:bottom": String(Page.marginBottom), "w:left": String(Page.marginLeft),
                        "w:header": "851", "w:footer": "992", "w:gutter": "0",
                    ])
                }
            }
        }
        return try xml.finish()
    }

    private static func paragraph(_ xml: XMLStreamWriter, _ runs: [DOCXDocument.Run], style: String) throws {
        try xml.element("w:p") {
            try xml.element("w:pPr") { try xml.element("w:pStyle", ["w:val": style]) }
            for run in runs { try write(run, to: xml) }
        }
    }

    /// A run; its properties in the schema's order (b, strike, color, highlight, u).
    private static func write(_ run: DOCXDocument.Run, to xml: XMLStreamWriter) throws {
        guard !run.text.isEmpty else { return }
        try xml.element("w:r") {
            if run.bold || run.mark != nil {
                try xml.element("w:rPr") {
                    if run.bold || run.mark == .error { try xml.element("w:b") }
                    if run.mark == .removed { try xml.element("w:strike") }
                    switch run.mark {
                    case .removed, .error: try xml.element("w:color", ["w:val": "B91C1C"])
                    case .warning: try xml.element("w:color", ["w:val": "A16207"])
                    default: break
                    }
                    switch run.mark {
                    case .changed: try xml.element("w:highlight", ["w:val": "yellow"])
                    case .added: try xml.element("w:highlight", ["w:val": "green"])
                    default: break
                    }
                    if run.mark == .added { try xml.element("w:u", ["w:val": "single"]) }
                }
            }
            let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                if index > 0 { try xml.element("w:br") }
                guard !line.isEmpty else { continue }
                try xml.start("w:t")
                try xml.attribute("xml:space", "preserve")
                try xml.text(String(line))
                try xml.end()
            }
        }
    }

    private static func table(_ xml: XMLStreamWriter, header: [String], rows: [[DOCXDocument.Cell]], widths: [Int]) throws {
        let border: KeyValuePairs<String, String> = ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"]
        try xml.element("w:tbl") {
            try xml.element("w:tblPr") {
                try xml.element("w:tblW", ["w:w": String(widths.reduce(0, +)), "w:type": "dxa"])
                try xml.element("w:tblBorders") {
                    for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                        try xml.element(edge, border)
                    }
                }
                try xml.element("w:tblLayout", ["w:type": "fixed"])
            }
            try xml.element("w:tblGrid") {
                for width in widths { try xml.element("w:gridCol", ["w:w": String(width)]) }
            }
            try row(xml, header.map { DOCXDocument.Cell($0) }, widths: widths, isHeader: true)
            for cells in rows { try row(xml, cells, widths: widths, isHeader: false) }
        }
        // Word needs a paragraph between a table and whatever follows.
        try xml.element("w:p")
    }

    private static func row(_ xml: XMLStreamWriter, _ cells: [DOCXDocument.Cell], widths: [Int], isHeader: Bool) throws {
        try xml.element("w:tr") {
            try xml.element("w:trPr") {
                try xml.element("w:cantSplit")
                if isHeader { try xml.element("w:tblHeader") }
            }
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : DOCXDocument.Cell("")
                try xml.element("w:tc") {
                    try xml.element("w:tcPr") {
                        try xml.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                        if cell.mark == .changed {
                            try xml.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "FDE68A"])
                        }
                    }
                    try xml.element("w:p") {
                        try xml.element("w:pPr") { try xml.element("w:pStyle", ["w:val": "TableText"]) }
                        try write(DOCXDocument.Run(cell.text, bold: isHeader), to: xml)
                    }
                }
            }
        }
    }
}
