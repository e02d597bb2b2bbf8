import Foundation
import NianbaoModel

/// `word/document.xml` of a written report: title, six parts with prose and tables, signature.
struct DOCXWriterDocument {
    /// A4 portrait in twentieths of a point, with the margins the table widths assume.
    enum Page {
        static let width = 11906
        static let height = 16838
        static let marginTop = 1440
        static let marginBottom = 1440
        static let marginLeft = 1418
        static let marginRight = 1418
    }

    let report: Report

    /// The bytes of `word/document.xml`.
    func data() throws -> Data {
        let xml = try XMLStreamWriter(part: "word/document.xml")
        try xml.element("w:document", [
            "xmlns:w": DOCXWriterParts.Namespace.wordprocessing,
            "xmlns:r": DOCXWriterParts.Namespace.officeRelationships,
        ]) {
            try xml.element("w:body") {
                try paragraph(xml, DOCXWriterParts.displayTitle(report), style: "Title")
                for section in SectionKey.allCases {
                    try paragraph(xml, "\(Self.numeral(section.number))、\(section.officialHeading)", style: "Heading1")
                    for line in Self.paragraphs(report.sections[section]) {
                        try paragraph(xml, line, style: "BodyText")
                    }
                    if let table = Self.table(for: section), let layout = DOCXTableLayout.layout(table, for: report) {
                        try write(layout, to: xml)
                    }
                }
                try signature(xml)
                try sectionProperties(xml)
            }
        }
        return try xml.finish()
    }

    // MARK: Paragraphs

    /// The non-empty lines of a section's text.
    static func paragraphs(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// `一` … `六` (Arabic digits past ten, which the six parts never reach).
    static func numeral(_ number: Int) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return numerals.indices.contains(number - 1) ? numerals[number - 1] : String(number)
    }

    /// `2021-01-15` → `2021年1月15日`; anything else is written as given.
    static func chineseDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return iso
        }
        return "\(year)年\(month)月\(day)日"
    }

    private static func table(for section: SectionKey) -> ReportTable? {
        ReportTable.allCases.first { $0.section == section }
    }

    /// The agency name and the date line, right-aligned, after part 六.
    private func signature(_ xml: XMLStreamWriter) throws {
        guard report.agency != nil || report.published != nil else { return }
        try paragraph(xml, "")
        if let agency = report.agency { try paragraph(xml, agency, alignment: "right") }
        if let published = report.published { try paragraph(xml, Self.chineseDate(published), alignment: "right") }
    }

    private func paragraph(_ xml: XMLStreamWriter, _ text: String, style: String? = nil, alignment: String? = nil) throws {
        try xml.element("w:p") {
            if style != nil || alignment != nil {
                try xml.element("w:pPr") {
                    if let style { try xml.element("w:pStyle", ["w:val": style]) }
                    if let alignment { try xml.element("w:jc", ["w:val": alignment]) }
                }
            }
            try run(xml, text)
        }
    }

    /// A run of `text`; tabs become `w:tab`, line breaks `w:br`.
    private func run(_ xml: XMLStreamWriter, _ text: String) throws {
        guard !text.isEmpty else { return }
        try xml.element("w:r") {
            var pending = ""
            func flush() throws {
                guard !pending.isEmpty else { return }
                try xml.start("w:t")
                if pending.first?.isWhitespace == true || pending.last?.isWhitespace == true {
                    try xml.attribute("xml:space", "preserve")
                }
                try xml.text(pending)
                try xml.end()
                pending = ""
            }
            for character in text {
                switch character {
                case "\t":
                    try flush()
                    try xml.element("w:tab")
                case "\n", "\r\n", "\r":
                    try flush()
                    try xml.element("w:br")
                default:
                    pending.append(character)
                }
            }
            try flush()
        }
    }

    // MARK: Tables

    private func write(_ layout: DOCXTableLayout, to xml: XMLStreamWriter) throws {
        let border: KeyValuePairs<String, String> = ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"]
        try xml.element("w:tbl") {
            try xml.element("w:tblPr") {
                try xml.element("w:tblW", ["w:w": String(layout.columnWidths.reduce(0, +)), "w:type": "dxa"])
                try xml.element("w:jc", ["w:val": "center"])
                try xml.element("w:tblBorders") {
                    for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                        try xml.element(edge, border)
                    }
                }
                try xml.element("w:tblLayout", ["w:type": "fixed"])
                try xml.element("w:tblCellMar") {
                    try xml.element("w:left", ["w:w": "40", "w:type": "dxa"])
                    try xml.element("w:right", ["w:w": "40", "w:type": "dxa"])
                }
                try xml.element("w:tblLook", [
                    "w:val": "0000", "w:firstRow": "0", "w:lastRow": "0",
                    "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1",
                ])
            }
            try xml.element("w:tblGrid") {
                for width in layout.columnWidths { try xml.element("w:gridCol", ["w:w": String(width)]) }
            }
            for (rowIndex, row) in layout.rows.enumerated() {
                try xml.element("w:tr") {
                    try xml.element("w:trPr") {
                        try xml.element("w:cantSplit")
                        try xml.element("w:trHeight", ["w:val": "320", "w:hRule": "atLeast"])
                        if rowIndex < layout.headerRowCount { try xml.element("w:tblHeader") }
                    }
                    var column = 0
                    for cell in row {
                        let width = layout.columnWidths[column..<min(column + cell.span, layout.columnWidths.count)].reduce(0, +)
                        column += cell.span
                        try write(cell, width: width, to: xml)
                    }
                }
            }
        }
        // Word needs a paragraph between a table and whatever follows; it also reads better.
        try xml.element("w:p")
    }

    private func write(_ cell: DOCXTableLayout.Cell, width: Int, to xml: XMLStreamWriter) throws {
        try xml.element("w:tc") {
            try xml.element("w:tcPr") {
                try xml.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                if cell.span > 1 { try xml.element("w:gridSpan", ["w:val": String(cell.span)]) }
                switch cell.verticalMerge {
                case .none: break
                case .restart: try xml.element("w:vMerge", ["w:val": "restart"])
                case .continue: try xml.element("w:vMerge")
                }
                try xml.element("w:vAlign", ["w:val": "center"])
            }
            try xml.element("w:p") {
                try xml.element("w:pPr") {
                    try xml.element("w:pStyle", ["w:val": "TableText"])
                    if cell.leftAligned { try xml.element("w:jc", ["w:val": "left"]) }
                }
                try run(xml, cell.text)
            }
        }
    }

    private func sectionProperties(_ xml: XMLStreamWriter) throws {
        try xml.element("w:sectPr") {
            try xml.element("w:pgSz", ["w:w": String(Page.width), "w:h": String(Page.height)])
            try xml.element("w:pgMar", [
                "w:top": String(Page.marginTop), "w:right": String(Page.marginRight),
                "w:bottom": String(Page.marginBottom), "w:left": String(Page.marginLeft),
                "w:header": "851", "w:footer": "992", "w:gutter": "0",
            ])
            try xml.element("w:cols", ["w:space": "425"])
        }
    }
}
