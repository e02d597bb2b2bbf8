import Foundation
import Testing
import NianbaoModel
@testable import NianbaoValidator

/// The validator reads cells by position when a report's tables have the template's layout; the
/// findings must be those of the by-key rules, in the same order, with the same texts.
@Suite("Validator by position")
struct ValidatorLayoutTests {
    /// `report` with random values (whole, fractional, negative, missing) in every cell.
    private static func scrambled(_ template: TemplateVersion, seed: UInt64) -> Report {
        var generator = SplitMix(state: seed)
        var report = ValidatorTests.consistentReport(template)
        for table in ReportTable.allCases {
            for (row, column, _) in report[table].allCells {
                switch generator.next() % 10 {
                case 0: report[table][row, column] = nil
                case 1: report[table][row, column] = -Decimal(Int(generator.next() % 5))
                case 2: report[table][row, column] = Decimal(Int(generator.next() % 50)) / 4
                case 3: report[table][row, column] = Decimal(sign: .plus, exponent: 2, significand: Decimal(Int(generator.next() % 9)))
                case 4, 5: break
                default: report[table][row, column] = Decimal(Int(generator.next() % 4))
                }
            }
        }
        report.valueLocations["requests.carried_forward.total"] = .line(214)
        report.valueLocations["requests.granted.total"] = SourceLocation(table: 2, row: 4, cell: 8)
        return report
    }

    /// A small deterministic generator, so a failure can be replayed.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random reports: the same findings as the by-key rules", arguments: [TemplateVersion.v2019, .v2021])
    func sameFindings(template: TemplateVersion) throws {
        let layout = try #require(Validator.Layout.of(template))
        var breaks = 0
        for seed in 0..<300 as Range<UInt64> {
            let report = Self.scrambled(template, seed: seed)
            #expect(layout.matches(report))
            let fast = Validator.check(report)
            #expect(fast == Validator.checkByKeys(report), "seed \(seed)")
            breaks += fast.count
        }
        #expect(breaks > 1_000)
    }

    @Test("the samples and a consistent report: the same findings as the by-key rules", arguments: [TemplateVersion.v2019, .v2021, .unknown])
    func consistent(template: TemplateVersion) {
        let report = ValidatorTests.consistentReport(template)
        #expect(Validator.check(report) == Validator.checkByKeys(report))
    }

    @Test("a table laid out otherwise falls back to the by-key rules")
    func otherLayout() {
        var report = Self.scrambled(.v2019, seed: 7)
        let layout = Validator.Layout.of(.v2019)
        report.requests.rows.swapAt(0, 1)
        #expect(layout?.matches(report) == false)
        #expect(Validator.check(report) == Validator.checkByKeys(report))
        report = Self.scrambled(.v2019, seed: 8)
        report.reviewLitigation.rows[0].cells.removeLast()
        #expect(layout?.matches(report) == false)
        #expect(Validator.check(report) == Validator.checkByKeys(report))
    }

    @Test("whole numbers, by exponent or by rounding")
    func whole() throws {
        #expect(Validator.isWhole(Decimal(sign: .plus, exponent: 3, significand: 7)))
        #expect(Validator.isWhole(try #require(Decimal(string: "5.0"))))
        #expect(Validator.isWhole(-12))
        #expect(!Validator.isWhole(try #require(Decimal(string: "5.25"))))
        #expect(!Validator.isWhole(try #require(Decimal(string: "-0.5"))))
    }
}
