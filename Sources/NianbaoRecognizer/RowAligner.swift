public import Foundation

/// Fits the values found in a damaged row onto the template's columns, using the table's own
/// sum rules to decide where a cell is missing or which cell is extra.
///
/// A row of `n` columns with `m ≠ n` values is repaired only when every placement that keeps the
/// sum rules yields the same row; otherwise it is ambiguous and nothing is guessed.
public struct RowAligner: Sendable {
    /// A sum rule over slot indices: `slots[total] == Σ slots[parts]`.
    public struct SumRule: Sendable, Hashable {
        /// Index of the total slot.
        public var total: Int
        /// Indices of the summed slots.
        public var parts: [Int]

        /// Creates a rule.
        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The outcome of aligning a row.
    public enum Alignment: Sendable, Hashable {
        /// As many values as columns.
        case exact([Decimal?])
        /// Values repaired: `derived` slots were computed from a sum rule (empty when the missing
        /// cell's position differs between placements that all give the same row), `dropped`
        /// says how many extra cells were ignored.
        case repaired([Decimal?], derived: Set<Int>, dropped: Int)
        /// No unique placement exists.
        case ambiguous
    }

    /// How many columns the row has.
    public var slotCount: Int
    /// The sum rules that hold within the row.
    public var rules: [SumRule]
    /// At most this many cells may be missing or extra.
    public var maximumRepair = 2

    /// Creates an aligner.
    public init(slotCount: Int, rules: [SumRule]) {
        self.slotCount = slotCount
        self.rules = rules
    }

    /// Aligns `values` (numbers or `nil` for blank cells) to the row's slots.
    public func align(_ values: [Decimal?]) -> Alignment {
        let difference = values.count - slotCount
        if difference == 0 { return .exact(values) }
        guard abs(difference) <= maximumRepair else { return .ambiguous }
        // Counts are whole numbers: searched with Int arithmetic, which is exact for them as
        // Decimal's is, and many times cheaper. Anything else is searched as Decimal.
        if let integers = Self.smallIntegers(values) {
            guard let (solution, derived) = search(integers, difference: difference) else { return .ambiguous }
            return .repaired(solution.map { $0.map { Decimal($0) } }, derived: derived, dropped: max(difference, 0))
        }
        guard let (solution, derived) = search(values, difference: difference) else { return .ambiguous }
        return .repaired(solution, derived: derived, dropped: max(difference, 0))
    }

    /// The values as Int when every one is a whole number of at most 12 digits (sums of them
    /// cannot overflow); `nil` otherwise.
    private static func smallIntegers(_ values: [Decimal?]) -> [Int?]? {
        var result: [Int?] = []
        result.reserveCapacity(values.count)
        for value in values {
            guard let value else {
                result.append(nil)
                continue
            }
            let integer = NSDecimalNumber(decimal: value).int64Value
            guard abs(integer) < 1_000_000_000_000, Decimal(integer) == value else { return nil }
            result.append(Int(integer))
        }
        return result
    }

