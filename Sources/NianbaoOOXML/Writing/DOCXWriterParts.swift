import Foundation
import NianbaoModel

/// The XML parts of a written DOCX, each built with ``XMLStreamWriter``.
struct DOCXWriterParts {
    /// Namespaces and relationship types used by the writer.
    enum Namespace {
        static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
        static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        static let dublinCore = "http://purl.org/dc/elements/1.1/"
        static let dublinCoreTerms = "http://purl.org/dc/terms/"
    }

    enum RelationshipType {
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    }

    enum ContentType {
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let xml = "application/xml"
        static let document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
    }

    /// Fonts: a Latin face plus a CJK face for East Asian text.
    enum Font {
        static let latin = "Times New Roman"
        static let body = "宋体"
        static let heading = "黑体"
    }

    let report: Report

    init(report: Report) throws {
        self.report = report
    }

    /// Every part as (entry name, bytes), in ``DOCXWriter/partNames`` order.
    func all() throws -> [(String, Data)] {
        [
            ("[Content_Types].xml", try Self.contentTypes()),
            ("_rels/.rels", try Self.packageRelationships()),
            ("docProps/core.xml", try Self.coreProperties(title: Self.displayTitle(report), creator: report.agency)),
            ("word/_rels/document.xml.rels", try Self.documentRelationships()),
            ("word/document.xml", try DOCXWriterDocument(report: report).data()),
            ("word/styles.xml", try Self.styles()),
        ]
    }

    /// The title written into the document and `dc:title`.
    static func displayTitle(_ report: Report) -> String {
        if let title = report.title, !title.isEmpty { return title }
        let year = report.year.map { "\($0)年" } ?? ""
        return (report.agency ?? "") + year + "政府信息公开工作年度报告"
    }

    // MARK: Package plumbing

    static func contentTypes() throws -> Data {
        let xml = try XMLStreamWriter(part: "[Content_Types].xml")
        try xml.element("Types", ["xmlns": Namespace.contentTypes]) {
            try xml.element("Default", ["Extension": "rels", "ContentType": ContentType.relationships])
            try xml.element("Default", ["Extension": "xml", "ContentType": ContentType.xml])
            try xml.element("Override", ["PartName": "/word/document.xml", "ContentType": ContentType.document])
            try xml.element("Override", ["PartName": "/word/styles.xml", "ContentType": ContentType.styles])
            try xml.element("Override", ["PartName": "/docProps/core.xml", "ContentType": ContentType.coreProperties])
        }
        return try xml.finish()
    }

    static func packageRelationships() throws -> Data {
        let xml = try XMLStreamWriter(part: "_rels/.rels")
        try xml.element("Relationships", ["xmlns": Namespace.relationships]) {
            try xml.element("Relationship", [
                "Id": "rId1", "Type": RelationshipType.officeDocument, "Target": "word/document.xml",
            ])
            try xml.element("Relationship", [
                "Id": "rId2", "Type": RelationshipType.coreProperties, "Target": "docProps/core.xml",
            ])
        }
        return try xml.finish()
    }

    static func documentRelationships() throws -> Data {
        let xml = try XMLStreamWriter(part: "word/_rels/document.xml.rels")
        try xml.element("Relationships", ["xmlns": Namespace.relationships]) {
            try xml.element("Relationship", ["Id": "rId1", "Type": RelationshipType.styles, "Target": "styles.xml"])
        }
        return try xml.finish()
    }

    static func coreProperties(title: String, creator: String?) throws -> Data {
        let xml = try XMLStreamWriter(part: "docProps/core.xml")
        try xml.element("cp:coreProperties", [
            "xmlns:cp": Namespace.coreProperties,
            "xmlns:dc": Namespace.dublinCore,
            "xmlns:dcterms": Namespace.dublinCoreTerms,
        ]) {
            try xml.element("dc:title") { try xml.text(title) }
            if let creator {
                try xml.element("dc:creator") { try xml.text(creator) }
            }
            try xml.element("dc:language") { try xml.text("zh-CN") }
        }
        return try xml.finish()
    }

    // MARK: Styles

