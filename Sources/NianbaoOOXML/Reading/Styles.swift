import Foundation

/// The paragraph styles of `word/styles.xml` that matter for reading: names, `w:basedOn` chains,
/// numbering and outline levels.
struct StyleSheet {
    struct Style {
        var name: String?
        var basedOn: String?
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
        /// The heading level the style's name implies (`heading 2` → 2), worked out once when the
        /// style is read: paragraphs ask for it thousands of times.
        var headingLevelFromName: Int?
    }

    var styles: [String: Style] = [:]
    /// The paragraph style used when a paragraph names none (`w:default="1"`).
    var defaultParagraphStyle: String?

    /// The style chain starting at `id`, nearest first (cycles and depth capped).
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var current = id
        while let key = current, !seen.contains(key), result.count < 32, let style = styles[key] {
            seen.insert(key)
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// The heading level (1 = top) a style gives: its `w:outlineLvl`, or a built-in heading name
    /// (`heading 1`, `标题 1`), inherited through `w:basedOn`.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            if let level = style.outlineLevel { return level < 9 ? level + 1 : nil }
            if let level = style.headingLevelFromName { return level }
        }
        return nil
    }

    static func headingLevel(fromName name: String) -> Int? {
        // A level is an ASCII digit 1–9 somewhere in the name; most style names have none.
        guard name.utf8.contains(where: { $0 >= 0x31 && $0 <= 0x39 }) else { return nil }
        let lower = Whitespace.trimmingWhitespaces(name.lowercased())
        for prefix in ["heading", "标题"] where lower.hasPrefix(prefix) {
            let rest = Whitespace.trimmingWhitespaces(String(lower.dropFirst(prefix.count)))
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }

    /// The numbering (`numId`, `ilvl`) a style gives through its chain, if any. `ilvl` is nil when
    /// the style names no level (the level whose `w:pStyle` is this style applies, else 0).
    func numbering(_ id: String?) -> (numId: Int, ilvl: Int?)? {
        var ilvl: Int?
        for style in chain(id) {
            if ilvl == nil { ilvl = style.ilvl }
            if let numId = style.numId { return (numId, ilvl) }
        }
        return nil
    }

    /// Parses `styles.xml`.
    static func read(_ reader: XMLStreamReader) throws -> StyleSheet {
        let names = InternedNames(reader: reader)
        var sheet = StyleSheet()
        var currentId: String?
        var current = Style()
        var stack: [NodeName] = []
        while let kind = try reader.next() {
            switch kind {
            case .element:
                let name = names.classify()
                let parent = stack.last { if case .compatibility = $0 { return false }; return true }
                switch name {
                case .word(.style):
                    let type = names.attribute(.type)
                    if type == nil || type == "paragraph" {
                        currentId = names.attribute(.styleId)
                        current = Style()
                        if let id = currentId, names.attribute(.default).map({ ["1", "true", "on"].contains($0) }) == true {
                            sheet.defaultParagraphStyle = id
                        }
                    } else {
                        try reader.skipSubtree()
                        continue
                    }
                case .word(.name) where parent == .word(.style):
                    current.name = names.attribute(.val)
                case .word(.basedOn) where parent == .word(.style):
                    current.basedOn = names.attribute(.val)
                case .word(.outlineLvl) where parent == .word(.pPr):
                    current.outlineLevel = names.intValue()
                case .word(.numId) where parent == .word(.numPr):
                    current.numId = names.intValue()
                case .word(.ilvl) where parent == .word(.numPr):
                    current.ilvl = names.intValue()
                case .word(.rPr), .word(.tblPr), .word(.trPr), .word(.tcPr), .word(.pPrChange), .word(.rPrChange):
                    try reader.skipSubtree()
                    continue
                case .compatibility(.Choice):
                    try reader.skipSubtree()
                    continue
                default:
                    break
                }
                if !reader.isEmptyElement { stack.append(name) }
            case .endElement:
                if stack.popLast() == .word(.style), let id = currentId {
                    current.headingLevelFromName = current.name.flatMap(StyleSheet.headingLevel(fromName:))
                    sheet.styles[id] = current
                    currentId = nil
                }
            default:
                break
            }
        }
        return sheet
    }
}
