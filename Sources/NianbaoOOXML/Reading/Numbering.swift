import Foundation

/// `word/numbering.xml`: list definitions and the counters that render visible markers
/// (`一、`, `（二）`, `1.`), which are not stored in `document.xml`.
struct NumberingDefinitions {
    struct Level {
        var start: Int = 1
        var format: String = "decimal"
        var text: String?
        var suffix: String = "tab"
        var isLegal = false
        var styleId: String?
    }

    struct Instance {
        var abstractId: Int
        /// Levels overridden entirely by `w:lvlOverride/w:lvl`.
        var levelOverrides: [Int: Level] = [:]
        /// `w:lvlOverride/w:startOverride`.
        var startOverrides: [Int: Int] = [:]
    }

    var abstracts: [Int: [Int: Level]] = [:]
    var instances: [Int: Instance] = [:]

    /// Counters per abstract list (shared by `w:num`s of one `w:abstractNum`), per level.
    private var counters: [Int: [Int: Int]] = [:]
    /// `w:num`s whose start overrides have been applied.
    private var startedInstances: Set<Int> = []

    var isEmpty: Bool { instances.isEmpty }

    func level(numId: Int, ilvl: Int) -> Level? {
        guard let instance = instances[numId] else { return nil }
        if let override = instance.levelOverrides[ilvl] { return override }
        return abstracts[instance.abstractId]?[ilvl]
    }

    /// The level of `numId` whose `w:pStyle` is `styleId` (for styles that name a list but no level).
    func level(numId: Int, styleId: String) -> Int? {
        guard let instance = instances[numId], let levels = abstracts[instance.abstractId] else { return nil }
        // The first such level, as Word takes it (dictionary order would vary from run to run).
        return levels.filter { $0.value.styleId == styleId }.keys.min()
    }

    /// Advances the counters for a paragraph numbered (`numId`, `ilvl`) and returns its marker
    /// with its suffix, or nil when the paragraph shows none (`numId` 0, unknown list, bullet).
    mutating func nextMarker(numId: Int, ilvl: Int) -> String? {
        guard numId != 0, let instance = instances[numId], let level = level(numId: numId, ilvl: ilvl) else { return nil }
        let key = instance.abstractId
        var levels = counters[key] ?? [:]
        if !startedInstances.contains(numId) {
            startedInstances.insert(numId)
            // Shallowest first: restarting a level clears the deeper ones, which must not undo
            // their own overrides (dictionary order would vary from run to run).
            for (overridden, start) in instance.startOverrides.sorted(by: { $0.key < $1.key }) {
                levels[overridden] = start - 1
                for deeper in levels.keys where deeper > overridden { levels[deeper] = nil }
            }
            for (overridden, lvl) in instance.levelOverrides where instance.startOverrides[overridden] == nil {
                levels[overridden] = lvl.start - 1
            }
        }
        levels[ilvl] = (levels[ilvl] ?? (level.start - 1)) + 1
        for deeper in levels.keys where deeper > ilvl { levels[deeper] = nil }
        counters[key] = levels

        if level.format == "bullet" { return nil }
        guard let text = level.text else { return nil }
        var marker = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else { marker.unicodeScalars.append(scalar); continue }
            guard let digit = scalars.next() else { marker.append("%"); break }
            guard let referenced = Int(String(digit)), (1...9).contains(referenced) else {
                marker.append("%")
                marker.unicodeScalars.append(digit)
                continue
            }
            let referencedLevel = referenced - 1
            let definition = self.level(numId: numId, ilvl: referencedLevel) ?? Level()
            let value = levels[referencedLevel] ?? definition.start
            let format = (level.isLegal && referencedLevel < ilvl) ? "decimal" : definition.format
            marker += MarkerFormat.format(value, as: format)
        }
        if marker.isEmpty { return nil }
        switch level.suffix {
        case "nothing":
            return marker
        case "space":
            return marker + " "
        default:
            // A tab after the marker: kept out of the text after CJK punctuation (`一、总体情况`),
            // a single space otherwise (`1. Scope`).
            if let last = marker.unicodeScalars.last, MarkerFormat.isClosingPunctuation(last) {
                return marker
            }
            return marker + " "
        }
    }

    /// Parses `numbering.xml`. In `mc:AlternateContent` only the `mc:Fallback` branch is read.
    static func read(_ reader: XMLStreamReader) throws -> NumberingDefinitions {
        let names = InternedNames(reader: reader)
        var result = NumberingDefinitions()
        var stack: [NodeName] = []
        var abstractId: Int?
        var abstractLevels: [Int: Level] = [:]
        var levelIndex: Int?
        var level = Level()
        var numId: Int?
        var instance: Instance?
        var overrideLevel: Int?

        func finishLevel() {
            guard let index = levelIndex else { return }
            if stack.contains(.word(.lvlOverride)) {
                instance?.levelOverrides[index] = level
            } else {
                abstractLevels[index] = level
            }
            levelIndex = nil
        }

        while let kind = try reader.next() {
            switch kind {
            case .element:
                let name = names.classify()
                let parent = stack.last { if case .compatibility = $0 { return false }; return true }
                switch name {
                case .word(.abstractNum):
                    abstractId = names.intValue(.abstractNumId)
                    abstractLevels = [:]
                case .word(.lvl):
                    levelIndex = names.intValue(.ilvl) ?? overrideLevel
                    level = Level()
                case .word(.start) where parent == .word(.lvl):
                    level.start = names.intValue() ?? 1
                case .word(.numFmt) where parent == .word(.lvl):
                    level.format = names.attribute(.val) ?? "decimal"
                case .word(.lvlText) where parent == .word(.lvl):
                    level.text = names.attribute(.val)
                case .word(.suff) where parent == .word(.lvl):
                    level.suffix = names.attribute(.val) ?? "tab"
                case .word(.isLgl) where parent == .word(.lvl):
                    level.isLegal = names.isOn()
                case .word(.pStyle) where parent == .word(.lvl):
                    level.styleId = names.attribute(.val)
                case .word(.num):
                    numId = names.intValue(.numId)
                    instance = nil
                case .word(.abstractNumId) where parent == .word(.num):
                    if let id = names.intValue() { instance = Instance(abstractId: id) }
                case .word(.lvlOverride):
                    overrideLevel = names.intValue(.ilvl)
                case .word(.startOverride) where parent == .word(.lvlOverride):
                    if let ilvl = overrideLevel, let start = names.intValue() { instance?.startOverrides[ilvl] = start }
                case .word(.pPr), .word(.rPr):
                    try reader.skipSubtree()
                    continue
                case .compatibility(.Choice):
                    try reader.skipSubtree()
                    continue
                default:
                    break
                }
                if reader.isEmptyElement {
                    if name == .word(.lvl) { finishLevel() }
                } else {
                    stack.append(name)
                }
            case .endElement:
                guard let name = stack.popLast() else { continue }
                switch name {
                case .word(.lvl):
                    finishLevel()
                case .word(.abstractNum):
                    if let id = abstractId { result.abstracts[id] = abstractLevels }
                    abstractId = nil
                case .word(.num):
                    if let id = numId, let instance { result.instances[id] = instance }
                    numId = nil
                    instance = nil
                case .word(.lvlOverride):
                    overrideLevel = nil
                default:
                    break
                }
            default:
                break
            }
        }
        return result
    }
}
