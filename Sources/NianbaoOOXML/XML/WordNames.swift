import Foundation
import CNianbaoXML2

/// WordprocessingML element and attribute local names the reader acts on. Each is interned once
/// per reader so that matching a node costs a pointer comparison and a dictionary probe, with no
/// `String` built for nodes that are skipped.
enum WordName: String, CaseIterable {
    // document structure
    case document, body, p, pPr, pStyle, numPr, ilvl, numId, outlineLvl, rPr, r, t
    case delText, instrText, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym, fldChar, fldSimple
    case sectPr, tabs, txbxContent, ruby, rt, rubyPr, rubyBase
    // revisions
    case del, ins, moveFrom, moveTo, cellDel, cellIns, cellMerge
    case rPrChange, pPrChange, tblPrChange, trPrChange, tcPrChange, sectPrChange, tblGridChange, numberingChange
    // tables
    case tbl, tblPr, tblGrid, tblPrEx, tr, trPr, gridBefore, gridAfter, tc, tcPr, gridSpan, vMerge, hMerge
    // content controls
    case sdt, sdtPr, sdtEndPr, showingPlcHdr, sdtContent
    // styles.xml
    case styles, style, name, basedOn
    // numbering.xml
    case numbering, abstractNum, lvl, start, numFmt, lvlText, lvlRestart, isLgl, suff, num, abstractNumId
    case lvlOverride, startOverride
}

/// Attribute local names (in the WordprocessingML namespace unless noted).
enum WordAttribute: String, CaseIterable {
    case val, styleId, type, `default`, fldCharType, instr, font, char, abstractNumId, numId, ilvl
}

/// Markup-compatibility element names.
enum CompatibilityName: String, CaseIterable {
    case AlternateContent, Choice, Fallback
}

/// The namespace URIs the reader recognises. Elements are matched by namespace URI, never by prefix.
enum XMLNamespaces {
    static let wordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Namespaces whose `mc:Choice` content the reader understands (its text still sits in
    /// `w:txbxContent`/`w:p`, which the walker reads wherever it is).
    static let understoodChoices: Set<String> = [
        wordTransitional, wordStrict,
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "urn:schemas-microsoft-com:vml",
        "urn:schemas-microsoft-com:office:office",
    ]
}

/// A classified node name.
enum NodeName: Equatable {
    case word(WordName)
    case compatibility(CompatibilityName)
    /// `Relationship` in the package-relationships namespace.
    case relationship
    case other
}

/// Interned names for one `XMLStreamReader`.
final class InternedNames {
    private let reader: XMLStreamReader
    private var words: [Int: WordName] = [:]
    private var compatibility: [Int: CompatibilityName] = [:]
    private var attributes: [WordAttribute: UnsafePointer<xmlChar>] = [:]
    private let wordTransitional: Int
    private let wordStrict: Int
    private let markupCompatibility: Int
    private let packageRelationships: Int
    private let relationshipName: Int
    /// Interned un-namespaced attribute names used by relationships and `mc:Choice`.
    let plainId, plainType, plainTarget, plainTargetMode, plainRequires: UnsafePointer<xmlChar>?

    init(reader: XMLStreamReader) {
        self.reader = reader
        func key(_ string: String) -> Int { Int(bitPattern: reader.intern(string)) }
        wordTransitional = key(XMLNamespaces.wordTransitional)
        wordStrict = key(XMLNamespaces.wordStrict)
        markupCompatibility = key(XMLNamespaces.markupCompatibility)
        packageRelationships = key(XMLNamespaces.packageRelationships)
        relationshipName = key("Relationship")
        for name in WordName.allCases { words[key(name.rawValue)] = name }
        for name in CompatibilityName.allCases { compatibility[key(name.rawValue)] = name }
        for name in WordAttribute.allCases {
            if let pointer = reader.intern(name.rawValue) { attributes[name] = pointer }
        }
        plainId = reader.intern("Id")
        plainType = reader.intern("Type")
        plainTarget = reader.intern("Target")
        plainTargetMode = reader.intern("TargetMode")
        plainRequires = reader.intern("Requires")
    }

    /// Classifies the current element or end-element node.
    func classify() -> NodeName {
        let namespace = Int(bitPattern: reader.namespaceURI)
        if namespace == 0 { return .other }
        let local = Int(bitPattern: reader.localName)
        if namespace == wordTransitional || namespace == wordStrict {
            if let name = words[local] { return .word(name) }
            return .other
        }
        if namespace == markupCompatibility {
            if let name = compatibility[local] { return .compatibility(name) }
            return .other
        }
        if namespace == packageRelationships, local == relationshipName { return .relationship }
        return .other
    }

    /// A WordprocessingML attribute of the current element, looked up in the element's own
    /// namespace (transitional or Strict).
    func attribute(_ name: WordAttribute) -> String? {
        reader.attribute(attributes[name], namespace: reader.namespaceURI)
    }

    /// `w:val` parsed as an integer.
    func intValue(_ name: WordAttribute = .val) -> Int? {
        attribute(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// An un-namespaced attribute (relationships, `mc:Choice@Requires`).
    func plainAttribute(_ name: UnsafePointer<xmlChar>?) -> String? {
        reader.attribute(name, namespace: nil)
    }

    /// Whether the current `w:onOff`-typed element is on (no `w:val`, or true/1/on).
    func isOn() -> Bool {
        guard let value = attribute(.val) else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }
}
