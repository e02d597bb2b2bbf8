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

/// The namespaces `InternedNames.classify()` tells apart.
private enum NamespaceClass {
    case word, compatibility, relationships, other
}

/// An open-addressing table from libxml2 dictionary-interned name pointers to values: a lookup
/// is a multiply, a shift and a pointer comparison or two, with no hashing of the name's bytes.
/// Built once per reader and never changed afterwards.
struct InternedPointerTable<Value> {
    private var keys: [UInt]
    private var values: [Value?]
    private let shift: UInt

    /// A table with room for `capacity` keys at a load factor of at most one half.
    init(capacity: Int) {
        var bits: UInt = 4
        while (1 << bits) < 2 * max(capacity, 1) { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = UInt(UInt.bitWidth) - bits
    }

    private func slot(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Adds `value` under `key` (a nil key is ignored; the first value for a key wins).
    mutating func insert(_ key: UnsafePointer<xmlChar>?, _ value: Value) {
        guard let key else { return }
        let bits = UInt(bitPattern: key)
        var index = slot(bits)
        let mask = keys.count - 1
        while keys[index] != 0 {
            if keys[index] == bits { return }
            index = (index + 1) & mask
        }
        keys[index] = bits
        values[index] = value
    }

    /// The value stored under `key`, if any.
    func find(_ key: UnsafePointer<xmlChar>?) -> Value? {
        guard let key else { return nil }
        let bits = UInt(bitPattern: key)
        var index = slot(bits)
        let mask = keys.count - 1
        while true {
            let stored = keys[index]
            if stored == bits { return values[index] }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}

/// Interned names for one `XMLStreamReader`.
///
/// Element local names are compared by pointer (libxml2 interns them in the parser's dictionary,
/// and so does `XMLStreamReader.intern`). Namespace URIs are compared pointer first, then byte-wise
/// against the known URIs (`XMLStreamReader.equal`).
final class InternedNames {
    private let reader: XMLStreamReader
    private let words: InternedPointerTable<WordName>
    private let compatibility: InternedPointerTable<CompatibilityName>
    private let attributes: [UnsafePointer<xmlChar>?]
    private let wordTransitional: UnsafePointer<xmlChar>?
    private let wordStrict: UnsafePointer<xmlChar>?
    private let markupCompatibility: UnsafePointer<xmlChar>?
    private let packageRelationships: UnsafePointer<xmlChar>?
    private let relationshipName: UnsafePointer<xmlChar>?
    /// Interned un-namespaced attribute names used by relationships and `mc:Choice`.
    let plainId, plainType, plainTarget, plainTargetMode, plainRequires: UnsafePointer<xmlChar>?

    /// Interns the names for `reader`; without `wordNames` only the package-relationship names
    /// are interned (for `.rels` parts), and no WordprocessingML name is recognised.
    init(reader: XMLStreamReader, wordNames: Bool = true) {
        self.reader = reader
        wordTransitional = reader.intern(XMLNamespaces.wordTransitional)
        wordStrict = reader.intern(XMLNamespaces.wordStrict)
        markupCompatibility = reader.intern(XMLNamespaces.markupCompatibility)
        packageRelationships = reader.intern(XMLNamespaces.packageRelationships)
        relationshipName = reader.intern("Relationship")
        // Every element `classify()` can name, for `keepAttributes` below.
        var elements: [UnsafePointer<xmlChar>?] = [relationshipName]
        var words = InternedPointerTable<WordName>(capacity: WordName.allCases.count)
        if wordNames {
            for name in WordName.allCases {
                let interned = reader.intern(name.rawValue)
                words.insert(interned, name)
                elements.append(interned)
            }
        }
        self.words = words
        var compatibility = InternedPointerTable<CompatibilityName>(capacity: CompatibilityName.allCases.count)
        if wordNames {
            for name in CompatibilityName.allCases {
                let interned = reader.intern(name.rawValue)
                compatibility.insert(interned, name)
                elements.append(interned)
            }
        }
        self.compatibility = compatibility
        var attributes = [UnsafePointer<xmlChar>?](repeating: nil, count: WordAttribute.allCases.count)
        if wordNames {
            for name in WordAttribute.allCases { attributes[name.index] = reader.intern(name.rawValue) }
        }
        self.attributes = attributes
        plainId = reader.intern("Id")
        plainType = reader.intern("Type")
        plainTarget = reader.intern("Target")
        plainTargetMode = reader.intern("TargetMode")
        plainRequires = reader.intern("Requires")
        // Only the attributes asked for below are ever copied out of a start tag, and only on the
        // elements `classify()` can name: the walkers read attributes of no other element.
        reader.keepAttributes(named: attributes + [plainId, plainType, plainTarget, plainTargetMode, plainRequires],
                              ofElements: elements)
    }

    /// Which known namespace `href` is (a byte-wise comparison, most frequent first).
    private func namespaceClass(_ href: UnsafePointer<xmlChar>) -> NamespaceClass {
        if XMLStreamReader.equal(href, wordTransitional) { return .word }
        if XMLStreamReader.equal(href, markupCompatibility) { return .compatibility }
        if XMLStreamReader.equal(href, wordStrict) { return .word }
        if XMLStreamReader.equal(href, packageRelationships) { return .relationships }
        return .other
    }

    /// Classifies the current element node.
    func classify() -> NodeName {
        guard let href = reader.elementNamespaceHref else { return .other }
        switch namespaceClass(href) {
        case .word:
            if let name = words.find(reader.localName) { return .word(name) }
            return .other
        case .compatibility:
            if let name = compatibility.find(reader.localName) { return .compatibility(name) }
            return .other
        case .relationships:
            if let local = reader.localName, local == relationshipName { return .relationship }
            return .other
        case .other:
            return .other
        }
    }

    /// A WordprocessingML attribute of the current element, looked up in the element's own
    /// namespace (transitional or Strict).
    func attribute(_ name: WordAttribute) -> String? {
        assert(classify() != .other, "attributes are kept only on elements classify() names")
        return reader.attribute(attributes[name.index], namespace: reader.elementNamespaceHref)
    }

    /// `w:val` parsed as an integer.
    func intValue(_ name: WordAttribute = .val) -> Int? {
        attribute(name).flatMap { Int(Whitespace.trimmingWhitespaces($0)) }
    }

    /// An un-namespaced attribute (relationships, `mc:Choice@Requires`).
    func plainAttribute(_ name: UnsafePointer<xmlChar>?) -> String? {
        assert(classify() != .other, "attributes are kept only on elements classify() names")
        return reader.attribute(name, namespace: nil)
    }

    /// Whether the current `w:onOff`-typed element is on (no `w:val`, or true/1/on).
    func isOn() -> Bool {
        guard let value = attribute(.val) else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }
}

extension WordAttribute {
    /// A distinct small index per attribute (for the interned-name array).
    fileprivate var index: Int {
        switch self {
        case .val: 0
        case .styleId: 1
        case .type: 2
        case .default: 3
        case .fldCharType: 4
        case .instr: 5
        case .font: 6
        case .char: 7
        case .abstractNumId: 8
        case .numId: 9
        case .ilvl: 10
        }
    }
}
