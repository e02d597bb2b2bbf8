import Foundation
import NianbaoModel
import NianbaoOOXML

/// Builds small DOCX packages in memory through the libzip wrapper.
enum DOCX {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let officeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func documentXML(_ body: String, namespace: String = transitional) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(namespace)" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
        xmlns:x99="urn:example:unknown" mc:Ignorable="w14"><w:body>\(body)</w:body></w:document>
        """
    }

    static func packageRels(target: String = "word/document.xml", type: String = officeDocumentType) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="\(relationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(type)" Target="\(target)"/></Relationships>
        """
    }

    static func documentRels(styles: Bool, numbering: Bool, strictTypes: Bool = false) -> String {
        let base = strictTypes ? "http://purl.oclc.org/ooxml/officeDocument/relationships/" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(relationshipsNamespace)\">"
        if styles { text += "<Relationship Id=\"rId1\" Type=\"\(base)styles\" Target=\"styles.xml\"/>" }
        if numbering { text += "<Relationship Id=\"rId2\" Type=\"\(base)numbering\" Target=\"numbering.xml\"/>" }
        return text + "</Relationships>"
    }

    /// A package with the given parts; `body` goes inside `w:body`.
    static func package(body: String, styles: String? = nil, numbering: String? = nil, namespace: String = transitional,
                        mainPath: String = "word/document.xml", relsTarget: String? = nil) throws -> Data {
        var builder = ZipArchiveBuilder()
        builder.addEntry("[Content_Types].xml", text: "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        builder.addEntry("_rels/.rels", text: packageRels(target: relsTarget ?? mainPath))
        builder.addEntry(mainPath, text: documentXML(body, namespace: namespace))
        let directory = (mainPath as NSString).deletingLastPathComponent
        let file = (mainPath as NSString).lastPathComponent
        builder.addEntry("\(directory)/_rels/\(file).rels", text: documentRels(styles: styles != nil, numbering: numbering != nil,
                                                                              strictTypes: namespace == strict))
        if let styles { builder.addEntry("\(directory)/styles.xml", text: wrap("styles", styles, namespace: namespace)) }
        if let numbering { builder.addEntry("\(directory)/numbering.xml", text: wrap("numbering", numbering, namespace: namespace)) }
        return try builder.build()
    }

    static func wrap(_ root: String, _ content: String, namespace: String = transitional) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:\(root) xmlns:w=\"\(namespace)\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\">\(content)</w:\(root)>"
    }

    static func read(body: String, styles: String? = nil, numbering: String? = nil, namespace: String = transitional) throws -> SourceDocument {
        try DOCXReader.read(data: package(body: body, styles: styles, numbering: numbering, namespace: namespace), fileName: "test.docx")
    }

    /// Paragraph texts of a document, in order (tables skipped).
    static func paragraphs(_ document: SourceDocument) -> [String] {
        document.blocks.compactMap { block in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            return nil
        }
    }

    static func tables(_ document: SourceDocument) -> [Table] {
        document.blocks.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    /// Cell texts of a table, row by row.
    static func grid(_ table: Table) -> [[String]] {
        table.rows.map { $0.cells.map(\.text) }
    }

    static func p(_ text: String) -> String {
        "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func tc(_ text: String, _ properties: String = "") -> String {
        "<w:tc>\(properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>")\(p(text))</w:tc>"
    }

    /// Expects `body` to throw an `OOXMLError` and returns it.
    static func error(_ work: () throws -> Void) -> OOXMLError? {
        do {
            try work()
            return nil
        } catch let error as OOXMLError {
            return error
        } catch {
            return nil
        }
    }
}
