import Testing
@testable import NianbaoRecognizer

/// Request rows whose blank cells left no trace (`pdftotext`, PyMuPDF, lynx): placed only where
/// rules 1 and 3 with the other rows allow one placement.
@Suite("Rows placed by the column rules")
struct ColumnRuleSolverTests {
    /// A 2019-like table cut down to three columns (two parts and 总计) and two result rows.
    let solver = ColumnRuleSolver(width: 3, totalSlot: 2, resultKeys: ["granted", "denied"])

    @Test("a row with a blank cell goes where the columns' sums put it")
    func uniquePlacement() {
        // new 10 20 30, carried 1 2 3, forward 0 0 0; granted [5, —, 5]; denied [6, 22, 28] read as `6 22 28`.
        // Results total [11, 22, 33]: granted `5 5` can only be [5, —, 5].
        let known: [String: ColumnRuleSolver.Known] = [
            "new_received": .cells([10, 20, 30]), "carried_over": .cells([1, 2, 3]),
            "results_total": .cells([11, 22, 33]), "carried_forward": .cells([0, 0, 0]),
            "denied": .cells([6, 22, 28]),
        ]
        let placed = solver.solve(pending: [.init(key: "granted", values: [5, 5])], known: known)
        #expect(placed["granted"] == [5, nil, 5])
    }

    @Test("two rows that could swap their blanks are left open; an unknown row makes its equations unusable")
    func ambiguousOrUnknown() {
        // granted `4 4` and denied `4 4`: [4, —, 4] + [—, 4, 4] or the reverse, both keep the columns.
        let known: [String: ColumnRuleSolver.Known] = [
            "new_received": .cells([4, 4, 8]), "carried_over": .cells([0, 0, 0]),
            "results_total": .cells([4, 4, 8]), "carried_forward": .cells([0, 0, 0]),
        ]
        let placed = solver.solve(pending: [.init(key: "granted", values: [4, 4]), .init(key: "denied", values: [4, 4])], known: known)
        #expect(placed.isEmpty)
        var unknown = known
        unknown["results_total"] = .unknown
        unknown["denied"] = .cells([6, 22, 28])
        #expect(solver.solve(pending: [.init(key: "granted", values: [5, 5])], known: unknown).isEmpty)
    }

    @Test("a row that keeps no placement's row rule is not placed")
    func rowRule() {
        let known: [String: ColumnRuleSolver.Known] = [
            "new_received": .cells([10, 20, 30]), "carried_over": .cells([1, 2, 3]),
            "results_total": .cells([11, 22, 33]), "carried_forward": .cells([0, 0, 0]),
            "denied": .cells([6, 22, 28]),
        ]
        #expect(solver.solve(pending: [.init(key: "granted", values: [5, 7])], known: known).isEmpty)
    }

    @Test("subsets in order")
    func combinations() {
        #expect(ColumnRuleSolver.combinations(4, 2) == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        #expect(ColumnRuleSolver.combinations(2, 3).isEmpty)
    }
}
