import Foundation

/// Places the values of request rows whose blank cells left no trace in the text (`pdftotext`,
/// PyMuPDF, lynx, mammoth's Markdown drop an empty cell without a mark), by the table's column
/// rules: rule 1 (`new_received + carried_over = results_total + carried_forward`) and rule 3
/// (`results_total` = the sum of the result rows), per column, with each row's own rule 2.
///
/// Every placement of every such row that keeps rule 2 is tried against the columns; a cell is
/// placed only when all the placements of all the rows that satisfy every usable column equation
/// give it the same value (or leave it blank): the others stay null. An equation is usable only when each of its rows is known: placed,
/// one of these rows, or a row whose label stands in the table with no value (blank). Whole
/// numbers only; the search stops (and places nothing) past a fixed number of steps.
struct ColumnRuleSolver {
    /// A row to place: its values in the text's order.
    struct Pending {
        var key: String
        var values: [Int]
    }

    /// What is known of a row besides the pending ones.
    enum Known {
        /// Placed: its cells (blank as 0).
        case cells([Int])
        /// Not known (read as nothing certain): equations with it are not used.
        case unknown
    }

    let width: Int
    let totalSlot: Int
    /// The row keys of rule 3's sum (the result rows).
    let resultKeys: [String]
    /// The steps the search may take.
    var budget = 200_000

    /// A pending row as the column rules place it: its cells (blank as `nil`), and the columns
    /// whose cell differs between the placements that keep every rule (not proven: `nil` in
    /// `cells` there).
    struct Placement: Equatable {
        var cells: [Int?]
        var open: Set<Int>
    }

    /// What the search found.
    struct Solution {
        /// The cells of each pending row that every placement keeping the rules gives the same
        /// value (or blank), by key; rows with no such cell are absent.
        var placed: [String: Placement] = [:]
        /// `true` when the whole search ran and no placement keeps every rule: the rows' values,
        /// in their order, do not fit the table (a rule the source breaks, or a text out of order).
        var inconsistent = false
    }

