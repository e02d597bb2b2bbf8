public import Foundation
public import NianbaoModel

/// One observation of a review: which rule, about which report(s), pointing at the cells involved.
/// A finding never changes a value.
public struct Finding: Sendable, Hashable {
    /// A cell (or a prose statement) a finding points at.
    public struct Cell: Sendable, Hashable {
        /// The JSON path (`requests.carried_over.total`), or `sections.<part>` for prose.
        public var path: String
        /// The value, as read; `nil` when missing.
        public var value: Decimal?
        /// Where in the input, when known (`table 3, row 5, cell 2`, `sections.overview, 第2段`).
        public var source: String?
        /// The report's file the cell belongs to.
        public var file: String
        /// The year of that report.
        public var year: Int?

        /// Creates a cell reference.
        public init(path: String, value: Decimal?, source: String?, file: String, year: Int?) {
            self.path = path
            self.value = value
            self.source = source
            self.file = file
            self.year = year
        }
    }

    /// The rule: `"1"` … `"8"` as numbered in the contract, or `series.gap`, `series.duplicate`,
    /// `completeness.parts`, `completeness.blank_cells`, `completeness.template`,
    /// `completeness.published`.
    public var rule: String
    /// How serious.
    public var severity: Severity
    /// The agency id the report was grouped under.
    public var agencyID: String
    /// The agency as written in the report.
    public var agency: String?
    /// The year reported on.
    public var year: Int?
    /// The report's file.
    public var file: String?
    /// The report's input SHA-256.
    public var sha256: String?
    /// The cells involved, with their values and source locations.
    public var cells: [Cell]
    /// For prose findings: the words of the statement that matched.
    public var matchedWords: String?
    /// What is wrong, in Chinese.
    public var message: String

    /// Creates a finding.
    public init(rule: String, severity: Severity, agencyID: String, agency: String?, year: Int?, file: String?, sha256: String?,
                cells: [Cell], matchedWords: String? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.agencyID = agencyID
        self.agency = agency
        self.year = year
        self.file = file
        self.sha256 = sha256
        self.cells = cells
        self.matchedWords = matchedWords
        self.message = message
    }
}

/// Maps agency names as written to one id: whitespace and brackets normalised, and a
/// `--agencies` CSV (`name,id` per line) for renamed or differently written agencies.
public struct AgencyDirectory: Sendable {
    private var ids: [String: String] = [:]

    /// An empty directory: every agency is its own normalised name.
    public init() {}

    /// Reads `name,id` lines (a header line `name,id` or `agency,id` is skipped).
    /// - Throws: ``DirectoryError`` naming the line that has no id.
    public init(csv text: String, file: String) throws {
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"\u{FEFF}")))
            }
            if number == 0, ["name", "agency", "名称", "机关"].contains(fields.first ?? "") { continue }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw DirectoryError(description: "\(file): line \(number + 1) needs two fields, name,id: \(line)")
            }
            ids[Self.normalise(fields[0])] = fields[1]
        }
    }

    /// Maps `name` (as written) to `id`.
    public mutating func map(_ name: String, to id: String) {
        ids[Self.normalise(name)] = id
    }

    /// The id of `agency`: the mapped id, else the normalised name (`"(未注明机关)"` when unknown).
    public func id(for agency: String?) -> String {
        guard let agency, !agency.isEmpty else { return "(未注明机关)" }
        let name = Self.normalise(agency)
        return ids[name] ?? name
    }

    /// Removes whitespace and turns full-width brackets into ASCII ones.
    public static func normalise(_ name: String) -> String {
        String(name.unicodeScalars.compactMap { scalar -> Character? in
            if CharacterSet.whitespacesAndNewlines.contains(scalar) { return nil }
            switch scalar {
            case "（": return "("
            case "）": return ")"
            default: return Character(scalar)
            }
        })
    }

    /// A line of the directory file that cannot be read.
    public struct DirectoryError: Error, Sendable, CustomStringConvertible {
        /// What is wrong, naming file and line.
        public var description: String
    }
}
