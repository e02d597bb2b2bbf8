import Foundation

/// One `Relationship` of an OPC `.rels` part, with its target resolved to a part name.
struct Relationship: Sendable, Hashable {
    var id: String
    /// The full relationship type URI.
    var type: String
    /// The target as the `.rels` part writes it.
    var rawTarget: String
    /// The part whose relationship this is (`""` for the package).
    var sourcePart: String
    var isExternal: Bool

    /// The target resolved against the source part (no leading `/`, `\` read as `/`), or the raw
    /// target for external relationships. Resolved when asked: a reader uses two or three of a
    /// package's relationships, and resolving every hyperlink's and image's target was 0.9 % of a
    /// DOCX run (issue 24's profile).
    var target: String {
        isExternal ? rawTarget : Relationships.resolve(rawTarget, from: sourcePart)
    }

    /// Whether the type ends with `/<suffix>` (transitional and Strict URIs differ only before it).
    func hasType(_ suffix: String) -> Bool {
        type.hasSuffix("/" + suffix)
    }
}

/// Reading `.rels` parts and resolving their targets.
enum Relationships {
    /// The `.rels` part name for a source part (`""` for the package itself):
    /// `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relsPartName(for sourcePart: String) -> String {
        guard !sourcePart.isEmpty else { return "_rels/.rels" }
        let normalized = sourcePart.utf8.contains(UInt8(ascii: "\\")) ? sourcePart.replacingOccurrences(of: "\\", with: "/") : sourcePart
        if let slash = normalized.lastIndex(of: "/") {
            let directory = normalized[..<slash]
            let file = normalized[normalized.index(after: slash)...]
            return "\(directory)/_rels/\(file).rels"
        }
        return "_rels/\(normalized).rels"
    }

    /// Resolves `target` against the directory of `sourcePart`: a leading `/` means the package
    /// root; `\` is read as `/`; `.` and `..` segments are folded; percent escapes are decoded.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        var target = target
        if target.utf8.contains(UInt8(ascii: "\\")) { target = target.replacingOccurrences(of: "\\", with: "/") }
        if target.utf8.contains(UInt8(ascii: "%")) { target = target.removingPercentEncoding ?? target }
        var segments: [Substring] = []
        if !target.hasPrefix("/") {
            var source = sourcePart
            if source.utf8.contains(UInt8(ascii: "\\")) { source = source.replacingOccurrences(of: "\\", with: "/") }
            segments = pathSegments(source)
            if !segments.isEmpty { segments.removeLast() }
        }
        for segment in pathSegments(target) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The non-empty `/`-separated segments of `path`, as `split(separator: "/")` gives them.
    /// ASCII paths are split on the byte; others go through `split`, whose `Character`s can join
    /// a `/` with a following combining mark.
    private static func pathSegments(_ path: String) -> [Substring] {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return path.split(separator: "/", omittingEmptySubsequences: true)
        }
        var segments: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if index != start { segments.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { segments.append(path[start..<utf8.endIndex]) }
        return segments
    }

    /// Reads the relationships of `sourcePart` (`""` for the package); an absent `.rels` part
    /// gives an empty list.
    static func read(for sourcePart: String, in archive: ZipArchive, cap: Int) throws -> [Relationship] {
        let relsName = relsPartName(for: sourcePart)
        guard let entry = archive.entry(named: relsName) else { return [] }
        let reader = try XMLStreamReader(stream: archive.open(entry, cap: cap), file: archive.displayName, part: entry.name)
        let names = InternedNames(reader: reader, wordNames: false)
        var result: [Relationship] = []
        while let kind = try reader.next() {
            guard kind == .element, names.classify() == .relationship else { continue }
            guard let id = names.plainAttribute(names.plainId),
                  let type = names.plainAttribute(names.plainType),
                  let target = names.plainAttribute(names.plainTarget) else { continue }
            let external = names.plainAttribute(names.plainTargetMode)?.lowercased() == "external"
            result.append(Relationship(id: id, type: type, rawTarget: target, sourcePart: sourcePart, isExternal: external))
        }
        return result
    }
}
