import Foundation
import NianbaoModel

/// A table row split into its label cells and its value cells.
struct RowCells {
    struct Label {
        /// What the label says, matched against the variant tables once per distinct text.
        let facts: LabelFacts
        let location: SourceLocation

        /// Key-normalised text.
        var key: String { facts.key }
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

    init(_ row: TableRow, cache: CellFactsCache) {
        location = row.location
        let cells = row.cells.filter { !$0.continuesVerticalMerge }
        // A bare count needs no lookup; any other text is read once per thread (see ``CellFacts``).
        let parsed: [(value: CellValue, label: LabelFacts?)] = cells.map { cell in
            if cell.text.isEmpty { return (.blank, nil) }
            if let plain = CellValue.plainInteger(cell.text) { return (.number(Decimal(plain), unit: nil), nil) }
            let facts = cache.facts(cell.text)
            return (facts.value, facts.label)
        }
        let valuePositions = parsed.indices.filter {
            switch parsed[$0].value {
            case .number, .none, .placeholder: true
            default: false
            }
        }
        let first = valuePositions.first ?? cells.count
        let last = valuePositions.last ?? -1
        labels = cells.indices.compactMap { index -> Label? in
            guard index < first || index > last, let facts = parsed[index].label else { return nil }
            return Label(facts: facts, location: cells[index].location)
        }
        values = first <= last ? (first...last).map { Value(value: parsed[$0].value, raw: cells[$0].text, location: cells[$0].location) } : []
    }

    /// The row key of the rightmost (most specific) label that `match` gives a key for.
    func rowKey(_ match: (Label) -> String?) -> (key: String, label: Label)? {
        for label in labels.reversed() {
            if let key = match(label) { return (key, label) }
        }
        return nil
    }
}
