/// Places the values of request rows whose blank cells left no trace in the text (`pdftotext`,
/// PyMuPDF, lynx, mammoth's Markdown drop an empty cell without a mark), by the table's column
/// rules: rule 1 (`new_received + carried_over = results_total + carried_forward`) and rule 3
/// (`results_total` = the sum of the result rows), per column, with each row's own rule 2.
///
/// Every placement of every such row that keeps rule 2 is tried against the columns; a row is
/// placed only when all the placements of all the rows that satisfy every usable column equation
/// give it the same values. An equation is usable only when each of its rows is known: placed,
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

    /// The values each determined pending row takes, by key; rows left open are absent.
    func solve(pending: [Pending], known: [String: Known]) -> [String: [Int?]] {
        guard !pending.isEmpty else { return [:] }
        // Candidates: increasing slots for the values, rule 2 kept (blanks as 0).
        var candidates: [[[Int?]]] = []
        for row in pending {
            var rows: [[Int?]] = []
            for slots in Self.combinations(width, row.values.count) {
                var cells = [Int?](repeating: nil, count: width)
                for (value, slot) in zip(row.values, slots) { cells[slot] = value }
                let parts = cells.indices.filter { $0 != totalSlot }.reduce(0) { $0 + (cells[$1] ?? 0) }
                if (cells[totalSlot] ?? 0) == parts { rows.append(cells) }
            }
            if rows.isEmpty { return [:] }
            candidates.append(rows)
        }
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
        guard !equations.isEmpty else { return [:] }
        // Per equation: the constant part per column and the pending rows in it.
        var constants: [[Int]] = []
        var members: [[(index: Int, sign: Int)]] = []
        for equation in equations {
            var constant = [Int](repeating: 0, count: width)
            var rows: [(Int, Int)] = []
            for term in equation {
                if let index = pendingIndex[term.key] {
                    rows.append((index, term.sign))
                } else if case .cells(let cells)? = known[term.key] {
                    for column in 0..<width { constant[column] += term.sign * cells[column] }
                }
            }
            constants.append(constant)
            members.append(rows)
        }
        // Rows that appear in no usable equation cannot be checked: not searched, not placed.
        let checked = Set(members.flatMap { $0.map(\.index) })
        // Fewest candidates first, ties by the rows' order: the same search every run.
        let order = checked.sorted { (candidates[$0].count, $0) < (candidates[$1].count, $1) }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        // Each row's least and greatest value per column over its candidates (blank as 0): the
        // rows not chosen yet bound what an equation can still reach.
        let least = candidates.map { rows in (0..<width).map { column in rows.map { $0[column] ?? 0 }.min() ?? 0 } }
        let greatest = candidates.map { rows in (0..<width).map { column in rows.map { $0[column] ?? 0 }.max() ?? 0 } }
        /// `true` while every equation can still hold with the rows chosen up to `depth`.
        func feasible(_ depth: Int) -> Bool {
            for (equation, rows) in members.enumerated() {
                for column in 0..<width {
                    var low = constants[equation][column], high = low
                    for member in rows {
                        guard let at = position[member.index] else { continue }
                        if at <= depth {
                            let value = member.sign * (candidates[member.index][chosen[member.index]][column] ?? 0)
                            low += value
                            high += value
                        } else if member.sign > 0 {
                            low += least[member.index][column]
                            high += greatest[member.index][column]
                        } else {
                            low -= greatest[member.index][column]
                            high -= least[member.index][column]
                        }
                    }
                    if low > 0 || high < 0 { return false }
                }
            }
            return true
        }
        var chosen = [Int](repeating: 0, count: pending.count)
        var agreed: [Int: [Int?]] = [:]
        var open: Set<Int> = []
        var solutions = 0
        var steps = 0
        var exhausted = false
        func search(_ depth: Int) {
            if exhausted { return }
            steps += 1
            if steps > budget {
                exhausted = true
                return
            }
            if depth == order.count {
                solutions += 1
                for index in order where !open.contains(index) {
                    let cells = candidates[index][chosen[index]]
                    if let previous = agreed[index] {
                        if previous != cells { open.insert(index) }
                    } else {
                        agreed[index] = cells
                    }
                }
                return
            }
            let index = order[depth]
            for candidate in candidates[index].indices {
                chosen[index] = candidate
                if feasible(depth) { search(depth + 1) }
            }
        }
        search(0)
        guard !exhausted, solutions > 0 else { return [:] }
        var placed: [String: [Int?]] = [:]
        for index in order where !open.contains(index) {
            if let cells = agreed[index] { placed[pending[index].key] = cells }
        }
        return placed
    }

    /// The increasing `count`-element subsets of `0..<n`.
    static func combinations(_ n: Int, _ count: Int) -> [[Int]] {
        guard count <= n else { return [] }
        if count == 0 { return [[]] }
        var result: [[Int]] = []
        var current: [Int] = []
        func walk(_ start: Int) {
            if current.count == count {
                result.append(current)
                return
            }
            guard start < n, n - start >= count - current.count else { return }
            for next in start..<n {
                current.append(next)
                walk(next + 1)
                current.removeLast()
            }
        }
        walk(0)
        return result
    }
}