    /// The unique placement of `values` that keeps the sum rules, with the slots derived for it
    /// (empty when which cell is missing differs between placements); `nil` when not unique.
    /// Which cells are dropped or missing is a bit mask (`Self.subsets`): no array or set is built
    /// per candidate (arrays of index arrays and sets per candidate were most of `assign`'s time
    /// in issue 24's text profile).
    private func search<Number: SignedNumeric & Comparable & Hashable>(_ values: [Number?], difference: Int) -> ([Number?], Set<Int>)? {
        guard values.count <= 62, slotCount <= 62 else { return nil }
        // The first placement found, and the slots derived for it over every way it was reached;
        // a second, different placement ends the search: the row is ambiguous. (Gathering every
        // placement in a set of arrays first was half of `RowAligner`'s time, issue 24's profile.)
        var only: [Number?]?
        var derivedForOnly: UInt64 = 0
        var candidate: [Number?] = []
        candidate.reserveCapacity(slotCount)
        if difference > 0 {
            // The slots from which the placement's values moved left of their counted positions
            // (the first dropped cell's; the latest, when several drops give the same row).
            var movedFrom = 0
            var ambiguous = false
            Self.subsets(of: values.count, size: difference) { dropped in
                candidate.removeAll(keepingCapacity: true)
                for (offset, value) in values.enumerated() where dropped & (1 << UInt64(offset)) == 0 { candidate.append(value) }
                guard holdsRules(candidate) else { return true }
                if let only {
                    guard only == candidate else { ambiguous = true; return false }
                } else {
                    only = candidate
                }
                movedFrom = max(movedFrom, dropped.trailingZeroBitCount)
                return true
            }
            if ambiguous { return nil }
            // The only placement, but a value it moved stands where no complete rule checks it.
            if let only, !movedValuesChecked(only, from: movedFrom) { return nil }
        } else {
            var ambiguous = false
            Self.subsets(of: slotCount, size: -difference) { gaps in
                candidate.removeAll(keepingCapacity: true)
                var next = 0
                for slot in 0..<slotCount {
                    if gaps & (1 << UInt64(slot)) != 0 {
                        candidate.append(nil)
                    } else {
                        candidate.append(next < values.count ? values[next] : nil)
                        next += 1
                    }
                }
                guard let derived = solve(&candidate, unknown: gaps), holdsRules(candidate) else { return true }
                if let only {
                    guard only == candidate else { ambiguous = true; return false }
                    derivedForOnly |= derived
                } else {
                    only = candidate
                    derivedForOnly = derived
                }
                return true
            }
            if ambiguous { return nil }
        }
        guard let only else { return nil }
        let missing = max(-difference, 0)
        guard derivedForOnly.nonzeroBitCount == missing else { return (only, []) }
        return (only, Set((0..<slotCount).filter { derivedForOnly & (1 << UInt64($0)) != 0 }))
    }

    /// Calls `body` with every set of `size` of the indices `0..<count` as a bit mask, in
    /// increasing order of the masks, until `body` returns `false`.
    private static func subsets(of count: Int, size: Int, _ body: (UInt64) -> Bool) {
        guard size >= 0, size <= count, count <= 62 else { return }
        guard size > 0 else {
            _ = body(0)
            return
        }
        var mask: UInt64 = (1 << UInt64(size)) - 1
        let limit: UInt64 = 1 << UInt64(count)
        while mask < limit {
            if !body(mask) { return }
            // The next larger mask with as many bits set (Gosper's hack).
            let lowest = mask & (~mask &+ 1)
            let ripple = mask &+ lowest
            mask = ripple | (((mask ^ ripple) >> 2) / lowest)
        }
    }

    /// For a row of fewer values than slots, given in their order with blank cells dropped: the
    /// cells that every placement keeping the sum rules (a blank counted as 0) gives the same
    /// value or blank, with the slots where placements differ as `open` (`nil` in `cells`).
    /// `nil` when no placement keeps the rules, more than `maximumMissing` cells are missing, or
    /// every slot is open. Every choice of blank slots is tried (20 slots at most), in Int
    /// arithmetic when the values are whole numbers.
    public func agreement(_ values: [Decimal], maximumMissing: Int = 4) -> (cells: [Decimal?], open: Set<Int>)? {
        let missing = slotCount - values.count
        guard missing > 0, missing <= maximumMissing, slotCount <= 20 else { return nil }
        if let integers = Self.smallIntegers(values) {
            guard let (cells, open) = agreementSearch(integers.compactMap { $0 }, missing: missing) else { return nil }
            return (cells.map { $0.map { Decimal($0) } }, open)
        }
        return agreementSearch(values, missing: missing)
    }

