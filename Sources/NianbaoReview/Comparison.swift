public import Foundation
public import NianbaoModel

/// Two reports of one agency side by side: every table cell with its change, each part's prose
/// diffed sentence by sentence, the share of text and of table values repeated from the older
/// report (文字重复率 / 表格重复率), and the across-years findings of the pair.
public struct Comparison: Sendable {
    /// One table cell in both reports.
    public struct CellChange: Sendable, Hashable {
        /// `table.row.column`.
        public var path: String
        /// The older report's value (`nil`: missing, or the cell is not in its template).
        public var old: Decimal?
        /// The newer report's value.
        public var new: Decimal?
        /// `new − old` when both are given.
        public var change: Decimal? { old.flatMap { old in new.map { $0 - old } } }
        /// `true` when both are given and equal.
        public var same: Bool { old != nil && old == new }
    }

    /// A sentence of a part's prose in the diff.
    public struct SentenceChange: Sendable, Hashable {
        /// What happened to the sentence.
        public enum Kind: String, Sendable {
            /// In both, unchanged.
            case same
            /// Only in the newer report.
            case added
            /// Only in the older report.
            case removed
        }
        /// What happened.
        public var kind: Kind
        /// The sentence.
        public var text: String
    }

    /// One part of both reports.
    public struct PartComparison: Sendable {
        /// The part.
        public var part: SectionKey
        /// The sentences in order, each the same, added or removed.
        public var sentences: [SentenceChange]
        /// Characters of the newer part in sentences repeated word for word from the older one,
        /// over all characters of the newer part (0…1); `nil` when the newer part has no text.
        public var repeatedShare: Double?
        /// Characters of the newer part.
        public var characters: Int
    }

    /// The older report.
    public var old: Report
    /// The newer report.
    public var new: Report
    /// Every cell of either report, in table order.
    public var cells: [CellChange]
    /// The six parts.
    public var parts: [PartComparison]
    /// 文字重复率 over all parts (characters repeated / characters of the newer report's prose).
    public var textRepeatedShare: Double?
    /// 表格重复率: of the cells the newer report gives, the share equal to the older report's.
    public var tableRepeatedShare: Double?
    /// The across-years findings of the pair (rules 6–7, gaps, duplicates) and each report's own.
    public var findings: [Finding]

    /// Compares `old` with `new`.
    public init(old: Report, new: Report, agencies: AgencyDirectory = AgencyDirectory(),
                perReport: @Sendable (Report) -> [Diagnostic] = { _ in [] }) {
        self.old = old
        self.new = new
        var cells: [CellChange] = []
        for table in ReportTable.allCases {
            var seen = Set<String>()
            for source in [new, old] {
                for row in source[table].rows {
                    for cell in row.cells {
                        let path = "\(table.rawValue).\(row.key).\(cell.column)"
                        guard seen.insert(path).inserted else { continue }
                        cells.append(CellChange(path: path, old: Cells.value(old, path), new: Cells.value(new, path)))
                    }
                }
            }
        }
        self.cells = cells
        let given = cells.filter { $0.new != nil }
        tableRepeatedShare = given.isEmpty ? nil : Double(given.filter(\.same).count) / Double(given.count)
        parts = SectionKey.allCases.map { Self.compare($0, old: old.sections[$0] ?? "", new: new.sections[$0] ?? "") }
        let total = parts.reduce(0) { $0 + $1.characters }
        let repeated = parts.reduce(0.0) { $0 + ($1.repeatedShare ?? 0) * Double($1.characters) }
        textRepeatedShare = total == 0 ? nil : repeated / Double(total)
        // Both years reviewed as one agency's series, whatever their names.
        let directory = AgencyDirectory(sameAgency: [old.agency, new.agency], base: agencies)
        findings = Reviewer.review([old, new], agencies: directory, perReport: perReport).findings
    }

    /// Sentences of `text`: split after 。！？；and at line breaks, blank ones dropped.
    public static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character == "\n" {
                result.append(current)
                current = ""
                continue
            }
            current.append(character)
            if "。！？；!?;".contains(character) {
                result.append(current)
                current = ""
            }
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func compare(_ part: SectionKey, old: String, new: String) -> PartComparison {
        let before = sentences(old), after = sentences(new)
        let changes = diff(before, after)
        let characters = after.reduce(0) { $0 + $1.count }
        let repeated = changes.filter { $0.kind == .same }.reduce(0) { $0 + $1.text.count }
        return PartComparison(part: part, sentences: changes, repeatedShare: characters == 0 ? nil : Double(repeated) / Double(characters),
                              characters: characters)
    }

    /// The longest-common-subsequence diff of two sentence lists.
    static func diff(_ old: [String], _ new: [String]) -> [SentenceChange] {
        let n = old.count, m = new.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [SentenceChange] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                result.append(SentenceChange(kind: .same, text: new[j]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removed before added: a changed sentence reads old, then new.
                result.append(SentenceChange(kind: .removed, text: old[i]))
                i += 1
            } else {
                result.append(SentenceChange(kind: .added, text: new[j]))
                j += 1
            }
        }
        return result
    }
}

extension AgencyDirectory {
    /// `base` with every name of `names` mapped to the first one's id.
    init(sameAgency names: [String?], base: AgencyDirectory) {
        self = base
        let id = base.id(for: names.first ?? nil)
        for name in names { if let name { map(name, to: id) } }
    }
}