    /// The cells of each pending row that every placement keeping the rules gives the same value
    /// (or blank).
    ///
    /// The search goes column by column: in each column every row either has a blank there or its
    /// next value, and the column's equations must hold before the next column is tried (a row's
    /// values stay in their order, so its blanks are where it skips a column). Rule 2 of each row
    /// is checked once all columns are set.
    func solve(pending: [Pending], known: [String: Known]) -> Solution {
        guard !pending.isEmpty, pending.allSatisfy({ $0.values.count <= width }) else { return Solution() }
        // Equations: coefficient per row key (+1 / -1), usable when no row is unknown.
        var equations: [[(key: String, sign: Int)]] = []
        equations.append([("results_total", 1)] + resultKeys.map { ($0, -1) })
        equations.append([("new_received", 1), ("carried_over", 1), ("results_total", -1), ("carried_forward", -1)])
        let pendingIndex = Dictionary(uniqueKeysWithValues: pending.enumerated().map { ($1.key, $0) })
        equations = equations.filter { equation in
            equation.allSatisfy { term in
                if pendingIndex[term.key] != nil { return true }
                if case .cells = known[term.key] { return true }
                return false
            }
        }
        guard !equations.isEmpty else { return Solution() }
        // Per equation: the constant part per column; per pending row: its equations and signs.
        var constants: [[Int]] = []
        var terms = [[(equation: Int, sign: Int)]](repeating: [], count: pending.count)
        for (number, equation) in equations.enumerated() {
            var constant = [Int](repeating: 0, count: width)
            for term in equation {
                if let index = pendingIndex[term.key] {
                    terms[index].append((number, term.sign))
                } else if case .cells(let cells)? = known[term.key] {
                    for column in 0..<width { constant[column] += term.sign * cells[column] }
                }
            }
            constants.append(constant)
        }
        // Rows that appear in no usable equation cannot be checked: not searched, not placed.
        // The others in the rows' order: the same search every run.
        let order = pending.indices.filter { !terms[$0].isEmpty }
        guard !order.isEmpty else { return Solution() }
        let blanksAllowed = pending.map { width - $0.values.count }

        var blanks = [Int](repeating: 0, count: pending.count)
        var cells = [[Int?]](repeating: [Int?](repeating: nil, count: width), count: pending.count)
        var sums = [Int](repeating: 0, count: equations.count)
        var agreed: [Int: [Int?]] = [:]
        var open = [Set<Int>](repeating: [], count: pending.count)
        var openCount = 0
        var solutions = 0
        var steps = 0
        var stopped = false

        /// What row `index` may hold in `column`: its next value (if any is left) and a blank
        /// (if it may skip one more column).
        func options(_ index: Int, _ column: Int) -> (value: Int?, blank: Bool) {
            let used = column - blanks[index]
            let value = used < pending[index].values.count ? pending[index].values[used] : nil
            return (value, blanks[index] < blanksAllowed[index])
        }
        func finish() {
            for index in order {
                let parts = (0..<width).filter { $0 != totalSlot }.reduce(0) { $0 + (cells[index][$1] ?? 0) }
                if (cells[index][totalSlot] ?? 0) != parts { return }
            }
            solutions += 1
            for index in order {
                guard let previous = agreed[index] else {
                    agreed[index] = cells[index]
                    continue
                }
                for column in 0..<width where previous[column] != cells[index][column] && open[index].insert(column).inserted {
                    openCount += 1
                }
            }
            // Every cell open: nothing more can be placed.
            if openCount == order.count * width { stopped = true }
        }
        /// Gives row `index` its next value (`value`) or a blank in `column`, and takes it back.
        func set(_ index: Int, _ column: Int, value: Bool) {
            if value {
                let number = options(index, column).value ?? 0
                cells[index][column] = number
                for term in terms[index] { sums[term.equation] += term.sign * number }
            } else {
                cells[index][column] = nil
                blanks[index] += 1
            }
        }
        func unset(_ index: Int, _ column: Int, value: Bool) {
            if value {
                let number = cells[index][column] ?? 0
                for term in terms[index] { sums[term.equation] -= term.sign * number }
            } else {
                blanks[index] -= 1
            }
            cells[index][column] = nil
        }
        /// Counts a step; `false` (and the search stopped, nothing placed) past the budget.
        func step(_ count: Int = 1) -> Bool {
            steps += count
            if steps > budget {
                stopped = true
                solutions = 0
            }
            return !stopped
        }
        /// One column: rows with one choice take it; of the others, those in all equations but
        /// the last (the one with most such rows) are tried every way, and for each way the
        /// subsets of the rest that close the last equation are found by halves (meet in the
        /// middle); each way that closes every equation goes on to the next column.
        func searchColumn(_ column: Int) {
            if stopped { return }
            if column == width {
                finish()
                return
            }
            for (number, constant) in constants.enumerated() { sums[number] = constant[column] }
            var forced: [(index: Int, value: Bool)] = []
            var free: [Int] = []
            defer { for (index, value) in forced.reversed() { unset(index, column, value: value) } }
            for index in order {
                let choice = options(index, column)
                if choice.value != nil && choice.blank {
                    free.append(index)
                } else if choice.value != nil || choice.blank {
                    set(index, column, value: choice.value != nil)
                    forced.append((index, choice.value != nil))
                } else {
                    return
                }
            }
            let memberCounts = constants.indices.map { equation in free.filter { terms[$0].contains { $0.equation == equation } }.count }
            let last = memberCounts.indices.max { (memberCounts[$0], -$0) < (memberCounts[$1], -$1) } ?? 0
            let early = free.filter { terms[$0].contains { $0.equation != last } }
            let late = free.filter { !early.contains($0) }
            guard early.count <= 12, late.count <= 40 else {
                _ = step(budget + 1)
                return
            }
            let lateSign = late.map { index in terms[index].first { $0.equation == last }?.sign ?? 0 }
            for mask in 0..<(1 << early.count) {
                guard step() else { return }
                for (bit, index) in early.enumerated() { set(index, column, value: mask & (1 << bit) != 0) }
                defer { for (bit, index) in early.enumerated().reversed() { unset(index, column, value: mask & (1 << bit) != 0) } }
                guard sums.indices.allSatisfy({ $0 == last || sums[$0] == 0 }) else { continue }
                // The late rows' contributions when they take their value (a blank adds 0).
                let contributions = late.indices.map { lateSign[$0] * (options(late[$0], column).value ?? 0) }
                let half = late.count / 2
                var rightSums: [Int: [Int]] = [:]
                let rightCount = late.count - half
                guard step(1 << rightCount) else { return }
                for right in 0..<(1 << rightCount) {
                    var sum = 0
                    for bit in 0..<rightCount where right & (1 << bit) != 0 { sum += contributions[half + bit] }
                    rightSums[sum, default: []].append(right)
                }
                for left in 0..<(1 << half) {
                    guard step() else { return }
                    var sum = sums[last]
                    for bit in 0..<half where left & (1 << bit) != 0 { sum += contributions[bit] }
                    for right in rightSums[-sum] ?? [] {
                        guard step() else { return }
                        let chosen = left | (right << half)
                        for (bit, index) in late.enumerated() { set(index, column, value: chosen & (1 << bit) != 0) }
                        let saved = sums
                        searchColumn(column + 1)
                        sums = saved
                        for (bit, index) in late.enumerated().reversed() { unset(index, column, value: chosen & (1 << bit) != 0) }
                        if stopped { return }
                    }
                }
            }
        }
        searchColumn(0)
        guard solutions > 0 else { return Solution(inconsistent: !stopped) }
        var placed: [String: Placement] = [:]
        for index in order where open[index].count < width {
            guard var cells = agreed[index] else { continue }
            for column in open[index] { cells[column] = nil }
            placed[pending[index].key] = Placement(cells: cells, open: open[index])
        }
        return Solution(placed: placed)
    }

    /// The cells of a row of `values` (in their order, blank cells dropped) that every placement
    /// keeping the row's rule 2 (a blank as 0) gives the same value or blank, with the rest open;
    /// `nil` when no placement keeps it or every cell differs. With every part non-zero that is
    /// the 总计 alone.
    func rowAgreement(_ values: [Int]) -> Placement? {
        let aligner = RowAligner(slotCount: width, rules: [RowAligner.SumRule(total: totalSlot, parts: (0..<width).filter { $0 != totalSlot })])
        guard let agreement = aligner.agreement(values.map { Decimal($0) }, maximumMissing: width) else { return nil }
        return Placement(cells: agreement.cells.map { $0.map { NSDecimalNumber(decimal: $0).intValue } }, open: agreement.open)
    }
}