    static func styles() throws -> Data {
        let xml = try XMLStreamWriter(part: "word/styles.xml")
        try xml.element("w:styles", ["xmlns:w": Namespace.wordprocessing]) {
            try xml.element("w:docDefaults") {
                try xml.element("w:rPrDefault") {
                    try xml.element("w:rPr") {
                        try fonts(xml, eastAsia: Font.body)
                        try xml.element("w:sz", ["w:val": "24"])
                        try xml.element("w:szCs", ["w:val": "24"])
                        try xml.element("w:lang", ["w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"])
                    }
                }
                try xml.element("w:pPrDefault") {
                    try xml.element("w:pPr") {
                        try xml.element("w:spacing", ["w:after": "0", "w:line": "360", "w:lineRule": "auto"])
                    }
                }
            }
            try style(xml, id: "Normal", name: "Normal", isDefault: true)
            try style(xml, id: "Title", name: "Title", pPr: {
                try xml.element("w:spacing", ["w:before": "240", "w:after": "480"])
                try xml.element("w:jc", ["w:val": "center"])
                try xml.element("w:outlineLvl", ["w:val": "9"])
            }, rPr: {
                try fonts(xml, eastAsia: Font.heading)
                try xml.element("w:b")
                try xml.element("w:bCs")
                try xml.element("w:sz", ["w:val": "36"])
                try xml.element("w:szCs", ["w:val": "36"])
            })
            try style(xml, id: "Heading1", name: "heading 1", pPr: {
                try xml.element("w:keepNext")
                try xml.element("w:keepLines")
                try xml.element("w:spacing", ["w:before": "240", "w:after": "120"])
                try xml.element("w:outlineLvl", ["w:val": "0"])
            }, rPr: {
                try fonts(xml, eastAsia: Font.heading)
                try xml.element("w:b")
                try xml.element("w:bCs")
                try xml.element("w:sz", ["w:val": "28"])
                try xml.element("w:szCs", ["w:val": "28"])
            })
            try style(xml, id: "BodyText", name: "Body Text", pPr: {
                try xml.element("w:ind", ["w:firstLineChars": "200", "w:firstLine": "480"])
                try xml.element("w:jc", ["w:val": "both"])
            })
            try style(xml, id: "TableText", name: "Table Text", pPr: {
                try xml.element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"])
                try xml.element("w:jc", ["w:val": "center"])
            }, rPr: {
                try xml.element("w:sz", ["w:val": "18"])
                try xml.element("w:szCs", ["w:val": "18"])
            })
            try xml.element("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"]) {
                try xml.element("w:name", ["w:val": "Normal Table"])
                try xml.element("w:uiPriority", ["w:val": "99"])
                try xml.element("w:semiHidden")
                try xml.element("w:unhideWhenUsed")
                try xml.element("w:tblPr") {
                    try xml.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                    try xml.element("w:tblCellMar") {
                        try xml.element("w:top", ["w:w": "0", "w:type": "dxa"])
                        try xml.element("w:left", ["w:w": "60", "w:type": "dxa"])
                        try xml.element("w:bottom", ["w:w": "0", "w:type": "dxa"])
                        try xml.element("w:right", ["w:w": "60", "w:type": "dxa"])
                    }
                }
            }
        }
        return try xml.finish()
    }

    private static func fonts(_ xml: XMLStreamWriter, eastAsia: String) throws {
        try xml.element("w:rFonts", [
            "w:ascii": Font.latin, "w:hAnsi": Font.latin, "w:eastAsia": eastAsia, "w:cs": Font.latin,
        ])
    }

    /// A paragraph style (children in the schema's order: name, basedOn, next, qFormat, pPr, rPr).
    private static func style(
        _ xml: XMLStreamWriter, id: String, name: String, isDefault: Bool = false,
        pPr: (() throws -> Void)? = nil, rPr: (() throws -> Void)? = nil
    ) throws {
        try xml.start("w:style")
        try xml.attribute("w:type", "paragraph")
        if isDefault { try xml.attribute("w:default", "1") }
        try xml.attribute("w:styleId", id)
        try xml.element("w:name", ["w:val": name])
        if !isDefault {
            try xml.element("w:basedOn", ["w:val": "Normal"])
            try xml.element("w:next", ["w:val": id == "TableText" ? "TableText" : "Normal"])
        }
        try xml.element("w:qFormat")
        if let pPr { try xml.element("w:pPr", body: pPr) }
        if let rPr { try xml.element("w:rPr", body: rPr) }
        try xml.end()
    }
}
