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
        let placed = solver.solve(pending: [.init(key: "granted", values: [5, 5])], known: known).placed
        #expect(placed["granted"] == .init(cells: [5, nil, 5], open: []))
    }

    @Test("two rows that could swap their blanks are left open; an unknown row makes its equations unusable")
    func ambiguousOrUnknown() {
        // granted `4 4` and denied `4 4`: [4, —, 4] + [—, 4, 4] or the reverse, both keep the columns.
        let known: [String: ColumnRuleSolver.Known] = [
            "new_received": .cells([4, 4, 8]), "carried_over": .cells([0, 0, 0]),
            "results_total": .cells([4, 4, 8]), "carried_forward": .cells([0, 0, 0]),
        ]
        let placed = solver.solve(pending: [.init(key: "granted", values: [4, 4]), .init(key: "denied", values: [4, 4])], known: known).placed
        // Only the 总计 is the same in both: it alone is placed.
        #expect(placed["granted"] == .init(cells: [nil, nil, 4], open: [0, 1]))
        #expect(placed["denied"] == .init(cells: [nil, nil, 4], open: [0, 1]))
        var unknown = known
        unknown["results_total"] = .unknown
        unknown["denied"] = .cells([6, 22, 28])
        let unusable = solver.solve(pending: [.init(key: "granted", values: [5, 5])], known: unknown)
        #expect(unusable.placed.isEmpty)
        #expect(!unusable.inconsistent)
    }

    @Test("a row that keeps no placement's row rule is not placed")
    func rowRule() {
        let known: [String: ColumnRuleSolver.Known] = [
            "new_received": .cells([10, 20, 30]), "carried_over": .cells([1, 2, 3]),
            "results_total": .cells([11, 22, 33]), "carried_forward": .cells([0, 0, 0]),
            "denied": .cells([6, 22, 28]),
        ]
        let broken = solver.solve(pending: [.init(key: "granted", values: [5, 7])], known: known)
        #expect(broken.placed.isEmpty)
        #expect(broken.inconsistent)
    }

    @Test("a column blank in every row can stand anywhere: only each row's 总计 is proven, by its own rule 2")
    func wholeColumnBlank() {
        // 7 columns, 商业企业 blank in every row: the column rules keep the blank column in any
        // of the parts' places, so no part is proven; the 总计 stands last in every placement.
        let wide = ColumnRuleSolver(width: 7, totalSlot: 6, resultKeys: ["granted"])
        let solution = wide.solve(pending: [
            .init(key: "new_received", values: [2655, 3931, 2637, 951448, 2896, 963567]),
            .init(key: "carried_over", values: [67, 163, 230]),
            .init(key: "results_total", values: [2721, 3950, 2637, 951362, 2722, 963392]),
            .init(key: "carried_forward", values: [1, 144, 86, 174, 405]),
        ], known: ["granted": .unknown])
        #expect(solution.placed["new_received"] == .init(cells: [nil, nil, nil, nil, nil, nil, 963567], open: [0, 1, 2, 3, 4, 5]))
        // 上年结转's last three parts are blank in every placement.
        #expect(solution.placed["carried_over"] == .init(cells: [nil, nil, nil, nil, nil, nil, 230], open: [0, 1, 2]))
        #expect(wide.rowAgreement([1, 144, 86, 174, 405]) == .init(cells: [nil, nil, nil, nil, nil, nil, 405], open: [0, 1, 2, 3, 4, 5]))
        #expect(wide.rowAgreement([1, 144, 86, 174, 404]) == nil)
    }
}
