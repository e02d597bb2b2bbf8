import Foundation
import NianbaoModel

/// A table row split into its label cells and its value cells.
struct RowCells {
    struct Label {
        let key: String       // key-normalised text
        let stripped: String  // key without a leading enumerator
        let location: SourceLocation
        /// The part 二 row rule this label matches, matched once here: every table's labels are
        /// tried against it when tables are assigned to parts, and again when rows are read.
        let activeRow: String?
        /// The part 三 row rule this label matches, matched once here for the same reason.
        let requestRow: String?

        init(key: String, location: SourceLocation) {
            self.key = key
            self.location = location
            stripped = LabelText.splitEnumerator(key).rest
            activeRow = LabelVariants.firstMatch(LabelVariants.activeRows, stripped)
            requestRow = LabelVariants.firstMatch(LabelVariants.requestRows, stripped)
        }
    }

    struct Value {
        let value: CellValue
        let raw: String
        let location: SourceLocation
    }

    let labels: [Label]
    let values: [Value]
    let location: SourceLocation

    /// `true` when the row has at least one number, `无`, or placeholder.
    var hasValues: Bool { !values.isEmpty }

    init(_ row: TableRow) {
        location = row.location
        let cells = row.cells.filter { !$0.continuesVerticalMerge }
        let parsedWithKeys = cells.map { CellValue.parseKeyed($0.text) }
        let parsed = parsedWithKeys.map(\.value)
        let valuePositions = parsed.indices.filter {
            switch parsed[$0] {
            case .number, .none, .placeholder: true
            default: false
            }
        }
        let first = valuePositions.first ?? cells.count
        let last = valuePositions.last ?? -1
        labels = cells.indices.compactMap { index -> Label? in
            guard index < first || index > last, case .text = parsed[index] else { return nil }
            let key = parsedWithKeys[index].key ?? LabelText.key(cells[index].text)
            return Label(key: key, location: cells[index].location)
        }
        values = first <= last ? (first...last).map { Value(value: parsed[$0], raw: cells[$0].text, location: cells[$0].location) } : []
    }

    /// The row key of the rightmost (most specific) label that a rule matches.
    func rowKey(_ rules: [LabelRule]) -> (key: String, label: Label)? {
        rowKey { LabelVariants.firstMatch(rules, $0.stripped) }
    }

    /// The row key of the rightmost (most specific) label that `match` gives a key for.
    func rowKey(_ match: (Label) -> String?) -> (key: String, label: Label)? {
        for label in labels.reversed() {
            if let key = match(label) { return (key, label) }
        }
        return nil
    }

    /// Every label text joined, for signal matching.
    var allLabelText: String { labels.map(\.key).joined(separator: "|") }
}