    /// ``agreement(_:maximumMissing:)``'s search: every set of `missing` blank slots, as a bit mask.
    private func agreementSearch<Number: SignedNumeric & Comparable & Hashable>(_ values: [Number], missing: Int) -> ([Number?], Set<Int>)? {
        var agreed: [Number?]?
        var open: Set<Int> = []
        var cells = [Number?](repeating: nil, count: slotCount)
        var everyCellOpen = false
        Self.subsets(of: slotCount, size: missing) { gaps in
            var next = 0
            for slot in 0..<slotCount {
                if gaps & (1 << UInt64(slot)) != 0 {
                    cells[slot] = nil
                } else {
                    cells[slot] = values[next]
                    next += 1
                }
            }
            let keeps = rules.allSatisfy { rule in
                (cells[rule.total] ?? .zero) == rule.parts.reduce(Number.zero) { $0 + (cells[$1] ?? .zero) }
            }
            guard keeps else { return true }
            if let agreed {
                for slot in 0..<slotCount where agreed[slot] != cells[slot] { open.insert(slot) }
                if open.count == slotCount { everyCellOpen = true; return false }
            } else {
                agreed = cells
            }
            return true
        }
        if everyCellOpen { return nil }
        guard var cells = agreed, open.count < slotCount else { return nil }
        for slot in open { cells[slot] = nil }
        return (cells, open)
    }

    /// Whether every value from slot `first` on, each moved left of its counted position by a
    /// dropped cell, stands in a sum rule whose slots are all known (and hold, ``holdsRules(_:)``
    /// checked): its new column is then proven by the arithmetic. A value moved into a rule with a
    /// blank slot is proven by nothing (`113` / `8`, a 总计 wrapped over two lines, read as two
    /// cells: dropping `113` puts `8` under a group whose other cells are blank marks).
    private func movedValuesChecked<Number>(_ slots: [Number?], from first: Int) -> Bool {
        guard first < slots.count else { return true }
        for slot in first..<slots.count where slots[slot] != nil {
            let checked = rules.contains { rule in
                (rule.total == slot || rule.parts.contains(slot))
                    && slots[rule.total] != nil && rule.parts.allSatisfy { slots[$0] != nil }
            }
            if !checked { return false }
        }
        return true
    }

    /// Every sum rule whose slots are all known holds.
    public func consistent(_ slots: [Decimal?]) -> Bool {
        holdsRules(slots)
    }

    /// Every sum rule whose slots are all known holds.
    private func holdsRules<Number: SignedNumeric & Comparable & Hashable>(_ slots: [Number?]) -> Bool {
        for rule in rules {
            guard let total = slots[rule.total] else { continue }
            var sum = Number.zero
            var complete = true
            for part in rule.parts {
                guard let value = slots[part] else {
                    complete = false
                    break
                }
                sum += value
            }
            if complete, sum != total { return false }
        }
        return true
    }

    /// Fills the unknown slots (bits of `unknown`) that a sum rule determines, in place; returns
    /// the slots derived, as a bit mask. A derived part must not be negative: a placement that
    /// needs one is impossible (`nil`), not a placement with a gap.
    private func solve<Number: SignedNumeric & Comparable & Hashable>(_ slots: inout [Number?], unknown: UInt64) -> UInt64? {
        var derived: UInt64 = 0
        var progress = true
        while progress {
            progress = false
            for rule in rules {
                // The rule's one unknown member (total first, then the parts; a slot counted as
                // often as it stands in the rule), found without building the member list.
                var missingCount = slots[rule.total] == nil ? 1 : 0
                var slot = rule.total
                for part in rule.parts where slots[part] == nil {
                    missingCount += 1
                    if missingCount == 1 { slot = part }
                }
                guard missingCount == 1, unknown & (1 << UInt64(slot)) != 0 else { continue }
                let partsSum = rule.parts.reduce(Number.zero) { $0 + (slots[$1] ?? .zero) }
                if slot == rule.total {
                    slots[slot] = partsSum
                } else {
                    let value = (slots[rule.total] ?? .zero) - partsSum
                    guard value >= .zero else { return nil }
                    slots[slot] = value
                }
                derived |= 1 << UInt64(slot)
                progress = true
            }
        }
        return derived
    }

}
