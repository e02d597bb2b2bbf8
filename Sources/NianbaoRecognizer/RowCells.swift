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
        // One pass over the cells (vertical-merge continuations skipped): each read as a value;
        // a bare count needs no lookup, any other text is read once per thread (see ``CellFacts``).
        let cells = row.cells
        var kept: [(index: Int, value: CellValue, label: LabelFacts?)] = []
        kept.reserveCapacity(cells.count)
        var first = -1, last = -1
        for index in cells.indices where !cells[index].continuesVerticalMerge {
            let text = cells[index].text
            let value: CellValue, label: LabelFacts?
            if text.isEmpty {
                (value, label) = (.blank, nil)
            } else if let plain = CellValue.plainInteger(text) {
                (value, label) = (.number(Decimal(plain), unit: nil), nil)
            } else {
                let facts = cache.facts(text)
                (value, label) = (facts.value, facts.label)
            }
            switch value {
            case .number, .none, .placeholder:
                if first < 0 { first = kept.count }
                last = kept.count
            default:
                break
            }
            kept.append((index, value, label))
        }
        if first < 0 { first = kept.count }
        var labels: [Label] = []
        for position in kept.indices where position < first || position > last {
            if let facts = kept[position].label { labels.append(Label(facts: facts, location: cells[kept[position].index].location)) }
        }
        self.labels = labels
        values = first <= last ? kept[first...last].map { Value(value: $0.value, raw: cells[$0.index].text, location: cells[$0.index].location) } : []
    }

    /// The row key of the rightmost (most specific) label that `match` gives a key for.
    func rowKey(_ match: (Label) -> String?) -> (key: String, label: Label)? {
        for label in labels.reversed() {
            if let key = match(label) { return (key, label) }
        }
        return nil
    }
}
